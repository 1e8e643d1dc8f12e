/**
 * A broadcast to 1,000 subscribed chats against the fake Bot API, with 429s, chats that blocked the bot or are
 * gone, a group upgraded to a supergroup and a few 5xx: every active chat gets exactly one alert, the gone ones
 * are deactivated, the migrated group keeps its subscription under its new id, and the counts say so.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertStore } from '../src/store/alerts.js';
import { openDb } from '../src/store/db.js';
import { Store } from '../src/store/store.js';
import { testApp } from './helpers/app.js';
import { testSender } from './helpers/alertBot.js';
import { ingestVariant, PANYU, truth } from './helpers/engine.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';

const N = 1000;
const chats = Array.from({ length: N }, (_, i) => (i % 10 === 0 ? -(100_000 + i) : 200_000 + i)); // every tenth a group
const BLOCKED = chats.filter((_, i) => i % 97 === 5);
const GONE = chats.filter((_, i) => i % 211 === 7);
const MIGRATING = chats[20];
const MIGRATED_TO = -1_009_999;
const LIMITED = new Set(chats.filter((_, i) => i % 500 === 11)); // each 429 pauses everyone for its second

let app: ReturnType<typeof testApp>;
let api: FakeBotApi;
beforeAll(async () => {
  app = testApp();
  api = await new FakeBotApi().start();
  const alerts = alertStore(app.db);
  alerts.transaction(() => { for (const id of chats) alerts.subscribe(id, 'all', '全部报告'); });
  for (const id of BLOCKED) api.blocked.add(id);
  for (const id of GONE) api.gone.add(id);
  api.migrated.set(MIGRATING, MIGRATED_TO);
  for (const id of LIMITED) {
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 1, (p) => Number(p.chat_id) === id);
  }
  api.fault({ kind: 'status', status: 502, method: 'sendMessage', times: 2 });
});
afterAll(async () => { await api.stop(); await app.close(); });

describe('broadcast', () => {
  it('1,000 chats: each active one gets exactly one alert; blocked and gone chats are deactivated; the migration is followed', async () => {
    const out = await ingestVariant(app, PANYU, (x) => x, 'panyu.txt');
    expect(out.status).toBe('ingested');
    const alerts = alertStore(app.db);
    expect(alerts.counts().pending).toBe(N); // written with the report, in its transaction
    const sender = testSender(app, api, { ratePerSec: 5000, groupIntervalMs: 3000 });
    const stats = await sender.drain();

    const gone = new Set([...BLOCKED, ...GONE]);
    const delivered = new Map<number, number>();
    for (const c of api.delivered()) delivered.set(Number(c.payload.chat_id), (delivered.get(Number(c.payload.chat_id)) ?? 0) + 1);
    const active = [...chats.filter((id) => !gone.has(id) && id !== MIGRATING), MIGRATED_TO];
    for (const id of active) expect(delivered.get(id), `chat ${id}`).toBe(1);
    for (const id of [...gone, MIGRATING]) expect(delivered.get(id), `chat ${id}`).toBeUndefined();
    expect(api.delivered()).toHaveLength(active.length);
    expect(api.delivered()[0].payload.text).toContain(`新收申请 ${truth(PANYU).applications.new_received[6]} 件`);

    expect(stats).toMatchObject({ sent: active.length, deactivated: gone.size, migrated: 1, rateLimited: LIMITED.size, failed: 0 });
    expect(stats.retried).toBeGreaterThanOrEqual(2);
    expect(alerts.counts()).toEqual({ pending: 0, sent: active.length, dropped: gone.size, failed: 0 });
    for (const id of gone) expect(alerts.chatActive(id)).toBe(false);
    expect(alerts.subscriptions(MIGRATED_TO).map((s) => s.key)).toEqual(['all']);
    expect(alerts.subscriptions(MIGRATING)).toEqual([]);
    expect(app.store.chat(MIGRATED_TO)?.type).toBe('supergroup');
  });

  it('a second run sends nothing more (each report and chat once)', async () => {
    const before = api.delivered().length;
    await testSender(app, api).drain();
    expect(api.delivered().length).toBe(before);
  });
});

describe('pace per group', () => {
  it('two alerts for one group are spaced by the group interval', async () => {
    const a = testApp();
    const fake = await new FakeBotApi().start();
    try {
      alertStore(a.db).subscribe(-777, 'all', '全部报告');
      expect((await ingestVariant(a, PANYU, (x) => x, 'one.txt')).status).toBe('ingested');
      const other = (x: string) => x.replace(/广州市番禺区人民政府/g, '广州市番禺区人民政府办公室');
      expect((await ingestVariant(a, PANYU, other, 'two.txt')).status).toBe('ingested');
      await testSender(a, fake, { groupIntervalMs: 400 }).drain();
      const [first, second] = fake.delivered();
      expect(fake.delivered()).toHaveLength(2);
      expect(second.at - first.at).toBeGreaterThanOrEqual(400);
    } finally {
      await fake.stop();
      await a.close();
    }
  });
});

describe('two senders on one database (two bot processes)', () => {
  it('each chat gets its alert once: a row taken by one sender is skipped by the other', async () => {
    const a = testApp();
    const fake = await new FakeBotApi().start();
    // the second sender has its own connection, as another process would
    const other = { ...a, store: new Store(openDb(join(a.dir, 'test.db'))) };
    try {
      const ids = Array.from({ length: 200 }, (_, i) => 400_000 + i);
      const alerts = alertStore(a.db);
      alerts.transaction(() => { for (const id of ids) alerts.subscribe(id, 'all', '全部报告'); });
      expect((await ingestVariant(a, PANYU, (x) => x, 'one.txt')).status).toBe('ingested');
      const [s1, s2] = await Promise.all([testSender(a, fake).drain(), testSender(other, fake).drain()]);
      const per = new Map<number, number>();
      for (const c of fake.delivered()) per.set(Number(c.payload.chat_id), (per.get(Number(c.payload.chat_id)) ?? 0) + 1);
      for (const id of ids) expect(per.get(id), `chat ${id}`).toBe(1);
      expect(fake.delivered()).toHaveLength(ids.length);
      // both took part
      expect(s1.sent).toBeGreaterThan(0);
      expect(s2.sent).toBeGreaterThan(0);
      expect(s1.sent + s2.sent).toBe(ids.length);
    } finally {
      other.store.db.close();
      await fake.stop();
      await a.close();
    }
  });
});
