/**
 * The address a report came from, through ingestFile: kept with the report (also when it is parsed again), its
 * host placing a same-name body (placeBody's `source`), and a report replacing another only when it is certainly
 * the same body and year: same placed body, or same source. No network: the addresses are only data here.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { testApp } from './helpers/app.js';
import { placelessReport, reportAndBody, writeIn } from './helpers/placedReports.js';

const report = placelessReport;

let app: App & { dir: string };
beforeAll(() => { app = testApp(); });
afterAll(async () => { await app.close(); });

const write = (name: string, text: string) => writeIn(app, name, text);
const rowOf = (id: number) => reportAndBody(app, id);

describe('the source of a report', () => {
  it('is stored with it, and its host places a 鼓楼区 the text does not', async () => {
    const url = 'https://www.fzgl.gov.cn/zwgk/ndbg/202401/t20240120_123.html';
    const o = await ingestFile(write('gl-fz.txt', report('鼓楼区人民政府', '')), app.ingest, undefined, { url });
    expect(o.status).toBe('ingested');
    const { report: r, body } = rowOf(o.reportId!);
    expect(r.source_url).toBe(url);
    expect(body.region).toEqual(['福建省', '福州市', '鼓楼区']);
    expect(body.placement?.source).toBe('www.fzgl.gov.cn');
    expect(body.placement?.evidence.some((e) => e.kind === 'source' && e.decided)).toBe(true);
  });

  it('an unplaced body: a second report of the same year from the same site replaces the first', async () => {
    const from = (n: number) => ({ url: `http://www.example.org/ndbg/${n}.html` });
    const a = await ingestFile(write('a.txt', report('鼓楼区人民政府', '本报告第一版。')), app.ingest, undefined, from(1));
    const b = await ingestFile(write('b.txt', report('鼓楼区人民政府', '本报告第二版，更正了数字。')), app.ingest, undefined, from(2));
    expect(rowOf(a.reportId!).body.region).toBeNull();
    expect(b.status).toBe('replaced');
    expect(rowOf(a.reportId!).report.superseded_by).toBe(b.reportId);
    expect(rowOf(b.reportId!).body.id).toBe(rowOf(a.reportId!).body.id);
    expect(rowOf(b.reportId!).report.source_url).toBe(from(2).url);
  });

  it('from another site, or none, it is kept apart (never replaces); a possible duplicate is said', async () => {
    const elsewhere = { url: 'http://www.another.org/1.html' };
    const other = await ingestFile(write('c.txt', report('鼓楼区人民政府', '另一个网站。')), app.ingest, undefined, elsewhere);
    const none = await ingestFile(write('d.txt', report('鼓楼区人民政府', '收件箱来的。')), app.ingest);
    for (const o of [other, none]) expect(o.status).toBe('ingested');
    const bodies = new Set([other, none].map((o) => rowOf(o.reportId!).body.id));
    const example = app.store.activeReports().find((r) => r.source_url === 'http://www.example.org/ndbg/2.html')!;
    bodies.add(example.body_id);
    expect(bodies.size).toBe(3);
    expect(rowOf(none.reportId!).report.source_url).toBeNull();
    expect(other.findings.map((f) => f.rule)).toContain('possible_duplicate');
  });

  it('a report parsed again keeps its address (and so its body)', async () => {
    const url = 'http://www.example.org/ndbg/2.html';
    const before = app.store.activeReports().find((r) => r.source_url === url)!;
    // an admin's year forces a new parse of the stored file; no address is given this time
    const again = await ingestFile(join(app.dir, 'b.txt'), app.ingest, { year: 2023 });
    expect(again.status).toBe('replaced');
    const { report: r } = rowOf(again.reportId!);
    expect(r.source_url).toBe(url);
    expect(r.body_id).toBe(before.body_id);
  });
});
