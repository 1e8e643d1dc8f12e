/** Rate limit and /reports paging (webhook mode through the real process: bot.webhook.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './helpers/bot.js';

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
    for (let i = 0; i < 6; i++) api.sendText(chat, FAST, `番禺2024年收到多少申请${i % 2 ? '？' : ''}`);
    await api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 2002 && /太快/.test(c.payload.text), 8000, since);
    await new Promise((r) => setTimeout(r, 300));
    const sent = api.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 2002);
    expect(sent.filter((c) => /太快/.test(c.payload.text))).toHaveLength(1);
    expect(sent.filter((c) => /1774/.test(c.payload.text))).toHaveLength(3);
  });
});
