import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import type { Frame } from '../../src/query/frame.js';
import { parseQuestion } from '../../src/query/read/parse.js';
import type { Lexicon } from '../../src/query/read/lexicon.js';
import { bundledEngine, NOW } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const frame = (q: string): Frame => parseQuestion(q, (engine as unknown as { lex: Lexicon }).lex, NOW).frame;
const bodyName = (f: Frame) => f.bodies.map((id) => engine.bodies.find((b) => b.id === id)!.name);

describe('bodies: names, short forms, places, typos', () => {
  const cases: [string, string][] = [
    ['番禺2024年收到多少申请', '广州市番禺区人民政府'],
    ['番禺区2024年收到多少申请', '广州市番禺区人民政府'],
    ['番禺区政府2024年收到多少申请', '广州市番禺区人民政府'],
    ['广州番禺2024年收到多少申请', '广州市番禺区人民政府'],
    ['广州市番禺区人民政府收到多少申请', '广州市番禺区人民政府'],
    ['番禺區收到多少申請', '广州市番禺区人民政府'],
    ['市协作办2024年收到多少申请', '广州市协作办公室'],
    ['协作办2024年收到多少申请', '广州市协作办公室'],
    ['广州协作办收到多少申请', '广州市协作办公室'],
    ['武江区政府办2024年收到多少申请', '韶关市武江区人民政府办公室'],
    ['武江区2024年收到多少申请', '韶关市武江区人民政府办公室'],
    ['金林区收到多少申请', '金林区人民政府办公室'],
    ['洪泽区2023年收到多少申请', '淮安市洪泽区人民政府'],
    ['淮安市洪泽区人民政府收到多少申请', '淮安市洪泽区人民政府'],
  ];
  it.each(cases)('%s → %s', (q, name) => {
    const f = frame(q);
    expect(bodyName(f)).toEqual([name]);
    expect(f.guessed).toEqual([]);
  });

  it.each([['番愚2024年收到多少申请'], ['番禹区收到几件申请'], ['潘禺2024年收到多少申请']])('typo %s is understood and echoed', (q) => {
    const f = frame(q);
    expect(bodyName(f)).toEqual(['广州市番禺区人民政府']);
    expect(f.guessed[0].name).toBe('广州市番禺区人民政府');
  });

  it('a place with no report on file is an unknown place, not a guess', () => {
    const f = frame('天河区2024年收到多少申请');
    expect(f.bodies).toEqual([]);
    expect(f.unknownPlaces.map((p) => p.name)).toEqual(['天河区']);
  });

  it('a province or city above the bodies is a region', () => {
    expect(frame('江苏省2024年收到多少申请').regions.map((p) => p.name)).toEqual(['江苏省']);
    expect(frame('广州市2024年各单位合计收到多少申请').regions.map((p) => p.name)).toEqual(['广州市']);
  });
});

