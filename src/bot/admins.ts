/**
 * Who may change a chat's subscriptions: in a private chat the user; in a group its administrators, asked of
 * Telegram (getChatMember) at the time of the change and kept briefly; an anonymous administrator (writing as
 * the group itself) counts.
 */
import type { Context } from 'grammy';
import { isGroup } from './context.js';
import type { ChatState } from './state.js';

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

export async function canManage(ctx: Context, state: ChatState): Promise<boolean> {
  if (!ctx.chat) return false;
  if (!isGroup(ctx)) return ctx.chat.type === 'private';
  const chatId = ctx.chat.id;
  if (ctx.msg?.sender_chat?.id === chatId) return true; // an anonymous administrator
  const userId = ctx.from?.id;
  if (!userId) return false;
  const key = `${chatId}:${userId}`;
  const known = state.admins.get(key);
  if (known !== undefined) return known;
  const member = await ctx.api.getChatMember(chatId, userId);
  const ok = ADMIN_STATUSES.has(member.status);
  state.admins.set(key, ok);
  return ok;
}
