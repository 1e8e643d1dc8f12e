/**
 * Subscriptions per chat and the alert outbox (migration 6): every statement the alerts need, prepared once per
 * connection. The outbox rows of a report are written in the report's own transaction (src/alerts/outbox.ts).
 */
import type { DB } from './db.js';

export type SubMode = 'all' | 'findings' | 'late';
export interface SubscriptionRow {
  id: number; chat_id: number; key: string; label: string; mode: SubMode; silent: number; created_at: string;
}
export type AlertKind = 'new' | 'correction' | 'deadline' | 'late_note';
export type OutboxStatus = 'pending' | 'sent' | 'dropped' | 'failed';
export interface OutboxRow {
  id: number; chat_id: number; kind: AlertKind; dedup: string; report_id: number | null; payload: string | null;
  silent: number; status: OutboxStatus; attempts: number; not_before: number; error: string | null;
}
export interface NewAlert {
  chatId: number; kind: AlertKind; dedup: string; reportId?: number; payload?: unknown; silent: boolean;
}

const now = () => new Date().toISOString();

export class AlertStore {
  private readonly s;

  constructor(readonly db: DB) {
    const p = (sql: string) => db.prepare(sql);
    const moveTable = (t: string) => [
      p(`UPDATE OR IGNORE ${t} SET chat_id = ? WHERE chat_id = ?`),
      p(`DELETE FROM ${t} WHERE chat_id = ?`),
    ] as const;
    this.s = {
      subUpsert: p(`INSERT INTO subscriptions (chat_id, key, label, mode, silent, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(chat_id, key) DO UPDATE SET label = excluded.label, mode = excluded.mode,
                    silent = excluded.silent RETURNING *`),
      subsOf: p('SELECT * FROM subscriptions WHERE chat_id = ? ORDER BY id'),
      sub: p('SELECT * FROM subscriptions WHERE id = ?'),
      subOptions: p('UPDATE subscriptions SET mode = ?, silent = ? WHERE id = ?'),
      subDelete: p('DELETE FROM subscriptions WHERE id = ?'),
      subDeleteAll: p('DELETE FROM subscriptions WHERE chat_id = ?'),
      subRekey: p('UPDATE OR IGNORE subscriptions SET key = ?, label = ? WHERE id = ?'),
      // subscriptions for any of the keys (or all reports) of chats that are not known to be gone
      subsMatching: p(`SELECT s.* FROM subscriptions s LEFT JOIN chats c ON c.id = s.chat_id
                       WHERE COALESCE(c.active, 1) = 1
                         AND (s.key = 'all' OR s.key IN (SELECT value FROM json_each(?))) ORDER BY s.id`),
      subsActive: p(`SELECT s.* FROM subscriptions s LEFT JOIN chats c ON c.id = s.chat_id
                     WHERE COALESCE(c.active, 1) = 1 ORDER BY s.id`),
      chatActive: p('SELECT active FROM chats WHERE id = ?'),
      chatEnsure: p(`INSERT INTO chats (id, type, title, active, updated_at) VALUES (?, ?, ?, 1, ?)
                     ON CONFLICT(id) DO UPDATE SET title = COALESCE(excluded.title, title)`),
      chatSetActive: p('UPDATE chats SET active = ?, updated_at = ? WHERE id = ?'),
      moveSubs: moveTable('subscriptions'),
      moveOutbox: moveTable('alert_outbox'),
      moveListed: moveTable('alert_listed'),
      enqueue: p(`INSERT OR IGNORE INTO alert_outbox (chat_id, kind, dedup, report_id, payload, silent, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?)`),
      repoint: p("UPDATE alert_outbox SET report_id = ? WHERE report_id = ? AND status = 'pending'"),
      repointAll: p('UPDATE alert_outbox SET report_id = ? WHERE report_id = ?'),
      alertsOfReport: p('SELECT * FROM alert_outbox WHERE report_id = ? AND kind = ?'),
      // the oldest due row of each chat, so one busy chat does not hold back the others
      due: p(`SELECT * FROM alert_outbox WHERE id IN (
                SELECT MIN(id) FROM alert_outbox WHERE status = 'pending' AND not_before <= ? GROUP BY chat_id)
              ORDER BY id LIMIT ?`),
      nextDue: p("SELECT MIN(not_before) AS at FROM alert_outbox WHERE status = 'pending'"),
      dropInactive: p(`UPDATE alert_outbox SET status = 'dropped', error = 'chat inactive'
                       WHERE status = 'pending' AND chat_id IN (SELECT id FROM chats WHERE active = 0)`),
      markSent: p("UPDATE alert_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?"),
      defer: p('UPDATE alert_outbox SET not_before = ?, attempts = attempts + ?, error = ? WHERE id = ?'),
      claim: p("UPDATE alert_outbox SET not_before = ? WHERE id = ? AND status = 'pending' AND not_before <= ?"),
      finish: p('UPDATE alert_outbox SET status = ?, error = ?, attempts = attempts + 1 WHERE id = ?'),
      outboxRow: p('SELECT * FROM alert_outbox WHERE id = ?'),
      statusCounts: p('SELECT status, COUNT(*) AS n FROM alert_outbox GROUP BY status'),
      listedInsert: p('INSERT OR IGNORE INTO alert_listed (chat_id, body_id, year) VALUES (?, ?, ?)'),
      listedChats: p('SELECT chat_id FROM alert_listed WHERE body_id = ? AND year = ?'),
    };
  }