describe('metrics and applicant columns', () => {
  const cases: [string, string[], string?][] = [
    ['番禺2024年收到多少政府信息公开申请', ['applications.new_received']],
    ['番禺区2024年新收了几件依申请公开', ['applications.new_received']],
    ['番禺2024年受理申请多少', ['applications.new_received']],
    ['番禺2024年申请量', ['applications.new_received']],
    ['番禺区2024年自然人提出了多少申请', ['applications.new_received'], 'natural_person'],
    ['番禺2024年企业申请数量', ['applications.new_received'], 'commercial'],
    ['番禺2024年律所申请了几件', ['applications.new_received'], 'legal_service'],
    ['番禺2024年法人或其他组织申请多少', ['applications.new_received'], 'legal_person'],
    ['番禺区2024年上年结转的申请有多少', ['applications.carried_over']],
    ['番禺2024年予以公开多少件', ['applications.granted']],
    ['番禺2024年同意公开多少件', ['applications.granted']],
    ['番禺2024年部分公开了几件', ['applications.partial']],
    ['番禺2024年不予公开共多少件', ['group.denied']],
    ['番禺2024年因保护第三方合法权益不予公开的有几件', ['applications.denied_third_party']],
    ['番禺2024年属于国家秘密的', ['applications.denied_state_secret']],
    ['番禺2024年本机关不掌握相关政府信息的有多少', ['applications.unavailable_not_held']],
    ['番禺2024年无法提供的申请一共多少', ['group.unavailable']],
    ['番禺2024年重复申请几件', ['applications.rejected_duplicate']],
    ['番禺2024年不予处理多少', ['group.rejected']],
    ['番禺2024年其他处理多少', ['group.other']],
    ['番禺2024年办结多少件申请', ['applications.total_processed']],
    ['番禺2024年结转下年度继续办理的有多少', ['applications.carried_forward']],
    ['武江2024年结转到下年度的申请有几件', ['applications.carried_forward']],
    ['番禺2024年被申请行政复议多少件', ['review.review.total']],
    ['番禺2024年行政复议结果纠正的有几件', ['review.review.corrected']],
    ['番禺2024年复议维持几件', ['review.review.upheld']],
    ['番禺2024年行政诉讼多少件', ['review.litigation.total']],
    ['洪泽2024年复议后起诉的总计是多少', ['review.litigation_after_review.total']],
    ['洪泽区2024年行政诉讼未经复议直接起诉几件', ['review.litigation_direct.total']],
    ['番禺区2024年行政许可处理决定数量是多少', ['active.licensing']],
    ['番禺2024年行政处罚多少件', ['active.penalty']],
    ['番禺2024年行政强制多少', ['active.coercion']],
    ['番禺2024年行政事业性收费金额是多少', ['active.fees']],
    ['番禺2024年制发了多少行政规范性文件', ['active.normative_documents.issued']],
    ['番禺区现行有效的规范性文件有几件', ['active.normative_documents.in_force']],
    ['番禺2024年废止了多少规章', ['active.rules.repealed']],
    ['协作办2020年政府集中采购总金额是多少', ['active.procurement.amount']],
    ['协作办2020年政府集中采购项目有几个', ['active.procurement.items']],
    ['协作办2020年其他对外管理服务事项处理决定数量', ['active.other_services']],
    ['番禺2024年不予公开加无法提供一共多少', ['group.denied', 'group.unavailable']],
  ];
  it.each(cases)('%s → %j %s', (q, metrics, col) => {
    const f = frame(q);
    expect(f.metrics).toEqual(metrics);
    if (col) expect(f.applicant).toBe(col);
  });

  it.each([
    ['番禺2024年的公开率是多少', 'open_rate'],
    ['番禺2024年办结率', 'completion_rate'],
    ['番禺2024年复议纠错率', 'review_correction_rate'],
    ['番禺2024年行政诉讼纠错率', 'litigation_correction_rate'],
    ['番禺2024年自然人申请占比', 'share'],
  ])('%s → ratio %s', (q, ratio) => expect(frame(q).ratio).toBe(ratio));
});

describe('years in frames, with a fixed clock (2025-06-01)', () => {
  it.each([
    ['去年番禺收到多少申请？', [2024]],
    ['前年洪泽区收到多少申请', [2023]],
    ['今年番禺收到多少申请', [2025]],
    ['上一年度番禺收到多少申请', [2024]],
    ['二〇二四年番禺区行政处罚多少件', [2024]],
    ['番禺区收到多少政府信息公开申请', []],
  ])('%s → %j', (q, years) => expect(frame(q).years).toEqual(years));

  it('sub-year periods are noticed', () => {
    expect(frame('番禺2024年上半年收到多少申请').subYear).toBe(true);
    expect(frame('番禺3月收到多少申请').subYear).toBe(true);
    expect(frame('番禺2024年收到多少申请').subYear).toBe(false);
  });
});

describe('intents', () => {
  const cases: [string, string][] = [
    ['番禺2024年收到多少申请', 'lookup'],
    ['番禺和武江2024年谁收到的申请多', 'compare'],
    ['对比洪泽区2023年和2024年的申请量', 'compare'],
    ['洪泽区申请量比上一年增加了多少（2024年）', 'change'],
    ['协作办2020年和2024年收到的申请数量变化', 'change'],
    ['洪泽区历年收到申请的趋势', 'trend'],
    ['洪泽区2023至2024年收到申请数量', 'trend'],
    ['2024年哪个单位收到的申请最多', 'rank'],
    ['2024年各单位收到申请数量排名', 'rank'],
    ['2024年收到申请最少的单位', 'rank'],
    ['2024年所有单位一共收到多少申请', 'total'],
    ['广州市2024年各单位合计收到多少申请', 'total'],
    ['数据库里有哪些报告？', 'list'],
    ['有哪些单位的2024年报告', 'list'],
    ['番禺2024年报告的数据一致吗', 'audit'],
    ['洪泽区2023年报告有没有数据问题', 'audit'],
    ['武江区的年报是哪天发布的', 'published'],
    ['番禺区存在的主要问题是什么', 'problems'],
    ['协作办2024年网站总浏览量是多少', 'narrative'],
    ['帮助', 'help'],
    ['今天天气怎么样', 'unknown'],
  ];
  it.each(cases)('%s → %s', (q, intent) => expect(frame(q).intent).toBe(intent));
});
