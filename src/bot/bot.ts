/**
 * The Telegram bot (grammY), assembled from its handler groups (src/bot/handlers/), each behind its own error
 * boundary: chat lifecycle first (not rate limited), then per-chat ordering, the rate limit and the check for
 * reports added by other processes; then commands, subscriptions, uploads, and questions last.
 */
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { App } from '../app.js';
import type { Logger } from '../log.js';
import type { QueryEngine } from '../query/engine.js';
import { handlerErrors } from './errors.js';
import { Freshness } from './freshness.js';
import { commands } from './handlers/commands.js';
import type { HandlerDeps } from './handlers/deps.js';
import { lifecycle } from './handlers/lifecycle.js';
import { questions } from './handlers/questions.js';
import { subscriptions } from './handlers/subscriptions.js';
import { uploads } from './handlers/uploads.js';
import { retryCalls, type RetryOptions } from './retry.js';
import { ChatState } from './state.js';

export { COMMANDS, commandMenu } from './menu.js';
export { MAX_DOWNLOAD_BYTES } from './upload.js';

export interface BotDeps {
  app: App;
  engine: QueryEngine;
  log: Logger;
  token: string;
  apiRoot?: string;
  adminIds: number[];
  botInfo?: UserFromGetMe;
  retry?: RetryOptions;
  ratePerMinute?: number;
  /** Bodies per page of /reports. */
  pageSize?: number;
  /** Bot API request timeout (must exceed the long-polling timeout). */
  timeoutSeconds?: number;
  /** Called after the bot stored an uploaded report. */
  onIngested?: () => void;
}

export const RATE_LIMIT_WORDS = { slowDown: '提问太快了，请稍等一分钟再问。' };

export function createBot(deps: BotDeps): Bot {
  const { app, engine, log } = deps;
  const apiRoot = deps.apiRoot?.replace(/\/+$/, '');
  const bot = new Bot(deps.token, {
    client: { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: deps.timeoutSeconds ?? 60 },
    botInfo: deps.botInfo,
  });
  bot.api.config.use(retryCalls({ maxRetryAttempts: 5, maxDelaySeconds: 60, ...deps.retry }, log));
  const h: HandlerDeps = {
    app, engine, log, state: new ChatState(), freshness: new Freshness(app.db, engine, log),
    adminIds: deps.adminIds, token: deps.token, apiRoot, pageSize: deps.pageSize ?? 8, onIngested: deps.onIngested,
  };
  const guard = (group: string) => handlerErrors(group, app.store, log);

  bot.errorBoundary(guard('lifecycle'), lifecycle(h));
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(limit({
    timeFrame: 60_000,
    limit: deps.ratePerMinute ?? 20,
    keyGenerator: (ctx) => (ctx.from?.id ?? ctx.chat?.id)?.toString(),
    onLimitExceeded: async (ctx) => { await ctx.reply(RATE_LIMIT_WORDS.slowDown).catch(() => undefined); },
  }));
  bot.use(h.freshness.middleware());
  bot.errorBoundary(guard('commands'), commands(h));
  bot.errorBoundary(guard('subscriptions'), subscriptions(h));
  bot.errorBoundary(guard('uploads'), uploads(h));
  bot.errorBoundary(guard('questions'), questions(h));

  bot.catch((err) => {
    log.error({ err: err.error, update: err.ctx?.update?.update_id }, 'error while handling an update');
  });
  return bot;
}
