import { describe, expect, it } from 'vitest';
import { WORDS } from '../../src/query/words/index.js';
import { Dictionary } from '../../src/query/read/dictionary.js';
import { segment } from '../../src/query/read/segment.js';
import { normalizeQuestion, normalizeText, smallNumber } from '../../src/domain/normalText.js';
import { findYears } from '../../src/query/read/years.js';

const dict = new Dictionary<(typeof WORDS)[number][1]>();
for (const [s, w] of WORDS) dict.add(normalizeText(s), w);
const tokens = (q: string) => { const t = normalizeText(q); return segment(t, dict, findYears(t)); };
const scan = (q: string) => tokens(q).map((h) => h.text);

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
    expect(scan('的公开率')).toEqual(['的', '公开率']);
  });

  it('上年结转 is a metric, not the year before', () => {
    const hits = tokens('上年结转多少');
    expect(hits[0].entries.some((e) => e.k === 'metric')).toBe(true);
    expect(hits[0].entries.some((e) => e.k === 'relyear')).toBe(false);
  });

  it('every character is explained: what no word covers is one unknown stretch', () => {
    const ts = tokens('门户网站发布了多少篇推文');
    expect(ts.map((t) => t.text).join('')).toBe('门户网站发布了多少篇推文');
    expect(ts.filter((t) => t.kind === 'unknown').map((t) => t.text)).toEqual(['发布', '推文']);
  });

  it('the cut with fewest unexplained characters wins: 和 is not swallowed by a place beginning with it', () => {
    const d = new Dictionary<string>();
    for (const w of ['番禺', '顺德', '和顺', '和', '谁', '多']) d.add(w, w);
    expect(segment('番禺和顺德谁多', d, []).map((t) => t.text)).toEqual(['番禺', '和', '顺德', '谁', '多']);
  });
});

describe('question text', () => {
  it.each([
    ['番禺區2024年收到多少政府資訊公開申請？', '番禺区2024年收到多少政府信息公开申请?'],
    ['２０２４年 番禺', '2024年番禺'],
    ['二〇二四年番禺区行政处罚', '2024年番禺区行政处罚'],
    ['二零二三年度', '2023年度'],
    ['规范性文件', '规范性文件'],
    // a count written in Chinese before its unit is in digits; an approximate one, a place or a single digit is not
    ['收到一千七百七十四件申请对吗', '收到1774件申请对吗'],
    ['一百零八件', '108件'],
    ['收费三十二万元', '收费32万元'],
    ['收费三万元', '收费3万元'],
    ['两万三千条', '23000条'],
    ['有几十件', '有几十件'],
    ['二十多件', '二十多件'],
    ['上百件', '上百件'],
    ['第二名', '第二名'],
    ['三件', '三件'],
    ['前十个单位', '前十个单位'],
    ['一二三件', '一二三件'],
  ])('%s → %s', (q, want) => expect(normalizeQuestion(q).text).toBe(want));

  it('bidi marks, zero-width characters, controls and NUL are removed', () => {
    expect(normalizeQuestion('番\u202e禺\u200b20\u000024年').text).toBe('番禺2024年');
  });
  it('a paste longer than a question is refused, not cut into another question', () => {
    const r = normalizeQuestion('番禺2024年收到多少申请'.repeat(10_000));
    expect(r.tooLong).toBe(true);
    expect(r.length).toBeGreaterThan(100_000);
  });

  it.each([['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['5', 5]])('small number %s = %i', (s, n) => expect(smallNumber(s)).toBe(n));
});

describe('years', () => {
  const years = (q: string) => findYears(normalizeText(q));
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
