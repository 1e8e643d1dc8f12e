/**
 * A running bot sees what another process added (the CLI here) without a restart: the question about the new
 * report is answered and the alert the other process queued is delivered by this process's sender. An admin's
 * slow upload does not hold up the next question in the same chat. Menus name only what is on file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandMenu } from '../src/bot/menu.js';
import { startAlertBot, type AlertBot } from './helpers/alertBot.js';
import { FIX } from './helpers/cases.js';
import { JINLIN, truth, WUJIANG } from './helpers/engine.js';
import { runCli } from './helpers/run.js';

const ADMIN = { id: 4242, is_bot: false, first_name: 'Admin' };
const ADMIN_CHAT = { id: ADMIN.id, type: 'private', first_name: 'Admin' };
const READER = { id: 4343, is_bot: false, first_name: 'Reader' };
const READER_CHAT = { id: READER.id, type: 'private', first_name: 'Reader' };

let t: AlertBot;
beforeAll(async () => {
  t = await startAlertBot({ adminIds: [ADMIN.id] });
  t.sender.start();
});
afterAll(() => t.stop());

const replyIn = (chatId: number, since: number, re: RegExp, timeoutMs = 15_000) =>
  t.api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId && re.test(c.payload.text), timeoutMs, since);

describe('reports added by another process', () => {
  it('are answered without a restart, and their alerts are delivered by the running bot', async () => {
    const w = truth(WUJIANG);
    let since = t.api.calls.length;
    t.api.sendText(READER_CHAT, READER, '/subscribe 全部');
    await replyIn(READER.id, since, /已订阅/);
    expect(t.engine.bodies).toEqual([]);

    since = t.api.calls.length;
    const cli = await runCli(['ingest', '--db', t.app.config.dbPath, join(FIX, 'seeds', `${WUJIANG}.txt`)]);
    expect(cli.code, cli.stderr).toBe(0);
    const alert = await replyIn(READER.id, since, /🆕/);
    expect(alert.payload.text).toContain(`新收申请 ${w.applications.new_received[6]} 件`);

    since = t.api.calls.length;
    t.api.sendText(READER_CHAT, READER, `${w.org}${w.year}年收到多少政府信息公开申请`);
    const a = await replyIn(READER.id, since, /./);
    expect(a.payload.text).toContain(String(w.applications.new_received[6]));
  }, 60_000);
});

describe('uploads', () => {
  it('a slow upload does not hold up the next message in the same chat', async () => {
    t.api.fault({ kind: 'delay', method: 'getFile', ms: 3000, times: 1 });
    const since = t.api.calls.length;
    t.api.uploadDocument(ADMIN_CHAT, ADMIN, readFileSync(join(FIX, 'seeds', `${JINLIN}.txt`)), 'jinlin.txt');
    t.api.sendText(ADMIN_CHAT, ADMIN, '/help');
    const help = await replyIn(ADMIN.id, since, /./);
    const summary = await replyIn(ADMIN.id, since, /jinlin\.txt/);
    expect(summary.payload.text).toMatch(/已收录/);
    expect(t.api.calls.indexOf(help)).toBeLessThan(t.api.calls.indexOf(summary)); // answered while the file waited
    expect(t.engine.bodies.some((b) => b.name === truth(JINLIN).org)).toBe(true);
  }, 30_000);
});

describe('menus', () => {
  it('with nothing on file the examples are generic; otherwise they name what is on file', () => {
    const generic = commandMenu([]).map((c) => c.description).join('\n');
    expect(generic).not.toMatch(/番禺|洪泽|武江|金林|协作办/);
    const onFile = commandMenu([{ name: '某某县农业农村局', kind: 'department', region: ['某省'], years: [2030] }]).map((c) => c.description).join('\n');
    expect(onFile).toContain('某某县农业农村局');
    expect(onFile).toContain('2030');
  });
});
