/**
 * The web poller against a local site (127.0.0.1) with a realistic 年报 listing page: an HTML report page, a PDF
 * and a DOCX made from the bundled reports become reports with their addresses; the guide, the plan, the
 * interpretation and the navigation are never fetched; a second poll is conditional (304) and downloads nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import type { ReportRow } from '../src/store/store.js';
import { startPoller, type PollerHandle } from '../src/sources/poller.js';
import { testApp } from './helpers/app.js';
import { expectedCells, FIX, type Expected } from './helpers/cases.js';
import { startSite, type Site } from './sources.site.js';

const SRC = join(FIX, 'sources');
const GEN = join(FIX, 'generated');
const truth = (name: string) => JSON.parse(readFileSync(join(GEN, `${name}.expected.json`), 'utf8')) as Expected;
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const LISTING = '/gkmlpt/zfxxgknb/index.html';
const PAGE = '/gkmlpt/content/7/7012/post_7012345.html';
const PDF = '/attachment/0/512/512345/番禺区2024年政府信息公开工作年度报告.pdf';
const DOCX = '/gkmlpt/zfxxgknb/202501/广州市协作办公室2024年政府信息公开工作年度报告.docx';
const GUIDE = '/gkmlpt/content/6/6001/post_6001234.html';
const ARTICLE = '/gkmlpt/content/7/7013/post_7013001.html';
const NEW_PDF = '/attachment/0/513/513001/jinlin-2024.pdf';
const MIRROR = '/mirror/panyu-2024.pdf';
const listing = readFileSync(join(SRC, 'listing.html'), 'utf8');
/** The same list a day later: a new report (an article with the PDF attached), and the 番禺 PDF at another address. */
const listingV2 = listing.replace('<ul class="list">', `<ul class="list">
      <li><a href="${ARTICLE}">金林区人民政府办公室2024年政府信息公开工作年度报告</a><span class="date">2025-01-28</span></li>
      <li><a href="${MIRROR}">广州市番禺区人民政府2024年政府信息公开工作年度报告（镜像）</a></li>`);

const MIN = 60_000;
let app: App & { dir: string };
let site: Site;
let clock = Date.parse('2025-02-01T09:00:00+08:00');
let poller: PollerHandle;

