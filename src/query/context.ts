/**
 * Follow-up questions. A complete question (it names who and what) replaces the chat's context; an elliptical
 * one ("那2023年呢", "自然人呢", "换成洪泽呢", "还有几件没审结") inherits only the slots it lacks; years counted
 * from the chat's year ("前一年") count from the year last answered. Contexts expire after silence.
 */
import { namesWho, type Frame } from './frame.js';
import { decideIntent } from './read/intent.js';
import { metricsOf } from './read/words.js';
import { acrossTurns, APART, RANKING } from './turns.js';
import { SCOPE_LEVEL, TIER_OF } from './words/index.js';

export class ChatContexts {
  private readonly map = new Map<string, { frame: Frame; at: number }>();
  constructor(private readonly ttlMs: number, private readonly max = 10_000) {}

  get(chat: string, now: Date): Frame | undefined {
    const c = this.map.get(chat);
    if (!c) return undefined;
    if (now.getTime() - c.at > this.ttlMs) { this.map.delete(chat); return undefined; }
    return c.frame;
  }

  set(chat: string, frame: Frame, now: Date): void {
    this.map.delete(chat);
    this.map.set(chat, { frame, at: now.getTime() });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  /** Move a chat's context (Telegram group upgraded to a supergroup). */
  move(from: string, to: string): void {
    const c = this.map.get(from);
    if (c) { this.map.delete(from); this.map.set(to, c); }
  }

  /** Every context whose key starts with `fromPrefix` moves to `toPrefix` (a group's users, when it migrates). */
  moveAll(fromPrefix: string, toPrefix: string): void {
    for (const k of [...this.map.keys()]) {
      if (k.startsWith(fromPrefix)) this.move(k, toPrefix + k.slice(fromPrefix.length));
    }
  }

  clear(chat: string): void { this.map.delete(chat); }
}

const OWN_INTENTS = new Set(['audit', 'published', 'problems', 'help', 'list']);
const MANY = new Set(['all_bodies', 'which', 'rank', 'rank_desc', 'rank_asc']);
/** What else a question over many bodies keeps for a follow-up (各区县呢 after an average: still an average). */
const OVER_MANY = new Set(['average', 'sum', 'all_bodies']);
const overMany = (f: Frame) => !f.bodies.length && !f.ambiguous
  && (f.intent === 'rank' || f.intent === 'total' || f.cues.some((c) => MANY.has(c) || !!TIER_OF[c]));
const namesWhat = (f: Frame) => (f.metrics.length > 0 && !f.metricDefaulted) || !!f.ratio;

/** A follow-up that names only another body or year (番禺呢, 2023年呢): after several clauses, it asks each again. */
export const movesOnly = (cur: Frame) => !namesWhat(cur) && !cur.cues.length && !cur.unknown.length
  && !cur.applicant && !cur.parts.rcol && !cur.parts.docop
  && (namesWho(cur) || cur.years.length > 0 || cur.ctxYears.length > 0);

export function mergeWithContext(cur: Frame, prev: Frame): Frame {
  const who = namesWho(cur);
  const what = namesWhat(cur);
  if (who && what) return cur;
  if (cur.intent === 'card' && cur.cues.includes('report')) return cur; // "洪泽区的报告" asks for the card itself
  if (cur.intent === 'help' || cur.intent === 'list') return cur;
  const bare = !who && !what && !cur.years.length && !cur.ctxYears.length && !cur.applicant && !cur.parts.rcol
    && !cur.parts.docop;
  if (bare && !cur.cues.length && !cur.unknown.length) return cur; // nothing to go on with
  // a follow-up on what the last turns showed (谁多, 加起来, 其中最多的是哪一项): turns.ts
  const turned = bare ? acrossTurns(cur, prev) : undefined;
  if (turned) return turned;
  const m: Frame = { ...cur, trace: [...cur.trace, 'context'] };
  // 占比呢: the share of what was asked, not of a default
  if (cur.ratio === 'share' && !cur.parts.rows.length && !cur.parts.groups.length && !who) {
    m.metrics = prev.metrics;
    m.applicant = cur.applicant ?? prev.applicant;
    m.applicants = cur.applicants.length ? cur.applicants : prev.applicants;
  }
  // 予以公开占新收申请的比例 → 部分公开呢: the share of another part; 复议纠错率 → 诉讼呢: the suits' rate;
  // 企业公开率 → 办结率呢: the same column's rate
  const elliptical = /呢[？?]*$/.test(cur.text) && !cur.wantsNumber;
  if (elliptical && !cur.ratio && what && prev.ratio === 'share' && cur.metrics.length === 1) {
    m.ratio = 'share';
    m.share = { part: cur.metrics[0], whole: prev.share?.whole };
    m.applicant = prev.applicant;
    m.applicants = prev.applicants;
  }
  if (elliptical && !cur.ratio && prev.ratio === 'review_correction_rate'
    && cur.parts.groups.length && cur.parts.groups.every((g) => g === 'litigation')) {
    m.ratio = 'litigation_correction_rate';
    m.ratios = ['litigation_correction_rate'];
    m.metrics = [];
  }
  const column = prev.applicant && prev.applicant !== 'total';
  if (elliptical && cur.ratio && cur.ratio !== 'share' && !cur.applicant && column) {
    m.applicant = prev.applicant;
    m.applicants = prev.applicants;
  }
  // 法人…予以公开 → 部分公开呢: another row of the same column (总共办结多少: the whole row, every column)
  const whole = cur.cues.includes('sum');
  if (!who && what && !whole && !cur.applicant && prev.applicant && prev.applicant !== 'total' && !cur.ratio) {
    m.applicant = prev.applicant;
    m.applicants = prev.applicants;
  }
  // a question over many bodies (排名, 哪个单位最多, 各单位) does not take the chat's one body
  const many = cur.cues.some((c) => MANY.has(c));
  if (!who && !many) { m.bodies = prev.bodies; m.ambiguous = prev.ambiguous; m.regions = prev.regions; }
  // 番禺的公开率 → 洪泽呢 → 谁的公开率更高: the bodies of the last turns, with the figure named again
  const apart = cur.cues.some((c) => APART.has(c));
  if (!who && apart && prev.before?.length && prev.bodies.length === 1) m.bodies = [...prev.before, ...prev.bodies];
  // 第二呢, 谁最低 after a ranking of the bodies named: the same bodies, not every body
  const overAll = cur.cues.some((c) => c === 'all_bodies' || SCOPE_LEVEL[c] || TIER_OF[c]);
  if (!who && many && prev.bodies.length > 1 && !overAll) m.bodies = prev.bodies;
  // 番禺呢 after one body's figure: the same figure of another body, in the same year (谁更高 next compares them)
  // (洪泽2024年呢 after 番禺2024年: the same year named again is no change)
  const sameYears = !cur.years.length || (cur.years.every((y) => prev.years.includes(y)) && !cur.relYears.length);
  const another = who && !what && sameYears && !cur.ctxYears.length && cur.bodies.length === 1
    && prev.bodies.length === 1 && cur.bodies[0] !== prev.bodies[0] && !many;
  m.before = another ? [...new Set([...(prev.before ?? []), ...prev.bodies])].filter((id) => id !== cur.bodies[0])
    : undefined;
  // 和番禺比呢, 是洪泽的几倍, 比洪泽多多少: the chat's body beside the one named
  if (another && apart) { m.bodies = [...prev.bodies, ...cur.bodies]; m.before = undefined; }
  // 它的公开率, 这个单位的办结率 after a ranking: the body it named first (after a tie, none: which is asked)
  if (!who && cur.cues.includes('that_body') && overMany(prev)) {
    m.bodies = prev.lead !== undefined ? [prev.lead] : [];
    m.regions = [];
    m.cues = cur.cues.filter((c) => !MANY.has(c) && !RANKING.has(c));
    m.years = cur.years.length ? cur.years : prev.years;
    m.intent = decideIntent(m);
    return m;
  }
  // 公开率呢, 2023年呢, 各区县呢 after a ranking or a total: the same question over many bodies, of its place (a
  // tier named replaces the chat's tier)
  if (!who && overMany(prev)) {
    const tier = cur.cues.some((c) => TIER_OF[c]);
    const keep = prev.cues.filter((c) => (RANKING.has(c) || OVER_MANY.has(c) || !!TIER_OF[c]) && !(tier && TIER_OF[c]));
    m.cues = [...new Set([...keep, ...cur.cues])];
    if (!cur.regions.length) m.regions = prev.regions;
    m.order = cur.order ?? prev.order;
  }
  // 全省呢 after 番禺在全市排第几: the same body's place, in another scope
  const scope = cur.cues.some((c) => SCOPE_LEVEL[c]);
  if (!who && scope) {
    m.regions = [];
    m.cues = [...new Set([...prev.cues.filter((c) => RANKING.has(c)), ...cur.cues])];
    m.order = cur.order ?? prev.order;
  }
  // 第三呢 after 排名第二的是谁: another place of the same ranking
  if (cur.nth && !who) {
    m.regions = prev.regions;
    m.cues = [...new Set([...prev.cues, ...cur.cues])];
    m.order = cur.order ?? prev.order;
  }
  if (!what && !OWN_INTENTS.has(cur.intent)) {
    m.ratio = prev.ratio;
    m.ratios = prev.ratios;
    m.share = cur.share ?? prev.share;
    m.applicant = cur.applicant ?? prev.applicant;
    m.applicants = cur.applicants.length ? cur.applicants : prev.applicants;
    const c = cur.parts;
    const op = c.docop ? { docop: c.docop, docops: c.docops } : {};
    // 维持和纠正呢: every column named, not the last one
    const parts = { ...prev.parts, ...(c.rcol ? { rcol: c.rcol, rcols: c.rcols } : {}), ...op };
    m.parts = parts;
    const recombine = c.rcol || c.docop || cur.applicant;
    m.metrics = recombine
      ? metricsOf({ ...m, cues: [...new Set([...prev.cues, ...cur.cues])], keywords: [] }, parts)
      : prev.metrics;
    if (!m.metrics.length) m.metrics = prev.metrics;
    m.metricDefaulted = false;
  }
  const base = prev.years.length ? Math.max(...prev.years) : null;
  // 去年呢 after an answer about last year: the year before the one shown, not the same again
  const relOnly = cur.relYears.length === cur.years.length && cur.years.length > 0;
  const again = relOnly && cur.years.every((y) => prev.years.includes(y));
  // 上一年呢 → 上年呢: counting back from the chat's year goes on (today's 去年 would go forward again)
  const walking = relOnly && prev.yearStep && cur.relYears.every((d) => d < 0);
  if ((cur.ctxYears.length || again || walking) && base !== null) {
    // 前一年 counts from the year the chat was about, not from today
    m.years = (cur.ctxYears.length ? cur.ctxYears : cur.relYears).map((d) => base + d);
    m.ctxYears = [];
    m.yearStep = true;
  } else if (!cur.years.length && !cur.range && !cur.lastN) {
    m.yearStep = prev.yearStep;
    m.years = prev.years;
    m.range = prev.range;
    m.lastN = prev.lastN;
  } else if (cur.cues.includes('compare') && prev.years.length && !who) {
    m.years = [...new Set([...prev.years, ...cur.years])];
  }
  // 2023年呢 after one body's figure of another year: 差多少 next sets the two years apart
  const anotherYear = !who && !what && !cur.cues.length && prev.bodies.length === 1 && m.years.length === 1
    && prev.years.length === 1 && m.years[0] !== prev.years[0];
  m.beforeYears = anotherYear ? [...new Set([...(prev.beforeYears ?? []), ...prev.years])] : undefined;
  if (!OWN_INTENTS.has(cur.intent)) m.intent = decideIntent(m);
  return m;
}
