/**
 * /subscribe [全部 | 机关 | 地区] [只看问题 | 只看逾期] [静默], /unsubscribe [同上 | 全部], /subscriptions (anyone may
 * list; changes in groups only by administrators), and their buttons: a choice between targets, the options of a
 * subscription, removal.
 */
import { Composer, GrammyError, type Context, type InlineKeyboard } from 'grammy';
import { ALL } from '../../alerts/keys.js';
import { WORDS } from '../../alerts/messages.js';
import { parseSubscribeArg, resolveTarget, type Target } from '../../alerts/resolve.js';
import { alertStore, type SubMode } from '../../store/alerts.js';
import { canManage } from '../admins.js';
import { replyTo } from '../context.js';
import { ChatState, type PendingChoice } from '../state.js';
import {
  choiceKeyboard, listText, optionsKeyboard, removeKeyboard, subscribedText, SUB_WORDS,
} from '../subscriptionsView.js';
import type { HandlerDeps } from './deps.js';

/** Bodies an example is taken from (those with the most reports). */
const EXAMPLES = 20;

const BUTTON_PREFIX: Record<Target['kind'], string> = { name: '按名称订阅：', region: '地区：', body: '', all: '' };
const buttonLabel = (t: Target) => `${BUTTON_PREFIX[t.kind]}${t.label}`;
const kindOfKey = (key: string): Target['kind'] => (key === ALL ? 'all' : key.split(':')[0] as Target['kind']);

