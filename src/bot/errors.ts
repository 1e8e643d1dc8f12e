/**
 * What a handler group does when something fails: a chat that blocked or removed the bot is deactivated;
 * anything else is logged and the user gets an apology instead of silence. Nothing reaches the process.
 */
import { GrammyError, type BotError, type Context } from 'grammy';
import { deactivateChat } from '../alerts/chats.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { replyTo } from './context.js';

export const ERROR_WORDS = {
  apology: '抱歉，处理这条消息时出错了，已经记录下来。请稍后再试。',
  apologyShort: '抱歉，出错了，请稍后再试。',
};

const GONE = /chat not found|bot was blocked|bot was kicked|user is deactivated/i;

export function handlerErrors(group: string, store: Store, log: Logger) {
  return async (err: BotError<Context>) => {
    const { ctx, error } = err;
    const chatId = ctx.chat?.id;
    const gone = error instanceof GrammyError && (error.error_code === 403 || GONE.test(error.description));
    if (gone && chatId !== undefined) {
      deactivateChat(store, chatId);
      log.info({ chat: chatId, group, reason: error.description }, 'chat is gone (blocked or removed): deactivated');
      return;
    }
    log.error({ err: error, group, update: ctx.update.update_id, chat: chatId }, 'error while handling an update');
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ERROR_WORDS.apologyShort });
      else if (ctx.msg && chatId !== undefined) await ctx.reply(ERROR_WORDS.apology, replyTo(ctx));
    } catch (e) {
      log.warn({ err: e, chat: chatId }, 'the apology could not be sent either');
    }
  };
}
