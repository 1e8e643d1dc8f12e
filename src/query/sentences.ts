/**
 * Finding a figure in the report's prose. A number answers only when it is bound to the question's words in
 * the same clause ("门户网站发布信息4.14万条" for 门户网站发布信息多少条) and stands after them; a percentage, a
 * year or a number in another clause never does ("100%办结", the WeChat sentence's 750).
 */
import { sameUnitKind } from './words/index.js';

/** Keywords → search terms: the words themselves and their 3-character pieces (trigram search needs ≥ 3). */
export function searchTerms(keywords: string[]): string[] {
  const out = new Set<string>();
  for (const k of keywords) {
    out.add(k);
    if (k.length > 4) for (let i = 0; i + 3 <= k.length; i += 2) out.add(k.slice(i, i + 3));
  }
  return [...out];
}

export interface Hit { text: string; page: number | null; line: number | null }
export interface Found {
  sentence: string; clause: string; term: string; page: number | null; line: number | null;
  number: Bound | null; score: number;
  /** How many of the question's words the clause prints whole. */
  whole: number;
  /** A clause that goes on with the figure before it (…信息处理费76220元，实际收取4260元): its words. */
  lead?: string;
}

/** A number bound to the words, where the clause prints it ([start, end) of the number and its unit). */
export interface Bound { value: number; unit: string; approx?: { before: string; after: string }; at: [number, number] }

// 100余人次, 200多条: the unit after 余/多 is still the number's
const HEDGE = '(近|约|逾|超过|大约)?\\s*(\\d+(?:\\.\\d+)?)\\s*(余|多)?\\s*';
const UNIT = '(万元|人次|万条|万次|万人|万篇|元|件|条|篇|次|个|期|场|份|项|人|家|宗|起|部|万|%|％)';
const NUMBER = new RegExp(`${HEDGE}${UNIT}?`, 'g');
/** 召开 3 场新闻发布会: a number and its measure word right before the words counted (的 between them at most). */
const COUNTED_AFTER = new RegExp(`${HEDGE}${UNIT}\\s*的?\\s*$`);
const CLAUSE = /[，,；;：:、（）()]/;

/** How much of a word a clause carries: whole (1), or the share of its character pairs. */
function carried(clause: string, term: string): number {
  if (clause.includes(term)) return 1;
  // a word's head is its end (政府信息公开收费 is a 收费): a clause without it is about something else
  if (term.length < 3 || !clause.includes(term.slice(-2))) return 0;
  let n = 0;
  for (let i = 0; i + 1 < term.length; i++) if (clause.includes(term.slice(i, i + 2))) n++;
  return n / (term.length - 1);
}

/** The unit asked, printed (or 万 of it): the best answer to 多少条. */
const sameUnit = (printed: string, asked: string) => printed === asked || printed === `万${asked}`;

/** The number a clause states for the words: after the last of them, not a year, not a percentage (unless asked). */
export function numberAfter(clause: string, terms: string[], unit?: string): Found['number'] {
  const ends = terms.map((t) => { const at = clause.lastIndexOf(t); return at >= 0 ? at + t.length : -1; })
    .filter((x) => x >= 0);
  const from = ends.length ? Math.max(...ends) : 0;
  const all = [...clause.matchAll(NUMBER)].filter((m) => m.index! >= from - 1)
    .filter((m) => !(/^(19|20)\d{2}$/.test(m[2]) && (!m[4] || clause[m.index! + m[0].length] === '年')))
    .filter((m) => !/[%％]/.test(m[4] ?? '') || unit === '%');
  // a unit asked is a condition: 多少人次 is not answered by 579727 次, 多少人 not by 2 期
  const fits = (m: RegExpExecArray) => !unit || (!!m[4] && (sameUnit(m[4], unit) || sameUnitKind(m[4], unit)));
  const after = unit
    ? all.find((m) => m[4] && sameUnit(m[4], unit)) ?? all.find((m) => m[4] && sameUnitKind(m[4], unit))
    : all.find((m) => m[4]) ?? all[0];
  return found(after) ?? found(countedBefore(clause, terms, fits));
}