  transaction<T>(fn: () => T): T { return this.db.transaction(fn)(); }

  // ---- subscriptions ----
  subscribe(
    chatId: number, key: string, label: string, opts: { mode?: SubMode; silent?: boolean; by?: number } = {},
  ): SubscriptionRow {
    const row = [chatId, key, label, opts.mode ?? 'all', opts.silent ? 1 : 0, opts.by ?? null, now()];
    return this.s.subUpsert.get(...row) as SubscriptionRow;
  }
  subscriptions(chatId: number): SubscriptionRow[] { return this.s.subsOf.all(chatId) as SubscriptionRow[]; }
  subscription(id: number): SubscriptionRow | undefined { return this.s.sub.get(id) as SubscriptionRow | undefined; }
  setOptions(id: number, mode: SubMode, silent: boolean): void { this.s.subOptions.run(mode, silent ? 1 : 0, id); }
  unsubscribe(id: number): boolean { return this.s.subDelete.run(id).changes > 0; }
  unsubscribeAll(chatId: number): number { return this.s.subDeleteAll.run(chatId).changes; }
  /** A subscription by name becomes one to the body once its first report arrives (dropped if the chat has both). */
  rekey(id: number, key: string, label: string): void {
    if (this.s.subRekey.run(key, label, id).changes === 0) this.s.subDelete.run(id);
  }
  /** Subscriptions of active chats to any of `keys`, and to every report. */
  matching(keys: string[]): SubscriptionRow[] {
    return this.s.subsMatching.all(JSON.stringify(keys)) as SubscriptionRow[];
  }
  activeSubscriptions(): SubscriptionRow[] { return this.s.subsActive.all() as SubscriptionRow[]; }

  // ---- chats ----
  /** null when the chat was never seen. */
  chatActive(id: number): boolean | null {
    const r = this.s.chatActive.get(id) as { active: number } | undefined;
    return r ? r.active === 1 : null;
  }
  ensureChat(id: number, type: string, title: string | null): void { this.s.chatEnsure.run(id, type, title, now()); }
  setActive(id: number, active: boolean): boolean {
    return this.s.chatSetActive.run(active ? 1 : 0, now(), id).changes > 0;
  }
  /** Subscriptions, pending alerts and late lists follow a group to its supergroup (the chats row: Store.moveChat). */
  moveChat(from: number, to: number): void {
    this.transaction(() => {
      for (const [update, leftover] of [this.s.moveSubs, this.s.moveOutbox, this.s.moveListed]) {
        update.run(to, from);
        leftover.run(from);
      }
    });
  }

  // ---- outbox ----
  /** false when the chat already has this alert (dedup). */
  enqueue(a: NewAlert): boolean {
    const payload = a.payload === undefined ? null : JSON.stringify(a.payload);
    const row = [a.chatId, a.kind, a.dedup, a.reportId ?? null, payload, a.silent ? 1 : 0, now()];
    return this.s.enqueue.run(...row).changes > 0;
  }
  /** Pending alerts of a replaced report tell about its new version; `all`: every alert (a parse-again). */
  repoint(from: number, to: number, all = false): void { (all ? this.s.repointAll : this.s.repoint).run(to, from); }
  alertsOf(reportId: number, kind: AlertKind): OutboxRow[] {
    return this.s.alertsOfReport.all(reportId, kind) as OutboxRow[];
  }
  due(nowMs: number, limit: number): OutboxRow[] { return this.s.due.all(nowMs, limit) as OutboxRow[]; }
  nextDue(): number | null { return (this.s.nextDue.get() as { at: number | null }).at; }
  dropInactive(): number { return this.s.dropInactive.run().changes; }
  markSent(id: number): void { this.s.markSent.run(now(), id); }
  /** Try again at `notBefore`; `attempt` counts the failure against the row's retries. */
  defer(id: number, notBefore: number, attempt: boolean, error: string | null): void {
    this.s.defer.run(notBefore, attempt ? 1 : 0, error, id);
  }
  finish(id: number, status: 'dropped' | 'failed', error: string): void { this.s.finish.run(status, error, id); }
  /**
   * Take a due row for sending until `until` (a lease): false when another sender took it first or it is no longer
   * due. A sender that dies while sending leaves the row to be taken again once the lease is over.
   */
  claim(id: number, now: number, until: number): boolean { return this.s.claim.run(until, id, now).changes === 1; }
  row(id: number): OutboxRow | undefined { return this.s.outboxRow.get(id) as OutboxRow | undefined; }
  counts(): Record<OutboxStatus, number> {
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, dropped: 0, failed: 0 };
    for (const r of this.s.statusCounts.all() as { status: OutboxStatus; n: number }[]) out[r.status] = r.n;
    return out;
  }
  listed(chatId: number, bodyId: number, year: number): void { this.s.listedInsert.run(chatId, bodyId, year); }
  listedChats(bodyId: number, year: number): number[] {
    return (this.s.listedChats.all(bodyId, year) as { chat_id: number }[]).map((r) => r.chat_id);
  }
}

const stores = new WeakMap<DB, AlertStore>();
/** One AlertStore per connection (its statements are prepared once). */
export function alertStore(db: DB): AlertStore {
  let s = stores.get(db);
  if (!s) { s = new AlertStore(db); stores.set(db, s); }
  return s;
}
