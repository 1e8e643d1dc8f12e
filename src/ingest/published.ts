/** The publication date a report prints: its signature date, or a date labelled 发布日期. */
import { classifyBody } from '../domain/bodyKinds.js';
import { datesIn, isoDate } from '../domain/dates.js';
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';

/** Labels of a publication date: a verb and a noun (发布日期, 成文时间, 印发日期). */
export const DATE_LABEL_WORDS = { verbs: ['发布', '成文', '印发', '公开', '发文'], nouns: ['日期', '时间'] };
const DATE_LABEL = new RegExp(`(${DATE_LABEL_WORDS.verbs.join('|')})(${DATE_LABEL_WORDS.nouns.join('|')})`);

/** How long a line may be: a date alone (spaces left out), a labelled date, a name followed by its date. */
export const LINE_MAX = { alone: 16, labelled: 40, signed: 40 };
/** A body's name before the date on a signature line (韶关市武江区人民政府办公室 2025年1月24日). */
const NAME_BEFORE = /^[\u3400-\u9fff·]{2,30}$/;

/**
 * The publication date printed in the report: a date standing on its own line (the signature, in Arabic or
 * Chinese numerals: 2025年1月24日, 二〇二五年一月二十四日), after the body's name on the same line, or labelled
 * 发布日期; one end of a period (统计期限…至…) is never one. The date must fall after the report year (and at
 * most two years after); the last such date wins (the signature date closes a report).
 */
export function findPublished(lines: DocLine[], year: number): { date: string; line: DocLine } | null {
  let found: { date: string; line: DocLine } | null = null;
  for (const l of lines) {
    const t = lineText(l).replace(/[()（）]/g, '').trim();
    if (t.length > Math.max(LINE_MAX.labelled, LINE_MAX.signed)) continue;
    const hits = datesIn(t).filter((h) => !h.inRange);
    if (!hits.length) continue;
    const labelled = DATE_LABEL.test(t) && t.length <= LINE_MAX.labelled;
    const alone = t.replace(/\s+/g, '').length <= LINE_MAX.alone;
    const last = hits[hits.length - 1];
    const before = t.slice(0, last.at).replace(/\s+/g, '');
    const signed = t.length <= LINE_MAX.signed && last.end === t.length && NAME_BEFORE.test(before)
      && classifyBody(before).by !== 'none';
    if (!labelled && !alone && !signed) continue;
    const h = signed && !labelled && !alone ? last : hits[0];
    if (h.y <= year || h.y > year + 2) continue;
    found = { date: isoDate(h), line: l };
  }
  return found;
}
