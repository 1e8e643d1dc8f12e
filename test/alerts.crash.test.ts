/**
 * The sender in the real bot process (node src/main.ts) killed with SIGKILL in the middle of a broadcast, then
 * started again: nobody is missed, and at most the one message in flight at the kill is sent twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ingestVariant, PANYU } from './helpers/engine.js';
import { makeLogger } from '../src/log.js';
import { alertStore } from '../src/store/alerts.js';
import { tempDir } from './helpers/app.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';
import { ROOT } from './helpers/run.js';

const N = 600;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startBot(api: FakeBotApi, db: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DB_PATH: db, DATA_DIR: join(dir, 'no-bundled'),
    LOG_LEVEL: 'warn', ALERT_RATE_PER_SEC: '150', ALERT_POLL_MS: '50', ENV_FILE: '',
    // the message in flight at the kill was taken for sending: the next process may take it once this is over
    ALERT_LEASE_MS: '1000',
  };
  // node itself (not a wrapper), so that SIGKILL hits the process that sends
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
}
const exited = (p: ChildProcess) => new Promise<void>((r) => { if (p.exitCode !== null || p.signalCode) r(); else p.on('exit', () => r()); });

describe('a sender killed mid-broadcast', () => {
  it('after a restart every chat has its alert, at most one twice', async () => {
    const db = join(dir, 'crash.db');
    const app = openApp(loadConfig({ DB_PATH: db, LOG_LEVEL: 'silent' }), makeLogger('silent'));
    const alerts = alertStore(app.db);
    const chats = Array.from({ length: N }, (_, i) => 300_000 + i);
    alerts.transaction(() => { for (const id of chats) alerts.subscribe(id, 'all', '全部报告'); });
    expect((await ingestVariant(Object.assign(app, { dir }), PANYU, (x) => x, 'panyu.txt')).status).toBe('ingested');
    expect(alerts.counts().pending).toBe(N);
    await app.close();

    const api = await new FakeBotApi().start();
    let stderr = '';
    try {
      const first = startBot(api, db);
      first.stderr!.on('data', (d) => (stderr += d));
      await api.waitUntil(() => api.delivered().length >= N / 4, 90_000);
      first.kill('SIGKILL');
      await exited(first);
      const atKill = api.delivered().length;
      expect(atKill).toBeLessThan(N);

      const second = startBot(api, db);
      second.stderr!.on('data', (d) => (stderr += d));
      const unique = () => new Set(api.delivered().map((c) => Number(c.payload.chat_id))).size;
      await api.waitUntil(() => unique() === N, 90_000);
      await new Promise((r) => setTimeout(r, 500)); // nothing more should come
      second.kill('SIGTERM');
      await exited(second);

      const per = new Map<number, number>();
      for (const c of api.delivered()) per.set(Number(c.payload.chat_id), (per.get(Number(c.payload.chat_id)) ?? 0) + 1);
      for (const id of chats) expect(per.get(id) ?? 0, `chat ${id}`).toBeGreaterThanOrEqual(1);
      expect(api.delivered().length - N, 'messages sent twice').toBeLessThanOrEqual(1);
    } finally {
      await api.stop();
    }
    const after = openApp(loadConfig({ DB_PATH: db, LOG_LEVEL: 'silent' }), makeLogger('silent'));
    try {
      expect(alertStore(after.db).counts()).toEqual({ pending: 0, sent: N, dropped: 0, failed: 0 });
    } finally {
      await after.close();
    }
    expect(stderr).not.toMatch(/"level":(50|60)/);
  }, 240_000);
});
