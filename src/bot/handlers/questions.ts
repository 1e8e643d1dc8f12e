/**
 * Questions: any text in a private chat, /ask, and in groups mentions and replies to the bot; the clarifying
 * buttons; what the bot says to stickers and to stale buttons. Goes last: it takes what no other group took.
 */
import { Composer, type Context } from 'grammy';
import { answer, type Answer } from '../../query/answer.js';
import { sendAnswer } from '../answer.js';
import { addressedToBot, chatKey, isGroup, stripMention, typing } from '../context.js';
import type { HandlerDeps } from './deps.js';

export const QUESTION_WORDS = {
  empty: '请在命令后面写上问题，例如：/ask 某区2024年收到多少申请',
  failed: '抱歉，回答这个问题时出错了，已经记录下来。请换个说法再试。',
  expired: '这个按钮已经过期了，请重新提问。',
  chosen: (name: string) => `按“${name}”回答`,
  again: '请重新提问',
  notText: '我只能读文字问题，例如：某区2024年收到多少申请。管理员可以发送报告文件（PDF、DOC、DOCX、HTML、TXT）。',
};

export function questions(d: HandlerDeps): Composer<Context> {
  const c = new Composer<Context>();
  const { engine, log, state } = d;

  const ask = async (ctx: Context, question: string) => {
    const q = question.trim();
    if (!q) return sendAnswer(ctx, state, answer('unsupported', QUESTION_WORDS.empty));
    await typing(ctx);
    let a: Answer;
    try {
      a = engine.ask(q, { chat: chatKey(ctx) });
    } catch (e) {
      log.error({ err: e, question: q }, 'question failed');
      a = answer('unsupported', QUESTION_WORDS.failed);
    }
    return sendAnswer(ctx, state, a, 'ask', q);
  };

  c.command('ask', (ctx) => ask(ctx, ctx.match));

  c.callbackQuery(/^c:(\d{1,9}):([0-9a-f]{8})$/, async (ctx) => {
    const p = state.questions.get(ctx.match[2]);
    if (!p || p.chatKey !== chatKey(ctx)) {
      await ctx.answerCallbackQuery({ text: QUESTION_WORDS.expired });
      return;
    }
    const bodyId = Number(ctx.match[1]);
    const body = engine.body(bodyId);
    await ctx.answerCallbackQuery({ text: body ? QUESTION_WORDS.chosen(body.name) : QUESTION_WORDS.again });
    if (!body) return;
    state.questions.delete(ctx.match[2]);
    const a = p.kind === 'ask'
      ? engine.ask(p.question, { chat: p.chatKey, bodyId })
      : engine.command(p.kind, p.question, { chat: p.chatKey, bodyId });
    await sendAnswer(ctx, state, a);
  });
  c.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: QUESTION_WORDS.expired }));

  c.on('message:text', async (ctx) => {
    const text = ctx.msg.text;
    if (!isGroup(ctx)) {
      if (text.startsWith('/')) return sendAnswer(ctx, state, engine.ask('帮助'));
      return ask(ctx, text);
    }
    if (!addressedToBot(ctx)) return; // other chatter in the group
    return ask(ctx, stripMention(text, ctx.me.username));
  });

  // stickers, photos, voice … in a private chat: say what the bot understands; in groups stay quiet
  c.on('message', async (ctx) => {
    if (isGroup(ctx) || ctx.msg.migrate_from_chat_id !== undefined) return;
    await ctx.reply(QUESTION_WORDS.notText);
  });
  return c;
}
