import { describe, expect, it } from 'vitest';
import { textToDoc } from '../src/ingest/extract/text.js';
import { htmlToDoc } from '../src/ingest/extract/html.js';
import { findSections } from '../src/ingest/sections.js';
import { findPublished } from '../src/ingest/published.js';
import { findBodyYear } from '../src/ingest/title/index.js';
import type { DocLine } from '../src/ingest/doc.js';

const find = (lines: DocLine[]) => findBodyYear(lines, findSections(lines).find((s) => s.id !== 'overview')?.start).found;
const title = (text: string) => find(textToDoc(text).lines);

describe('the title gives the body and the year', () => {
  it.each([
    ['某某市生态环境局2024年政府信息公开工作年度报告\n一、总体情况', '某某市生态环境局', 2024],
    ['某某市生态环境局关于2024年度政府信息公开工作年度报告\n一、总体情况', '某某市生态环境局', 2024],
    ['2024年度某某市生态环境局政府信息公开工作年度报告\n一、总体情况', '某某市生态环境局', 2024],
    ['某某县人民政府\n2023年政府信息公开\n工作年度报告\n一、总体情况', '某某县人民政府', 2023],
    ['某某区人民政府办公室2022年政府信息公开年报\n一、总体情况', '某某区人民政府办公室', 2022],
    ['# 某某县人民政府 二〇二四年 政府信息公开工作年度报告\n## 一、总体情况', '某某县人民政府', 2024],
    ['根据条例要求，现发布《某某区人民政府办公室2024年政府信息公开工作年度报告》。\n一、总体情况', '某某区人民政府办公室', 2024],
  ])('%s', (text, org, year) => expect(title(text)).toMatchObject({ org, year }));

  it('a title without a year takes the year of the reporting period', () => {
    const d = textToDoc('某某区人民政府政府信息公开工作年度报告\n本报告统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况');
    expect(find(d.lines)).toMatchObject({ org: '某某区人民政府', year: 2023, yearFrom: 'period' });
  });

  it('a web page: the title next to the report wins over other years listed in the navigation', () => {
    const html = `<html><body><ul class="menu"><li>某某区人民政府2022年政府信息公开工作年度报告</li><li>某某区人民政府2023年政府信息公开工作年度报告</li></ul>
      <div class="content"><h1>某某区人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p></div></body></html>`;
    const d = htmlToDoc(html);
    expect(find(d.lines)).toMatchObject({ org: '某某区人民政府', year: 2024 });
  });
});

describe('sections', () => {
  it('headings are found in order; a sentence naming them is not a heading', () => {
    const d = textToDoc('本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成。\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项');
    expect(findSections(d.lines).map((s) => s.id)).toEqual(['overview', 'active', 'applications', 'review', 'problems', 'other']);
  });
});

describe('publication date', () => {
  it.each([
    ['2025年1月24日', '2025-01-24'],
    ['（2025年3月2日）', '2025-03-02'],
    ['发布日期：2025-01-20', '2025-01-20'],
    ['2025/01/15', '2025-01-15'],
  ])('%s', (line, date) => expect(findPublished(textToDoc(`正文\n${line}`).lines, 2024)?.date).toBe(date));
  it('dates of the reporting period are not publication dates', () => {
    expect(findPublished(textToDoc('统计期限自2024年1月1日起至2024年12月31日止。\n2024年12月31日').lines, 2024)).toBeNull();
  });
});

describe('the body and year from the document\'s metadata title', () => {
  const body = '2024年政府信息公开工作年度报告\n本报告根据条例编制。\n一、总体情况\n正文。';
  it('an HTML page whose own heading names no body: its <title> does', () => {
    const html = `<html><head><title>某某县统计局2024年政府信息公开工作年度报告_某某县人民政府网</title></head>
      <body><h1>2024年政府信息公开工作年度报告</h1><p>本报告根据条例编制。</p><p>一、总体情况</p><p>正文。</p></body></html>`;
    const d = htmlToDoc(html);
    expect(find(d.lines)).toBeNull();
    expect(findBodyYear(d.lines, undefined, d.meta).found).toMatchObject({ org: '某某县统计局', year: 2024, source: 'meta' });
  });
  it('a PDF whose metadata Title names the body', () => {
    const d = textToDoc(body);
    const r = findBodyYear(d.lines, undefined, { Title: '某某市生态环境局2024年政府信息公开工作年度报告' });
    expect(r.found).toMatchObject({ org: '某某市生态环境局', year: 2024, source: 'meta' });
  });
  it('without it, the body is missing and the year is kept for an admin to complete', () => {
    const r = findBodyYear(textToDoc(body).lines);
    expect(r.found).toBeNull();
    expect(r.missing).toEqual(['body']);
    expect(r.partial).toEqual({ year: 2024 });
  });
});