/** The number right before one of the words, with its measure word (召开 3 场新闻发布会 for 新闻发布会几场). */
function countedBefore(clause: string, terms: string[], fits: (m: RegExpExecArray) => boolean):
  RegExpExecArray | undefined {
  for (const t of terms) {
    const at = clause.indexOf(t);
    if (at <= 0) continue;
    const m = COUNTED_AFTER.exec(clause.slice(0, at));
    if (m && !/[%％]/.test(m[4]) && !/^(19|20)\d{2}$/.test(m[2]) && fits(m)) return m;
  }
  return undefined;
}

function found(pick: RegExpExecArray | undefined): Found['number'] {
  if (!pick) return null;
  const at: [number, number] = [pick.index!, pick.index! + pick[0].length];
  const number = { value: Number(pick[2]), unit: (pick[4] ?? '').replace('％', '%'), at };
  return pick[1] || pick[3] ? { ...number, approx: { before: pick[1] ?? '', after: pick[3] ?? '' } } : number;
}

/**
 * Is the number of clause `i` the total of a list the question's words are one item of (unless the question asks
 * for such a list itself: 公开政府会议等信息多少条)? 「发布部门文件、工作动态、政策解读、
 * 数据发布等政务信息近 1000 条」: 1000 is not the count of 政策解读 (nor of 数据发布), only of the 政务信息 after 等.
 */
function listTotal(clauses: string[], seps: string[], i: number, terms: string[]): boolean {
  const clause = clauses[i];
  const etc = clause.indexOf('等');
  if (etc < 0) return false;
  const items: string[] = [clause.slice(0, etc)];
  for (let j = i; j > 0 && seps[j] === '、'; j--) items.push(clauses[j - 1]);
  const after = clause.slice(etc);
  // 发布了多少条政务信息: a word of the question after 等 names the whole the number counts
  if (terms.some((t) => after.includes(t))) return false;
  // 扶贫政策规划、扶贫资金项目信息、扶贫动态和成效等…近200条: a word every item has is the whole list's; a word of
  // the first item alone is the list's context (在…网站公开扶贫政策规划、…), not an item
  const first = items[items.length - 1];
  return terms.some((t) => {
    const has = items.filter((x) => x.includes(t));
    return has.length > 0 && has.length < items.length && !(has.length === 1 && has[0] === first);
  });
}

/**
 * Clauses that carry the question's words, best first. Every word must be carried by the clause or by an
 * earlier clause of its sentence ("涉及收取信息处理费76220元，实际收取4260元": 实际收取 is the third clause's,
 * 信息处理费 the second's, so 实际收取多少信息处理费 is 4260). With `wantNumber`, only clauses that state a
 * number after the words count, and one in the unit asked for wins.
 */
