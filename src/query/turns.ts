/**
 * Follow-ups that act on what the last turns showed rather than on one slot of the last question, said with no
 * body, year or figure of their own: 谁多 / 差多少 / 几倍 / 两个加起来 / 谁最多 over the bodies or years asked in turn
 * (洪泽的公开率 → 番禺呢 → 谁更高), 一共多少 (the whole of a part), 其中最多的是哪一项 (a group's reasons in order).
 * Two figures of one body asked in two turns are not kept: adding or comparing them is asked again in one sentence.
 */
import type { Frame } from './frame.js';
import { decideIntent } from './read/intent.js';
import { metricsOf } from './read/words.js';

/** What makes a question a ranking, kept by a follow-up that moves its scope or its place. */
export const RANKING = new Set(['position', 'rank', 'rank_desc', 'rank_asc', 'which', 'all_bodies']);
/** What a question alone asks of the bodies just shown (谁多, 相差多少, 几倍, 加起来, 谁最多). */
const SIDE_BY_SIDE = new Set<string>(['sum', 'compare', 'difference', 'times', 'points', 'rank_desc', 'rank_asc',
  'which']);
/** What sets two figures side by side (谁多, 相差多少, 几倍, 几个百分点). */
export const APART = new Set<string>(['compare', 'difference', 'times', 'points']);

/**
 * The frame a follow-up with no body, year or figure of its own asks of the last turns; `cur` itself when what it
 * asks is not on hand (it is then stopped with the reason); undefined for an ordinary follow-up.
 */
export function acrossTurns(cur: Frame, prev: Frame): Frame | undefined {
  // the question's cues less 两个 / 这三个 (the figures just shown)
  const own = cur.cues.filter((c) => c !== 'these');
  const like = (change: Partial<Frame>): Frame => {
    const m: Frame = { ...prev, text: cur.text, trace: [...cur.trace, 'context'], ...change };
    m.intent = decideIntent(m);
    return m;
  };
  // 不予公开多少 → 其中最多的是哪一项: the group's reasons in order, not the bodies ranked
  if (cur.cues.includes('breakdown') && prev.metrics.length === 1 && prev.metrics[0].startsWith('group.')) {
    return like({ cues: [...prev.cues.filter((c) => !RANKING.has(c)), 'each'], order: cur.order ?? prev.order });
  }
  const sideBySide = own.length > 0 && own.every((c) => SIDE_BY_SIDE.has(c));
  const cues = [...new Set([...prev.cues, ...own])];
  // 洪泽的公开率 → 番禺呢 → 谁更高 / 相差多少 / 两个加起来 / 谁最多: the bodies of the last turns, side by side
  if (sideBySide && prev.before?.length && prev.bodies.length === 1) {
    return like({ before: undefined, bodies: [...prev.before, ...prev.bodies], cues, order: cur.order ?? prev.order });
  }
  // 洪泽2024年… → 2023年呢 → 差多少: the two years
  if (sideBySide && prev.beforeYears?.length && prev.bodies.length === 1) {
    const years = [...new Set([...prev.beforeYears, ...prev.years])].sort((a, b) => a - b);
    return like({ beforeYears: undefined, years, cues, wantsSum: prev.wantsSum || own.includes('sum') });
  }
  // 维持几件 → 纠正呢 → 两个加起来: the figures of two turns of one body are not kept
  if (cur.cues.includes('these') && prev.bodies.length < 2 && own.some((c) => SIDE_BY_SIDE.has(c))) return cur;
  if (own.length === 1 && own[0] === 'sum') return wholeOf(cur, prev, like);
  // 谁更高 / 差多少 / 几倍 alone after one figure: two figures are not on hand
  if (own.length && own.every((c) => APART.has(c)) && prev.bodies.length < 2 && new Set(prev.years).size < 2) {
    return cur;
  }
  return undefined;
}

/**
 * 总计呢 / 一共多少 alone: the whole of what was asked (the 总计 column, a review's 总计), never the part again; the
 * bodies shown added up; with nothing left to add up, the question is not answered.
 */
function wholeOf(cur: Frame, prev: Frame, like: (change: Partial<Frame>) => Frame): Frame {
  if (prev.parts.rcol && prev.parts.rcol !== 'total') {
    const parts = { ...prev.parts, rcol: 'total' as const };
    return like({ cues: prev.cues, parts, metrics: metricsOf({ ...prev, keywords: [] }, parts) });
  }
  if (prev.applicant && prev.applicant !== 'total') {
    return like({ cues: prev.cues, applicant: 'total', applicants: ['total'] });
  }
  // 番禺和洪泽收到多少 → 加起来呢: the figure of the bodies shown, added up (a rate is refused as a sum)
  if (prev.bodies.length > 1 && prev.metrics.length === 1) {
    return like({ cues: [...prev.cues.filter((c) => !RANKING.has(c)), 'sum'] });
  }
  return cur;
}
