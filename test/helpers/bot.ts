/** A bot over the bundled reports, long-polling a fake Bot API server: started in beforeAll, stopped in afterAll. */
import type { Bot } from 'grammy';
import type { App } from '../../src/app.js';
import { createBot, type BotDeps } from '../../src/bot/bot.js';
import { makeLogger } from '../../src/log.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine } from './engine.js';
import { FakeBotApi } from './fakeBotApi.js';

export interface TestBot { app: App & { dir: string }; engine: QueryEngine; api: FakeBotApi; bot: Bot; stop(): Promise<void> }

export async function startTestBot(opts: Partial<Pick<BotDeps, 'adminIds' | 'ratePerMinute' | 'pageSize'>> = {}): Promise<TestBot> {
  const { app, engine } = await bundledEngine();
  const api = await new FakeBotApi().start();
  const bot = createBot({
    app, engine, log: makeLogger('silent'), token: api.token, apiRoot: api.apiRoot, adminIds: opts.adminIds ?? [], ratePerMinute: opts.ratePerMinute ?? 1000,
    pageSize: opts.pageSize, retry: { maxRetryAttempts: 3, maxDelaySeconds: 5, rethrowHttpErrors: true },
  });
  const polling = bot.start({ timeout: 1 });
  await api.waitFor((c) => c.method === 'getMe');
  return {
    app, engine, api, bot,
    async stop() {
      await bot.stop();
      await polling;
      await api.stop();
      await app.close();
    },
  };
}
