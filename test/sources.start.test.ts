/**
 * startSources: the inbox under DATA_DIR and the poller from SOURCES_FILE, started together on the real timer,
 * closed together; a bad or missing sources file leaves the poller off and the inbox working. And a source's
 * body stands in for a report whose title names none.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import { startSources } from '../src/sources/index.js';
import { testApp } from './helpers/app.js';
import { startPoller } from '../src/sources/poller.js';
import { JINLIN, truth, WUJIANG, XZB24 } from './helpers/engine.js';
import { startSite, waitFor, type Site } from './sources.site.js';

const seed = (id: string) => join(PROJECT_ROOT, 'data', 'reports', `${id}.txt`);
let app: App & { dir: string };
let site: Site;

beforeAll(async () => {
  app = testApp();
  app.config.dataDir = app.dir;
  site = await startSite({
    '/ndbg/index.html': {
      body: '<ul><li><a href="/art/2025/1/20/art_1_1.html">金林区人民政府办公室2024年政府信息公开工作年度报告</a></li></ul>',
    },
    '/art/2025/1/20/art_1_1.html': { body: readFileSync(seed(JINLIN)), type: 'text/plain; charset=utf-8' },
    '/bureau/ndbg.html': { body: '<p><a href="/bureau/t20250120_1.html">2024年政府信息公开工作年度报告</a></p>' },
    // seed 003 without its body's name in the title line
    '/bureau/t20250120_1.html': { body: readFileSync(seed(WUJIANG), 'utf8').replace(truth(WUJIANG).org, '') },
  });
});
afterAll(async () => { await site.close(); await app.close(); });

describe('startSources', () => {
  it('watches DATA_DIR/inbox and polls the sources of SOURCES_FILE at once', async () => {
    const file = join(app.dir, 'my-sources.json');
    writeFileSync(file, JSON.stringify({ sources: [{ url: site.url('/ndbg/index.html'), intervalMinutes: 60 }] }));
    const inbox = { stabilityMs: 200, pollMs: 20 };
    const sources = startSources(app, { env: { SOURCES_FILE: file }, inbox, poller: { paceMs: 0 } });
    try {
      expect(sources.poller).not.toBeNull();
      await sources.ready;
      copyFileSync(seed(XZB24), join(app.dir, 'inbox', 'xzb-2024.txt'));
      const nameOf = (bodyId: number) => app.store.bodies().find((b) => b.id === bodyId)?.name;
      const stored = (org: string) => app.store.activeReports().find((r) => nameOf(r.body_id) === org);
      await waitFor(() => !!stored(truth(JINLIN).org) && !!stored(truth(XZB24).org));
      expect(stored(truth(JINLIN).org)?.source_url).toBe(site.url('/art/2025/1/20/art_1_1.html'));
      expect(stored(truth(XZB24).org)?.source_url).toBeNull();
      await waitFor(() => readdirSync(join(app.dir, 'reports')).includes('xzb-2024.txt'));
      expect(site.requests[0].headers['user-agent']).toMatch(/^nianbao\/\d+\.\d+\.\d+/);
    } finally {
      await sources.close();
    }
  });

  it('a bad sources file: the poller stays off, the inbox still works', async () => {
    const file = join(app.dir, 'bad.json');
    writeFileSync(file, '{"sources": [{"url": "not a url"}]}');
    const sources = startSources(app, { env: { SOURCES_FILE: file }, inbox: { stabilityMs: 100, pollMs: 20 } });
    try {
      expect(sources.poller).toBeNull();
      expect(sources.inbox).not.toBeNull();
    } finally {
      await sources.close();
    }
    const none = startSources(app, { env: {}, inbox: false });
    expect(none.poller).toBeNull(); // DATA_DIR/sources.json does not exist
    expect(none.inbox).toBeNull();
    await none.close();
  });

  it('the body of the source stands in when the report does not name its own', async () => {
    const body = '韶关市武江区政务服务数据管理局';
    const poller = startPoller(app, {
      sources: [{ url: site.url('/bureau/ndbg.html'), body, intervalMinutes: 60 }], autoStart: false, paceMs: 0,
    });
    try {
      const [r] = await poller.pollDue();
      expect(r.reports.map((x) => x.status)).toEqual(['ingested']);
      expect(r.reports[0].outcome?.report).toMatchObject({ org: body, year: truth(WUJIANG).year });
      const stored = app.store.reportById(r.reports[0].reportId!)!;
      expect(stored.override_body).toBe(body);
      expect(stored.source_url).toBe(site.url('/bureau/t20250120_1.html'));
    } finally {
      await poller.close();
    }
  });
});
