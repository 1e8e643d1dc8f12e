import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, JINLIN, NOW, PANYU, truth, WUJIANG, XZB20, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const ask = (q: string, chat?: string) => engine.ask(q, { chat, now: NOW });
const TOTAL = 6;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('lookups answer with the number, the full name, the year and the source line', () => {
  const p = truth(PANYU);
  it.each([
    ['番禺2024年收到多少政府信息公开申请？', p.applications.new_received[TOTAL]],
    ['番禺区2024年自然人提出了多少申请', p.applications.new_received[0]],
    ['番禺2024年商业企业申请数量', p.applications.new_received[1]],
    ['番禺2024年法人或其他组织申请多少', sum(p.applications.new_received.slice(1, 6))],
    ['番禺2024年不予公开共多少件', sum(Object.entries(p.applications).filter(([k]) => k.startsWith('denied_')).map(([, v]) => v[TOTAL]))],
    ['番禺2024年无法提供的申请一共多少', sum(Object.entries(p.applications).filter(([k]) => k.startsWith('unavailable_')).map(([, v]) => v[TOTAL]))],
    ['番禺2024年被申请行政复议多少件', p.review_litigation.review[4]],
    ['番禺2024年行政复议结果纠正的有几件', p.review_litigation.review[1]],
    ['番禺区2024年行政许可处理决定数量是多少', p.active.licensing.decisions],
    ['番禺2024年行政事业性收费金额是多少', p.active.fees.amount_10k_yuan],
  ])('%s = %d', (q, value) => {
    const a = ask(q);
    expect(a.status).toBe('answered');
    expect(a.facts[0].value).toBe(value);
    expect(a.facts[0].org).toBe(p.org);
    expect(a.facts[0].year).toBe(2024);
    expect(a.text).toContain(p.org);
    expect(a.text).toContain('2024');
    expect(a.text.split('\n')[0]).toContain(String(value));
    expect(a.facts[0].excerpt.length).toBeGreaterThan(0);
    expect(a.facts[0].source.file).toBe(`${PANYU}.txt`);
  });

  it('other bodies and the old template', () => {
    expect(ask('协作办2020年政府集中采购总金额是多少').facts[0].value).toBe(truth(XZB20).active.procurement.amount_10k_yuan);
    expect(ask('协作办2024年予以公开几件').facts[0].value).toBe(truth(XZB24).applications.granted[TOTAL]);
    expect(ask('武江2024年结转到下年度的申请有几件').facts[0].value).toBe(truth(WUJIANG).applications.carried_forward[TOTAL]);
    expect(ask('金林区现行有效的行政规范性文件有多少件').facts[0].value).toBe(truth(JINLIN).active.normative_documents.in_force);
  });

  it('with no year, the latest report is used and the answer says so', () => {
    const a = ask('番禺区收到多少政府信息公开申请');
    expect(a.facts[0].year).toBe(2024);
    expect(a.text).toMatch(/未指定年份.*2024/);
  });

  it('a guessed body is echoed', () => {
    const a = ask('番愚2024年收到多少申请');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('按“广州市番禺区人民政府”理解“番愚”');
  });

  it('findings that touch the cells used come as warnings (番禺 2024 行政诉讼: narrative 3, table 0)', () => {
    const a = ask('番禺2024年行政诉讼多少件');
    expect(a.facts[0].value).toBe(0);
    expect(a.warnings.join('\n')).toMatch(/3/);
    expect(a.warnings.join('\n')).toMatch(/诉讼/);
  });
});

describe('derived figures show the formula and its parts', () => {
  const p = truth(PANYU).applications;
  it('公开率', () => {
    const a = ask('番禺2024年的公开率是多少');
    const want = (p.granted[TOTAL] + p.partial[TOTAL]) / p.total_processed[TOTAL];
    expect(a.facts[0].value).toBeCloseTo(want, 10);
    expect(a.text).toContain('公式');
    expect(a.text).toContain(String(p.total_processed[TOTAL]));
    expect(a.facts.map((f) => f.value)).toEqual(expect.arrayContaining([p.granted[TOTAL], p.partial[TOTAL], p.total_processed[TOTAL]]));
  });
  it('复议纠错率', () => {
    const r = truth(PANYU).review_litigation.review;
    expect(ask('番禺2024年复议纠错率').facts[0].value).toBeCloseTo(r[1] / (r[4] - r[3]), 10);
  });
  it('a zero denominator is said, not divided', () => {
    const a = ask('番禺2024年诉讼纠错率');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/分母为 0/);
  });
});

