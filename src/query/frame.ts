/** A question as a typed frame: who, when, what, and what kind of answer. Pure: (text, lexicon, clock) → Frame. */
import type { Place } from '../ingest/gazetteer.js';
import type { BodyIndex, NameEntry } from './bodies.js';
import { STOP_PHRASES, UNITS, WORDS, type Applicant, type Cue, type Ratio, type ReviewCol, type ReviewGroup, type Word } from './lexicon.js';
import { Dictionary, leftovers } from './scan.js';
import { normalizeQuestion, smallNumber } from './text.js';
import { findYears, maskSpans } from './years.js';

export type Intent = 'lookup' | 'compare' | 'rank' | 'total' | 'change' | 'trend' | 'list' | 'audit' | 'published' | 'problems' | 'narrative' | 'card' | 'help' | 'unknown';

export interface Frame {
  text: string;
  intent: Intent;
  bodies: number[];
  /** Names understood by a guess (typo, fuzzy): echoed in the answer. */
  guessed: { typed: string; name: string }[];
  /** A mention that fits several bodies: ask which. */
  ambiguous: number[] | null;
  /** Places used as a filter (广州市 in 广州市各单位合计). */
  regions: Place[];
  /** Places named that have no body on file (天河区). */
  unknownPlaces: Place[];
  years: number[];
  range?: [number, number];
  lastN?: number;
  latest: boolean;
  metrics: string[];
  ratio?: Ratio;
  applicant?: Applicant;
  cues: Cue[];
  keywords: string[];
  unit?: string;
  order?: 'desc' | 'asc';
  topN?: number;
  subYear: boolean;
  wantsNumber: boolean;
  /** What was recognised, for tests and logs. */
  trace: string[];
}

type Entry = Word | NameEntry;

export class Lexicon {
  readonly dict = new Dictionary<Entry>();
  constructor(readonly bodies: BodyIndex) {
    for (const [s, w] of WORDS) this.dict.add(s, w);
    for (const [s, e] of bodies.surfaces()) this.dict.add(s, e);
  }
}

const has = (cues: Cue[], c: Cue) => cues.includes(c);
const SUBYEAR = /(?<!\d)(1[0-2]|[1-9])月(?!\d*日)|[一二三四五六七八九十]{1,2}月份?|上半年|下半年|季度/;
const WANTS_NUMBER = /多少|几|数量|数目|总数|是多少|有多|金额|量/;
const TOP_N = /前(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:名|位|个)?/;

