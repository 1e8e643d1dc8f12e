/** Rate limit, /reports paging, and webhook mode through the real process. */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/app.js';
import { startTestBot, type TestBot } from './helpers/bot.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';
import { ROOT } from './helpers/run.js';

const USER = { id: 2001, is_bot: false, first_name: 'U' };
const CHAT = { id: 2001, type: 'private' };

let t: TestBot;
let api: TestBot['api'];
beforeAll(async () => { t = await startTestBot({ ratePerMinute: 3, pageSize: 2 }); api = t.api; });
afterAll(() => t.stop());

describe('bot limits and paging', () => {
  it('/reports pages with buttons; a button turns the page', async () => {
    const since = api.calls.length;
    api.sendText(CHAT, USER, '/reports');
    const first = await api.waitFor((c) => c.method === 'sendMessage' && /第 1\/\d+ 页/.test(c.payload.text), 8000, since);
    const next = first.payload.reply_markup.inline_keyboard.flat().find((b: { text: string }) => /下一页/.test(b.text));
    api.clickButton({ message_id: 77, chat: CHAT, date: 0, text: 'x' }, next.callback_data, USER);
    const edit = await api.waitFor((c) => c.method === 'editMessageText' && /第 2\/\d+ 页/.test(c.payload.text), 8000, since);
    expect(edit.payload.message_id).toBe(77);
  });

  it('a user over the rate limit is told to slow down, once', async () => {
    const FAST = { id: 2002, is_bot: false, first_name: 'F' };
    const chat = { id: 2002, type: 'private' };
    const since = api.calls.length;
    for (let i = 0; i < 6; i++) api.sendText(chat, FAST, `番禺2024年收到多少申请 ${i}`);
    await api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 2002 && /太快/.test(c.payload.text), 8000, since);
    await new Promise((r) => setTimeout(r, 300));
    const sent = api.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 2002);
    expect(sent.filter((c) => /太快/.test(c.payload.text))).toHaveLength(1);
    expect(sent.filter((c) => /1774/.test(c.payload.text))).toHaveLength(3);
  });
});

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
});

describe('webhook mode (WEBHOOK_URL + PORT)', () => {
  it('sets the webhook and answers an update posted to it', async () => {
    const fake = await new FakeBotApi().start();
    const port = await freePort();
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DB_PATH: join(dir, 'w.db'), WEBHOOK_URL: `https://example.org/hook`, PORT: String(port), LOG_LEVEL: 'warn' };
    const proc = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const set = await fake.waitFor((c) => c.method === 'setWebhook', 60_000);
      expect(set.payload.url).toBe('https://example.org/hook');
      const update = { update_id: 1, message: { message_id: 5, date: 0, chat: CHAT, from: USER, text: '洪泽区2024年收到多少申请' } };
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => resolve()); });
        req.on('error', reject);
        req.end(JSON.stringify(update));
      });
      const a = await fake.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === CHAT.id, 10_000);
      expect(a.payload.text).toContain('淮安市洪泽区人民政府 2024 年');
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.on('close', r));
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
