/**
 * The words of alerts, as data. Templates are trusted Telegram HTML; every value filled in is escaped.
 */
import { escapeHtml } from '../bot/render.js';

export const WORDS = {
  newTitle: '🆕 <b>{name}</b> {year} 年政府信息公开工作年度报告',
  region: '地区：{region}',
  figure: '{label} {value}',
  figurePrev: '{label} {value}（{prevYear} 年 {prev}，{change}）',
  figureMissing: '{label}：报告中没有',
  noPrev: '库中没有 {prevYear} 年的报告，无法与上一年比较。',
  findings: '审核发现 {n} 个问题：',
  finding: '• {message}',
  findingsMore: '……另有 {n} 个，见 /audit',
  noFindings: '审核未发现问题。',
  published: '发布日期 {date}，{verdict}（期限 {due}）',
  publishedUnknown: '报告中没有印出发布日期，无法核对是否按期（期限 {due}）。',
  onTime: '按期发布',
  late: '逾期 {days} 天',
  wasListed: '此前列为逾期未发布。',
  button: '📄 报告卡片',
  correctionTitle: '✏️ <b>更正：{name}</b> {year} 年年度报告有了新版本',
  correctionIntro: '新版本替换了此前的报告。变化：',
  changed: '{label} {old} → {new}',
  otherChanged: '另有 {n} 个数字不同。',
  nothingChanged: '主要数字没有变化。',
  findingsChanged: '审核发现 {old} → {new} 个问题',
  deadlineTitle: '⏰ <b>逾期未发布</b>：{year} 年度报告',
  deadlineIntro: '截至 {asOf}，以下单位发布过 {prev} 年度报告，但库中还没有 {year} 年度报告：',
  deadlineGroup: '<b>{label}</b>（{n} 个）',
  deadlineBody: '• {name}（期限 {due}）',
  deadlineMore: '……等共 {n} 个',
  deadlineFoot: '收到其中某个单位的报告时会再告诉你。',
  lateNoteTitle: '📬 <b>{name}</b> {year} 年度报告已收到',
  lateNoteIntro: '此前列为逾期未发布。',
  allReports: '全部报告',
} as const;

export type Word = keyof typeof WORDS;

/** A template with its {placeholders} filled in, each value escaped for Telegram HTML. */
export function say(word: Word, vars: Record<string, string | number> = {}): string {
  return WORDS[word].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? escapeHtml(String(vars[k])) : m));
}

/** "2025-03-31" → "2025年3月31日" */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** How many lines of bodies a deadline list shows per group. */
export const DEADLINE_LIST_MAX = 30;
/** How many findings an alert names. */
export const TOP_FINDINGS = 3;
