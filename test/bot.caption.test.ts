/**
 * An admin's upload with a caption 机关：… 年份：… is ingested under that body and year; a report whose body is
 * not found is refused with a reply that says how to give it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaption } from '../src/bot/caption.js';
import { startTestBot, type TestBot } from './helpers/bot.js';
import { FIX } from './helpers/cases.js';
import { truth, WUJIANG } from './helpers/engine.js';
import type { Call } from './helpers/fakeBotApi.js';

describe('parseCaption', () => {
  it.each([
    ['机关：某某区人民政府 年份：2024', { body: '某某区人民政府', year: 2024 }],
    ['机关:某某区人民政府\n年份:2024', { body: '某某区人民政府', year: 2024 }],
    ['机构：某某局，年度：2023年', { body: '某某局', year: 2023 }],
    ['单位：「某某委员会」', { body: '某某委员会' }],
    ['年份：2022', { year: 2022 }],
    ['机关：某某区人民政府年份：2024', { body: '某某区人民政府', year: 2024 }],
    ['请收录这份报告', {}],
    ['', {}],
  ])('%s', (caption, want) => {
    expect(parseCaption(caption)).toEqual(want);
  });
  it('a year that is not four digits from 1990 to 2100 is an error, in Chinese', () => {
    expect(parseCaption('机关：某某局 年份：24').error).toMatch(/年份.*四位数字/);
    expect(parseCaption('年份：3024').error).toMatch(/四位数字/);
  });
});

const ADMIN = { id: 4242, is_bot: false, first_name: 'Admin' };
const ADMIN_CHAT = { id: ADMIN.id, type: 'private', first_name: 'Admin' };
let t: TestBot;
beforeAll(async () => { t = await startTestBot({ adminIds: [ADMIN.id] }); });
afterAll(() => t.stop());

const w = truth(WUJIANG);
/** Seed 003 with the body's name taken out of its title line. */
const nameless = Buffer.from(readFileSync(join(FIX, 'seeds', `${WUJIANG}.txt`), 'utf8').replace(w.org, ''));
const replyTo = (since: number, file: string) => t.api.waitFor((c: Call) =>
  c.method === 'sendMessage' && Number(c.payload.chat_id) === ADMIN_CHAT.id && c.payload.text.includes(file), 15_000, since);

describe('uploads with a caption', () => {
  it('without a caption, a report whose body is not found is refused with how to give it', async () => {
    const since = t.api.calls.length;
    t.api.uploadDocument(ADMIN_CHAT, ADMIN, nameless, 'nameless.txt');
    const a = await replyTo(since, 'nameless.txt');
    expect(a.payload.text).toMatch(/未收录/);
    expect(a.payload.text).toContain('机关：某某区人民政府 年份：2024');
  });

  it('with 机关：… 年份：…, it is ingested under that body and year', async () => {
    const body = '韶关市武江区政务服务数据管理局';
    const since = t.api.calls.length;
    t.api.uploadDocument(ADMIN_CHAT, ADMIN, nameless, 'nameless.txt', { caption: `机关：${body}\n年份：${w.year}` });
    const a = await replyTo(since, 'nameless.txt');
    expect(a.payload.text).toMatch(/已收录/);
    expect(a.payload.text).toContain(body);
    const stored = t.app.store.bodies().find((b) => b.name === body);
    expect(stored).toBeDefined();
    const report = t.app.store.activeReport(stored!.id, w.year);
    expect(report).toBeDefined();
    const cells = new Map(t.app.store.cells(report!.id).map((c) => [`${c.row_key}.${c.col_key}`, c.value]));
    expect(cells.get('new_received.total')).toBe(w.applications.new_received[6]);
    expect(t.engine.bodies.some((b) => b.name === body)).toBe(true); // the engine was refreshed
  });

  it('a caption with a bad year is answered without ingesting anything', async () => {
    const before = t.app.store.counts();
    const since = t.api.calls.length;
    t.api.uploadDocument(ADMIN_CHAT, ADMIN, nameless, 'bad-year.txt', { caption: '机关：某某局 年份：24' });
    const a = await replyTo(since, 'bad-year.txt');
    expect(a.payload.text).toMatch(/年份.*四位数字/);
    expect(t.app.store.counts()).toEqual(before);
    expect(t.api.calls.slice(since).some((c) => c.method === 'getFile')).toBe(false);
  });
});
