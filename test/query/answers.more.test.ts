/** Answers of the bundled reports, continued: prose, audits, publication, lists, wrong-number guards, follow-ups. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { metricKeys } from '../../src/query/metrics.js';
import { asPanyuOffice, bundledEngine, ingestVariant, JINLIN, NOW, PANYU, truth, WUJIANG, XZB20, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const ask = (q: string, chat?: string) => engine.ask(q, { chat, now: NOW });
const TOTAL = 6;

describe('narrative, audit, publication, lists', () => {
  it('the clause with the question\'s words wins over one that only has the unit asked (not the WeChat 750 条)', () => {
    for (const q of ['番禺2024年政府网站发布了多少条信息', '番禺2024年网站发布信息多少条']) {
      const a = ask(q);
      expect(a.facts.map((f) => [f.value, f.unit]), q).toEqual([[4.14, '万条']]);
    }
    expect(ask('番禺2024年微信公众号推送信息多少条').facts.map((f) => f.value)).toEqual([750]);
  });
  it('a subject of the prose beside a table figure gives no table number (网站收到多少申请, 留言办理了多少条)', () => {
    for (const q of ['番禺2024年网站收到多少申请', '协作办2024年留言办理了多少条', '番禺2024年培训办结了多少件']) {
      const a = ask(q);
      expect(a.facts, `${q}: ${a.text}`).toEqual([]);
      expect(a.status).toBe('not_found');
    }
    // the subject alone is looked for in the text: 「办理网民留言 21 条」
    expect(ask('协作办2024年网民留言多少条').facts.map((f) => f.value)).toEqual([21]);
    // words of a table (主动公开 is 表二's title) still go with its figures
    expect(ask('番禺2024年主动公开规范性文件现行有效多少件').facts[0].value)
      .toBe(truth(PANYU).active.normative_documents.in_force);
  });
  it('an item of a list is not given the list\'s total; a quoted name must be in the clause; kinds of information', () => {
    // 「发布部门文件、工作动态、政策解读、数据发布等政务信息近 1000 条」: 1000 is the 政务信息 after 等
    expect(ask('协作办2020年发布政策解读多少条').facts).toEqual([]);
    expect(ask('协作办2020年发布政务信息多少条').facts.map((f) => f.value)).toEqual([1000]);
    expect(ask('协作办2020年发布了多少条政务信息').facts.map((f) => f.value)).toEqual([1000]);
    // 「在市政府门户网站和市协作办网站公开扶贫政策规划、扶贫资金项目信息、扶贫动态和成效等政府信息近 200 条」:
    // every item is 扶贫, and 网站 is the list's context
    expect(ask('协作办2020年网站公开扶贫信息多少条').facts.map((f) => f.value)).toEqual([200]);
    // 「主动公开政府会议、区政府常务会议、政府工作报告等信息 129 条」
    expect(ask('金林区2024年区政府常务会议信息多少条').facts).toEqual([]);
    // the WeChat 750 条 is 「“番禺政府网”微信公众号」's, not 「“广州番禺发布”」's
    expect(ask('“广州番禺发布”微信公众号2024年推送了多少条信息').facts).toEqual([]);
    expect(ask('番禺2024年“番禺政府网”微信公众号推送了多少条信息').facts.map((f) => f.value)).toEqual([750]);
    // 「政务（工作）动态类信息981条」: the word in brackets reads in place of the one before it
    for (const q of ['武江2024年工作动态类信息多少条', '武江2024年政务动态类信息多少条']) {
      expect(ask(q).facts.map((f) => f.value), q).toEqual([981]);
    }
    // 「政府网站发布信息 1317 条,其中概况类信息发布 45 条」
    expect(ask('金林区2024年政府网站发布概况类信息多少条').facts.map((f) => f.value)).toEqual([45]);
  });
  it('最多的原因 of one body orders its group\'s reasons; 一共 over two subjects is not one subject\'s number', () => {
    const p = truth(PANYU).applications;
    const reasons = Object.entries(p).filter(([k]) => k.startsWith('denied_')).map(([, v]) => v[TOTAL]);
    const a = ask('番禺2024年不予公开里最多的原因是什么');
    expect(a.facts.every((f) => f.org === '广州市番禺区人民政府')).toBe(true);
    const listed = [...a.text.matchAll(/^· .* (\d+) 件$/gm)].map((m) => Number(m[1]));
    expect(listed).toEqual([...reasons].sort((x, y) => y - x));
    // 「门户网站发布信息 4.14 万条…“番禺政府网”微信公众号推送信息 750 条」: neither is the sum asked
    expect(ask('番禺2024年政府网站和政府网公众号一共发布了多少条信息').facts).toEqual([]);
  });
  it('the text\'s hedge stays with its number (100余人次, 近 1000 条)', () => {
    expect(ask('番禺2024年参加政务公开培训的有多少人次').text).toContain('100余 人次');
    expect(ask('协作办2020年发布政务信息多少条').text).toContain('近1000 条');
  });
  it('本年新公开 of the 2019 template is its own column, not 本年新制作; the 2021 template has none', () => {
    const a = ask('协作办2020年规范性文件本年新公开多少件');
    expect(a.facts.map((f) => [f.metric, f.value])).toEqual([['active.normative_documents.published_new',
      truth(XZB20).active.normative_documents.new_published]]);
    expect(metricKeys('active.normative_documents.published_new')).toEqual(['active.normative_documents.new_published']);
    expect(ask('番禺2024年规范性文件本年新公开多少件').facts).toEqual([]);
  });
  it('a sum is one clause\'s: figures asked in other clauses are listed, not added to it', () => {
    const a = ask('番禺2024年新收和上年结转合计，办结多少，结转下年多少');
    expect(a.facts.some((f) => f.metric.includes('+'))).toBe(false);
    const p = truth(PANYU).applications;
    expect(ask('番禺2024年新收和上年结转合计多少').facts[0].value).toBe(p.new_received[TOTAL] + p.carried_over[TOTAL]);
  });
  it('一共 over two bodies adds them up, after their own figures', () => {
    const a = ask('番禺和洪泽2024年予以公开一共多少');
    const want = truth(PANYU).applications.granted[TOTAL] + truth('hongze-2024').applications.granted[TOTAL];
    expect(a.facts.find((f) => f.metric.startsWith('sum:'))?.value).toBe(want);
    expect(a.text).toContain(`合计 ${want} 件`);
    // a rate does not add up
    expect(ask('番禺和洪泽2024年的公开率一共多少').facts.some((f) => f.metric.startsWith('sum:'))).toBe(false);
  });
  it('a figure whose row does not add up is flagged in trends and comparisons too, not only in a look-up', () => {
    // 洪泽 2023 prints 行政复议 维持 10, 纠正 1 and 总计 0 (identity_4)
    const trendA = ask('洪泽区历年行政复议总计多少件');
    expect(trendA.warnings.join('')).toMatch(/2023 年.*行政复议/);
    const change = ask('洪泽区2024年行政复议总计比2023年增加了多少');
    expect(change.facts.length).toBeGreaterThan(1);
    expect(change.warnings.join('')).toMatch(/2023 年.*行政复议/);
  });
  it('equal figures are said to be equal, never one of them more', () => {
    const a = ask('协作办2024年和金林区2024年予以公开谁多');
    expect(a.facts.map((f) => f.value)).toEqual([truth(XZB24).applications.granted[TOTAL],
      truth(JINLIN).applications.granted[TOTAL]]);
    expect(a.text).toMatch(/^两者相同/);
  });
  it('a result\'s share of 办结 is that share, not 办结率', () => {
    const p = truth(PANYU).applications;
    const unavailable = Object.entries(p).filter(([k]) => k.startsWith('unavailable_')).reduce((s, [, v]) => s + v[TOTAL], 0);
    expect(ask('番禺2024年无法提供占办结的比例').facts[0].value).toBeCloseTo(unavailable / p.total_processed[TOTAL], 10);
  });
  it('a unit asked is a condition: 人次 is not 次, 万元 is not 件; counts of one kind answer each other', () => {
    // the texts: 「参与培训人数累计达100余人次」, 「网站总浏览量 579727 次,总浏览 454888 人次」
    for (const q of ['番禺2024年参加政务公开培训的有多少人次', '番禺2024年政务公开培训了多少人']) {
      expect(ask(q).facts.map((f) => [f.value, f.unit]), q).toEqual([[100, '人次']]);
    }
    for (const q of ['协作办2024年网站浏览人次是多少', '协作办2024年网站浏览人数是多少']) {
      expect(ask(q).facts.map((f) => [f.value, f.unit]), q).toEqual([[454888, '人次']]);
    }
    // no visit count in people is printed: no number (not the WeChat 750 条, not 2609 万次)
    expect(ask('番禺2024年政府网站访问人次是多少').facts).toEqual([]);
    // a table figure in 件 does not answer 多少万元
    const fee = ask('番禺2024年收到的信息处理费有多少万元');
    expect(fee.facts).toEqual([]);
    expect(fee.text).toContain('万元');
    expect(ask('番禺2024年行政处罚多少次').facts[0].value).toBe(truth(PANYU).active.penalty.decisions);
  });
  it('a number stated in the text comes with its sentence', () => {
    const a = ask('协作办2024年网站总浏览量是多少');
    expect(a.status).toBe('answered');
    expect(a.facts[0].value).toBe(579727);
    expect(a.facts[0].excerpt).toContain('579727');
  });
  it('the problems section', () => {
    const a = ask('番禺区存在的主要问题是什么');
    expect(a.text).toContain('依申请公开工作有待进一步提升');
  });
  it('audit questions answer from the findings with evidence', () => {
    const a = ask('洪泽区2023年报告有没有数据问题');
    expect(a.text).toMatch(/复议/);
    expect(a.text).toMatch(/原文/);
  });
  it('publication date and deadline', () => {
    const a = ask('武江区的年报是哪天发布的');
    expect(a.text).toContain('2025年1月24日');
    expect(a.text).toContain('按时');
  });
  it('audit and timeliness over every report when no body is named', () => {
    const a = ask('哪些单位的报告数据不一致');
    expect(a.text).toMatch(/审核了 \d+ 份报告/);
    expect(a.text).toContain('广州市番禺区人民政府 2024 年');
    expect(a.text).toContain('淮安市洪泽区人民政府 2023 年');
    const p = ask('各单位的年报是否按时发布');
    expect(p.text).toContain('韶关市武江区人民政府办公室 2024 年：2025年1月24日发布，按时');
    // 没有按时发布 asks for the late ones only: 武江 published before its deadline is not among them
    const late = ask('哪些单位没有按时发布');
    expect(late.text).toMatch(/^以下报告逾期发布/);
    expect(late.text).not.toContain('武江');
    // the reports that print no date cannot be called late or on time: they are counted apart
    const ids = [XZB24, XZB20, PANYU, WUJIANG, JINLIN, 'hongze-2023', 'hongze-2024'];
    expect(late.text).toContain(`另有 ${ids.filter((id) => !truth(id).published).length} 份报告`);
    const noDate = ask('哪些年报没有印发布日期');
    expect(noDate.text).toMatch(/^以下报告没有印出发布日期/);
    expect(noDate.text).not.toContain('武江');
  });
  it('the list names every body on file', () => {
    const a = ask('数据库里有哪些报告？');
    for (const b of engine.bodies) expect(a.text).toContain(b.name);
  });
});

describe('never a wrong number', () => {
  it.each([
    ['天河区2024年收到多少申请', /天河区/],
    ['番禺2019年收到多少申请', /2024/],
    ['番禺2025年收到多少申请', /次年/],
    ['番禺2024年上半年收到多少申请', /全年/],
    ['协作办2020年行政事业性收费金额', /模板/],
  ])('%s → not found, with what is available', (q, says) => {
    const a = ask(q);
    expect(a.status).not.toBe('answered');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(says);
  });
  it.each([
    ['今天天气怎么样'],
    ['番禺2024年的GDP是多少'],
    ["1' OR '1'='1; DROP TABLE cells; --"],
    ['<b>bold</b><script>alert(1)</script>'],
    ['😀😀😀'],
    ['申'.repeat(10_000)],
    [''],
  ])('%s → no answer, no fact, no crash', (q) => {
    const a = ask(q);
    expect(a.status).not.toBe('answered');
    expect(a.facts).toEqual([]);
  });
  it('the store is intact after hostile questions', () => {
    expect(ask('番禺2024年收到多少申请').facts[0].value).toBe(truth(PANYU).applications.new_received[TOTAL]);
  });
});

describe('follow-ups in the same chat', () => {
  it('year, metric, column and body are carried over', () => {
    const c = 'chat-a';
    expect(ask('洪泽区2024年收到多少申请', c).facts[0].value).toBe(95);
    const y = ask('那2023年呢', c);
    expect([y.facts[0].year, y.facts[0].org]).toEqual([2023, '淮安市洪泽区人民政府']);
    expect(ask('其中部分公开多少', c).facts[0]).toMatchObject({ year: 2023, metric: 'applications.partial' });
    const p = ask('番禺呢', c);
    expect(p.status).toBe('not_found'); // 番禺 has no 2023 report
  });
  it('自然人呢 changes the column; 武江区呢 the body; 和2023年比呢 compares', () => {
    const c = 'chat-b';
    ask('番禺2024年收到多少申请', c);
    expect(ask('自然人呢', c).facts[0].value).toBe(truth(PANYU).applications.new_received[0]);
    expect(ask('武江区呢', c).facts[0].org).toBe('韶关市武江区人民政府办公室');
    ask('洪泽区2024年收到多少申请', c);
    expect(ask('和2023年比呢', c).facts.map((f) => f.year).sort()).toEqual([2023, 2024]);
  });
  it('bodies asked in turn (番禺呢, 协作办呢) are the ones 谁最多 ranks and 这三个加起来 adds, no other body', () => {
    const c = 'chat-three';
    const bodies = [WUJIANG, JINLIN, XZB24];
    const want = bodies.map((id) => truth(id).applications.new_received[TOTAL]);
    ask('武江2024年收到几件申请', c);
    ask('金林呢', c);
    ask('协作办呢', c);
    const top = ask('谁最多', c);
    expect(top.facts.map((f) => f.value)).toEqual([...want].sort((a, b) => b - a));
    expect(top.facts.some((f) => f.org.includes('番禺'))).toBe(false);
    const sum = ask('这三个加起来', c);
    expect(sum.facts.map((f) => f.value)).toContain(want.reduce((a, b) => a + b, 0));
  });

  it('chats do not share context, and context expires after 30 minutes', () => {
    ask('洪泽区2024年收到多少申请', 'chat-c');
    expect(ask('那2023年呢', 'chat-d').status).not.toBe('answered');
    const later = new Date(NOW.getTime() + 31 * 60_000);
    expect(engine.ask('那2023年呢', { chat: 'chat-c', now: later }).status).not.toBe('answered');
  });
});

describe('a body in a place the gazetteer does not know', () => {
  it('is found by the place word of its own name', async () => {
    const o = await ingestVariant(app, PANYU, (t) => t.replace('广州市番禺区人民政府 2024 年', '新设区人民政府 2024 年'), 'new-district.txt');
    expect(o.status).toBe('ingested');
    engine.refresh();
    for (const q of ['新设区2024年收到多少申请', '新设区政府收到多少申请']) {
      const a = ask(q);
      expect(a.facts[0]?.org, q).toBe('新设区人民政府');
      expect(a.facts[0].value).toBe(truth(PANYU).applications.new_received[TOTAL]);
    }
  });
});

describe('two bodies fit: ask which', () => {
  it('a district government and its office', async () => {
    const o = await ingestVariant(app, PANYU, asPanyuOffice, 'panyu-office.txt');
    expect(o.status).toBe('ingested');
    engine.refresh();
    const a = ask('番禺2024年收到多少申请');
    expect(a.status).toBe('clarify');
    expect(a.facts).toEqual([]);
    expect(a.options!.map((x) => x.label).sort()).toEqual(['广州市番禺区人民政府', '广州市番禺区人民政府办公室']);
    // naming the office picks it
    expect(ask('番禺区政府办2024年收到多少申请').facts[0].org).toBe('广州市番禺区人民政府办公室');
  });
});
