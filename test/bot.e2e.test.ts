import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIX } from './helpers/cases.js';
import { startTestBot, type TestBot } from './helpers/bot.js';
import { asPanyuOffice, ingestVariant, JINLIN, PANYU, truth } from './helpers/engine.js';
import { BOT_INFO, htmlIsValid, type Call } from './helpers/fakeBotApi.js';

const ALICE = { id: 1001, is_bot: false, first_name: 'Alice', username: 'alice' };
const ADMIN = { id: 4242, is_bot: false, first_name: 'Admin' };
const PRIVATE = { id: ALICE.id, type: 'private', first_name: 'Alice' };
const ADMIN_CHAT = { id: ADMIN.id, type: 'private', first_name: 'Admin' };
const GROUP = { id: -1001234, type: 'supergroup', title: '政务公开办' };
const AT = `@${BOT_INFO.username}`;

let t: TestBot;
let app: TestBot['app'];
let engine: TestBot['engine'];
let api: TestBot['api'];
beforeAll(async () => { t = await startTestBot({ adminIds: [ADMIN.id] }); ({ app, engine, api } = t); });
afterAll(() => t.stop());

/** The bot's answer to a message: the first sendMessage after `since` in that chat. */
const answerIn = (chatId: number, since: number, pred: (c: Call) => boolean = () => true) =>
  api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId && pred(c), 8000, since);

describe('private chats', () => {
  it('a question gets the number first and the report line quoted, in valid HTML', async () => {
    const since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '番禺2024年收到多少政府信息公开申请？');
    const c = await answerIn(PRIVATE.id, since);
    const want = truth(PANYU).applications.new_received[6];
    expect(c.payload.parse_mode).toBe('HTML');
    expect(c.payload.text).toMatch(new RegExp(`^<b>广州市番禺区人民政府 2024 年[^<]*${want}`));
    expect(c.payload.text).toContain('<blockquote>');
    expect(c.payload.text).toContain('2024 年报告');
    expect(htmlIsValid(c.payload.text)).toBe(true);
    expect(api.calls.slice(since).some((x) => x.method === 'sendChatAction' && x.payload.action === 'typing')).toBe(true);
  });

  it('a ranking longer than it shows comes with the whole list as a CSV file', async () => {
    const since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '2024年收到申请最多的前两名');
    const doc = await api.waitFor((c) => c.method === 'sendDocument' && Number(c.payload.chat_id) === PRIVATE.id, 8000, since);
    const csv = String(doc.payload.document.text);
    expect(doc.payload.document?.filename).toMatch(/\.csv$/);
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
    const with2024 = engine.bodies.filter((b) => b.years.includes(2024)).length;
    expect(lines.length).toBe(with2024 + 1);
    expect(lines[1]).toContain(`广州市番禺区人民政府,2024,${truth(PANYU).applications.new_received[6]}`);
  });

  it('follow-ups reuse the chat context', async () => {
    let since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '洪泽区2024年收到多少申请');
    await answerIn(PRIVATE.id, since);
    since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '那2023年呢');
    const c = await answerIn(PRIVATE.id, since);
    expect(c.payload.text).toMatch(/淮安市洪泽区人民政府 2023 年/);
  });

  it('a sticker gets a word on what the bot understands', async () => {
    const since = api.calls.length;
    api.pushUpdate({ message: { message_id: 424242, date: 0, chat: PRIVATE, from: ALICE, sticker: { file_id: 'S', file_unique_id: 'US', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } });
    expect((await answerIn(PRIVATE.id, since)).payload.text).toMatch(/文字问题/);
  });

  it('/start and /help say what the bot knows; /reports lists bodies and years', async () => {
    let since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '/start');
    expect((await answerIn(PRIVATE.id, since)).payload.text).toContain('番禺');
    since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '/reports');
    const r = await answerIn(PRIVATE.id, since);
    for (const b of engine.bodies.filter((x) => x.years.length)) expect(r.payload.text).toContain(b.name);
  });

  it('/report, /audit and /compare', async () => {
    let since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '/report 番禺 2024');
    const card = await answerIn(PRIVATE.id, since);
    expect(card.payload.text).toContain('公开率');
    expect(card.payload.text).toContain(String(truth(PANYU).applications.total_processed[6]));
    since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '/audit 洪泽 2023');
    expect((await answerIn(PRIVATE.id, since)).payload.text).toMatch(/复议/);
    since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '/compare 番禺 武江 2024');
    const cmp = await answerIn(PRIVATE.id, since);
    expect(cmp.payload.text).toContain('广州市番禺区人民政府');
    expect(cmp.payload.text).toContain('韶关市武江区人民政府办公室');
  });
});

