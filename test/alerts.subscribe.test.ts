/**
 * /subscribe, /unsubscribe, /subscriptions through the fake Bot API: names resolved like questions (places,
 * bodies, typos with buttons, bodies not on file by name), options, and who may change a group's subscriptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateChat } from '../src/alerts/chats.js';
import { alertStore } from '../src/store/alerts.js';
import { HONGZE_2023, startAlertBot, type AlertBot } from './helpers/alertBot.js';
import { truth } from './helpers/engine.js';
import type { Call } from './helpers/fakeBotApi.js';

const ALICE = { id: 5001, is_bot: false, first_name: 'Alice' };
const PRIVATE = { id: ALICE.id, type: 'private', first_name: 'Alice' };
const GROUP = { id: -100777, type: 'supergroup', title: '监督组' };
const ADMIN = { id: 6001, is_bot: false, first_name: 'Ada' };
const MEMBER = { id: 6002, is_bot: false, first_name: 'Max' };
const ANONYMOUS = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };

let t: AlertBot;
const subs = (chatId: number) => alertStore(t.app.db).subscriptions(chatId);
const replyIn = (chatId: number, since: number, pred: (c: Call) => boolean = () => true) =>
  t.api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId && pred(c), 8000, since);
const buttons = (c: Call) => (c.payload.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];
const hongze = truth('hongze-2023');

beforeAll(async () => {
  t = await startAlertBot();
  expect((await t.addReport(HONGZE_2023)).status).toBe('ingested');
  t.engine.refresh();
  t.api.setMember(GROUP.id, ADMIN.id, 'administrator');
  t.api.setMember(GROUP.id, MEMBER.id, 'member');
});
afterAll(() => t.stop());

describe('in a private chat', () => {
  it('a province is subscribed, listed, given options with buttons, and removed', async () => {
    let since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscribe 江苏省');
    const ok = await replyIn(PRIVATE.id, since);
    expect(ok.payload.text).toContain('已订阅');
    expect(ok.payload.text).toContain('江苏省');
    expect(subs(PRIVATE.id).map((s) => [s.key, s.mode, s.silent])).toEqual([['region:江苏省', 'all', 0]]);
    const onlyFindings = buttons(ok).find((b) => /审核发现/.test(b.text))!;
    since = t.api.calls.length;
    t.api.clickButton({ message_id: ok.payload.message_id ?? 1, chat: PRIVATE, date: 0, text: 'x' }, onlyFindings.callback_data, ALICE);
    const edited = await t.api.waitFor((c) => c.method === 'editMessageText', 8000, since);
    expect(edited.payload.text).toContain('只看有审核发现的');
    expect(subs(PRIVATE.id)[0].mode).toBe('findings');

    since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscriptions');
    const list = await replyIn(PRIVATE.id, since);
    expect(list.payload.text).toMatch(/1\. 江苏省 — 只看有审核发现的/);
    expect(buttons(list).map((b) => b.text)).toEqual(['✕ 1. 江苏省']);

    since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/unsubscribe 江苏');
    expect((await replyIn(PRIVATE.id, since)).payload.text).toContain('已取消订阅：江苏省');
    expect(subs(PRIVATE.id)).toEqual([]);
  });

  it('a short form names the body on file; options come from words; a body not on file is kept by name', async () => {
    let since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscribe 洪泽区政府 只看问题 静默');
    expect((await replyIn(PRIVATE.id, since)).payload.text).toContain(t.engine.bodies.find((b) => b.years.includes(hongze.year))!.name);
    expect(subs(PRIVATE.id).map((s) => [s.key.split(':')[0], s.mode, s.silent])).toEqual([['body', 'findings', 1]]);

    since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscribe 某某县农业农村局');
    const byName = await replyIn(PRIVATE.id, since);
    expect(byName.payload.text).toContain('库中还没有这个单位的报告');
    expect(subs(PRIVATE.id).map((s) => s.key)).toContain('name:某某县农业农村局');

    since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/unsubscribe 全部');
    expect((await replyIn(PRIVATE.id, since)).payload.text).toContain('全部 2 个');
    expect(subs(PRIVATE.id)).toEqual([]);
  });

  it('a typing mistake is echoed with buttons; a click subscribes to the body chosen', async () => {
    let since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscribe 洪泽区人民政腐');
    const q = await replyIn(PRIVATE.id, since);
    expect(q.payload.text).toContain('洪泽区人民政腐');
    const b = buttons(q).find((x) => x.text.endsWith('洪泽区人民政府'))!;
    expect(b).toBeDefined();
    since = t.api.calls.length;
    t.api.clickButton({ message_id: 9, chat: PRIVATE, date: 0, text: 'x' }, b.callback_data, ALICE);
    await t.api.waitFor((c) => c.method === 'editMessageText' && /已订阅/.test(c.payload.text), 8000, since);
    expect(subs(PRIVATE.id).map((s) => s.key)).toEqual([`body:${t.engine.bodies[0].id}`]);
    alertStore(t.app.db).unsubscribeAll(PRIVATE.id);
  });

  it('same-name places are offered to choose', async () => {
    const since = t.api.calls.length;
    t.api.sendText(PRIVATE, ALICE, '/subscribe 鼓楼区');
    const q = await replyIn(PRIVATE.id, since);
    expect(buttons(q).length).toBeGreaterThanOrEqual(4);
    expect(subs(PRIVATE.id)).toEqual([]);
  });
});

describe('in a group', () => {
  it('an administrator may subscribe the group; a member is refused; an anonymous administrator may', async () => {
    let since = t.api.calls.length;
    t.api.sendText(GROUP, ADMIN, '/subscribe 全部');
    expect((await replyIn(GROUP.id, since)).payload.text).toContain('已订阅');
    expect(t.api.calls.slice(since).some((c) => c.method === 'getChatMember' && Number(c.payload.user_id) === ADMIN.id)).toBe(true);
    expect(subs(GROUP.id).map((s) => s.key)).toEqual(['all']);

    since = t.api.calls.length;
    t.api.sendText(GROUP, MEMBER, '/subscribe');
    const usage = await replyIn(GROUP.id, since);
    expect(usage.payload.text).toContain('订阅新报告提醒'); // anyone may read how it works
    expect(usage.payload.text).toContain(t.engine.bodies[0].name); // examples from what is on file
    since = t.api.calls.length;
    t.api.sendText(GROUP, MEMBER, '/subscribe 洪泽区');
    expect((await replyIn(GROUP.id, since)).payload.text).toMatch(/只有本群的管理员/);
    expect(subs(GROUP.id).map((s) => s.key)).toEqual(['all']);

    since = t.api.calls.length;
    t.api.sendText(GROUP, ANONYMOUS, '/subscribe 洪泽区', { sender_chat: GROUP });
    expect((await replyIn(GROUP.id, since)).payload.text).toContain('已订阅');
    expect(subs(GROUP.id).map((s) => s.key)).toEqual(['all', 'region:江苏省/淮安市/洪泽区']);
  });

  it('anyone may list them; a member may not remove one, an administrator may', async () => {
    let since = t.api.calls.length;
    t.api.sendText(GROUP, MEMBER, '/subscriptions');
    const list = await replyIn(GROUP.id, since);
    expect(list.payload.text).toContain('2 个');
    const remove = buttons(list)[0];
    since = t.api.calls.length;
    t.api.clickButton({ message_id: 10, chat: GROUP, date: 0, text: 'x' }, remove.callback_data, MEMBER);
    const refused = await t.api.waitFor((c) => c.method === 'answerCallbackQuery', 8000, since);
    expect(refused.payload.text).toMatch(/只有本群的管理员/);
    expect(subs(GROUP.id)).toHaveLength(2);
    since = t.api.calls.length;
    t.api.clickButton({ message_id: 10, chat: GROUP, date: 0, text: 'x' }, remove.callback_data, ADMIN);
    await t.api.waitFor((c) => c.method === 'editMessageText' && /已取消订阅/.test(c.payload.text), 8000, since);
    expect(subs(GROUP.id)).toHaveLength(1);
  });

  it('the creator may remove them all', async () => {
    const OWNER = { id: 6003, is_bot: false, first_name: 'Olga' };
    t.api.setMember(GROUP.id, OWNER.id, 'creator');
    const since = t.api.calls.length;
    t.api.sendText(GROUP, OWNER, '/unsubscribe 全部');
    expect((await replyIn(GROUP.id, since)).payload.text).toContain('已取消本聊天的全部 1 个订阅');
    expect(subs(GROUP.id)).toEqual([]);
  });
});

describe('the life of a chat', () => {
  it('a group upgraded to a supergroup keeps its subscriptions under the new id', async () => {
    const OLD = { id: -4242, type: 'group', title: '旧群' };
    const NEW = -1004242;
    t.api.setMember(OLD.id, ADMIN.id, 'administrator');
    const since = t.api.calls.length;
    t.api.sendText(OLD, ADMIN, '/subscribe 江苏省 静默');
    await replyIn(OLD.id, since);
    expect(subs(OLD.id)).toHaveLength(1);
    t.api.pushUpdate({ message: { message_id: 77, date: 0, chat: OLD, from: ADMIN, migrate_to_chat_id: NEW } });
    await expect.poll(() => subs(NEW).map((s) => [s.key, s.silent])).toEqual([['region:江苏省', 1]]);
    expect(subs(OLD.id)).toEqual([]);
  });

  it('a chat marked gone (blocked) is active again when it writes, its subscriptions intact', async () => {
    const BOB = { id: 5050, is_bot: false, first_name: 'Bob' };
    const chat = { id: BOB.id, type: 'private', first_name: 'Bob' };
    let since = t.api.calls.length;
    t.api.sendText(chat, BOB, '/subscribe 全部');
    await replyIn(BOB.id, since);
    deactivateChat(t.app.store, BOB.id);
    expect(alertStore(t.app.db).chatActive(BOB.id)).toBe(false);
    since = t.api.calls.length;
    t.api.sendText(chat, BOB, '/subscriptions');
    expect((await replyIn(BOB.id, since)).payload.text).toContain('全部报告');
    expect(alertStore(t.app.db).chatActive(BOB.id)).toBe(true);
  });
});
