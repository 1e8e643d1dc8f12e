/** What every handler group shares: who is talking, where, whether a group message is for the bot, replies. */
import type { Context } from 'grammy';

export const isGroup = (ctx: Context) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';

/** Follow-up context: per chat in private, per chat and user in groups. */
export const chatKey = (ctx: Context) =>
  (isGroup(ctx) ? `g:${ctx.chat!.id}:${ctx.from?.id ?? 0}` : `p:${ctx.chat?.id ?? 0}`);

/** A group message is for the bot when it mentions it or replies to it. */
export function addressedToBot(ctx: Context): boolean {
  const msg = ctx.msg;
  if (!msg) return false;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? '';
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const me = `@${ctx.me.username.toLowerCase()}`;
  return entities.some((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === me);
}

export const stripMention = (text: string, username: string) =>
  text.replace(new RegExp(`@${username}\\b`, 'gi'), ' ').trim();

/** In groups a reply quotes the message it answers. */
export const replyTo = (ctx: Context) => (ctx.msg && isGroup(ctx)
  ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
  : {});

export const typing = (ctx: Context) => ctx.replyWithChatAction('typing').catch(() => undefined);
