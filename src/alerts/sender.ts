/**
 * The sender drains the outbox inside the bot process: one message at a time by default, at a global pace under
 * Telegram's limits and one message per interval per group; a 429 pauses everyone for its retry_after; network
 * errors and 5xx pause with backoff; 403 and "chat not found" deactivate the chat; migrate_to_chat_id moves it.
 * A row is marked sent right after Telegram accepts it, so a crash repeats at most the messages in flight.
 */
import { GrammyError, type Api } from 'grammy';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../log.js';
import { alertFacts } from '../store/alertFacts.js';
import { alertStore, type OutboxRow } from '../store/alerts.js';
import type { Store } from '../store/store.js';
import { deactivateChat, migrateChat } from './chats.js';
import { ChatPacer, Pacer, sleep } from './pace.js';
import { renderAlert, type AlertMessage } from './render.js';
import { enqueueDeadlineWatch } from './watch.js';

export interface SenderOptions {
  /** Messages per second overall. */
  ratePerSec: number;
  /** Milliseconds between two messages to one group. */
  groupIntervalMs: number;
  /** Messages in flight at once; each may be repeated after a crash. */
  concurrency: number;
  /** How often an idle sender looks at the outbox. */
  pollMs: number;
  /** How long a message taken for sending is left to its sender (another process waits that long after a crash). */
  leaseMs: number;
  /** Failures of one message, while others get through, before it is given up. */
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** How often the deadline watch runs. */
  watchEveryMs: number;
}

export const SENDER_DEFAULTS: SenderOptions = {
  ratePerSec: 25, groupIntervalMs: 3000, concurrency: 1, pollMs: 1000, leaseMs: 120_000,
  maxAttempts: 5, backoffMs: 1000, maxBackoffMs: 60_000, watchEveryMs: 3_600_000,
};

export interface SendStats {
  sent: number; rateLimited: number; retried: number; deactivated: number; migrated: number;
  failed: number; dropped: number;
}
const noStats = (): SendStats =>
  ({ sent: 0, rateLimited: 0, retried: 0, deactivated: 0, migrated: 0, failed: 0, dropped: 0 });

/** Descriptions that mean the chat is gone for good (besides 403). */
const GONE = /chat not found|bot was kicked|user is deactivated|PEER_ID_INVALID|bot can't initiate/i;
const BATCH = 500;

export interface SenderDeps { store: Store; api: Api; log: Logger; clock?: () => Date }

export class AlertSender {
  readonly stats: SendStats = noStats();
  readonly opts: SenderOptions;
  private readonly alerts;
  private readonly facts;
  private readonly pacer: Pacer;
  private readonly chats: ChatPacer;
  private readonly rendered = new LRUCache<string, AlertMessage | 'gone'>({ max: 256, ttl: 60_000 });
  private readonly stopping = new AbortController();
  private wake = new AbortController();
  private loopDone: Promise<void> | null = null;
  private consecutive = 0;
  private lastWatch = 0;

  constructor(private readonly deps: SenderDeps, opts: Partial<SenderOptions> = {}) {
    this.opts = { ...SENDER_DEFAULTS, ...opts };
    this.alerts = alertStore(deps.store.db);
    this.facts = alertFacts(deps.store.db);
    this.pacer = new Pacer(1000 / this.opts.ratePerSec);
    this.chats = new ChatPacer(this.opts.groupIntervalMs);
  }

  private get stopped() { return this.stopping.signal.aborted; }

