/**
 * A figure the question states, checked against the answer's: the same, or not (and the report's figure), or
 * not comparable (another unit). Only the answer's first figure is checked, and only when the answer has one.
 */
import { fmt, type Answer } from './answer.js';
import { M } from './messages.js';
import type { Frame } from './frame.js';
import { sameUnitKind } from './words/index.js';

export function checkClaim(a: Answer, claim: NonNullable<Frame['claimed']>): Answer {
  if (a.status !== 'answered' || !a.facts.length) return a;
  // 行政许可9487件，比上年多吗: a change answered, a figure claimed: the figure (of the first year) is checked
  const ofChange = /^(change|difference):/.test(a.facts[0].metric);
  if (ofChange && !claim.change) {
    const level = a.facts.find((y) => !/^\w+:/.test(y.metric));
    return level ? checked(a, claim, level, true) : a;
  }
  // 番禺比洪泽多1679件: the difference of the two bodies, in the order named, and its way
  const diff = a.facts.find((y) => y.metric.startsWith('difference:'));
  if (claim.change && diff) return checkedDifference(a, claim, diff);
  // 下降了1343件: a change claimed of a figure, not of a change, is not checked as one
  if (ofChange || !claim.change) return checked(a, claim, a.facts[0]);
  return { ...a, text: `${M.claimNotChange}\n${a.text}` };
}

/** 甲比乙多X: the difference's size, and that 甲 (named first, shown first) has more (多) or fewer (少). */
function checkedDifference(a: Answer, claim: NonNullable<Frame['claimed']>, diff: Answer['facts'][number]): Answer {
  const [p, q] = a.facts.filter((y) => !/^\w+:/.test(y.metric));
  if (!p || !q || claim.unit === '%' || !(p.unit === claim.unit || sameUnitKind(p.unit, claim.unit))) return a;
  const signed = p.value - q.value;
  const way = claim.change === 'either' || (claim.change === 'up') === signed > 0;
  const said = `${claim.digits} ${claim.unit}`;
  const same = way && Math.abs(Math.abs(signed) - claim.value) < 1e-6;
  const actual = M.moreThan(p.org, q.org, signed >= 0, fmt(Math.abs(signed), diff.unit));
  return { ...a, text: `${same ? M.claimSame(said) : M.claimDiffers(said, actual)}\n${a.text}` };
}

/** The verdict on the claim against fact x (of a change: its size, and its way when the claim says one). */
function checked(a: Answer, claim: NonNullable<Frame['claimed']>, x: Answer['facts'][number], level = false): Answer {
  // one figure answered: of one body and year (a rate's parts are of it), or a sum, mean or difference of several;
  // a trend or a list of bodies is not checked by its first line
  const derived = /^(sum|avg|difference|times|change):/.test(x.metric);
  if (!derived && !level && a.facts.some((y) => y.org !== x.org || y.year !== x.year)) {
    return { ...a, text: `${M.claimSeveral}\n${a.text}` };
  }
  const said = `${claim.digits}${claim.unit === '%' ? '%' : ` ${claim.unit}`}`;
  const pct = claim.unit === '%';
  const comparable = pct ? x.unit === '%'
    : x.unit !== '%' && (x.unit === claim.unit || sameUnitKind(x.unit, claim.unit));
  if (!comparable) return { ...a, text: `${M.claimOtherUnit(said, fmt(x.value, x.unit))}\n${a.text}` };
  // a rate is printed to two decimals: 62.16% is that rate
  const base = (v: number, unit: string) => (unit.startsWith('万') ? v * 10_000 : v);
  const change = claim.change !== undefined && x.metric.startsWith('change:');
  // of a change: its size (the way is checked apart); a difference between bodies has no way
  const v = change || claim.change ? Math.abs(x.value) : x.value;
  // a rate claimed to fewer decimals (62.2%, 62%) is that rate rounded as said (62.16%)
  const places = Math.min(2, claim.digits.split('.')[1]?.length ?? 0);
  const same = pct ? Number((v * 100).toFixed(places)) === claim.value
    : Math.abs(base(v, x.unit) - base(claim.value, claim.unit)) < 1e-6;
  const way = change && claim.change !== 'either' && (claim.change === 'up') !== x.value > 0;
  const actual = change ? M.changeBy(x.value >= 0, fmt(Math.abs(x.value), x.unit)) : fmt(x.value, x.unit);
  const rounded = pct && same && places < 2 && Math.abs(v * 100 - claim.value) >= 0.005;
  const verdict = same && !way ? `${M.claimSame(said)}${rounded ? M.claimRounded(actual) : ''}`
    : M.claimDiffers(said, actual);
  return { ...a, text: `${verdict}\n${a.text}` };
}
