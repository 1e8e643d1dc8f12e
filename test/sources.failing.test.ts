/**
 * Failing web sources (a page answering 500, a page that never answers) are tried again with exponential backoff
 * and reported after three failures in a row, while a working source on the same host goes on being polled.
 * The schedule runs on an injected clock; only the hanging page's time limit (300 ms) is real time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import type { SourceConfig } from '../src/sources/config.js';
import { startPoller, type PollerHandle, type PollResult } from '../src/sources/poller.js';
import { testApp } from './helpers/app.js';
import { JINLIN } from './helpers/engine.js';
import { startSite, type Site } from './sources.site.js';

const MIN = 60_000;
const OK_PAGE = '<html><body><h1>政府信息公开年报</h1><ul><li><a href="/">首页</a></li></ul></body></html>';
let app: App & { dir: string };
let site: Site;
let poller: PollerHandle;
let clock = 0;
const failing: [string, string, number][] = [];
const recovered: [string, number][] = [];
let broken: SourceConfig, slow: SourceConfig, fine: SourceConfig;

beforeAll(async () => {
  app = testApp();
  site = await startSite({
    '/broken/index.html': { status: 500, body: 'Internal Server Error' },
    '/slow/index.html': { hang: true },
    '/fine/index.html': { body: OK_PAGE, etag: '"fine-1"' },
  });
  broken = { url: site.url('/broken/index.html'), body: '某某区人民政府', intervalMinutes: 60 };
  slow = { url: site.url('/slow/index.html'), intervalMinutes: 60 };
  fine = { url: site.url('/fine/index.html'), intervalMinutes: 1 };
  poller = startPoller(app, {
    sources: [broken, slow, fine], now: () => clock, autoStart: false, paceMs: 0, timeoutMs: 300,
    retryBaseMs: MIN, retryMaxMs: 60 * MIN, failThreshold: 3, reportsDir: app.dir,
    onSourceFailing: (s, e, n) => failing.push([s.url, e.message, n]),
    onSourceRecovered: (s, n) => recovered.push([s.url, n]),
  });
});
afterAll(async () => { await poller.close(); await site.close(); await app.close(); });

const statusOf = (rs: PollResult[]) =>
  Object.fromEntries(rs.map((r) => [new URL(r.source).pathname, [r.status, r.failures]]));
const at = async (ms: number) => { clock = ms; return statusOf(await poller.pollDue()); };
/** Requests seen by the site; the hanging page's are left out (under load one may arrive after its time limit). */
const paths = () => site.take().map((q) => q.path).filter((p) => p !== '/slow/index.html').sort();

describe('failing sources', () => {
  it('fail once: the working source is polled all the same', async () => {
    expect(await at(0)).toEqual({
      '/broken/index.html': ['failed', 1], '/slow/index.html': ['failed', 1], '/fine/index.html': ['ok', undefined],
    });
    expect(failing).toEqual([]);
    expect(paths()).toEqual(['/broken/index.html', '/fine/index.html']);
  });

  it('are not tried again before their backoff (1 min after the first failure)', async () => {
    expect(await at(30_000)).toEqual({});
    expect(paths()).toEqual([]);
    expect(poller.dueAt(broken.url)).toBe(MIN);
  });

  it('fail twice: the next try waits twice as long', async () => {
    expect(await at(MIN)).toEqual({
      '/broken/index.html': ['failed', 2], '/slow/index.html': ['failed', 2],
      '/fine/index.html': ['not_modified', undefined],
    });
    expect(poller.dueAt(broken.url)).toBe(3 * MIN);
    expect(await at(2.5 * MIN)).toEqual({ '/fine/index.html': ['not_modified', undefined] });
    expect(paths()).toEqual(['/broken/index.html', '/fine/index.html', '/fine/index.html']);
  });

  it('fail three times: reported to the admins, with the error and the count; the others unaffected', async () => {
    // the working source was polled at 2.5 min: due again at 3.5
    expect(await at(3 * MIN)).toEqual({ '/broken/index.html': ['failed', 3], '/slow/index.html': ['failed', 3] });
    expect(failing.map(([u, , n]) => [new URL(u).pathname, n]).sort())
      .toEqual([['/broken/index.html', 3], ['/slow/index.html', 3]]);
    expect(failing.find(([u]) => u === broken.url)?.[1]).toMatch(/HTTP 500/);
    expect(failing.find(([u]) => u === slow.url)?.[1]).toMatch(/did not answer within 300 ms/);
    expect(poller.dueAt(broken.url)).toBe(7 * MIN);
  });

  it('a fourth failure is not reported again (next at six); a source that works again is said to', async () => {
    site.pages.set('/broken/index.html', { body: OK_PAGE });
    expect(await at(7 * MIN)).toEqual({
      '/broken/index.html': ['ok', undefined], '/slow/index.html': ['failed', 4],
      '/fine/index.html': ['not_modified', undefined],
    });
    expect(failing).toHaveLength(2);
    expect(recovered).toEqual([[broken.url, 3]]);
    expect(poller.dueAt(broken.url)).toBe(7 * MIN + 60 * MIN);
    expect(poller.dueAt(slow.url)).toBe(7 * MIN + 8 * MIN);
    site.take();
  });

  it('the failures are remembered in the database (a restart keeps the backoff)', async () => {
    const again = startPoller(app, { sources: [slow], now: () => clock, autoStart: false, retryBaseMs: MIN });
    try {
      expect(again.dueAt(slow.url)).toBe(15 * MIN);
      expect(await again.pollDue()).toEqual([]);
    } finally {
      await again.close();
    }
  });
});

describe('a report link that fails', () => {
  it('is tried again at the next poll, also when the list is unchanged (304)', async () => {
    const LIST = '/list2/index.html', REPORT = '/list2/t20250120_1.html';
    site.pages.set(LIST, { body: `<a href="${REPORT}">2024年政府信息公开工作年度报告</a>`, etag: '"l2"' });
    site.pages.set(REPORT, { status: 503, body: 'busy' });
    const src = { url: site.url(LIST), intervalMinutes: 60 };
    const p = startPoller(app, { sources: [src], now: () => clock, autoStart: false, paceMs: 0, reportsDir: app.dir });
    try {
      const [first] = await p.pollDue();
      expect(first.reports.map((r) => [r.status, r.reason])).toEqual([['failed', `${site.url(REPORT)} answered HTTP 503`]]);
      site.pages.set(REPORT, { body: readFileSync(join(PROJECT_ROOT, 'data', 'reports', `${JINLIN}.txt`)) });
      clock += 61 * MIN;
      site.take();
      const [second] = await p.pollDue();
      expect(second.status).toBe('not_modified');
      expect(second.reports.map((r) => r.status)).toEqual(['ingested']);
      expect(site.take().map((q) => [q.path, q.status])).toEqual([[LIST, 304], [REPORT, 200]]);
      expect(app.store.reportById(second.reports[0].reportId!)?.source_url).toBe(site.url(REPORT));
    } finally {
      await p.close();
    }
  });
});
