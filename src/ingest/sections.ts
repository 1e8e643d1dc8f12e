/** Where things are in a document: title (body and year), section headings, the printed date. */
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';
import { labelKey } from './normalize.js';
import { SECTION_HEADINGS } from './template.js';

export type SectionId = (typeof SECTION_HEADINGS)[number]['id'];
export interface SectionSpan { id: SectionId; start: number; end: number }

const HEADING_MAX = 40;
const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** What a table section's heading is followed by: the table's own header words. */
const TABLE_ANCHORS: Partial<Record<SectionId, RegExp>> = {
  active: /第二十条|本年制发件数|本年新制作数量|信息内容/,
  applications: /申请人情况|本年新收|上年结转政府信息公开申请/,
  review: /结果维持|未经复议|复议后起诉|结果纠正/,
};

/** Short lines that name a section ("三、收到和处理政府信息公开申请情况"), with their section. */
function headingCandidates(lines: DocLine[]): { id: SectionId; at: number }[] {
  const out: { id: SectionId; at: number }[] = [];
  lines.forEach((l, i) => {
    if (l.grid && l.cells.filter((c) => c).length > 1) return;
    const t = lineText(l);
    const k = labelKey(t);
    if (k.length > HEADING_MAX) return;
    // "（一）主动公开政府信息情况" is a sub-heading of the overview, not the section
    if (/^\s*(?:#+\s*)?[（(][一二三四五六七八九十\d]+[）)]/.test(t)) return;
    const lead = k.replace(/^#+/, '').replace(/^(?:第?[一二三四五六七八九十]+(?:部分)?|\d+)/, '').replace(/^(?:行政机关|因政府信息公开工作|政府信息公开工作)/, '');
    const order = SECTION_HEADINGS.findIndex((h) => h.phrases.some((p) => lead.startsWith(labelKey(p))));
    if (order < 0) return;
    // a heading states the section, it does not sit in a sentence
    if (/[。，,]$/.test(t.trim()) && order !== 0) return;
    out.push({ id: SECTION_HEADINGS[order].id, at: i });
  });
  return out;
}

/**
 * The sections: for each table, the heading nearest before the table's own header words (reports restart
 * their numbering or name the sections in the overview); the overview's first heading; the closing sections
 * after the tables. Each section runs to the next chosen heading.
 */
export function findSections(lines: DocLine[]): SectionSpan[] {
  const cands = headingCandidates(lines);
  const chosen = new Map<SectionId, number>();
  for (const id of ['active', 'applications', 'review'] as const) {
    const list = cands.filter((c) => c.id === id).map((c) => c.at);
    if (!list.length) continue;
    const anchor = lines.findIndex((l, i) => i > list[0] && TABLE_ANCHORS[id]!.test(lineText(l)));
    const before = anchor >= 0 ? list.filter((at) => at < anchor) : [];
    chosen.set(id, before.length ? before[before.length - 1] : list[0]);
  }
  const overview = cands.find((c) => c.id === 'overview');
  if (overview) chosen.set('overview', overview.at);
  const lastTable = Math.max(-1, ...['active', 'applications', 'review'].map((id) => chosen.get(id as SectionId) ?? -1));
  for (const id of ['problems', 'other'] as const) {
    const c = cands.find((x) => x.id === id && x.at > lastTable) ?? cands.find((x) => x.id === id);
    if (c) chosen.set(id, c.at);
  }
  const found = [...chosen].map(([id, at]) => ({ id, at })).sort((a, b) => a.at - b.at);
  return found.map((f, i) => ({ id: f.id, start: f.at, end: i + 1 < found.length ? found[i + 1].at : lines.length }));
}

export function sectionLines(lines: DocLine[], spans: SectionSpan[], id: SectionId): DocLine[] {
  const s = spans.find((x) => x.id === id);
  return s ? lines.slice(s.start, s.end) : [];
}

/** A body's name: Chinese characters ending in the word for a body, perhaps with a short form in brackets. */
export const BODY_NAME = /^[\u4e00-\u9fff·]{2,40}(政府|办公室|办公厅|局|委员会|委|厅|院|中心|署|部|所|会|处|站|队|馆|办)([（(][\u4e00-\u9fff]{1,10}[）)])?$/;
const REPORT_WORDS = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?的?(?:政府)?信息公开(?:工作)?(?:年度报告|年报|报告)/g;
const YEAR_FIRST = /((?:19|20)\d{2})年度?([\u4e00-\u9fff·（）()]{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度报告|年报)/g;
const NAME_BOUNDARY = /[《「“"'：:，,。、；;#\s）)】\]]/;

export function toYear(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  return Number([...s].map((ch) => CN_NUM[ch] ?? '').join(''));
}

/** Title candidates in one stretch of text: "<body><year>年…年度报告" or "<year>年<body>…年度报告"; `at` is where the title starts. */
function titlesIn(text: string, lineStarts: number[]): { org: string; year: number; at: number }[] {
  const out: { org: string; year: number; at: number }[] = [];
  for (const m of text.matchAll(REPORT_WORDS)) {
    const from = Math.max(0, m.index! - 40);
    const before = text.slice(from, m.index);
    let cut = before.length;
    while (cut > 0 && !NAME_BOUNDARY.test(before[cut - 1])) cut--;
    let org = before.slice(cut).replace(/^关于/, '').replace(/关于$/, '');
    // a line break inside the name candidate: "文号 关键词 | 沭阳县发展和改革局2023年…" — the part after the break, if it is a name
    const brk = lineStarts.filter((p) => p > from + cut && p < m.index!).pop();
    if (brk !== undefined && BODY_NAME.test(text.slice(brk, m.index))) org = text.slice(brk, m.index);
    if (BODY_NAME.test(org)) out.push({ org, year: toYear(m[1]), at: m.index! - org.length });
  }
  for (const m of text.matchAll(YEAR_FIRST)) {
    const org = m[2].replace(/^度/, '');
    if (BODY_NAME.test(org)) out.push({ org, year: Number(m[1]), at: m.index! });
  }
  return out.filter((t) => t.year >= 2000 && t.year <= 2100);
}

/**
 * The title: the body's name and the report year. A title standing at the start of a line is preferred, the
 * last one before the first section (web pages list other reports' titles in their navigation first); a
 * title quoted inside a sentence ("现发布《…年度报告》") is the fallback.
 */
export function findTitle(lines: DocLine[], spans: SectionSpan[]): { org: string; year: number; line: number } | null {
  const limit = Math.min(lines.length, Math.max(spans[0]?.start ?? 60, 1));
  let standalone: { org: string; year: number; line: number } | null = null;
  let quoted: { org: string; year: number; line: number } | null = null;
  for (let i = 0; i < limit; i++) {
    const parts = [0, 1, 2].map((k) => (i + k < limit ? lineText(lines[i + k]).replace(/\s+/g, '') : ''));
    const first = parts[0];
    const joined = parts.join('');
    const lineStarts = [parts[0].length, parts[0].length + parts[1].length];
    for (const t of titlesIn(joined, lineStarts)) {
      if (t.at >= first.length) continue; // starts on a later line: found again from there
      const lead = joined.slice(0, t.at).replace(/^(#+|标题|题目|名称|[《「“:：])+/, '');
      if (lead === '') { if (!standalone || standalone.line < i - 2) standalone = { org: t.org, year: t.year, line: i }; }
      else quoted ??= { org: t.org, year: t.year, line: i };
    }
  }
  return standalone ?? quoted;
}

const NO_YEAR_TITLE = /^(?:#+\s*)?([\u4e00-\u9fff·（）()]{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度报告|年报)$/;
const PERIOD = /(?:统计期限|统计时限|统计期间|数据统计)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;

/**
 * A title that prints no year ("某某区人民政府政府信息公开工作年度报告"): the body from the title line, the year
 * from the reporting period the report states ("统计期限自2024年1月1日起").
 */
export function findTitleWithoutYear(lines: DocLine[], spans: SectionSpan[]): { org: string; year: number; line: number } | null {
  const limit = Math.min(lines.length, Math.max(spans[0]?.start ?? 60, 1));
  const text = lines.slice(0, Math.min(lines.length, limit + 40)).map(lineText).join('').replace(/\s+/g, '');
  const period = PERIOD.exec(text);
  if (!period) return null;
  for (let i = 0; i < limit; i++) {
    const m = NO_YEAR_TITLE.exec(lineText(lines[i]).replace(/\s+/g, ''));
    if (m && BODY_NAME.test(m[1])) return { org: m[1], year: Number(period[1]), line: i };
  }
  return null;
}

/** The body named as author when the title has none ("2024年政府信息公开工作年度报告" under a name line). */
export function orgAbove(lines: DocLine[], titleLine: number): string | null {
  for (let i = titleLine - 1; i >= Math.max(0, titleLine - 3); i--) {
    const t = lineText(lines[i]).replace(/\s+/g, '');
    if (BODY_NAME.test(t)) return t;
  }
  return null;
}

const DATE = /((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))/;
const DATE_LABEL = /(发布|成文|印发|公开|发文)(日期|时间)/;

/**
 * The publication date printed in the report: a date standing on its own line (or labelled 发布日期), after the
 * report year. The last such date wins (the signature date closes a report).
 */
export function findPublished(lines: DocLine[], year: number): { date: string; line: DocLine } | null {
  let found: { date: string; line: DocLine } | null = null;
  for (const l of lines) {
    const t = lineText(l).replace(/[()（）]/g, '').trim();
    const labelled = DATE_LABEL.test(t) && t.length <= 40;
    if (t.length > 16 && !labelled) continue;
    const m = DATE.exec(t);
    if (!m) continue;
    const y = Number(m[1]);
    const month = Number(m[2] ?? m[4]), day = Number(m[3] ?? m[5]);
    if (y <= year || y > year + 2 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    found = { date: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, line: l };
  }
  return found;
}
