/**
 * A year the applications are carried into (转到2025年的申请, 结转到2025年): not a report's year but the next one,
 * so the question asks the report year before it for 结转下年度继续办理.
 */
import type { YearSpan } from './years.js';

/** Words after which a year is the year carried into. */
const INTO = ['转到', '转至', '转入', '留到', '结转到', '结转至', '结转', '顺延到', '延续到', '带到'];

export interface CarryToken { text: string; start: number; end: number; year?: YearSpan }

/** The years carried into (years.ts reads them as no year asked), by where the question prints them. */
export function carriedInto(text: string, tokens: CarryToken[]): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    const y = /^(20\d{2})年?度?$/.exec(t.text);
    const before = text.slice(0, t.start);
    if (t.year && y && INTO.some((w) => before.endsWith(w))) out.push(Number(y[1]));
  }
  return out;
}
