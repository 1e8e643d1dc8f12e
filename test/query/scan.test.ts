import { describe, expect, it } from 'vitest';
import { WORDS } from '../../src/query/lexicon.js';
import { Dictionary, leftovers } from '../../src/query/scan.js';
import { normalizeQuestion, smallNumber } from '../../src/query/text.js';
import { findYears } from '../../src/query/years.js';

const dict = new Dictionary<(typeof WORDS)[number][1]>();
for (const [s, w] of WORDS) dict.add(s, w);
const scan = (q: string) => dict.scan(normalizeQuestion(q)).map((h) => h.surface);

describe('one longest-match scan', () => {
  it.each([
    ['番禺2024年上年结转的申请', '上年结转'],
    ['不予公开多少件', '不予公开'],
    ['结转到下年度的申请', '结转到下年度'],
    ['未经复议直接起诉几件', '未经复议直接起诉'],
    ['复议后起诉的总计', '复议后起诉'],
    ['复议纠错率', '复议纠错率'],
  ])('%s → %s', (q, want) => {
    expect(scan(q)).toContain(want);
  });

  it('主动公开 is not 予以公开, 公开率 is not 公开', () => {
    expect(scan('主动公开了多少条')).not.toContain('予以公开');
    expect(scan('番禺的公开率')).toEqual(['公开率']);
  });

  it('上年结转 is a metric, not the year before', () => {
    const hits = dict.scan(normalizeQuestion('上年结转多少'));
    expect(hits[0].entries.some((e) => e.k === 'metric')).toBe(true);
    expect(hits[0].entries.some((e) => e.k === 'relyear')).toBe(false);
  });

  it('leftovers are what no word covers', () => {
    const t = '协作办门户网站发布了多少篇';
    const hits = [{ start: 0, end: 3 }];
    expect(leftovers(t, hits).map((x) => x.text)).toEqual(['门户网站发布了多少篇']);
  });
});

describe('question text', () => {
  it.each([
    ['番禺區2024年收到多少政府資訊公開申請？', '番禺区2024年收到多少政府信息公开申请?'],
    ['２０２４年 番禺', '2024年番禺'],
    ['二〇二四年番禺区行政处罚', '2024年番禺区行政处罚'],
    ['二零二三年度', '2023年度'],
    ['规范性文件', '规范性文件'],
  ])('%s → %s', (q, want) => expect(normalizeQuestion(q)).toBe(want));

  it.each([['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['5', 5]])('small number %s = %i', (s, n) => expect(smallNumber(s)).toBe(n));
});

describe('years', () => {
  const years = (q: string) => findYears(normalizeQuestion(q));
  it.each([
    ['番禺2024年收到多少', [2024]],
    ['2024年度报告', [2024]],
    ['二〇二四年', [2024]],
    ['24年番禺', [2024]],
    ['（2023）', [2023]],
  ])('%s', (q, want) => expect(years(q).flatMap((y) => y.years ?? [])).toEqual(want));

  it('ranges, last N years, pairs', () => {
    expect(years('2020至2024年')[0].range).toEqual([2020, 2024]);
    expect(years('2020年到2024年')[0].range).toEqual([2020, 2024]);
    expect(years('近三年')[0].lastN).toBe(3);
    expect(years('最近5年')[0].lastN).toBe(5);
    expect(years('2020年和2024年').flatMap((y) => y.years ?? [])).toEqual([2020, 2024]);
  });

  it('numbers that are not years are left alone', () => {
    expect(years('行政许可2136034件')).toEqual([]);
    expect(years('1774件')).toEqual([]);
  });
});
