/**
 * The bot's memory between updates, all bounded and expiring (lru-cache): what a clarifying button stands
 * for, the choices offered for a subscription, and who is a group administrator (briefly).
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface PendingQuestion { question: string; chatKey: string; kind: 'ask' | 'report' | 'audit' }
/** A subscription target offered on a button: what it subscribes to, in which chat. */
export interface PendingChoice {
  chatId: number; key: string; label: string; mode?: 'all' | 'findings' | 'late'; silent?: boolean;
}

export const STATE_LIMITS = {
  buttons: { max: 5000, ttlMs: 3_600_000 },
  /** getChatMember answers are kept this long: a demoted admin loses the right within it. */
  admins: { max: 10_000, ttlMs: 30_000 },
};

const cache = <T extends {}>(l: { max: number; ttlMs: number }) =>
  new LRUCache<string, T>({ max: l.max, ttl: l.ttlMs });

export class ChatState {
  readonly questions = cache<PendingQuestion>(STATE_LIMITS.buttons);
  readonly choices = cache<PendingChoice>(STATE_LIMITS.buttons);
  readonly admins = cache<boolean>(STATE_LIMITS.admins);

  /** Keep a value under a short random token (for callback data, which is limited to 64 bytes). */
  static remember<T extends {}>(cache: LRUCache<string, T>, value: T): string {
    const token = randomBytes(4).toString('hex');
    cache.set(token, value);
    return token;
  }
}