  /** Runs until stop(): the deadline watch now and then, the outbox whenever something is due. */
  start(): void {
    this.loopDone ??= (async () => {
      while (!this.stopped) {
        this.watch();
        const n = await this.round().catch((e) => {
          this.deps.log.error({ err: e }, 'alert sender round failed');
          return 0;
        });
        if (!n && !this.stopped) await this.idle();
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake.abort();
    await this.loopDone;
  }

  /** Something was enqueued: look now. */
  notify(): void { this.wake.abort(); }

  /** Send until nothing is pending (rows waiting for a retry are waited for), for tests and benchmarks. */
  async drain(): Promise<SendStats> {
    while (!this.stopped && this.alerts.nextDue() !== null) {
      if (!(await this.round())) await this.idle();
    }
    return { ...this.stats };
  }

  private watch(): void {
    const now = Date.now();
    if (now - this.lastWatch < this.opts.watchEveryMs) return;
    this.lastWatch = now;
    try {
      const n = enqueueDeadlineWatch(this.deps.store.db, this.deps.clock?.() ?? new Date());
      if (n) this.deps.log.info({ chats: n }, 'deadline watch: lists of late reports queued');
    } catch (e) {
      this.deps.log.error({ err: e }, 'deadline watch failed');
    }
  }

  private async idle(): Promise<void> {
    const next = this.alerts.nextDue();
    const wait = Math.min(this.opts.pollMs, next === null ? Infinity : Math.max(1, next - Date.now()));
    if (this.wake.signal.aborted) this.wake = new AbortController();
    await sleep(wait, this.wake.signal);
  }

  /** One pass over the due rows (the oldest of each chat); returns how many were tried. */
  private async round(): Promise<number> {
    this.stats.dropped += this.alerts.dropInactive();
    const before = { ...this.stats };
    const inflight = new Set<Promise<void>>();
    let n = 0;
    for (const due of this.alerts.due(Date.now(), BATCH)) {
      const wait = this.chats.wait(due.chat_id);
      if (wait > 0) { this.alerts.defer(due.id, Date.now() + wait, false, due.error); continue; }
      await this.pacer.slot(this.stopping.signal);
      if (this.stopped) break;
      // taken for this sender, unless another process's sender took it first; it may have moved or gone meanwhile
      const now = Date.now();
      if (!this.alerts.claim(due.id, now, now + this.opts.leaseMs)) continue;
      const row = this.alerts.row(due.id);
      if (!row) continue;
      n++;
      const p: Promise<void> = this.deliver(row).finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= this.opts.concurrency) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    if (n) this.deps.log.info({ round: diff(this.stats, before), total: this.stats }, 'alerts delivered');
    return n;
  }

  private message(row: OutboxRow): AlertMessage | null {
    const key = `${row.kind}:${row.report_id}:${row.payload}`;
    let m = this.rendered.get(key);
    if (m === undefined) { m = renderAlert(this.facts, row) ?? 'gone'; this.rendered.set(key, m); }
    return m === 'gone' ? null : m;
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const msg = this.message(row);
    if (!msg) {
      this.alerts.finish(row.id, 'dropped', 'the report it announces is gone');
      this.stats.dropped++;
      return;
    }
    const button = msg.button && { inline_keyboard: [[{ text: msg.button.text, callback_data: msg.button.data }]] };
    try {
      await this.deps.api.sendMessage(row.chat_id, msg.text, {
        parse_mode: 'HTML', disable_notification: row.silent === 1, link_preview_options: { is_disabled: true },
        ...(button ? { reply_markup: button } : {}),
      });
    } catch (e) {
      this.failed(row, e);
      return;
    }
    this.alerts.markSent(row.id);
    this.stats.sent++;
    this.consecutive = 0;
    this.chats.sent(row.chat_id);
  }

  private failed(row: OutboxRow, e: unknown): void {
    const { log, store } = this.deps;
    const now = Date.now();
    if (e instanceof GrammyError) {
      const retryAfter = e.parameters?.retry_after;
      if (e.error_code === 429 || retryAfter !== undefined) {
        const until = now + (retryAfter ?? 1) * 1000;
        this.pacer.pause(until);
        this.alerts.defer(row.id, until, false, e.description);
        this.stats.rateLimited++;
        log.warn({ chat: row.chat_id, retryAfter }, 'alert sender: rate limited, pausing');
        return;
      }
      const to = e.parameters?.migrate_to_chat_id;
      if (to !== undefined) {
        migrateChat(store, row.chat_id, to);
        this.alerts.defer(row.id, 0, false, null);
        this.stats.migrated++;
        log.info({ from: row.chat_id, to }, 'alert sender: group migrated to a supergroup');
        return;
      }
      if (e.error_code === 403 || GONE.test(e.description)) {
        deactivateChat(store, row.chat_id);
        this.alerts.finish(row.id, 'dropped', e.description);
        this.stats.deactivated++;
        log.info({ chat: row.chat_id, reason: e.description }, 'alert sender: chat gone, deactivated');
        return;
      }
      if (e.error_code < 500) {
        this.alerts.finish(row.id, 'failed', e.description);
        this.stats.failed++;
        log.error({ chat: row.chat_id, alert: row.id, reason: e.description }, 'alert sender: message refused');
        return;
      }
    }
    this.transient(row, e, now);
  }

  /** Network errors and 5xx: everyone waits (backoff); the row counts a failure only when others got through. */
  private transient(row: OutboxRow, e: unknown, now: number): void {
    this.consecutive++;
    const wait = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (this.consecutive - 1));
    this.pacer.pause(now + wait);
    const counts = this.consecutive === 1;
    const reason = (e as Error)?.message ?? String(e);
    if (counts && row.attempts + 1 >= this.opts.maxAttempts) {
      this.alerts.finish(row.id, 'failed', reason);
      this.stats.failed++;
      this.deps.log.error({ chat: row.chat_id, alert: row.id, reason }, 'alert sender: giving up on a message');
      return;
    }
    this.alerts.defer(row.id, now + wait, counts, reason);
    this.stats.retried++;
    this.deps.log.warn({ chat: row.chat_id, waitMs: wait, reason }, 'alert sender: Telegram unreachable or failing');
  }
}

function diff(a: SendStats, b: SendStats): Partial<SendStats> {
  const out: Partial<SendStats> = {};
  for (const k of Object.keys(a) as (keyof SendStats)[]) if (a[k] !== b[k]) out[k] = a[k] - b[k];
  return out;
}
