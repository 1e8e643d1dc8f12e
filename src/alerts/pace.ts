/**
 * Pacing of the sender: send slots at a fixed rate overall (timer lateness and a slow reply do not add up: the
 * schedule keeps its own clock and catches up a short delay), a pause for everyone (429, an unreachable API),
 * and a minimum interval per group chat.
 */
import { LRUCache } from 'lru-cache';

/** An abort signal of any implementation (Node's, or grammY's polyfill). */
export interface Abortable {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export const sleep = (ms: number, signal?: Abortable) => new Promise<void>((resolve) => {
  if (signal?.aborted || ms <= 0) { resolve(); return; }
  const t = setTimeout(done, ms);
  function done() { clearTimeout(t); signal?.removeEventListener('abort', done); resolve(); }
  signal?.addEventListener('abort', done, { once: true });
});

export class Pacer {
  private next = 0;
  private pausedUntil = 0;

  /** `catchUpMs`: how far behind the schedule may fall and still be caught up (a short burst), not dropped. */
  constructor(private readonly intervalMs: number, private readonly catchUpMs = 250) {}

  /** Nobody is sent anything before `until` (ms since the epoch). */
  pause(until: number): void { this.pausedUntil = Math.max(this.pausedUntil, until); }
  get paused(): number { return this.pausedUntil; }

  /** Resolves at the next send slot (early when the signal aborts). */
  async slot(signal?: Abortable): Promise<void> {
    for (;;) {
      const now = Date.now();
      const at = Math.max(this.next, this.pausedUntil);
      // timers cannot wait less than a millisecond: a slot due within one is taken now (the schedule keeps the rate)
      if (at - now >= 1) {
        await sleep(at - now, signal);
        if (signal?.aborted) return;
        continue;
      }
      this.next = (now - at > Math.max(this.intervalMs, this.catchUpMs) ? now : at) + this.intervalMs;
      return;
    }
  }
}

/** Group chats: one message per interval each (Telegram: about 20 a minute in a group). */
export class ChatPacer {
  private readonly next: LRUCache<number, number>;

  constructor(private readonly intervalMs: number) {
    this.next = new LRUCache<number, number>({ max: 100_000, ttl: Math.max(1, intervalMs) });
  }

  static isGroup = (chatId: number) => chatId < 0;

  /** How long a message to this chat must wait (0: now). */
  wait(chatId: number, now = Date.now()): number {
    const at = this.next.get(chatId);
    return at === undefined ? 0 : Math.max(0, at - now);
  }

  sent(chatId: number, now = Date.now()): void {
    if (ChatPacer.isGroup(chatId) && this.intervalMs > 0) this.next.set(chatId, now + this.intervalMs);
  }
}
