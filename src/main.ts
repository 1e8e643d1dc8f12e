/**
 * `npm start`: with BOT_TOKEN the Telegram bot (long polling, or a webhook with WEBHOOK_URL + PORT +
 * WEBHOOK_SECRET) and the alert sender; without it the console chat. Either way the bundled reports are ingested
 * first when new or changed. `.env` is read when present (ENV_FILE names another file; empty: none).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Api } from 'grammy';
import { openApp, syncBundled, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { makeLogger, type Logger } from './log.js';
import { AlertSender } from './alerts/sender.js';
import { commandMenu, createBot } from './bot/bot.js';
import { runConsole } from './bot/console.js';
import { Freshness } from './bot/freshness.js';
import { startPolling } from './bot/polling.js';
import { TokenRefused, untilReachable } from './bot/reach.js';
import { serveWebhook } from './bot/webhook.js';
import { QueryEngine } from './query/engine.js';
import { DbOpenError } from './store/db.js';
import { startSources } from './sources/index.js';

const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** Variables already set win over the file's. */
function loadEnvFile(): void {
  const file = process.env.ENV_FILE ?? '.env';
  if (file && existsSync(resolve(file))) process.loadEnvFile(resolve(file));
}

/**
 * The watched inbox (INBOX_DIR, default the folder beside DATA_DIR: data/inbox) and the polled web sources
 * (SOURCES_FILE): what they bring in goes through the same ingest, so the outbox has its alerts; admins are
 * told of a source that keeps failing.
 */
function startReportSources(config: Config, app: App, api: Api, log: Logger, onIngested: () => void) {
  const base = dirname(resolve(config.dataDir));
  const tell = (text: string) => {
    for (const id of config.adminIds) {
      // plain text (no parse mode): nothing to escape
      api.sendMessage(id, text).catch((e) => log.warn({ err: e, admin: id }, 'admin not told'));
    }
  };
  return startSources(app, {
    inbox: {
      dir: process.env.INBOX_DIR ?? join(base, 'inbox'), reportsDir: resolve(config.dataDir),
      rejectedDir: process.env.REJECTED_DIR ?? join(base, 'rejected'), onOutcome: () => onIngested(),
    },
    poller: { onReport: () => onIngested() },
    onSourceFailing: (s, err, n) => tell(`报告来源 ${s.url} 已连续 ${n} 次失败：${err.message}`),
    onSourceRecovered: (s, n) => tell(`报告来源 ${s.url} 在 ${n} 次失败后恢复正常`),
  });
}

async function startBot(
  config: Config, app: App, engine: QueryEngine, log: Logger, signal: AbortSignal,
): Promise<() => Promise<void>> {
  const token = config.botToken!;
  const apiRoot = config.apiRoot ?? DEFAULT_API_ROOT;
  const api = new Api(token, { apiRoot, timeoutSeconds: 30 }); // the sender's own: it handles failures itself
  const sender = new AlertSender({ store: app.store, api, log }, config.alerts);
  const bot = createBot({
    app, engine, log, token, apiRoot: config.apiRoot, adminIds: config.adminIds,
    ratePerMinute: config.rateLimitPerMinute,
    onIngested: () => sender.notify(),
  });
  const reach = { apiRoot, signal };
  // not bot.init(): it retries on its own, silently
  bot.botInfo = await untilReachable('getMe', () => bot.api.getMe(), log, reach);
  await bot.api.setMyCommands(commandMenu(engine.examples(20))).catch((e) => log.warn({ err: e }, 'setMyCommands failed'));
  log.info({ bot: bot.botInfo.username, apiRoot, mode: config.webhookUrl ? 'webhook' : 'polling' }, 'bot started');
  sender.start();
  const sources = startReportSources(config, app, api, log, () => sender.notify());
  if (config.webhookUrl) {
    const server = await serveWebhook(bot, log, {
      port: config.port!, host: config.webhookHost, secret: config.webhookSecret!, timeoutMs: config.webhookTimeoutMs,
    });
    const setWebhook = () => bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret });
    await untilReachable('setWebhook', setWebhook, log, reach);
    return async () => { await server.close(); await sources.close(); await sender.stop(); };
  }
  await untilReachable('deleteWebhook', () => bot.api.deleteWebhook(), log, reach);
  const runner = startPolling(bot, log, apiRoot);
  runner.task()?.catch((e) => {
    log.fatal({ err: e }, 'polling stopped for good (token refused, another instance polling, or days offline)');
    process.kill(process.pid, 'SIGTERM');
  });
  return async () => { if (runner.isRunning()) await runner.stop(); await sources.close(); await sender.stop(); };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    loadEnvFile();
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError || (e as NodeJS.ErrnoException)?.code === 'ERR_INVALID_ARG_VALUE') {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = makeLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (the process keeps serving)');
  });
  const app = openApp(config, log);
  await syncBundled(app);
  const engine = new QueryEngine(app.store);
  engine.warm();
  // the typo index, once the process is up (the first message waits for it at most once)
  setTimeout(() => engine.prepare(), 0).unref();
  if (!config.botToken) {
    const fresh = new Freshness(app.db, engine, log);
    await runConsole(engine, process.stdin, process.stdout, () => fresh.check());
    await app.close();
    return;
  }
  const aborted = new AbortController();
  let stop: (() => Promise<void>) | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    aborted.abort();
    log.info({ signal }, 'shutting down: stop polling, finish in-flight updates and alerts, close the database');
    try { await stop?.(); } finally { await app.close(); log.info('stopped'); process.exit(0); }
  };
  // 'on', not 'once': a signal can arrive twice (from the process group and relayed by tsx or npm)
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    stop = await startBot(config, app, engine, log, aborted.signal);
  } catch (e) {
    if (stopping) return;
    if (e instanceof TokenRefused) { log.fatal(e.message); await app.close(); process.exit(2); }
    throw e;
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof DbOpenError ? e.message : (e as Error)?.stack ?? e}\n`);
  process.exit(e instanceof DbOpenError ? 2 : 1);
});