describe('group chats', () => {
  it('/ask@bot, a mention and a reply to the bot are answered, as replies; chatter and /ask@OtherBot are ignored', async () => {
    const since = api.calls.length;
    const chatter = api.sendText(GROUP, ALICE, '今天开会讨论番禺2024年收到多少申请');
    const other = api.sendText(GROUP, ALICE, '/ask@OtherBot 番禺2024年收到多少申请');
    const q1 = api.sendText(GROUP, ALICE, `/ask${AT} 番禺2024年收到多少申请`);
    const a1 = await answerIn(GROUP.id, since, (c) => c.payload.reply_parameters?.message_id === q1.message_id);
    expect(a1.payload.text).toContain(String(truth(PANYU).applications.new_received[6]));
    const q2 = api.sendText(GROUP, ALICE, `${AT} 武江区2024年收到多少申请`);
    const a2 = await answerIn(GROUP.id, since, (c) => c.payload.reply_parameters?.message_id === q2.message_id);
    expect(a2.payload.text).toContain('韶关市武江区人民政府办公室');
    const botMsg = { message_id: 999_001, chat: GROUP, from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username }, date: 0, text: 'x' };
    const q3 = api.sendText(GROUP, ALICE, '金林区呢', { reply_to_message: botMsg });
    const a3 = await answerIn(GROUP.id, since, (c) => c.payload.reply_parameters?.message_id === q3.message_id);
    expect(a3.payload.text).toContain('金林区人民政府办公室');
    const replied = api.sent().slice(0).map((c) => c.payload.reply_parameters?.message_id);
    expect(replied).not.toContain(chatter.message_id);
    expect(replied).not.toContain(other.message_id);
  });

  it('follow-up context is per user in a group', async () => {
    const BOB = { id: 1002, is_bot: false, first_name: 'Bob' };
    let since = api.calls.length;
    api.sendText(GROUP, ALICE, `/ask${AT} 洪泽区2024年收到多少申请`);
    await answerIn(GROUP.id, since);
    since = api.calls.length;
    const q = api.sendText(GROUP, BOB, `/ask${AT} 那2023年呢`);
    const a = await answerIn(GROUP.id, since, (c) => c.payload.reply_parameters?.message_id === q.message_id);
    expect(a.payload.text).not.toMatch(/洪泽区人民政府 2023 年/);
  });

  it('added to a group: greeted and remembered; removed: marked inactive; upgraded: moved', async () => {
    const G2 = { id: -555, type: 'group', title: '审核组' };
    const since = api.calls.length;
    api.myChatMember(G2, ALICE, 'left', 'member');
    await answerIn(G2.id, since);
    expect(app.store.chat(G2.id)?.active).toBe(1);
    api.pushUpdate({ message: { message_id: 5, date: 0, chat: G2, from: ALICE, migrate_to_chat_id: -100555 } });
    await expect.poll(() => app.store.chat(-100555)?.active).toBe(1);
    expect(app.store.chat(G2.id)).toBeUndefined();
    api.myChatMember({ id: -100555, type: 'supergroup', title: '审核组' }, ALICE, 'member', 'kicked');
    await expect.poll(() => app.store.chat(-100555)?.active).toBe(0);
  });
});

describe('clarifying buttons', () => {
  it('two bodies fit: buttons with short callback data; a click answers for the chosen one; a stale button answers politely', async () => {
    expect((await ingestVariant(app, PANYU, asPanyuOffice, 'office.txt')).status).toBe('ingested');
    engine.refresh();
    let since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '番禺2024年收到多少申请');
    const q = await answerIn(PRIVATE.id, since, (c) => !!c.payload.reply_markup);
    const buttons = q.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.text).sort()).toEqual(['广州市番禺区人民政府', '广州市番禺区人民政府办公室']);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const office = buttons.find((b) => b.text.endsWith('办公室'))!;
    since = api.calls.length;
    api.clickButton({ message_id: 1, chat: PRIVATE, date: 0, text: 'x' }, office.callback_data, ALICE);
    const a = await answerIn(PRIVATE.id, since);
    expect(a.payload.text).toContain('广州市番禺区人民政府办公室 2024 年');
    since = api.calls.length;
    api.clickButton({ message_id: 1, chat: PRIVATE, date: 0, text: 'x' }, office.callback_data, ALICE); // used already
    const stale = await api.waitFor((c) => c.method === 'answerCallbackQuery', 8000, since);
    expect(stale.payload.text).toMatch(/过期/);
  });
});

