/** Date reading against the corpora: test/corpus/dates.jsonl (dates) and dates-not.jsonl (not single dates). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cnNumber, datesIn, isoDate, readDate, validDate } from '../src/domain/dates.js';
import { findPublished } from '../src/ingest/published.js';
import { textToDoc } from '../src/ingest/extract/text.js';

const corpus = <T>(name: string): T[] => readFileSync(new URL(`./corpus/${name}`, import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

interface DateCase { text: string; iso: string; form: string; whole?: boolean }
interface NotDateCase { text: string; why: string }
const DATES = corpus<DateCase>('dates.jsonl');
const NOT_DATES = corpus<NotDateCase>('dates-not.jsonl');
const single = (text: string) => datesIn(text).filter((h) => !h.inRange).map(isoDate);

describe('the corpora are large enough', () => {
  it('dates', () => expect(DATES.length).toBeGreaterThanOrEqual(40));
  it('not dates', () => expect(NOT_DATES.length).toBeGreaterThanOrEqual(15));
});

describe('dates as reports print them', () => {
  it.each(DATES.map((c) => [c.text, c.form, c]))('%s (%s)', (_t, _f, c) => {
    const { text, iso, whole = true } = c as DateCase;
    expect(single(text)).toEqual([iso]);
    if (whole) expect(readDate(text) && isoDate(readDate(text)!)).toBe(iso);
    else expect(readDate(text)).toBeNull();
  });
});

describe('not a single date', () => {
  it.each(NOT_DATES.map((c) => [c.text, c.why]))('%s (%s)', (text) => {
    expect(readDate(text)).toBeNull();
    expect(single(text)).toEqual([]);
  });
  it('the ends of a period are found, marked as a period', () => {
    const hits = datesIn('本报告统计期限自2024年1月1日起至2024年12月31日止。');
    expect(hits.map((h) => [isoDate(h), h.inRange])).toEqual([['2024-01-01', true], ['2024-12-31', true]]);
  });
});

describe('numbers and the calendar', () => {
  it.each([['二〇二五', 2025], ['十', 10], ['十二', 12], ['二十', 20], ['二十四', 24], ['三十一', 31], ['廿四', 24], ['九', 9]])(
    '%s is %i', (s, n) => expect(cnNumber(s as string)).toBe(n));
  it('廿 takes no digit before it', () => expect(cnNumber('二廿')).toBeNull());
  it('month lengths and leap years', () => {
    expect(validDate({ y: 2024, m: 2, d: 29 })).toBe(true);
    expect(validDate({ y: 2100, m: 2, d: 29 })).toBe(false);
    expect(validDate({ y: 2025, m: 6, d: 31 })).toBe(false);
  });
  it('offsets point into the text read, full-width digits included', () => {
    const [h] = datesIn('发布日期：２０２５年１月２４日');
    expect([h.at, h.end]).toEqual([5, 15]);
  });
});

describe('the publication date of a report', () => {
  const published = (text: string, year = 2024) => findPublished(textToDoc(text).lines, year)?.date ?? null;
  const signatures = DATES.filter((c) => c.whole !== false && c.iso >= '2025-01-01' && c.iso <= '2026-12-31');
  it.each(signatures.map((c) => [c.text, c.iso]))('a signature line %s', (line, iso) => expect(published(`正文。\n${line}`)).toBe(iso));
  it('a Chinese-numeral signature after the body on the line before', () => {
    expect(published('六、其他需要报告的事项\n无。\n保康县马桥镇人民政府\n二〇二五年一月二十四日')).toBe('2025-01-24');
  });
  it('the body and the date on one line', () => {
    expect(published('无。\n韶关市武江区人民政府办公室 2025年1月24日')).toBe('2025-01-24');
  });
  it('the last date wins', () => expect(published('发布日期：2025-01-20\n正文\n2025年1月24日')).toBe('2025-01-24'));
  it('dates of the report year and periods are not publication dates', () => {
    expect(published('统计期限自2024年1月1日起至2024年12月31日止。\n二〇二四年十二月三十一日')).toBeNull();
    expect(published('2024年1月1日至2025年1月1日')).toBeNull();
  });
  it('a sentence with a date is not a signature', () => {
    expect(published('2025年1月10日，我局召开政府信息公开工作会议，部署年度报告编制工作。')).toBeNull();
  });
});
