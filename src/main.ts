/**
 * `npm start`: with BOT_TOKEN the Telegram bot (long polling, or a webhook with WEBHOOK_URL + PORT);
 * without it the console chat. Either way the bundled reports are ingested first when new or changed.
 */
import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback } from 'grammy';
import { openApp, syncBundled, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { makeLogger, type Logger } from './log.js';
import { COMMANDS, createBot } from './bot/bot.js';
import { runConsole } from './bot/console.js';
import { QueryEngine } from './query/engine.js';
import { DbOpenError } from './store/db.js';

async function startBot(config: Config, app: App, engine: QueryEngine, log: Logger): Promise<() => Promise<void>> {
  const bot = createBot({ app, engine, log, token: config.botToken!, apiRoot: config.apiRoot, adminIds: config.adminIds, ratePerMinute: config.rateLimitPerMinute });
  await bot.init();
  await bot.api.setMyCommands(COMMANDS).catch((e) => log.warn({ err: e }, 'setMyCommands failed'));
  log.info({ bot: bot.botInfo.username, apiRoot: config.apiRoot ?? 'https://api.telegram.org', mode: config.webhookUrl ? 'webhook' : 'polling' }, 'bot started');
  if (config.webhookUrl) {
    const handle = webhookCallback(bot, 'http', { secretToken: config.webhookSecret });
    const server: Server = createServer((req, res) => { void handle(req, res); });
    await new Promise<void>((r) => server.listen(config.port, r));
    await bot.api.setWebhook(config.webhookUrl, config.webhookSecret ? { secret_token: config.webhookSecret } : {});
    return async () => { await new Promise<void>((r) => server.close(() => r())); };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 30 } } });
  return async () => { if (runner.isRunning()) await runner.stop(); };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`${e.message}\n`); process.exit(2); }
    throw e;
  }
  const log = makeLogger(config.logLevel);
  const app = openApp(config, log);
  await syncBundled(app);
  const engine = new QueryEngine(app.store);
  engine.warm();
  if (!config.botToken) {
    await runConsole(engine, process.stdin, process.stdout);
    await app.close();
    return;
  }
  const stop = await startBot(config, app, engine, log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: stop polling, finish in-flight updates, close the database');
    try { await stop(); } finally { await app.close(); log.info('stopped'); process.exit(0); }
  };
  // 'on', not 'once': a signal can arrive twice (from the process group and relayed by tsx or npm)
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof DbOpenError ? e.message : (e as Error)?.stack ?? e}\n`);
  process.exit(e instanceof DbOpenError ? 2 : 1);
});