export function parseFrame(question: string, lex: Lexicon, now: Date): Frame {
  const text = normalizeQuestion(question);
  const yearSpans = findYears(text);
  const masked = maskSpans(text, yearSpans);
  const hits = lex.dict.scan(masked);
  const thisYear = now.getUTCFullYear();
  const trace: string[] = [];
  const f: Frame = {
    text, intent: 'unknown', bodies: [], guessed: [], ambiguous: null, regions: [], unknownPlaces: [], years: [], latest: false,
    metrics: [], cues: [], keywords: [], subYear: SUBYEAR.test(text), wantsNumber: WANTS_NUMBER.test(text), trace,
  };

  for (const y of yearSpans) {
    if (y.years) f.years.push(...y.years);
    if (y.range) f.range = y.range;
    if (y.lastN) f.lastN = y.lastN;
  }

  const words: Word[] = [];
  const nameHits: { surface: string; entries: NameEntry[]; start: number }[] = [];
  for (const h of hits) {
    const names = h.entries.filter((e): e is NameEntry => e.k === 'body' || e.k === 'place');
    const ws = h.entries.filter((e): e is Word => e.k !== 'body' && e.k !== 'place');
    if (names.length) nameHits.push({ surface: h.surface, entries: names, start: h.start });
    else words.push(...ws);
    trace.push(`${h.surface}:${h.entries.map((e) => e.k).join('/')}`);
  }
  for (const w of words) {
    if (w.k === 'cue' && !f.cues.includes(w.id)) f.cues.push(w.id);
    if (w.k === 'relyear') f.years.push(thisYear + w.offset);
  }
  if (has(f.cues, 'latest')) f.latest = true;
  const top = TOP_N.exec(text);
  if (top) f.topN = smallNumber(top[1]) ?? undefined;

  // bodies and places
  const aggregate = has(f.cues, 'all_bodies') || has(f.cues, 'which') || has(f.cues, 'rank') || ((has(f.cues, 'rank_desc') || has(f.cues, 'rank_asc')) && !nameHits.some((n) => n.entries.some((e) => e.k === 'body' && !e.placeOnly)));
  for (const n of nameHits) {
    const exact = [...new Set(n.entries.filter((e) => e.k === 'body' && !e.placeOnly).map((e) => (e as { id: number }).id))];
    const places = n.entries.filter((e): e is { k: 'place'; place: Place } => e.k === 'place').map((e) => e.place);
    const placeOnly = [...new Set(n.entries.filter((e) => e.k === 'body' && e.placeOnly).map((e) => (e as { id: number }).id))];
    if (exact.length === 1) { pushBody(f, exact[0]); continue; }
    if (exact.length > 1) { f.ambiguous = exact; continue; }
    if (aggregate && places.length) { f.regions.push(...places.slice(0, 1)); continue; }
    // the place with bodies on file, when the name fits several (鼓楼区 is in four cities)
    const place = places.find((p) => lex.bodies.inPlace(p).length) ?? places[0];
    const below = place ? lex.bodies.inPlace(place).map((b) => b.id) : [];
    const direct = [...new Set([...placeOnly, ...below.filter((id) => place && lex.bodies.byId(id)!.region.at(-1) === place.name)])];
    // a bare place names its government or the government's office; a bureau needs its own name
    const govLike = direct.filter((id) => GOV_LIKE.test(lex.bodies.restOf(id)));
    if (!direct.length) {
      if (place && below.length) f.regions.push(place); // 江苏省: the area, not one body
      else if (place) f.unknownPlaces.push(place);
    } else if (govLike.length === 1) pushBody(f, govLike[0]);
    else if (govLike.length > 1) f.ambiguous = govLike; // a government and its office: ask which
    else if (direct.length === 1 && below.length <= 1) pushBody(f, direct[0]);
    else if (place && below.length > direct.length) f.regions.push(place); // 广州市 with its bureaus and districts
    else f.ambiguous = direct;
  }

  // narrative words stay in the text that narrative search reads
  const claimed = [...hits.filter((h) => !h.entries.every((e) => e.k === 'topic')).map((h) => ({ start: h.start, end: h.end })), ...yearSpans];
  if (!f.bodies.length && !f.ambiguous && !f.unknownPlaces.length && !f.regions.length) {
    const rest = leftovers(masked, claimed);
    for (const r of rest) {
      const p = lex.bodies.pinyinMatch(r.text);
      if (p) {
        const typed = r.text.slice(p.start, p.end);
        if (p.bodies.length === 1) { pushBody(f, p.bodies[0]); f.guessed.push({ typed, name: lex.bodies.byId(p.bodies[0])!.name }); }
        else f.ambiguous = p.bodies;
        claimed.push({ start: r.start + p.start, end: r.start + p.end });
        trace.push(`pinyin:${typed}→${p.name}`);
        break;
      }
      const z = lex.bodies.fuzzyName(r.text);
      if (z) { pushBody(f, z.body.id); f.guessed.push({ typed: r.text, name: z.body.name }); claimed.push({ start: r.start, end: r.start + r.text.length }); trace.push(`fuzzy:${r.text}→${z.body.name}`); break; }
    }
  }

  f.keywords = keywordsOf(masked, claimed);
  readMetrics(f, words);
  const unit = /(?:多少|几)(万元|人次|万条|万次|元|件|条|篇|次|个|期|场|份|项|人|家|宗|起)/.exec(text);
  if (unit && UNITS.includes(unit[1])) f.unit = unit[1];
  if (/谁.*少|哪个.*少|哪.*最少/.test(text) || has(f.cues, 'rank_asc')) f.order = 'asc';
  else if (/谁.*多|哪个.*多|谁.*高|最多|最高/.test(text) || has(f.cues, 'rank_desc') || has(f.cues, 'rank')) f.order = 'desc';
  f.intent = decideIntent(f);
  trace.push(`intent:${f.intent}`);
  return f;
}

/** The part of a name after its place that makes it the government or the government's office. */
const GOV_LIKE = /^(人民政府|政府)(办公室|办公厅)?$/;

function pushBody(f: Frame, id: number) {
  if (!f.bodies.includes(id)) f.bodies.push(id);
}

