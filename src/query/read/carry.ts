/**
 * A year the applications are carried into (转到2025年的申请, 结转到2025年): not a report's year but the next one,
 * so the question asks the report year before it for 结转下年度继续办理; a year carried from (从2023年转过来的)
 * asks the report after it for 上年结转. years.ts reads them as years; these decide what they are.
 */
import type { YearSpan } from './years.js';

/** Words after which a year is the year carried into. */
const INTO = ['留到', '留至', '结转到', '结转至', '结转', '顺延到', '顺延至', '顺延', '延续到', '带到'];
/** Words that carry into a year only when applications follow (转到2025年办理的; 转到2024年呢 moves the question). */
const INTO_IF = ['转到', '转至', '转入'];
const FOLLOWS = /^的?(?:继续)?(?:办理|处理|申请)/;

export interface CarryToken { text: string; start: number; end: number; year?: YearSpan }

/** Words after which a year is the year applications were carried from (从2023年转过来的申请). */
const FROM = ['转过来', '转来', '结转过来', '结转来', '结转而来', '遗留', '遗留下来', '留下来', '转入'];

/** The year spans applications were carried from: the report is of the next year, its 上年结转. */
export function carriedFrom(text: string, tokens: CarryToken[]): YearSpan[] {
  return tokens.filter((t) => t.year?.years?.length === 1
    && FROM.some((w) => text.slice(t.end).replace(/^的?/, '').startsWith(w))).map((t) => t.year!);
}

/**
 * The year spans carried into, by the words before them. `carrying`: the question names 结转下年度 already
 * (没办完要转到2025年), so 转到 a year is its year even with no 办理 after it.
 */
export function carriedInto(text: string, tokens: CarryToken[], carrying = false): YearSpan[] {
  return tokens.filter((t) => {
    if (t.year?.years?.length !== 1) return false;
    const before = text.slice(0, t.start);
    return INTO.some((w) => before.endsWith(w))
      || (INTO_IF.some((w) => before.endsWith(w)) && (carrying || FOLLOWS.test(text.slice(t.end))));
  }).map((t) => t.year!);
}
