/**
 * Place and identity: same-name districts told apart by the report's own evidence, an unplaced body kept apart
 * (never merged, a possible duplicate reported), the same bytes under another file name, 政府 vs 政府办公室.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { QueryEngine } from '../src/query/engine.js';
import { testApp } from './helpers/app.js';
import { placelessReport, reportAndBody, writeIn } from './helpers/placedReports.js';

const report = placelessReport;

let app: App & { dir: string };
beforeAll(() => { app = testApp(); });
afterAll(async () => { await app.close(); });

const write = (name: string, text: string) => writeIn(app, name, text);
const bodyOf = (id: number) => reportAndBody(app, id);

describe('two 鼓楼区 and one without evidence', () => {
  const NANJING = '联系地址：南京市鼓楼区北京西路1号，邮编：210008，联系电话：025-83123456。';
  const FUZHOU = '通信地址：福州市鼓楼区八一七北路68号，咨询电话：0591-87654321。';
  let nj: number, fz: number, unplaced: number;

  it('different addresses give two bodies in different cities, both active', async () => {
    const a = await ingestFile(write('P020240123.txt', report('鼓楼区人民政府', NANJING)), app.ingest);
    const b = await ingestFile(write('P020240124.txt', report('鼓楼区人民政府', FUZHOU)), app.ingest);
    expect(a.status).toBe('ingested');
    expect(b.status).toBe('ingested');
    nj = a.reportId!; fz = b.reportId!;
    const A = bodyOf(nj), B = bodyOf(fz);
    expect(A.body.id).not.toBe(B.body.id);
    expect(A.body.region).toEqual(['江苏省', '南京市', '鼓楼区']);
    expect(B.body.region).toEqual(['福建省', '福州市', '鼓楼区']);
    expect(A.report.superseded_by).toBeNull();
    expect(B.report.superseded_by).toBeNull();
    expect(app.store.activeReport(A.body.id, 2023)!.id).toBe(nj);
    expect(app.store.activeReport(B.body.id, 2023)!.id).toBe(fz);
    // what decided it is stored with the body
    expect(A.body.placement?.status).toBe('placed');
    expect(A.body.placement?.evidence.filter((e) => e.decided).map((e) => e.kind)).toContain('address');
    expect(A.body.placement?.candidates.length).toBe(4);
    expect(B.body.placement?.evidence.some((e) => e.decided && /福州市鼓楼区/.test(e.text))).toBe(true);
    // the name says where, since the printed one does not
    expect(A.body.name).toBe('南京市鼓楼区人民政府');
    expect(A.body.aliases).toContain('鼓楼区人民政府');
  });

  it('a report with no place evidence stays unplaced: a separate body, not merged, a possible duplicate', async () => {
    const before = app.store.counts();
    const c = await ingestFile(write('P020250101.txt', report('鼓楼区人民政府', '')), app.ingest);
    expect(c.status).toBe('ingested');
    unplaced = c.reportId!;
    const C = bodyOf(unplaced);
    expect(C.body.name).toBe('鼓楼区人民政府（地区未定）');
    expect(C.body.region).toBeNull();
    expect(C.body.placement?.status).toBe('ambiguous');
    expect(C.body.id).not.toBe(bodyOf(nj).body.id);
    expect(C.body.id).not.toBe(bodyOf(fz).body.id);
    expect(app.store.counts()).toEqual({ bodies: before.bodies + 1, reports: before.reports + 1 });
    expect(app.store.reportById(nj)!.superseded_by).toBeNull();
    expect(app.store.reportById(fz)!.superseded_by).toBeNull();
    const dup = app.store.findings(unplaced).filter((f) => f.rule === 'possible_duplicate');
    expect(dup.length).toBe(2);
    expect(dup.map((f) => f.message).join('\n')).toMatch(/南京市鼓楼区人民政府[\s\S]*福州市鼓楼区人民政府/);
  });

  it('the same bytes under another file name give the same body (unchanged)', async () => {
    const text = readFileSync(join(app.dir, 'P020250101.txt'));
    const again = await ingestFile(write('copy-of-report.txt', text.toString('utf8')), app.ingest);
    expect(again.status).toBe('unchanged');
    expect(again.reportId).toBe(unplaced);
    const same = await ingestFile(write('nanjing-copy.txt', report('鼓楼区人民政府', NANJING)), app.ingest);
    expect(same.status).toBe('unchanged');
    expect(same.reportId).toBe(nj);
  });

  it('another unplaced report of the same name is not merged with the first either', async () => {
    const d = await ingestFile(write('x.txt', report('鼓楼区人民政府', '本报告如有疑问请与我们联系。')), app.ingest);
    expect(d.status).toBe('ingested');
    expect(bodyOf(d.reportId!).body.id).not.toBe(bodyOf(unplaced).body.id);
    expect(app.store.reportById(unplaced)!.superseded_by).toBeNull();
  });

  it('a new placed report of a place with an unplaced report that year is told about it', async () => {
    const e = await ingestFile(write('P0203.txt', report('鼓楼区人民政府', '地址：开封市鼓楼区，电话：0378-2345678')), app.ingest);
    expect(bodyOf(e.reportId!).body.region).toEqual(['河南省', '开封市', '鼓楼区']);
    const dup = app.store.findings(e.reportId!).filter((f) => f.rule === 'possible_duplicate');
    expect(dup.some((f) => /地区未定/.test(f.message))).toBe(true);
  });
});

describe('the query side', () => {
  it('finds the unplaced body by 鼓楼, and each placed one by its city', () => {
    const engine = new QueryEngine(app.store, () => new Date('2025-06-01T12:00:00+08:00'));
    const names = engine.bodies.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['鼓楼区人民政府（地区未定）', '南京市鼓楼区人民政府', '福州市鼓楼区人民政府']));
    const all = engine.ask('鼓楼2023年收到多少政府信息公开申请？');
    expect(all.status).toBe('clarify');
    expect(all.options?.map((o) => o.label).join('\n')).toContain('鼓楼区人民政府（地区未定）');
    const nj = engine.ask('南京鼓楼区2023年收到多少政府信息公开申请？');
    expect(nj.status).toBe('answered');
    expect(nj.text).toContain('南京市鼓楼区人民政府');
  });
});

describe('bodies that stay different', () => {
  it('政府 and 政府办公室 of the same county are two bodies; a street and its district too', async () => {
    const gov = await ingestFile(write('a1.txt', report('沭阳县人民政府', '')), app.ingest);
    const office = await ingestFile(write('a2.txt', report('沭阳县人民政府办公室', '')), app.ingest);
    const G = bodyOf(gov.reportId!), O = bodyOf(office.reportId!);
    expect(G.body.id).not.toBe(O.body.id);
    expect(G.body.region).toEqual(['江苏省', '宿迁市', '沭阳县']);
    expect(O.body.region).toEqual(['江苏省', '宿迁市', '沭阳县']);
    expect(G.report.superseded_by).toBeNull();
    const street = await ingestFile(write('a3.txt', report('广州市荔湾区人民政府南源街道办事处', '')), app.ingest);
    const district = await ingestFile(write('a4.txt', report('广州市荔湾区人民政府', '')), app.ingest);
    expect([street.reason, district.reason]).toEqual([undefined, undefined]);
    const S = bodyOf(street.reportId!), D = bodyOf(district.reportId!);
    expect(S.body.region).toEqual(['广东省', '广州市', '荔湾区', '南源街道']);
    expect(D.body.region).toEqual(['广东省', '广州市', '荔湾区']);
    expect(S.body.id).not.toBe(D.body.id);
  });

  it('政府 and 人民政府 of one place are one body', async () => {
    const a = await ingestFile(write('b1.txt', report('沭阳县政府', '')), app.ingest);
    const first = await ingestFile(join(app.dir, 'a1.txt'), app.ingest);
    expect(bodyOf(a.reportId!).body.id).toBe(bodyOf(first.reportId!).body.id);
  });
});
