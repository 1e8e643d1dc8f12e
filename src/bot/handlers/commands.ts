/** /start /help /reports /report /audit /compare, the /reports pages and the report-card button of alerts. */
import { Composer, GrammyError, InlineKeyboard, type Context } from 'grammy';
import { sendAnswer } from '../answer.js';
import { chatKey, typing } from '../context.js';
import { escapeHtml } from '../render.js';
import type { HandlerDeps } from './deps.js';

export function commands(d: HandlerDeps): Composer<Context> {
  const c = new Composer<Context>();
  const { app, engine, state } = d;

  c.command('start', async (ctx) => {
    const chat = ctx.chat;
    if (chat) app.store.saveChat(chat.id, chat.type, 'title' in chat ? chat.title ?? null : null, true);
    await sendAnswer(ctx, state, engine.ask('帮助', { chat: chatKey(ctx) }));
  });
  c.command('help', (ctx) => sendAnswer(ctx, state, engine.ask('帮助')));
  for (const kind of ['report', 'audit'] as const) {
    c.command(kind, async (ctx) => {
      await typing(ctx);
      await sendAnswer(ctx, state, engine.command(kind, ctx.match, { chat: chatKey(ctx) }), kind, ctx.match);
    });
  }
  c.command('compare', async (ctx) => {
    await typing(ctx);
    await sendAnswer(ctx, state, engine.command('compare', ctx.match, { chat: chatKey(ctx) }));
  });

  const reportsPage = (page: number) => {
    const bodies = engine.bodies.filter((b) => b.years.length);
    const pages = Math.max(1, Math.ceil(bodies.length / d.pageSize));
    const p = Math.min(Math.max(0, page), pages - 1);
    const shown = bodies.slice(p * d.pageSize, (p + 1) * d.pageSize);
    const lines = shown.map((b) => `• ${escapeHtml(b.name)}：${b.years.join('、')}`);
    const text = `<b>库中的年度报告</b>（${bodies.length} 个单位，第 ${p + 1}/${pages} 页）\n${lines.join('\n') || '还没有报告。'}`;
    const kb = new InlineKeyboard();
    if (p > 0) kb.text('‹ 上一页', `r:${p - 1}`);
    if (p < pages - 1) kb.text('下一页 ›', `r:${p + 1}`);
    return { text, ...(pages > 1 ? { reply_markup: kb } : {}) };
  };
  c.command('reports', (ctx) => {
    const { text, ...kb } = reportsPage(0);
    return ctx.reply(text, { parse_mode: 'HTML', ...kb });
  });
  c.callbackQuery(/^r:(\d{1,4})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, ...kb } = reportsPage(Number(ctx.match[1]));
    await ctx.editMessageText(text, { parse_mode: 'HTML', ...kb }).catch((e) => {
      if (!(e instanceof GrammyError && /not modified/.test(e.description))) throw e;
    });
  });

  // the button under an alert: the report's card
  c.callbackQuery(/^rc:(\d{1,9}):(\d{4})$/, async (ctx) => {
    const bodyId = Number(ctx.match[1]);
    await ctx.answerCallbackQuery();
    await typing(ctx);
    await sendAnswer(ctx, state, engine.command('report', ctx.match[2], { chat: chatKey(ctx), bodyId }));
  });
  return c;
}
