/**
 * A chat's life as the alerts see it: gone (blocked, removed: deactivated, never deleted), back (reactivated),
 * upgraded to a supergroup (everything moves to the new id). Used by the bot's handlers and by the sender.
 */
import { alertStore } from '../store/alerts.js';
import type { Store } from '../store/store.js';

const typeOf = (chatId: number) => (chatId < 0 ? 'group' : 'private');

/** The bot was blocked or removed, or Telegram says the chat is gone. */
export function deactivateChat(store: Store, chatId: number): void {
  const alerts = alertStore(store.db);
  alerts.transaction(() => {
    alerts.ensureChat(chatId, typeOf(chatId), null);
    alerts.setActive(chatId, false);
  });
}

/** A chat that was marked gone writes again: it is back. Returns true when it was inactive. */
export function reactivateIfGone(store: Store, chatId: number): boolean {
  const alerts = alertStore(store.db);
  return alerts.chatActive(chatId) === false && alerts.setActive(chatId, true);
}

/** A group upgraded to a supergroup: its chat row, subscriptions, pending alerts and late lists move. */
export function migrateChat(store: Store, from: number, to: number): void {
  const alerts = alertStore(store.db);
  store.transaction(() => {
    store.moveChat(from, to, 'supergroup');
    alerts.moveChat(from, to);
    alerts.ensureChat(to, 'supergroup', null);
  });
}
