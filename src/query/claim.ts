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
  const x = a.facts[0];
  // one figure answered: of one body and year (a rate's parts are of it), or a sum, mean or difference of several;
  // a trend or a list of bodies is not checked by its first line
  const derived = /^(sum|avg|difference|times|change):/.test(x.metric);
  if (!derived && a.facts.some((y) => y.org !== x.org || y.year !== x.year)) {
    return { ...a, text: `${M.claimSeveral}\n${a.text}` };
  }
  const said = `${claim.digits}${claim.unit === '%' ? '%' : ` ${claim.unit}`}`;
  const pct = claim.unit === '%';
  const comparable = pct ? x.unit === '%'
    : x.unit !== '%' && (x.unit === claim.unit || sameUnitKind(x.unit, claim.unit));
  if (!comparable) return { ...a, text: `${M.claimOtherUnit(said, fmt(x.value, x.unit))}\n${a.text}` };
  // a rate is printed to two decimals: 62.16% is that rate
  const base = (v: number, unit: string) => (unit.startsWith('万') ? v * 10_000 : v);
  const same = pct ? Math.abs(x.value * 100 - claim.value) < 0.005
    : Math.abs(base(x.value, x.unit) - base(claim.value, claim.unit)) < 1e-6;
  const verdict = same ? M.claimSame(said) : M.claimDiffers(said, fmt(x.value, x.unit));
  return { ...a, text: `${verdict}\n${a.text}` };
}
