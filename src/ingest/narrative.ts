/** Running text: paragraphs per section (for search and excerpts) and the numbers it states (for the audit). */
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';
import type { NarrativeClaim, Passage } from './report.js';
import type { SectionSpan } from './sections.js';

const TABLE_SECTIONS = new Set(['active', 'applications', 'review']);
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|#)/;

/** Paragraphs: lines joined until a sentence ends, a new item starts, or the page changes section. Table rows are left out. */
export function passages(lines: DocLine[], spans: SectionSpan[]): Passage[] {
  const out: Passage[] = [];
  const all: SectionSpan[] = spans.length ? [...(spans[0].start > 0 ? [{ id: 'overview' as const, start: 0, end: spans[0].start }] : []), ...spans] : [{ id: 'overview', start: 0, end: lines.length }];
  for (const span of all) {
    if (TABLE_SECTIONS.has(span.id)) continue; // the three tables are cells, not prose
    let cur: Passage | null = null;
    for (let i = span.start; i < span.end; i++) {
      const l = lines[i];
      const cellsWithText = l.cells.filter((c) => c.trim()).length;
      if (cellsWithText !== 1) { cur = null; continue; } // table rows
      const t = lineText(l);
      if (!/[\u4e00-\u9fff]{4,}/.test(t) && !cur) continue;
      if (!cur || ITEM_START.test(t)) {
        cur = { section: span.id, page: l.page, line: l.line, text: t };
        out.push(cur);
      } else cur.text += t;
      if (/[。！？]$/.test(t)) cur = null;
    }
  }
  return out.filter((p) => /[\u4e00-\u9fff]/.test(p.text));
}

/** Patterns for figures the narrative states about the tables (rule 5), as data. */
const CLAIMS: { metric: NarrativeClaim['metric']; re: RegExp }[] = [
  { metric: 'applications', re: /(?:受理|收到|新收)[^。；;，,\d]{0,16}?(?:政府信息公开|依申请公开|信息公开)[^。；;，,\d]{0,8}?(\d+)\s*(?:件|份|个|条)/g },
  { metric: 'applications', re: /(?:受理|收到|新收)[^。；;，,\d]{0,4}(?:依申请公开|政府信息公开申请)[^。；;，,\d]{0,4}?(\d+)\s*(?:件|份|个|条)/g },
  { metric: 'review', re: /(?:被申请行政复议|被行政复议|政府信息公开行政复议|收到行政复议|发生行政复议|行政复议案件)[^。；;，,\d]{0,6}?(\d+)\s*(?:件|宗|起|个)/g },
  { metric: 'litigation', re: /(?:被提起行政诉讼|被行政诉讼|政府信息公开行政诉讼|发生行政诉讼|行政诉讼案件)[^。；;，,\d]{0,6}?(\d+)\s*(?:件|宗|起|个)/g },
];
const NONE_CLAIMS: { metrics: NarrativeClaim['metric'][]; re: RegExp }[] = [
  { metrics: ['review', 'litigation'], re: /(?:未发生|没有发生|未接到|未收到|无)[^。；;]{0,20}?行政复议[和、及与]?行政诉讼/g },
];

export function narrativeClaims(ps: Passage[]): NarrativeClaim[] {
  const out: NarrativeClaim[] = [];
  for (const p of ps) {
    if (p.section === 'review' || p.section === 'applications' || p.section === 'active') continue;
    for (const sentence of p.text.split(/(?<=[。；;])/)) {
      for (const c of CLAIMS) {
        for (const m of sentence.matchAll(c.re)) {
          if (out.some((o) => o.metric === c.metric && o.sentence === sentence)) continue;
          out.push({ metric: c.metric, value: Number(m[1]), sentence: sentence.trim(), page: p.page, line: p.line });
        }
      }
      for (const c of NONE_CLAIMS) {
        if (c.re.test(sentence)) for (const metric of c.metrics) {
          if (!out.some((o) => o.metric === metric)) out.push({ metric, value: 0, sentence: sentence.trim(), page: p.page, line: p.line });
        }
        c.re.lastIndex = 0;
      }
    }
  }
  return out;
}
