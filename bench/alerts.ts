/**
 * Fan-out of one new report to N subscribed chats (default 10,000; a tenth of them groups) through the real
 * sender against the fake Bot API (in its own process), next to the floor the configured rate sets: the first
 * message at 0, the last at (N − 1) / rate. Goal: within 5 % of the floor.
 *   npm run bench:alerts [-- --chats 10000 --rate 400 --concurrency 1]
 * (rate: --rate, else ALERT_RATE_PER_SEC, else 400 msg/s)
 */
import { fork } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Api } from 'grammy';
import { openApp } from '../src/app.js';
import { AlertSender } from '../src/alerts/sender.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { makeLogger } from '../src/log.js';
import { alertStore } from '../src/store/alerts.js';

export interface AlertBenchOptions { chats?: number; rate?: number; concurrency?: number }
interface Row { figure: string; value: string; target: string; met: boolean | null }
type FakeReply = { apiRoot: string; token: string } | { delivered: number; unique: number };

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};

export async function benchAlerts(opts: AlertBenchOptions = {}): Promise<Row[]> {
  const n = opts.chats ?? 10_000;
  const rate = opts.rate ?? (Number(process.env.ALERT_RATE_PER_SEC) || 400);
  const concurrency = opts.concurrency ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-alerts-'));
  const fake = fork(join(import.meta.dirname, 'alertsFake.ts'), [], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  /** The fake's next message; `m` (when not empty) is sent first. */
  const ask = (m: object) => new Promise<FakeReply>((r) => {
    fake.once('message', (x) => r(x as FakeReply));
    if (Object.keys(m).length) fake.send(m);
  });
  const app = openApp(loadConfig({ DB_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'silent' }), makeLogger('silent'));
  try {
    const where = (await ask({})) as { apiRoot: string; token: string };
    const alerts = alertStore(app.db);
    alerts.transaction(() => {
      for (let i = 0; i < n; i++) alerts.subscribe(i % 10 === 0 ? -(1_000_000 + i) : 1_000_000 + i, 'all', '全部报告');
    });
    const report = join(dir, 'report.txt');
    copyFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'seeds', '002_7b8566f6eb984e20.txt'), report);
    const t0 = performance.now();
    await ingestFile(report, { ...app.ingest });
    const ingestMs = performance.now() - t0;
    const queued = alerts.counts().pending;
    const api = new Api(where.token, { apiRoot: where.apiRoot });
    const sender = new AlertSender({ store: app.store, api, log: makeLogger('silent') }, {
      ratePerSec: rate, concurrency, groupIntervalMs: 3000, watchEveryMs: Infinity,
    });
    const t1 = performance.now();
    const stats = await sender.drain();
    const seconds = (performance.now() - t1) / 1000;
    const got = (await ask({ count: true })) as { delivered: number; unique: number };
    const floor = (n - 1) / rate;
    const over = (seconds / floor - 1) * 100;
    const fanOut = `${n} chats in ${seconds.toFixed(2)} s at ${rate} msg/s (concurrency ${concurrency})`;
    const delivered = `${got.delivered} messages to ${got.unique} chats (sender: ${stats.sent} sent, ${stats.retried} retried)`;
    return [
      { figure: 'fan-out', value: fanOut, target: `floor ${floor.toFixed(2)} s (+5 %)`, met: over <= 5 },
      { figure: 'over the floor', value: `${over.toFixed(1)} %`, target: '≤ 5 %', met: over <= 5 },
      { figure: 'delivered', value: delivered, target: `${n}, each once`, met: got.delivered === n && got.unique === n },
      {
        figure: 'outbox', value: `${queued} rows written with the report (ingest ${ingestMs.toFixed(0)} ms in all)`,
        target: `${n}`, met: queued === n,
      },
    ];
  } finally {
    fake.send({ stop: true });
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchAlerts({ chats: arg('chats'), rate: arg('rate'), concurrency: arg('concurrency') });
  const verdict = (r: Row) => (r.met === null ? '' : r.met ? ': met' : ': NOT met');
  for (const r of rows) console.log(`${r.figure.padEnd(15)} ${r.value}${r.target ? `   [${r.target}${verdict(r)}]` : ''}`);
}
