/** Which kind of answer a frame asks for: ordered, named rules, the first that fits wins. */
import type { Frame, Intent } from '../frame.js';
import { SCOPE_LEVEL, type Cue } from '../words/index.js';

const has = (f: Frame, c: Cue) => f.cues.includes(c);
const distinctYears = (f: Frame) => new Set(f.years).size;
const ranks = (f: Frame) => has(f, 'rank') || has(f, 'rank_desc') || has(f, 'rank_asc') || has(f, 'which');

/** Over many bodies: 各单位, 所有单位, a tier (各区县), or a scope around a body (全省, 全国). */
export const many = (f: Frame) => has(f, 'all_bodies') || f.cues.some((c) => SCOPE_LEVEL[c]);

const publication = (f: Frame) => has(f, 'published') || has(f, 'deadline') || has(f, 'no_date') || has(f, 'late');

const RULES: [Intent, (f: Frame) => boolean][] = [
  ['help', (f) => has(f, 'help') && !f.metrics.length && !f.bodies.length],
  ['list', (f) => has(f, 'list') && !f.metrics.length && !has(f, 'audit') && !publication(f)],
  // 审计核对：…总计那一格印的是多少 asks for the figure as printed, not for the audit
  ['audit', (f) => has(f, 'audit') && !(f.metrics.length && f.wantsNumber)],
  ['published', publication],
  ['problems', (f) => has(f, 'problems') && !f.metrics.length],
  // 洪泽哪一年收到申请最多: one body's years, the most named first (no body named: which body is asked)
  ['trend', (f) => has(f, 'which_year') && f.bodies.length <= 1 && !many(f) && (!!f.metrics.length || !!f.ratio)],
  ['rank', (f) => ranks(f) && f.bodies.length !== 1 && (!!f.metrics.length || !!f.ratio)],
  // 协作办收到申请是不是最多的: where the body stands among every body (a ranking with its place)
  ['rank', (f) => ranks(f) && f.bodies.length === 1 && (!!f.metrics.length || !!f.ratio) && !has(f, 'which_year')],
  // where one body stands among all (番禺排第几, 番禺在各单位里排名如何): the ranking with its line
  // 网站访问量排名: a figure of the prose, which the rank handler says cannot be ranked
  ['rank', (f) => ranks(f) && f.topics.length > 0 && !f.metrics.length && !f.ratio && f.bodies.length !== 1],
  // 排第几 or 排名第二的是谁 with no figure named: the rank handler asks which figure
  ['rank', (f) => has(f, 'position') || (!!f.nth && f.bodies.length !== 1 && !f.keywords.length)
    || (f.bodies.length === 1 && ranks(f) && many(f) && (!!f.metrics.length || !!f.ratio))],
  // 广州市2024年各单位的公开率: a rate over a place's bodies is each body's, in order (the total handler says so)
  ['total', (f) => (many(f) || f.regions.length > 0) && f.bodies.length === 0 && (!!f.metrics.length || !!f.ratio)],
  // 2024年平均收到多少申请: an average over the bodies of the year; 洪泽平均每年: over the body's years
  ['total', (f) => has(f, 'average') && f.bodies.length === 0 && !f.ambiguous && !f.unknownBodies.length
    && !f.unknownPlaces.length && (!!f.metrics.length || !!f.ratio)],
  ['trend', (f) => has(f, 'average') && f.bodies.length === 1 && (!!f.metrics.length || !!f.ratio)],
  ['compare', (f) => f.bodies.length > 1 || (f.ambiguous === null && f.bodies.length <= 1
    && has(f, 'compare') && distinctYears(f) > 1 && !has(f, 'change'))],
  ['change', (f) => has(f, 'change') || (has(f, 'prev_year') && (!!f.metrics.length || !!f.ratio))],
  ['trend', (f) => has(f, 'trend') || !!f.range || !!f.lastN || distinctYears(f) > 1],
  ['lookup', (f) => !!f.metrics.length || !!f.ratio],
  ['narrative', (f) => f.keywords.length > 0 && (f.bodies.length > 0 || f.ambiguous !== null)],
  // a body named with nothing asked of it ("洪泽区的报告", "洪泽"): its report card
  ['card', (f) => f.bodies.length === 1 && !f.keywords.length],
];

export function decideIntent(f: Frame): Intent {
  for (const [intent, test] of RULES) if (test(f)) return intent;
  return 'unknown';
}
