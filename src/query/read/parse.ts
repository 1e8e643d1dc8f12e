/**
 * Question → frame, as an ordered pipeline: normalise; years; cut into tokens that explain every character;
 * correct pinyin typos of known words and names; names (bodies, places, bodies not on file); table words and
 * cues; what is left is unknown. Pure: (text, lexicon, clock) → Frame.
 */
import type { NameEntry } from '../bodies.js';
import { emptyFrame, type Entry, type Frame } from '../frame.js';
import { normalizeQuestion } from '../../domain/normalText.js';
import {
  CUE_TOPICS, NOUN_ENDS, SCOPE_LEVEL, TABLE_TOPICS, TOPIC_TERMS, TIER_OF, UNIT_NOUNS, UNITS, type Cue, type Word,
} from '../words/index.js';
import { decideIntent } from './intent.js';
import type { Lexicon } from './lexicon.js';
import { applyNames, readNames } from './names.js';
import { segment, type Token } from './segment.js';
import { correctTypos } from './typos.js';
import { carriedFrom, carriedInto } from './carry.js';
import { claimOf, verifies } from './claim.js';
import { deniesFigure } from './negation.js';
import { pairedApart } from './pairs.js';
import { readShare } from './share.js';
import { readWords } from './words.js';
import { findYears } from './years.js';

const SUBYEAR = /(?<!\d)(1[0-2]|[1-9])月(?!\d*日)|[一二三四五六七八九十]{1,2}月份?|上半年|下半年|季度/;
export const WANTS_NUMBER = /多少|几|数量|数目|总数|是多少|有多|金额|量/;
const UNIT_ASKED = /(?:多少|几)(万元|人次|万条|万次|元|件|条|篇|次|个|期|场|份|项|人|家|宗|起|万)/;
/** Cues of a question over many bodies: a place named beside them is a region (a tier or a scope as well). */
const AGGREGATE_CUES = ['all_bodies', 'which', 'rank'];
const aggregateCue = (id: Cue) => AGGREGATE_CUES.includes(id) || !!TIER_OF[id] || !!SCOPE_LEVEL[id];
const FEWEST = /谁.*(?<!多)少|哪个.*(?<!多)少|哪.*最少|谁.*低|哪个.*低|倒数|从低到高|由低到高|从少到多|升序/;
const MOST = /谁.*多|哪个.*多|谁.*高|哪个.*高|最多|最高|从高到低|由高到低|从多到少|降序/;
const UNIT_NOUN = new RegExp(`(${Object.keys(UNIT_NOUNS).join('|')})(?:是|有|为|共|一共|总共|累计)?(?:多少|几)`);
const RANK_DESC: Word = { k: 'cue', id: 'rank_desc' };
const CARRIED_FORWARD: Word = { k: 'metric', id: 'applications.carried_forward' };
const CARRIED_OVER: Word = { k: 'metric', id: 'applications.carried_over' };
const CARRIED_FORWARD_ID = 'applications.carried_forward';
const RANK: Word = { k: 'cue', id: 'rank' };
const RANK_ASC: Word = { k: 'cue', id: 'rank_asc' };
/** Words asking for a group's parts (原因, 情形): with 最多 they order the parts. */
const BREAKDOWN = /原因|情形|理由|构成|哪一?项|哪一?种|哪一?类/;
const RANKS_BODIES: string[] = ['rank', 'rank_desc', 'rank_asc', 'which', 'position'];
const EACH: Word = { k: 'cue', id: 'each' };
const BREAKDOWN_CUE: Word = { k: 'cue', id: 'breakdown' };
const QUOTED = /[“"「『‘]([^”"」』’]{2,30})[”"」』’]/g;

type Tok = Token<Entry>;
const wordsOf = (t: Tok): Word[] => t.entries.filter((e): e is Word => e.k !== 'body' && e.k !== 'place');
const isNameTok = (t: Tok) => t.entries.some((e) => e.k === 'body' || e.k === 'place');

export interface Parsed { frame: Frame; tooLong?: number }

function tokenize(text: string, lex: Lexicon) {
  let years = findYears(text);
  let tokens = segment(text, lex.forText(text), years);
  const unknown = tokens.filter((t) => t.kind === 'unknown');
  const fixed = unknown.length ? correctTypos(text, unknown, lex.typos) : { text, guesses: [] };
  if (fixed.guesses.length) {
    years = findYears(fixed.text);
    tokens = segment(fixed.text, lex.forText(fixed.text), years);
  }
  return { text: fixed.text, tokens: joinTails(tokens), guesses: fixed.guesses, years };
}

/** 行政复议总数和纠正数: 总数 right after a group of table 四 is its column 总计, not a sum asked (一共 is one). */
const GROUP_TOTAL = new Set(['总数', '总计', '总件数', '总量']);
function groupTotals(tokens: Tok[]): Word[] {
  let last: Word | undefined;
  return tokens.flatMap((t) => wordsOf(t).map((w) => {
    const total = w.k === 'cue' && w.id === 'sum' && last?.k === 'rgroup' && GROUP_TOTAL.has(t.text);
    if (w.k !== 'filler') last = w;
    return total ? { k: 'rcol', id: 'total' } as Word : w;
  }));
}

/** Words that name a figure of the tables (a row, a column, a rate). */
const FIGURE_WORDS = new Set<string>(['metric', 'col', 'ratio', 'rgroup', 'rcol', 'doc', 'docop']);
const HAN = /^[\u4e00-\u9fff]+$/;
const isTail = (t: Tok) => t.kind === 'word' && NOUN_ENDS.includes(t.text) && t.entries.every((e) => e.k === 'filler');
/**
 * 编发扶贫简报多少期: a filler that also ends nouns (报), right after an unknown word, ends that word; right before
 * one (网站有多少个栏目: 栏 and 目), it starts it.
 */
function joinTails(tokens: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    const filler = isTail(t);
    if (filler && last?.kind === 'unknown' && last.text.length >= 2 && HAN.test(last.text + t.text)) {
      out[out.length - 1] = { ...last, end: t.end, text: last.text + t.text };
    } else if (t.kind === 'unknown' && last && isTail(last) && HAN.test(last.text + t.text)) {
      out[out.length - 1] = { ...t, start: last.start, text: last.text + t.text };
    } else out.push(t);
  }
  return out;
}