describe('compare, change, rank, totals', () => {
  it('two bodies, the larger first', () => {
    const a = ask('番禺和武江2024年谁收到的申请多');
    expect(a.facts.map((f) => f.org)).toEqual(['广州市番禺区人民政府', '韶关市武江区人民政府办公室']);
  });
  it('番禺比武江多多少: the difference comes after the two figures', () => {
    const a = ask('番禺比武江2024年多收到多少申请');
    expect(a.facts.map((f) => f.value)).toEqual([truth(PANYU).applications.new_received[6], truth(WUJIANG).applications.new_received[6], truth(PANYU).applications.new_received[6] - truth(WUJIANG).applications.new_received[6]]);
  });
  it('a rate over the years, its change in percentage points', () => {
    const a = ask('洪泽区公开率同比变化');
    expect(a.facts.map((f) => [f.metric, f.year])).toEqual([['change:open_rate', 2024], ['open_rate', 2024], ['open_rate', 2023]]);
    expect(a.facts[0].value).toBeCloseTo(a.facts[1].value - a.facts[2].value, 12);
    expect(a.text).toMatch(/个百分点/);
  });
  it('two years of one body', () => {
    const a = ask('对比洪泽区2023年和2024年的申请量');
    expect(a.facts.map((f) => f.year)).toEqual([2023, 2024]);
  });
  it('change over the previous year', () => {
    const a = ask('洪泽区申请量比上一年增加了多少（2024年）');
    expect(a.facts[0].value).toBe(a.facts[1].value - a.facts[2].value);
    expect(a.facts[1].year).toBe(2024);
    expect(a.facts[2].year).toBe(2023);
  });
  it('a ranking over every body with a 2024 report, largest first', () => {
    const a = ask('2024年各单位收到申请数量排名');
    const values = a.facts.map((f) => f.value);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect(a.facts).toHaveLength(engine.bodies.filter((b) => b.years.includes(2024)).length);
    expect(a.facts[0].org).toBe('广州市番禺区人民政府');
  });
  it('前三 keeps three', () => {
    expect(ask('2024年各单位行政处罚排名前三').facts).toHaveLength(3);
  });
  it('a count in digits or after 最多的 / 倒数 keeps that many, in its order (前2名, 最多的3个, 倒数2名)', () => {
    const all = ask('2024年各单位收到申请数量排名').facts.map((f) => f.value);
    const cases: [string, number[]][] = [
      ['2024年收到申请前2名是哪些单位', all.slice(0, 2)],
      ['2024年收到申请最多的3个单位', all.slice(0, 3)],
      ['2024年收到申请倒数2名', [...all].reverse().slice(0, 2)],
      ['2024年收到申请最少的前4名', [...all].reverse().slice(0, 4)],
    ];
    for (const [q, want] of cases) {
      const a = ask(q);
      expect(a.status, `${q}: ${a.text}`).toBe('answered');
      expect(a.facts.map((f) => f.value), q).toEqual(want);
    }
    // 前两年 is years, not a count
    expect(ask('番禺前两年收到多少申请').facts.every((f) => f.org === '广州市番禺区人民政府')).toBe(true);
  });
  it('a total over a region adds its bodies and says it may double count', () => {
    const a = ask('广州市2024年各单位合计收到多少申请');
    expect(a.facts[0].value).toBe(truth(PANYU).applications.new_received[TOTAL] + truth(XZB24).applications.new_received[TOTAL]);
    expect(a.text).toMatch(/重复/);
  });
});

describe('shares, cards and paraphrases', () => {
  it('a result\'s share is of 办理结果总计, with the parts', () => {
    const p = truth(PANYU).applications;
    const a = ask('番禺2024年予以公开的比例');
    expect(a.facts[0].value).toBeCloseTo(p.granted[TOTAL] / p.total_processed[TOTAL], 10);
    expect(a.text).toContain(String(p.total_processed[TOTAL]));
  });
  it('an applicant\'s share is of the row total', () => {
    const p = truth(PANYU).applications;
    expect(ask('番禺2024年自然人申请占比').facts[0].value).toBeCloseTo(p.new_received[0] / p.new_received[TOTAL], 10);
  });
  it('ratios compare across bodies', () => {
    const a = ask('番禺、武江2024年的公开率');
    expect(a.facts.map((f) => f.metric)).toEqual(['open_rate', 'open_rate']);
  });
  it('a body named alone gets its report card; a list of its years', () => {
    const card = ask('洪泽区的报告');
    expect(card.text).toContain('公开率');
    expect(card.facts.length).toBeGreaterThan(5);
    const list = ask('洪泽区有哪些年份的报告');
    expect(list.text).toContain('2023、2024');
    expect(list.text).not.toContain('番禺');
  });
  it('a narrative figure asked in other words than the report uses', () => {
    const a = ask('洪泽区2024年网站发布信息多少条');
    expect(a.facts[0].value).toBe(2428);
    expect(a.facts[0].excerpt).toContain('2428');
  });
  it.each([['番禺2024年财政收入是多少'], ['番禺2024年有多少申请被驳回']])('%s: words the report does not use are not matched by a stray character pair', (q) => {
    expect(ask(q).facts).toEqual([]);
  });
  it.each([['2023年洪泽区存在哪些问题'], ['洪泽区2023年工作中的问题']])('%s → the problems section', (q) => {
    expect(ask(q).text).toContain('存在的主要问题及改进情况');
  });
});

describe('parts of a whole', () => {
  const p = truth(PANYU);
  it('复议 and 诉讼 asked together are two figures, not their sum', () => {
    const a = ask('番禺2024年行政复议和行政诉讼各多少件');
    expect(a.facts.map((f) => [f.metric, f.value])).toEqual([['review.review.total', p.review_litigation.review[4]], ['review.litigation.total', p.review_litigation.litigation_direct[4] + p.review_litigation.litigation_after_review[4]]]);
  });
  it('a group with its reasons: the group first, then each printed row', () => {
    const a = ask('番禺2024年不予公开的原因有哪些');
    const rows = Object.entries(p.applications).filter(([k]) => k.startsWith('denied_'));
    expect(a.facts[0].value).toBe(rows.reduce((s, [, v]) => s + v[TOTAL], 0));
    expect(a.facts.slice(1).map((f) => f.value)).toEqual(rows.map(([, v]) => v[TOTAL]));
  });
});

