/** Where things are in a document: section headings (the title is read in title/, the date in published). */
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';
import { labelKey } from './normalize.js';
import { SECTION_HEADINGS } from './template.js';

export type SectionId = (typeof SECTION_HEADINGS)[number]['id'];
export interface SectionSpan { id: SectionId; start: number; end: number }

const HEADING_MAX = 40;

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
