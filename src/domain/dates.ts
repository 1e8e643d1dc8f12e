/**
 * Dates as reports print them, read into year, month and day: Arabic (2025年1月24日, 2025-01-24, 2025/1/24,
 * 2025.01.24, with spaces or full-width digits) and Chinese numerals (二〇二五年一月二十四日). The words and
 * characters are data; the patterns are built from them.
 *
 * The API is about single dates: `readDate` reads a text that is one date, `datesIn` finds every date in a
 * text and marks the two ends of a period (2024年1月1日至2024年12月31日) as `inRange`, so a caller looking for
 * one date (a publication date) can leave periods out. A year alone (2025年), a month without its day, a
 * number that only looks like a date (索引号 2021-0223004, a phone number) and an impossible date
 * (2025年13月1日, 2月30日) are not dates.
 */

export interface Ymd { y: number; m: number; d: number }
export interface DateHit extends Ymd {
  /** Offsets of the date in the text read (UTF-16 units; full-width digits count as one, like their originals). */
  at: number;
  end: number;
  /** One end of a period ("…至…", "…—12月31日"): not a single date. */
  inRange: boolean;
}

/** Chinese numerals as digits: zero as 〇, ○, ◯, 零 (and the letter O that typed and OCR'd reports use). */
export const CN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '◯': 0, '零': 0, 'O': 0, 'Ｏ': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
/** Tens in month and day numbers: 十 (times the digit before it, one when none), 廿 twenty, 卅 thirty. */
export const CN_TENS: Record<string, { value: number; multiplied: boolean }> = {
  十: { value: 10, multiplied: true }, 廿: { value: 20, multiplied: false }, 卅: { value: 30, multiplied: false },
};
/** The words that close a year, a month and a day. */
export const DATE_UNITS = { year: ['年'], month: ['月'], day: ['日', '号'] };
/** Separators of the numeric forms; one separator for both places (2025-01-24, 2025/1/24, 2025.01.24). */
export const DATE_SEPARATORS = ['-', '/', '.'];
/** Words that join the two ends of a period (自2024年1月1日起至2024年12月31日止, 2024.1.1—2024.12.31). */
export const RANGE_JOINERS = ['起至', '起到', '至', '到', '—', '–', '－', '~', '～', '-'];
/** Years a report's date can have. */
export const YEAR_RANGE = { min: 1990, max: 2099 };

/** Full-width digits and separators as ASCII, one character for one so offsets stay. */
export function halfWidth(text: string): string {
  return text.replace(/[０-９－／．～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');
const DIGIT = `[${Object.keys(CN_DIGITS).join('')}]`;
const NONZERO = `[${Object.keys(CN_DIGITS).filter((k) => CN_DIGITS[k] > 0).join('')}]`;
const TENS = `[${Object.keys(CN_TENS).join('')}]`;
/** 一 … 九, 十, 十一, 二十, 二十四, 三十一, 廿四. */
const CN_SMALL = `(?:${NONZERO}?${TENS}${NONZERO}?|${NONZERO})`;
const YEAR = `(?<!\\d)((?:19|20)\\d{2})|(?<!${DIGIT})(${DIGIT}{4})`;
const PART = (unit: string[]) => `(?:(\\d{1,2})|(${CN_SMALL}))\\s*(?:${alt(unit)})`;
const WORDED = `(?:${YEAR})\\s*(?:${alt(DATE_UNITS.year)})\\s*${PART(DATE_UNITS.month)}\\s*${PART(DATE_UNITS.day)}`;
const SEPARATOR = `[${DATE_SEPARATORS.map(esc).join('')}]`;
/** Groups 7–10 (WORDED has 1–6): year, separator, month, day; the back-reference to 8 repeats the separator. */
const NUMERIC = `(?<![\\d.])(?<!\\d[-/])((?:19|20)\\d{2})\\s*(${SEPARATOR})\\s*(\\d{1,2})\\s*\\8\\s*`
  + '(\\d{1,2})(?!\\d)(?!\\.\\d)';
const DATE = new RegExp(`${WORDED}|${NUMERIC}`, 'g');
const MONTH_DAY = `${PART(DATE_UNITS.month)}\\s*${PART(DATE_UNITS.day)}`;
const JOINER = `\\s*(?:${alt(RANGE_JOINERS)})\\s*`;
const ONLY_JOINER = new RegExp(`^${JOINER}$`);
/** A period's other end after a date: a joiner, then a date or a month and day. */
const RANGE_AFTER = new RegExp(`^${JOINER}(?:${WORDED}|${NUMERIC}|${MONTH_DAY})`);
/** A period's first end before a date: a month and day (the year is the date's), then a joiner. */
const RANGE_BEFORE = new RegExp(`${MONTH_DAY}${JOINER}$`);

/** A Chinese or Arabic number: positional digits (二〇二五), or a month/day number (十二, 二十四, 廿四). */
export function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in CN_DIGITS)) return [...s].reduce((n, c) => n * 10 + CN_DIGITS[c], 0);
  const m = new RegExp(`^(${NONZERO})?(${TENS})(${NONZERO})?$`).exec(s);
  if (!m) return null;
  const tens = CN_TENS[m[2]];
  if (m[1] && !tens.multiplied) return null;
  return (tens.multiplied ? (m[1] ? CN_DIGITS[m[1]] : 1) * tens.value : tens.value) + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** Is this a day of the calendar (month lengths, leap years, years a report can have)? */
export function validDate({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || y < YEAR_RANGE.min || y > YEAR_RANGE.max) return false;
  if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isInteger(d) || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const isoDate = ({ y, m, d }: Ymd): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Every date in the text, in order; the ends of a period are marked `inRange`. */
export function datesIn(text: string): DateHit[] {
  const t = halfWidth(text);
  const hits: DateHit[] = [];
  for (const m of t.matchAll(DATE)) {
    const g = (i: number) => m[i];
    const ymd = g(8) !== undefined
      ? { y: Number(g(7)), m: Number(g(9)), d: Number(g(10)) }
      : { y: cnNumber(g(1) ?? g(2))!, m: cnNumber(g(3) ?? g(4)) ?? 0, d: cnNumber(g(5) ?? g(6)) ?? 0 };
    if (!validDate(ymd)) continue;
    const at = m.index!, end = at + m[0].length;
    const inRange = RANGE_AFTER.test(t.slice(end)) || RANGE_BEFORE.test(t.slice(0, at));
    hits.push({ ...ymd, at, end, inRange });
  }
  for (let i = 1; i < hits.length; i++) {
    if (ONLY_JOINER.test(t.slice(hits[i - 1].end, hits[i].at))) hits[i - 1].inRange = hits[i].inRange = true;
  }
  return hits;
}

/** Brackets, quotes and closing punctuation a date may stand in ("（2025年3月2日）", "2025年1月24日。"). */
const WRAP = /^[\s（(【[「『“"]+|[\s）)】\]」』”"。，,；;.]+$/g;

/** The date a text is (nothing else but brackets and punctuation around it), or null. */
export function readDate(text: string): Ymd | null {
  const t = halfWidth(text).replace(WRAP, '');
  const hits = datesIn(t);
  if (hits.length !== 1 || hits[0].inRange || hits[0].at !== 0 || hits[0].end !== t.length) return null;
  const { y, m, d } = hits[0];
  return { y, m, d };
}