beforeAll(async () => {
  app = testApp();
  const file = (name: string, type: string) => ({ body: readFileSync(join(GEN, name)), type });
  site = await startSite({
    [LISTING]: { body: listing, etag: '"lst-1"', lastModified: 'Sat, 01 Feb 2025 00:00:00 GMT' },
    [PAGE]: { body: readFileSync(join(SRC, 'post_7012345.html')) },
    [PDF]: file('panyu-2024.pdf', 'application/pdf'),
    [DOCX]: file('gz-xzb-2024.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    [ARTICLE]: { body: `<html><head><title>金林区人民政府办公室2024年政府信息公开工作年度报告</title></head><body>
      <header><a href="/">首页</a></header><h1>金林区人民政府办公室2024年政府信息公开工作年度报告</h1>
      <p>发布日期：2025-01-28</p><p>附件：<a href="${NEW_PDF}">金林区人民政府办公室2024年政府信息公开工作年度报告.pdf</a></p>
      </body></html>` },
    [NEW_PDF]: file('jinlin-2024.pdf', 'application/pdf'),
    [MIRROR]: file('panyu-2024.pdf', 'application/pdf'),
    [GUIDE]: { body: '<html><body><h1>政府信息公开指南</h1></body></html>' },
  });
  poller = startPoller(app, {
    sources: [{ url: site.url(LISTING), body: '广州市人民政府', intervalMinutes: 60 }],
    now: () => clock, autoStart: false, paceMs: 5, contact: 'ops@example.org', reportsDir: join(app.dir, 'reports'),
  });
});
afterAll(async () => { await poller.close(); await site.close(); await app.close(); });

const bySource = (path: string): ReportRow | undefined =>
  app.store.activeReports().find((r) => r.source_url === site.url(path));
const bodyName = (r: ReportRow) => app.store.bodies().find((b) => b.id === r.body_id)!.name;
function expectLike(r: ReportRow | undefined, t: Expected): void {
  expect(r, `a report of ${t.org}`).toBeDefined();
  expect(bodyName(r!)).toBe(t.org);
  expect(r!.year).toBe(t.year);
  const cells = new Map(app.store.cells(r!.id).map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c.value]));
  for (const [id, v] of expectedCells(t)) expect(cells.get(id), id).toBe(v);
}

describe('a 年报 listing page', () => {
  it('gives the HTML report page, the PDF and the DOCX, each stored with its address', async () => {
    const [r] = await poller.pollDue();
    expect(r).toMatchObject({ status: 'ok', links: 3 });
    expect(r.reports.map((x) => [x.kind, x.status]))
      .toEqual([['page', 'ingested'], ['file', 'ingested'], ['file', 'ingested']]);
    expectLike(bySource(PAGE), truth('gz-xzb-2020'));
    expectLike(bySource(PDF), truth('panyu-2024'));
    expectLike(bySource(DOCX), truth('gz-xzb-2024'));
    expect(app.store.counts().reports).toBe(3);
    // the downloads are kept under their host, by the names of their addresses
    const kept = readdirSync(join(app.dir, 'reports', new URL(site.origin).host.replace(':', '_'))).sort();
    expect(kept).toEqual(['post_7012345.html', '广州市协作办公室2024年政府信息公开工作年度报告.docx', '番禺区2024年政府信息公开工作年度报告.pdf']);
  });

  it('fetched only the list and the three reports, with its own User-Agent and the list as Referer', () => {
    const reqs = site.take();
    expect(reqs.map((q) => q.path)).toEqual([LISTING, PAGE, PDF, DOCX]);
    for (const q of reqs) expect(q.headers['user-agent']).toBe(`nianbao/${VERSION} (+ops@example.org)`);
    for (const q of reqs.slice(1)) expect(q.headers.referer).toBe(site.url(LISTING));
    expect(reqs[0].headers['if-none-match']).toBeUndefined();
  });

  it('is not polled again before its interval', async () => {
    clock += 59 * MIN;
    expect(await poller.pollDue()).toEqual([]);
    expect(site.take()).toEqual([]);
  });

  it('a second poll sends If-None-Match and If-Modified-Since, gets 304 and downloads nothing', async () => {
    clock += 2 * MIN;
    const [r] = await poller.pollDue();
    expect(r).toMatchObject({ status: 'not_modified', reports: [] });
    const reqs = site.take();
    expect(reqs.map((q) => [q.path, q.status])).toEqual([[LISTING, 304]]);
    expect(reqs[0].headers['if-none-match']).toBe('"lst-1"');
    expect(reqs[0].headers['if-modified-since']).toBe('Sat, 01 Feb 2025 00:00:00 GMT');
    expect(app.store.counts().reports).toBe(3);
  });

  it('a changed list: only new links are downloaded, an article attachment too; known content is no new report', async () => {
    site.pages.set(LISTING, { body: listingV2, etag: '"lst-2"' });
    clock += 61 * MIN;
    const [r] = await poller.pollDue();
    expect(r.reports.map((x) => [x.url, x.status])).toEqual([
      [site.url(ARTICLE), 'rejected'], [site.url(MIRROR), 'unchanged'], [site.url(NEW_PDF), 'ingested'],
    ]);
    expect(['not_a_report', 'incomplete']).toContain(r.reports[0].outcome?.code); // a shell around the attachment
    expect(site.take().map((q) => q.path)).toEqual([LISTING, ARTICLE, MIRROR, NEW_PDF]);
    expectLike(bySource(NEW_PDF), truth('jinlin-2024'));
    expect(app.store.counts().reports).toBe(4);
    // the first address the 番禺 report was found at stays its address
    expect(bySource(PDF)).toBeDefined();
  });
});