export function parseQuestion(question: string, lex: Lexicon, now: Date): Parsed {
  const norm = normalizeQuestion(question);
  if (norm.tooLong) return { frame: emptyFrame(''), tooLong: norm.length };
  const { text, tokens, guesses, years } = tokenize(norm.text, lex);
  const f = emptyFrame(text);
  f.trace.push(...tokens.map((t) =>
    `${t.text}:${t.kind === 'word' ? [...new Set(t.entries.map((e) => e.k))].join('/') : t.kind}`));
  // 转到2025年的申请: 2025 is the year carried into; the report is the year before, unless another is named
  const carrying = tokens.some((t) => t.entries.some((e) => e.k === 'metric' && e.id === CARRIED_FORWARD_ID));
  const into = carriedInto(text, tokens, carrying);
  const others = years.filter((y) => !into.includes(y));
  if (into.length && !others.some((y) => y.years?.length || y.range)) f.years.push(...into.map((y) => y.years![0] - 1));
  // 从2023年转过来的申请: 2023 is the year carried from; the report is of 2024, its 上年结转
  const from = carriedFrom(text, tokens);
  const carry: Word[] = [...(into.length ? [CARRIED_FORWARD] : []), ...(from.length ? [CARRIED_OVER] : [])];
  for (const y of others) {
    if (y.years) f.years.push(...y.years.map((n) => (from.includes(y) ? n + 1 : n)));
    if (y.range) f.range = y.range;
    if (y.lastN) f.lastN = y.lastN;
    if (y.count) f.topN = y.count;
    if (y.nth) f.nth = y.nth;
  }
  // 前5名 asks for the first five: a ranking from the top, as the words 前三, 前十 say
  const fromTop: Word[] = years.some((y) => y.count && text.startsWith('前', y.start)) ? [RANK_DESC] : [];
  // 排名第二的是谁: a place of a ranking asks for the ranking
  if (f.nth) fromTop.push(RANK);
  const nthOrder = years.find((y) => y.nthOrder)?.nthOrder;
  if (nthOrder) fromTop.push(nthOrder === 'asc' ? RANK_ASC : RANK_DESC);
  let cueWords = [...tokens.filter((t) => !isNameTok(t)).flatMap(wordsOf), ...fromTop];
  const anyExact = tokens.some((t) =>
    t.entries.some((e) => e.k === 'body' && !(e as NameEntry & { k: 'body' }).placeOnly));
  // 不予公开里最多的原因: 最多 orders a group's reasons (its rows), not the bodies of a place
  const ofGroup = BREAKDOWN.test(text) && cueWords.some((w) => w.k === 'metric' && w.id.startsWith('group.'));
  // 不予公开里哪个理由最多, …的理由排名: the group's rows in order (its breakdown), not bodies ranked
  const ordersRows = (ws: Word[]): Word[] => (ofGroup
    ? [...ws.filter((w) => !(w.k === 'cue' && RANKS_BODIES.includes(w.id))), EACH] : ws);
  cueWords = ordersRows(cueWords);
  // 其中最多的是哪一项 with no group named: a follow-up may order the chat's group (context.ts)
  const breakdown = BREAKDOWN.test(text) && !ofGroup ? [BREAKDOWN_CUE] : [];
  // 番禺排第几: the place is the body whose place in the ranking is asked, not the region ranked
  // 番禺占全部单位的比例: likewise, the body whose share is asked
  // 番禺在全市排第几, 番禺全国排名: a place below the scope's level is the body ranked, not the region
  // 洪泽哪一年收到申请最多: likewise, the body whose years are ordered
  const position = cueWords.some((w) => (w.k === 'cue' && (w.id === 'position' || w.id === 'which_year'))
    || (w.k === 'ratio' && w.id === 'share')) || belowScope(tokens, cueWords);
  const ranked = cueWords.some((w) => w.k === 'cue' && (w.id === 'rank_desc' || w.id === 'rank_asc'));
  // 广东省2024年平均收到多少申请: an average of one year is over the place's bodies (of several years, 年均, over
  // the body's years)
  const overBodies = cueWords.some((w) => w.k === 'cue' && w.id === 'average') && !f.range && !f.lastN
    && new Set(f.years).size <= 1 && !cueWords.some((w) => w.k === 'cue' && w.id === 'average_years');
  const aggregate = !position && (cueWords.some((w) => w.k === 'cue' && aggregateCue(w.id))
    || (!anyExact && !ofGroup && ranked) || overBodies);
  const names = readNames(tokens, lex.bodies, aggregate, position);
  applyNames(f, names);
  // a guess that became a name is echoed with the body's full name
  const bodyAt = (at: number) => tokens.find((t) => t.start <= at && at < t.end && names.used.has(t));
  f.guessed.push(...guesses.map((g) => {
    const named = bodyAt(g.start) && f.bodies.length === 1 ? lex.bodies.byId(f.bodies[0])?.name : undefined;
    return { typed: g.typed, name: named ?? g.name };
  }));
  const rest = tokens.filter((t) => !names.used.has(t));
  // what nothing explains: unknown stretches, and organisation words outside a name
  const unknown = rest.filter((t) => t.kind === 'unknown'
    || (t.kind === 'word' && wordsOf(t).every((w) => w.k === 'org')));
  if (!f.bodies.length && !f.ambiguous && !f.unknownBodies.length) fuzzyBody(f, unknown, lex);
  // 收到申请1774件对吗: the number stated is to be checked, not a word to read
  f.claimed = claimOf(text);
  // …1774件申请，其中自然人多少，对吗: a figure named after the number stated is what is asked, not what was claimed
  const after = (t: Tok) => t.start > f.claimed!.at && wordsOf(t).some((w) => FIGURE_WORDS.has(w.k));
  if (f.claimed && rest.some(after)) f.claimed = undefined;
  const claimed = f.claimed?.digits.split('.') ?? [];
  f.unknown = unknown.filter((t) => !f.guessed.some((g) => g.typed === t.text) && !claimed.includes(t.text))
    .map((t) => t.text);
  const term = (t: { text: string }) => TOPIC_TERMS[t.text] ?? t.text;
  f.keywords = [...new Set([...rest.filter((t) => wordsOf(t).some((w) => w.k === 'topic')).map(term), ...f.unknown])];
  const topics = rest.filter((t) => wordsOf(t).length > 0 && wordsOf(t).every((w) => w.k === 'topic')).map(term);
  // 2023年结转过来: the 结转 of the words is the carrying from, not 结转下年度
  const own = groupTotals(rest)
    .filter((w) => !(from.length && w.k === 'metric' && w.id === 'applications.carried_forward'));
  readWords(f, ordersRows([...own, ...fromTop, ...carry, ...breakdown]), now.getUTCFullYear());
  // 信息处理费收了多少钱, 依申请公开收了多少费: the fee the prose states, not the table's 行政事业性收费
  const cueTopics = CUE_TOPICS.filter((x) => f.cues.includes(x.cue) && f.metrics.includes(x.metric))
    .map((x) => x.topic);
  if (cueTopics.length) { topics.push(...cueTopics); f.keywords = [...new Set([...f.keywords, ...cueTopics])]; }
  const instead = new Set(topics.flatMap((x) => TABLE_TOPICS[x]?.instead ?? []));
  f.metrics = f.metrics.filter((m) => !instead.has(m));
  // a subject of the prose that is no word of the figures asked (留言 of 留言办理了多少条, not 主动公开 beside table 二)
  f.topics = topics.filter((x) => !f.metrics.some((m) => TABLE_TOPICS[x]?.of.test(m)));
  readShare(f, rest.map((t) => ({ text: t.text, words: wordsOf(t) })));
  // a year carried into is none of the years the bodies are asked of
  const pairTokens = tokens.map((t) => ({
    name: names.used.has(t) && t.entries.some((e) => e.k === 'body'),
    years: t.year && !into.includes(t.year) ? t.year.years ?? [] : [],
    words: names.used.has(t) ? [] : wordsOf(t),
  }));
  f.pairedApart = pairedApart(pairTokens) ?? undefined;
  // 没公开 beside a reason of 不予公开 (因为保护第三方合法权益没公开的) describes that row; alone it denies
  const ofDenied = f.metrics.some((m) => m.startsWith('applications.denied_') || m === 'group.denied');
  const negTokens = tokens.map((t) => ({ text: t.text, start: t.start, words: wordsOf(t) }));
  f.negated = (f.cues.includes('negated') && !ofDenied) || deniesFigure(text, negTokens);
  f.quoted = [...text.matchAll(QUOTED)].map((m) => m[1].trim()).filter((q) => q.length >= 2);
  f.subYear = SUBYEAR.test(text) || f.cues.includes('subyear');
  f.wantsNumber = WANTS_NUMBER.test(text);
  const unit = UNIT_ASKED.exec(text);
  if (unit && UNITS.includes(unit[1])) f.unit = unit[1];
  else {
    const noun = UNIT_NOUN.exec(text);
    if (noun) f.unit = UNIT_NOUNS[noun[1]];
  }
  // 集中采购花了多少万元: the amount column, not the number of items
  if (/^万元?$/.test(f.unit ?? '') || /花了|花费|多少钱/.test(text)) {
    f.metrics = f.metrics.map((m) => (m === 'active.procurement.items' ? 'active.procurement.amount' : m));
  }
  // the fewest first when a word says so; 少 inside 多少 (最多的是谁，有多少) says nothing of the order, and a word
  // for the most (最多, 第一) is not turned round by a 少 elsewhere in the question
  const fewest = f.cues.includes('rank_asc') || (!f.cues.includes('rank_desc') && FEWEST.test(text));
  if (fewest) f.order = 'asc';
  else if (MOST.test(text)
    || f.cues.includes('rank_desc') || f.cues.includes('rank') || f.cues.includes('position')) f.order = 'desc';
  // 番禺比洪泽多1679件，对吗: the difference of the two is what is checked
  if (f.claimed?.change && f.bodies.length === 2 && !f.cues.includes('difference')) f.cues.push('difference');
  // 帮我核对：…1774件: the figure stated is checked, not the report audited
  if (f.claimed && verifies(text)) f.cues = f.cues.filter((c) => c !== 'audit');
  f.intent = decideIntent(f);
  f.trace.push(`intent:${f.intent}`);
  return { frame: f };
}

const LEVELS = ['country', 'province', 'city', 'county', 'town'];
/** A scope word (全国, 全省, 全市) and a place named below its level (番禺 with 全市): the place is a body. */
function belowScope(tokens: Tok[], words: Word[]): boolean {
  const scope = words.map((w) => (w.k === 'cue' ? SCOPE_LEVEL[w.id] : undefined)).find(Boolean);
  if (!scope) return false;
  const deeper = (level: string) => LEVELS.indexOf(level) > LEVELS.indexOf(scope);
  return tokens.some((t) => t.entries.some((e) => e.k === 'place' && deeper(e.place.level)));
}

/** A long official name with small differences (fuse.js), typed where nothing else was recognised. */
function fuzzyBody(f: Frame, unknown: Tok[], lex: Lexicon): void {
  for (const t of unknown) {
    const z = lex.bodies.fuzzyName(t.text);
    if (!z) continue;
    f.bodies.push(z.body.id);
    f.guessed.push({ typed: t.text, name: z.body.name });
    return;
  }
}
