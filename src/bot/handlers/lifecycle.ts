/**
 * A chat's life: the bot added (greeted, remembered), removed or blocked (deactivated, never deleted), back
 * (reactivated, also when a chat the sender marked gone writes again), a group upgraded to a supergroup (its
 * subscriptions, pending alerts and follow-up contexts move to the new id). Not rate limited.
 */
import { Composer, type Context } from 'grammy';
import { migrateChat, reactivateIfGone } from '../../alerts/chats.js';
import { exampleQuestion } from '../menu.js';
import type { HandlerDeps } from './deps.js';

const IN_CHAT = new Set(['member', 'administrator', 'creator']);

export function lifecycle(d: HandlerDeps): Composer<Context> {
  const c = new Composer<Context>();
  const { app, engine, log } = d;

  c.on('my_chat_member', async (ctx) => {
    const { chat, new_chat_member: now, old_chat_member: before } = ctx.myChatMember;
    const inChat = IN_CHAT.has(now.status);
    app.store.saveChat(chat.id, chat.type, 'title' in chat ? chat.title ?? null : null, inChat);
    log.info({ chat: chat.id, status: now.status }, 'chat membership changed');
    if (inChat && !IN_CHAT.has(before.status) && chat.type !== 'private' && chat.type !== 'channel') {
      const bot = ctx.me.username;
      const text = `大家好，我是年报助手。在群里用 /ask@${bot} 提问，或回复我的消息、@我。\n`
        + `例如：/ask@${bot} ${exampleQuestion(engine.examples(20))}\n管理员可以用 /subscribe@${bot} 订阅新报告提醒。`;
      await ctx.reply(text).catch((e) => log.warn({ err: e, chat: chat.id }, 'greeting failed'));
    }
  });

  const moved = (from: number, to: number) => {
    migrateChat(app.store, from, to);
    engine.contexts.moveAll(`g:${from}:`, `g:${to}:`);
    log.info({ from, to }, 'group migrated to supergroup');
  };
  c.on('message:migrate_to_chat_id', (ctx) => moved(ctx.chat.id, ctx.msg.migrate_to_chat_id));
  c.on('message:migrate_from_chat_id', async (ctx, next) => {
    moved(ctx.msg.migrate_from_chat_id, ctx.chat.id);
    await next();
  });

  // a chat marked gone (the sender got a 403) that writes again is back
  c.on('message', async (ctx, next) => {
    if (reactivateIfGone(app.store, ctx.chat.id)) log.info({ chat: ctx.chat.id }, 'chat is back: reactivated');
    await next();
  });
  return c;
}
