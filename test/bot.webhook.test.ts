/**
 * Webhook mode through the real process: a forged POST without the secret, a malformed POST, a 403 on the reply
 * (the user blocked the bot) and a handler slower than the webhook timeout; the process stays up and answers
 * the next update.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { makeLogger } from '../src/log.js';
import { tempDir } from './helpers/app.js';
import { truth } from './helpers/engine.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';
import { freePort, post, startMain } from './helpers/mainProcess.js';

const SECRET = 'test-Secret_42';
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let nextUpdate = 1;
const update = (chatId: number, text: string) => JSON.stringify({
  update_id: nextUpdate++,
  message: { message_id: nextUpdate, date: 0, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text },
});
const QUESTION = '洪泽区2024年收到多少申请';

describe('webhook mode', () => {
  it('refuses forged and malformed POSTs, survives a 403 and a slow handler, and answers the next update', async () => {
    const fake = await new FakeBotApi().start();
    const port = await freePort();
    const main = startMain({
      BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DB_PATH: join(dir, 'w.db'),
      WEBHOOK_URL: 'https://example.org/hook', PORT: String(port), WEBHOOK_SECRET: SECRET, WEBHOOK_HOST: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '700',
    });
    const sentTo = (id: number) => fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === id);
    const h = truth('hongze-2024');
    try {
      const set = await fake.waitFor((c) => c.method === 'setWebhook', 90_000);
      expect(set.payload).toMatchObject({ url: 'https://example.org/hook', secret_token: SECRET });
      const withSecret = { 'x-telegram-bot-api-secret-token': SECRET };

      expect((await post(port, update(8001, QUESTION))).status).toBe(401); // no secret
      expect((await post(port, update(8001, QUESTION), { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
      expect((await post(port, '{"update_id": 7, "message": ', withSecret)).status).toBe(400);

      fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 5, (p) => Number(p.chat_id) === 8003);
      expect((await post(port, update(8003, QUESTION), withSecret)).status).toBe(200);
      await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 8003, 15_000);

      fake.fault({ kind: 'delay', ms: 2500, method: 'sendMessage', times: 1, when: (p) => Number(p.chat_id) === 8004 });
      const slow = await post(port, update(8004, QUESTION), withSecret);
      expect(slow.status).toBe(200);
      expect(slow.ms).toBeLessThan(2300); // answered at the timeout, not when the handler finished
      const late = await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 8004 && !!c.ok, 15_000);
      expect(late.payload.text).toContain(`${h.org} ${h.year} 年`);

      expect((await post(port, update(8005, QUESTION), withSecret)).status).toBe(200);
      const next = await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 8005, 15_000);
      expect(next.payload.text).toContain(String(h.applications.new_received[6]));
      expect(main.proc.exitCode).toBeNull();
      expect(sentTo(8001)).toEqual([]); // the forged update was never handled
    } finally {
      expect(await main.stop()).toBe(0);
      await fake.stop();
    }
    const log = main.stderr();
    expect(log).toMatch(/without the right secret/);
    expect(log).toMatch(/not an update/);
    expect(log).toMatch(/blocked or removed/);
    expect(log).not.toMatch(/"level":60/);
    const app = openApp(loadConfig({ DB_PATH: join(dir, 'w.db'), LOG_LEVEL: 'silent' }), makeLogger('silent'));
    try {
      expect(app.store.chat(8003)?.active).toBe(0); // the user who blocked the bot
    } finally {
      await app.close();
    }
  }, 180_000);
});
