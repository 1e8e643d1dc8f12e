/**
 * The bot and the alert sender survive the Bot API failing for a while (500s, requests that hang past the
 * timeout, connections closed): afterwards every update is answered, none is lost and none answered twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertStore } from '../src/store/alerts.js';
import { startAlertBot, type AlertBot } from './helpers/alertBot.js';
import { ingestVariant, PANYU } from './helpers/engine.js';

let t: AlertBot;
let nextChat = 9100;
beforeAll(async () => { t = await startAlertBot({ timeoutSeconds: 2 }); });
afterAll(() => t.stop());

const answersTo = (id: number) => t.api.delivered().filter((c) => Number(c.payload.chat_id) === id).length;

/** Questions from fresh chats while the fault lasts; each must be answered exactly once afterwards. */
async function survives(start: () => void, opts: { questions?: number; replies?: boolean } = {}): Promise<void> {
  const questions = opts.questions ?? 3;
  const chats = Array.from({ length: questions }, () => nextChat++);
  const hits = t.api.faultsHit;
  start();
  if (!opts.replies) await t.api.waitUntil(() => t.api.faultsHit > hits, 10_000); // the outage has begun
  for (const id of chats) t.api.sendText({ id, type: 'private' }, { id, is_bot: false, first_name: 'U' }, '/help');
  await t.api.waitUntil(() => chats.every((id) => answersTo(id) >= 1), 30_000);
  await new Promise((r) => setTimeout(r, 1500)); // a second answer would come by now
  for (const id of chats) expect(answersTo(id), `chat ${id}`).toBe(1);
}

describe('the Bot API failing for a while', () => {
  it('answers 500 to getUpdates', () => survives(() => t.api.fault({ kind: 'status', status: 500, method: 'getUpdates', forMs: 1500 })), 40_000);

  it('lets getUpdates hang past the timeout', () => survives(() => t.api.fault({ kind: 'hang', method: 'getUpdates', times: 1, ms: 20_000 })), 40_000);

  it('closes every connection', () => survives(() => t.api.fault({ kind: 'reset', forMs: 1200 })), 40_000);

  it('fails the replies themselves (500, closed connection) a few times', () => {
    const faulted = () => t.api.calls.filter((c) => c.fault && c.method === 'sendMessage').length;
    const before = faulted();
    return survives(() => {
      t.api.fault({ kind: 'status', status: 502, method: 'sendMessage', times: 2 });
      t.api.fault({ kind: 'reset', method: 'sendMessage', times: 1 });
    }, { replies: true }).then(() => expect(faulted() - before).toBe(3));
  }, 40_000);

  it('the alert sender waits out an outage and then delivers each alert once', async () => {
    const chats = Array.from({ length: 40 }, (_, i) => 9500 + i);
    const alerts = alertStore(t.app.db);
    alerts.transaction(() => { for (const id of chats) alerts.subscribe(id, 'all', '全部报告'); });
    t.api.fault({ kind: 'reset', method: 'sendMessage', forMs: 1500 });
    expect((await ingestVariant(t.app, PANYU, (x) => x, 'panyu.txt')).status).toBe('ingested');
    const stats = await t.sender.drain();
    expect(stats.retried).toBeGreaterThan(0);
    expect(stats.failed).toBe(0);
    for (const id of chats) expect(answersTo(id), `chat ${id}`).toBe(1);
  }, 40_000);
});