describe('uploads', () => {
  it('an admin uploads a report: it is ingested and summarised', async () => {
    const since = api.calls.length;
    api.uploadDocument(ADMIN_CHAT, ADMIN, readFileSync(join(FIX, 'generated', 'gz-xzb-2024.docx')), 'gz-xzb-2024.docx');
    const a = await answerIn(ADMIN_CHAT.id, since, (c) => /gz-xzb-2024/.test(c.payload.text));
    expect(a.payload.text).toMatch(/已收录|已在库中/);
    expect(a.payload.text).toContain('广州市协作办公室');
    expect(api.calls.slice(since).some((c) => c.method === 'getFile')).toBe(true);
  });

  it('a rejected upload says why', async () => {
    const since = api.calls.length;
    api.uploadDocument(ADMIN_CHAT, ADMIN, readFileSync(join(FIX, 'generated', 'enc-user-password.pdf')), 'secret.pdf');
    const a = await answerIn(ADMIN_CHAT.id, since, (c) => /secret\.pdf/.test(c.payload.text));
    expect(a.payload.text).toMatch(/未收录：文件有密码保护/);
    expect(a.payload.text).toMatch(/password-protected/);
  });

  it('others are refused politely and nothing is stored', async () => {
    const before = app.store.counts();
    const since = api.calls.length;
    api.uploadDocument(PRIVATE, ALICE, readFileSync(join(FIX, 'generated', 'jinlin-2024.docx')), 'jinlin.docx');
    const a = await answerIn(PRIVATE.id, since);
    expect(a.payload.text).toMatch(/只有管理员/);
    expect(app.store.counts()).toEqual(before);
    expect(api.calls.slice(since).some((c) => c.method === 'getFile')).toBe(false);
  });
});

describe('formatting and errors', () => {
  it('a 10,000-character answer with hostile HTML in its excerpt is split at line ends and accepted', async () => {
    const long = Array.from({ length: 160 }, (_, i) => `${i + 1}. 问题<script>alert("x")</script> & 整改措施需要进一步加强，<b>未闭合 & 也要转义。`).join('\n');
    const edit = (t: string) => t.replace('金林区人民政府办公室 2024 年', '测试区人民政府办公室 2024 年')
      .replace(/五、政府信息公开工作存在的主要问题及改进情况[\s\S]*?六、/, `五、存在的主要问题及改进情况\n${long}\n六、`);
    expect((await ingestVariant(app, JINLIN, edit, 'long.txt')).status).toBe('ingested');
    engine.refresh();
    const since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '测试区人民政府办公室存在的主要问题');
    await answerIn(PRIVATE.id, since, (c) => /160\. 问题/.test(c.payload.text));
    const parts = api.sent().slice(0).filter((c) => api.calls.indexOf(c) >= since && Number(c.payload.chat_id) === PRIVATE.id);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const visible = parts.map((c) => String(c.payload.text).replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot);/g, 'x'));
    expect(visible.join('').length).toBeGreaterThan(10_000);
    for (const c of parts) {
      expect(htmlIsValid(c.payload.text)).toBe(true);
      expect(c.payload.text).not.toContain('<script>');
    }
    expect(parts.map((c) => c.payload.text).join('')).toContain('&lt;script&gt;');
  });

  it('hostile HTML in a question is escaped in the reply', async () => {
    const since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '番禺2024年<script>alert(1)</script>&<b>是多少');
    const a = await answerIn(PRIVATE.id, since);
    expect(htmlIsValid(a.payload.text)).toBe(true);
    expect(a.payload.text).not.toMatch(/<script>/);
  });

  it('429: the reply is retried after retry_after', async () => {
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 1, (p) => Number(p.chat_id) === PRIVATE.id);
    const since = api.calls.length;
    const t0 = Date.now();
    api.sendText(PRIVATE, ALICE, '金林区2024年收到多少申请');
    await api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === PRIVATE.id, 8000, since);
    const tries = () => api.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === PRIVATE.id);
    await expect.poll(() => tries().length, { timeout: 5000 }).toBe(2);
    expect(tries()[1].at - t0).toBeGreaterThanOrEqual(900);
  });

  it('403 (blocked by the user) is logged and the bot keeps serving', async () => {
    const BLOCKED = { id: 3003, type: 'private', first_name: 'C' };
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 1, (p) => Number(p.chat_id) === BLOCKED.id);
    let since = api.calls.length;
    api.sendText(BLOCKED, { id: 3003, is_bot: false, first_name: 'C' }, '番禺2024年收到多少申请');
    await api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === BLOCKED.id, 8000, since);
    since = api.calls.length;
    api.sendText(PRIVATE, ALICE, '洪泽区2024年收到多少申请');
    expect((await answerIn(PRIVATE.id, since)).payload.text).toContain('淮安市洪泽区人民政府');
  });
});