/** Words → metric ids: table C by group × column, table A by document × operation, table B rows and groups, ratios. */
function readMetrics(f: Frame, words: Word[]) {
  const metrics: string[] = [];
  const groups: ReviewGroup[] = [];
  let rcol: ReviewCol | undefined;
  let doc: string | undefined;
  let op: string | undefined;
  for (const w of words) {
    if (w.k === 'metric') metrics.push(w.id);
    else if (w.k === 'col') f.applicant = w.id;
    else if (w.k === 'rgroup') groups.push(w.id);
    else if (w.k === 'rcol') rcol = w.id;
    else if (w.k === 'doc') doc = w.id;
    else if (w.k === 'docop') op = w.id;
    else if (w.k === 'ratio') f.ratio = f.ratio && f.ratio !== 'share' ? f.ratio : w.id;
  }
  let reviewGroups = tableCGroups(groups);
  if (f.ratio === 'review_correction_rate' && reviewGroups.some((g) => g !== 'review')) f.ratio = 'litigation_correction_rate';
  if (f.ratio === 'review_upheld_rate') rcol = undefined;
  if (f.ratio && f.ratio !== 'share' && !metrics.length) { reviewGroups = []; rcol = undefined; }
  if (!reviewGroups.length && rcol && !metrics.length) reviewGroups = ['review'];
  for (const g of reviewGroups) metrics.push(`review.${g}.${rcol ?? 'total'}`);
  if (doc || (op && !f.keywords.length)) metrics.push(`active.${doc ?? 'normative_documents'}.${op ?? 'in_force'}`);
  // a group and one of its own rows: the row is meant (因保护第三方合法权益不予公开)
  const rows = metrics.filter((m) => m.startsWith('applications.'));
  let out = metrics.filter((m) => !(m.startsWith('group.') && rows.some((r) => groupOf(r) === m)));
  if (!out.some((m) => m.startsWith('applications.') || m.startsWith('group.')) && has(f.cues, 'receive') && !out.length) out.push('applications.new_received');
  if (!out.length && f.applicant && f.ratio !== 'share') out.push('applications.new_received');
  if (f.ratio === 'share' && !out.length) out.push('applications.new_received');
  out = [...new Set(out)];
  f.metrics = out;
}

/**
 * Table C groups named in a question: 复议 and 诉讼 named apart are two groups ("行政复议和行政诉讼各多少"); a
 * group and its own narrower kind name the narrower one ("行政诉讼未经复议直接起诉"); 复议后起诉 is one phrase
 * in the lexicon, so it is one group.
 */
function tableCGroups(found: ReviewGroup[]): ReviewGroup[] {
  const set = new Set(found);
  if (set.has('litigation_direct') || set.has('litigation_after_review')) set.delete('litigation');
  return [...set];
}

const GROUP_PREFIX: [string, string][] = [['applications.denied_', 'group.denied'], ['applications.unavailable_', 'group.unavailable'], ['applications.rejected_', 'group.rejected'], ['applications.other_', 'group.other']];
const groupOf = (row: string) => GROUP_PREFIX.find(([p]) => row.startsWith(p))?.[1];

/** Content words left after bodies, years, metrics and cues: what narrative search looks for. */
function keywordsOf(masked: string, claimed: { start: number; end: number }[]): string[] {
  const out: string[] = [];
  for (const r of leftovers(masked, claimed)) {
    let t = r.text;
    for (const p of STOP_PHRASES) t = t.split(p).join(' ');
    for (const part of t.replace(/[，。？！?!,.、：:；;（）()“”"'《》\[\]【】]/g, ' ').replace(/[的了吗呢吧啊呀么是有在年度]/g, ' ').split(/\s+/)) {
      const k = part.replace(/^(共|全年|总|一共|了|[条篇次个件项份期场元])+/, '');
      if ([...k].length >= 2) out.push(k);
    }
  }
  return out;
}

/** Ordered, named intent rules: the first that fits wins. */
const RULES: [Intent, (f: Frame) => boolean][] = [
  ['help', (f) => has(f.cues, 'help') && !f.metrics.length && !f.bodies.length],
  ['list', (f) => has(f.cues, 'list') && !f.metrics.length && !has(f.cues, 'audit') && !has(f.cues, 'published')],
  ['audit', (f) => has(f.cues, 'audit')],
  ['published', (f) => has(f.cues, 'published')],
  ['problems', (f) => has(f.cues, 'problems') && !f.metrics.length],
  ['rank', (f) => (has(f.cues, 'rank') || has(f.cues, 'rank_desc') || has(f.cues, 'rank_asc') || has(f.cues, 'which')) && f.bodies.length !== 1 && (!!f.metrics.length || !!f.ratio)],
  ['total', (f) => (has(f.cues, 'all_bodies') || f.regions.length > 0) && f.bodies.length === 0 && (!!f.metrics.length)],
  ['compare', (f) => f.bodies.length > 1 || (f.ambiguous === null && f.bodies.length <= 1 && (has(f.cues, 'compare') || has(f.cues, 'change')) && distinctYears(f) > 1 && !has(f.cues, 'change'))],
  ['change', (f) => has(f.cues, 'change') || (has(f.cues, 'prev_year') && (!!f.metrics.length || !!f.ratio))],
  ['trend', (f) => has(f.cues, 'trend') || !!f.range || !!f.lastN || distinctYears(f) > 1],
  ['lookup', (f) => !!f.metrics.length || !!f.ratio],
  ['narrative', (f) => f.keywords.length > 0 && (f.bodies.length > 0 || f.ambiguous !== null)],
  // a body named with nothing asked of it ("洪泽区的报告", "洪泽"): its report card
  ['card', (f) => f.bodies.length === 1 && !f.keywords.length],
];

const distinctYears = (f: Frame) => new Set(f.years).size;

export function decideIntent(f: Frame): Intent {
  for (const [intent, test] of RULES) if (test(f)) return intent;
  return 'unknown';
}