export function findClauses(hits: Hit[], terms: string[], wantNumber: { unit?: string; listed?: boolean } | null):
  Found[] {
  const out: Found[] = [];
  for (const h of hits) {
    for (const raw of h.text.split(/(?<=[。；;！？!?])/)) {
      const sentence = raw.trim();
      for (const read of readings(sentence)) clausesOf(sentence, read, h, terms, wantNumber, out);
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * A sentence as it reads: as printed, and with a short word in brackets read in place of the word before it
 * (「政务（工作）动态类信息981条」 is also 工作动态类信息981条; the brackets would cut the clause).
 */
function readings(sentence: string): string[] {
  const out = [sentence];
  const m = /([\u4e00-\u9fff]{1,4})[（(]([\u4e00-\u9fff]{1,4})[）)]/.exec(sentence);
  // not an item number: （一）, （二）
  if (m && m[1].length >= m[2].length && !/^[一二三四五六七八九十]+$/.test(m[2])) {
    const kept = m[1].slice(0, m[1].length - m[2].length);
    out.push(sentence.replace(m[0], `${kept}${m[2]}`), sentence.replace(m[0], m[1]));
  }
  return out;
}

function clausesOf(sentence: string, read: string, h: Hit, terms: string[],
  wantNumber: { unit?: string; listed?: boolean } | null, out: Found[]): void {
  const parts = read.split(new RegExp(`(${CLAUSE.source})`));
  const clauses = parts.filter((_, k) => k % 2 === 0);
  const seps = clauses.map((_, k) => (k ? parts[2 * k - 1] : ''));
  clauses.forEach((clause, i) => {
    const before = clauses.slice(0, i).join('，');
    const own = terms.map((t) => ({ t, s: carried(clause, t) }));
    const covered = own.every((x) => x.s >= 0.6 || carried(before, x.t) >= 0.6);
    const best = own.reduce((a, b) => (b.s > a.s || (b.s === a.s && b.t.length > a.t.length) ? b : a),
      { t: '', s: 0 });
    if (!covered || best.s < 0.6) return;
    const whole = own.filter((x) => x.s === 1);
    // the question's words printed whole outrank the unit asked: 750 条 of a WeChat account ("番禺政府网")
    // does not answer 政府网站发布了多少条 over the website's 4.14 万条
    let score = whole.reduce((n, x) => n + x.t.length, 0) * 1000 + own.reduce((n, x) => n + x.s, 0);
    let number: Found['number'] = null;
    if (wantNumber) {
      number = numberAfter(clause, whole.length ? whole.map((x) => x.t) : [best.t], wantNumber.unit);
      if (!number) return;
      if (!wantNumber.listed && listTotal(clauses, seps, i, terms)) return;
      if (wantNumber.unit && sameUnit(number.unit, wantNumber.unit)) score += 100;
      else if (number.unit) score += 5;
    }
    if (out.some((o) => o.sentence === sentence && o.clause === clause)) return;
    out.push({ sentence, clause, term: best.t, page: h.page, line: h.line, number, score, whole: whole.length });
    const next = number ? goesOn(clauses[i + 1], number.unit) : null;
    if (next) out.push({ ...out[out.length - 1], clause: clauses[i + 1], number: next.number, lead: next.lead });
  });
}

/**
 * The next clause when it only goes on with the same figure: a few words and a number of the same unit, with
 * no subject of its own (涉及收取信息处理费76220元，实际收取4260元): shown beside the first, never in its place.
 */
type GoesOn = { number: NonNullable<Found['number']>; lead: string };
function goesOn(clause: string | undefined, unit: string): GoesOn | null {
  const m = clause ? /^([\u4e00-\u9fff]{1,6})(\d)/.exec(clause) : null;
  if (!m || !unit) return null;
  const number = numberAfter(clause!, [], unit);
  return number && number.unit === unit ? { number, lead: m[1] } : null;
}

const MARKS = /[《》“”"'‘’「」\s]/g;
const LINKS = /(共计|合计|累计|总计|共|达到|达|约为|约|为|近|逾|超过)+$/;
/** Longest label taken from the clause as printed; a longer span is named by the words asked. */
const LABEL_MOST = 16;

/**
 * What a clause's number counts, as the clause prints it: from the first word asked to the number
 * (编发《扶贫简报》20 期 → 编发扶贫简报) and on from the number to the last word (召开 3 场新闻发布会 → 召开新闻发布会);
 * the words asked when the span is long or holds none of them.
 */
export function labelOf(clause: string, words: string[], at: [number, number] | undefined, term: string): string {
  const printed = words.filter((k) => clause.includes(k));
  const fallback = printed.join('') || term;
  if (!at || !printed.length) return fallback;
  const starts = printed.map((k) => clause.indexOf(k));
  const first = Math.min(...starts);
  const last = Math.max(...printed.map((k, i) => starts[i] + k.length));
  // the words before the number, then those after it (召开 3 场新闻发布会 → 召开新闻发布会)
  const span = (first < at[0] ? clause.slice(first, at[0]) : '') + (last > at[1] ? clause.slice(at[1], last) : '');
  const label = span.replace(MARKS, '').replace(LINKS, '');
  return label && label.length <= LABEL_MOST && printed.every((k) => label.includes(k)) ? label : fallback;
}