export function subscriptions(d: HandlerDeps): Composer<Context> {
  const c = new Composer<Context>();
  const alerts = alertStore(d.app.db);
  const { state, engine } = d;

  const reply = (ctx: Context, text: string, kb?: InlineKeyboard) =>
    ctx.reply(text, { parse_mode: 'HTML', ...replyTo(ctx), ...(kb ? { reply_markup: kb } : {}) });
  const edit = (ctx: Context, text: string, kb?: InlineKeyboard) =>
    ctx.editMessageText(text, { parse_mode: 'HTML', ...(kb ? { reply_markup: kb } : {}) }).catch((e) => {
      if (!(e instanceof GrammyError && /not modified/.test(e.description))) throw e;
    });
  /** Refuses (and says so) when the sender may not change this chat's subscriptions. */
  const refused = async (ctx: Context) => {
    if (await canManage(ctx, state)) return false;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: SUB_WORDS.notAdmin, show_alert: true });
    else await reply(ctx, SUB_WORDS.notAdmin);
    return true;
  };
  const save = (ctx: Context, p: Omit<PendingChoice, 'chatId'>) => {
    const chat = ctx.chat!;
    alerts.ensureChat(chat.id, chat.type, 'title' in chat ? chat.title ?? null : null);
    alerts.setActive(chat.id, true);
    return alerts.subscribe(chat.id, p.key, p.label, { mode: p.mode, silent: p.silent, by: ctx.from?.id });
  };
  const offer = (ctx: Context, options: Target[], extra: { mode?: SubMode; silent?: boolean }) =>
    choiceKeyboard(options.map((t) => ({
      label: buttonLabel(t),
      token: ChatState.remember(state.choices, { chatId: ctx.chat!.id, key: t.key, label: t.label, ...extra }),
    })));
  const examples = () => {
    const b = engine.examples(EXAMPLES).find((x) => x.region.length);
    return b ? { region: b.region[Math.min(1, b.region.length - 1)], body: b.name } : { region: '某市', body: '某某区人民政府' };
  };

  c.command('subscribe', async (ctx) => {
    const { text, ...opts } = parseSubscribeArg(ctx.match);
    if (!text) { // how to use it, to anyone; the button checks who clicks it
      const ex = examples();
      const all: Target = { kind: 'all', key: ALL, label: WORDS.allReports };
      return reply(ctx, SUB_WORDS.usage(ex.region, ex.body), offer(ctx, [all], opts));
    }
    if (await refused(ctx)) return;
    const r = resolveTarget(text, engine.bodies);
    if (r.status === 'none') return reply(ctx, SUB_WORDS.none(text));
    if (r.status === 'choose') {
      return reply(ctx, (r.why === 'typo' ? SUB_WORDS.typo : SUB_WORDS.choose)(text), offer(ctx, r.options, opts));
    }
    const s = save(ctx, { key: r.target.key, label: r.target.label, ...opts });
    return reply(ctx, subscribedText(s, r.target), optionsKeyboard(s));
  });

  c.callbackQuery(/^sc:([0-9a-f]{8})$/, async (ctx) => {
    const p = state.choices.get(ctx.match[1]);
    if (!p || p.chatId !== ctx.chat?.id) { await ctx.answerCallbackQuery({ text: SUB_WORDS.expired }); return; }
    if (await refused(ctx)) return;
    state.choices.delete(ctx.match[1]);
    const s = save(ctx, p);
    await ctx.answerCallbackQuery();
    await edit(ctx, subscribedText(s, { kind: kindOfKey(p.key), key: p.key, label: p.label }), optionsKeyboard(s));
  });

  c.callbackQuery(/^so:(\d{1,12}):(m|s):(all|findings|late|0|1)$/, async (ctx) => {
    const s = alerts.subscription(Number(ctx.match[1]));
    if (!s || s.chat_id !== ctx.chat?.id) { await ctx.answerCallbackQuery({ text: SUB_WORDS.gone }); return; }
    if (await refused(ctx)) return;
    const mode = ctx.match[2] === 'm' ? ctx.match[3] as SubMode : s.mode;
    const silent = ctx.match[2] === 's' ? ctx.match[3] === '1' : s.silent === 1;
    alerts.setOptions(s.id, mode, silent);
    const now = alerts.subscription(s.id)!;
    await ctx.answerCallbackQuery({ text: SUB_WORDS.options(now) });
    await edit(ctx, subscribedText(now), optionsKeyboard(now));
  });

  c.callbackQuery(/^us:(\d{1,12})$/, async (ctx) => {
    const s = alerts.subscription(Number(ctx.match[1]));
    if (!s || s.chat_id !== ctx.chat?.id) { await ctx.answerCallbackQuery({ text: SUB_WORDS.gone }); return; }
    if (await refused(ctx)) return;
    alerts.unsubscribe(s.id);
    await ctx.answerCallbackQuery({ text: SUB_WORDS.removed(s.label) });
    const rest = alerts.subscriptions(s.chat_id);
    await edit(ctx, `${SUB_WORDS.removed(s.label)}\n\n${listText(rest)}`, removeKeyboard(rest));
  });

  c.command('unsubscribe', async (ctx) => {
    const chatId = ctx.chat.id;
    const { text } = parseSubscribeArg(ctx.match);
    const subs = alerts.subscriptions(chatId);
    if (!text) {
      const list = subs.length ? `${SUB_WORDS.unsubscribeUsage}\n${listText(subs)}` : SUB_WORDS.listEmpty;
      return reply(ctx, list, removeKeyboard(subs));
    }
    if (await refused(ctx)) return;
    const r = resolveTarget(text, engine.bodies);
    if (r.status === 'one' && r.target.key === ALL) { // 全部: every subscription of the chat
      return reply(ctx, SUB_WORDS.removedAll(alerts.unsubscribeAll(chatId)));
    }
    const named = r.status === 'one' ? [r.target] : r.status === 'choose' ? r.options : [];
    const keys = new Set(named.map((x) => x.key));
    const hits = subs.filter((s) => keys.has(s.key) || s.label === text);
    if (hits.length === 1) {
      alerts.unsubscribe(hits[0].id);
      const rest = alerts.subscriptions(chatId);
      return reply(ctx, `${SUB_WORDS.removed(hits[0].label)}\n\n${listText(rest)}`, removeKeyboard(rest));
    }
    const shown = hits.length ? hits : subs;
    const head = hits.length ? SUB_WORDS.unsubscribeUsage : SUB_WORDS.notSubscribed(text);
    return reply(ctx, `${head}\n${listText(shown)}`, removeKeyboard(shown));
  });

  c.command('subscriptions', (ctx) => {
    const subs = alerts.subscriptions(ctx.chat.id);
    return reply(ctx, listText(subs), removeKeyboard(subs));
  });
  return c;
}
