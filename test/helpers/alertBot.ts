/**
 * A bot with the alert sender, on an empty temporary database (or the bundled reports), long-polling a fake Bot
 * API through the same runner as production. Reports are added with addReport (the real ingest).
 */
import { Api, type Bot } from 'grammy';
import type { RunnerHandle } from '@grammyjs/runner';
import { join } from 'node:path';
import { syncBundled, type App } from '../../src/app.js';
import { AlertSender, type SenderOptions } from '../../src/alerts/sender.js';
import { createBot } from '../../src/bot/bot.js';
import { startPolling } from '../../src/bot/polling.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { ingestFile, type IngestOutcome } from '../../src/ingest/pipeline.js';
import { makeLogger } from '../../src/log.js';
import { QueryEngine } from '../../src/query/engine.js';
import { testApp } from './app.js';
import { FIX } from './cases.js';
import { NOW } from './engine.js';
import { FakeBotApi } from './fakeBotApi.js';

export const HONGZE_2023 = join(FIX, 'real-pdf', 'hongze-2023.pdf');
export const HONGZE_2024 = join(FIX, 'real-pdf', 'hongze-2024.pdf');

export interface AlertBot {
  app: App & { dir: string }; engine: QueryEngine; api: FakeBotApi; bot: Bot; sender: AlertSender;
  addReport(file: string): Promise<IngestOutcome>;
  stop(): Promise<void>;
}

/** A sender against the fake: fast pace unless told otherwise, no automatic deadline watch. */
export function testSender(app: App, api: FakeBotApi, opts: Partial<SenderOptions> = {}, clock: () => Date = () => NOW): AlertSender {
  const tg = new Api(api.token, { apiRoot: api.apiRoot, timeoutSeconds: 5 });
  return new AlertSender({ store: app.store, api: tg, log: makeLogger('silent'), clock }, {
    ratePerSec: 2000, groupIntervalMs: 0, pollMs: 20, backoffMs: 50, maxBackoffMs: 500, watchEveryMs: Infinity, ...opts,
  });
}

export interface AlertBotOptions {
  bundled?: boolean; adminIds?: number[]; sender?: Partial<SenderOptions>;
  /** Bot API request timeout (s); long polling waits 1 s. */
  timeoutSeconds?: number;
}

export async function startAlertBot(opts: AlertBotOptions = {}): Promise<AlertBot> {
  const app = testApp(opts.bundled ? { DATA_DIR: join(PROJECT_ROOT, 'data', 'reports') } : {});
  if (opts.bundled) await syncBundled(app);
  const engine = new QueryEngine(app.store, () => NOW);
  const api = await new FakeBotApi().start();
  const log = makeLogger('silent');
  const sender = testSender(app, api, opts.sender);
  const bot = createBot({
    app, engine, log, token: api.token, apiRoot: api.apiRoot, adminIds: opts.adminIds ?? [], ratePerMinute: 1000,
    retry: { maxRetryAttempts: 3, maxDelaySeconds: 5, backoffMs: 50 }, timeoutSeconds: opts.timeoutSeconds ?? 5, onIngested: () => sender.notify(),
  });
  await bot.init();
  const runner: RunnerHandle = startPolling(bot, log, api.apiRoot, { timeoutSeconds: 1 });
  return {
    app, engine, api, bot, sender,
    addReport: (file) => ingestFile(file, app.ingest),
    async stop() {
      await sender.stop();
      if (runner.isRunning()) await runner.stop();
      await api.stop();
      await app.close();
    },
  };
}
