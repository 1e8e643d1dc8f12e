/** The words and buttons of /subscribe, /unsubscribe and /subscriptions (Telegram HTML, every value escaped). */
import { InlineKeyboard } from 'grammy';
import type { Target } from '../alerts/resolve.js';
import type { SubMode, SubscriptionRow } from '../store/alerts.js';
import { escapeHtml } from './render.js';

export const MODE_LABEL: Record<SubMode, string> = { all: '每份新报告', findings: '只看有审核发现的', late: '只看逾期发布的' };
const e = escapeHtml;

export const SUB_WORDS = {
  notAdmin: '抱歉，只有本群的管理员可以更改本群的订阅。任何人都可以用 /subscriptions 查看。',
  usage: (region: string, body: string) => [
    '<b>订阅新报告提醒</b>：收到新的年度报告时，在这里告诉你主要数字、与上一年的变化和审核发现。',
    `· /subscribe 全部 — 每一份新报告`,
    `· /subscribe ${e(region)} — 一个地区（省、市、县、乡镇）的所有单位`,
    `· /subscribe ${e(body)} — 一个单位（库中还没有的单位也可以，按名称订阅）`,
    '可以加上：只看问题、只看逾期、静默。例如 /subscribe 全部 只看问题 静默',
  ].join('\n'),
  choose: (typed: string) => `「${e(typed)}」可以指下面几个，请选择要订阅的：`,
  typo: (typed: string) => `库中没有找到「${e(typed)}」。你是不是要订阅：`,
  none: (typed: string) => `没有找到「${e(typed)}」：它不像地区名，也不像单位名称。请写地区（如 某市）、单位全称，或「全部」。`,
  subscribed: (label: string) => `✅ 已订阅：<b>${e(label)}</b>`,
  byName: '库中还没有这个单位的报告：收到它的第一份报告时会提醒。',
  options: (s: Pick<SubscriptionRow, 'mode' | 'silent'>) =>
    `提醒：${MODE_LABEL[s.mode]} · ${s.silent ? '静默（不响铃）' : '有提示音'}`,
  listTitle: (n: number) => `<b>本聊天的订阅</b>（${n} 个）`,
  listEmpty: '本聊天还没有订阅。用 /subscribe 全部，或 /subscribe 地区、/subscribe 单位名称 订阅新报告提醒。',
  removed: (label: string) => `已取消订阅：${e(label)}`,
  removedAll: (n: number) => (n ? `已取消本聊天的全部 ${n} 个订阅。` : '本聊天没有订阅。'),
  notSubscribed: (typed: string) => `本聊天没有订阅「${e(typed)}」。`,
  expired: '这个按钮已经过期了，请重新发送命令。',
  gone: '这个订阅已经不存在了。',
  unsubscribeUsage: '要取消哪个订阅？点下面的按钮，或发送 /unsubscribe 名称、/unsubscribe 全部。',
  menuPrompt: '订阅全部报告',
};

export const listLine = (s: SubscriptionRow, i: number) =>
  `${i + 1}. ${e(s.label)} — ${MODE_LABEL[s.mode]}${s.silent ? ' · 静默' : ''}`;

export function listText(subs: SubscriptionRow[]): string {
  if (!subs.length) return SUB_WORDS.listEmpty;
  return [SUB_WORDS.listTitle(subs.length), ...subs.map(listLine)].join('\n');
}

/** ✕ buttons that remove one subscription each. */
export function removeKeyboard(subs: SubscriptionRow[]): InlineKeyboard | undefined {
  if (!subs.length) return undefined;
  const kb = new InlineKeyboard();
  subs.slice(0, 50).forEach((s, i) => kb.text(`✕ ${i + 1}. ${s.label}`.slice(0, 60), `us:${s.id}`).row());
  return kb;
}

/** The options of one subscription: its mode, silent or not, and removal. */
export function optionsKeyboard(s: SubscriptionRow): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const m of Object.keys(MODE_LABEL) as SubMode[]) {
    kb.text(`${s.mode === m ? '✓ ' : ''}${MODE_LABEL[m]}`, `so:${s.id}:m:${m}`);
  }
  kb.row().text(s.silent ? '🔕 静默：开（点此改为有声）' : '🔔 有声（点此改为静默）', `so:${s.id}:s:${s.silent ? 0 : 1}`);
  kb.row().text('取消这个订阅', `us:${s.id}`);
  return kb;
}

export function subscribedText(s: SubscriptionRow, target?: Target): string {
  const byName = target?.kind === 'name' ? [SUB_WORDS.byName] : [];
  return [SUB_WORDS.subscribed(s.label), SUB_WORDS.options(s), ...byName].join('\n');
}

/** Buttons for a choice: each stands for a remembered target (callback data holds only a token). */
export function choiceKeyboard(options: { label: string; token: string }[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const o of options) kb.text(o.label.slice(0, 60), `sc:${o.token}`).row();
  return kb;
}
