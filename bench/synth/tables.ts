/**
 * The three tables of a report as rows of cells, before any layout: headings (第二十条第（一）项), header rows and
 * data rows (labels, then values). layouts.ts prints them the ways extracted text shows them.
 */
import { ACTIVE_ROWS } from '../../src/ingest/template.js';
import { ACTIVE_GROUPS, APPLICANT_HEADER, APPLICATION_LABELS, REVIEW_HEADER } from './labels.js';
import { applicationRows, type Figures } from './numbers.js';

export type TableRow =
  | { kind: 'heading'; text: string }
  /** Header cells; `vertical` ones are printed one character a line in PDF-extracted text. */
  | { kind: 'header'; cells: string[]; vertical?: boolean }
  /** Label cells (group, sub-group, own label; '' where a merged cell continues), then the value cells. */
  | { kind: 'data'; labels: string[]; values: string[] };

export interface Table { id: 'active' | 'applications' | 'review'; rows: TableRow[] }

/** 620.5 → "620.50" when the report prints cents; integers as they are. */
export const num = (v: number, cents = false) => (Number.isInteger(v) && !cents ? String(v) : v.toFixed(2));

export function activeTable(f: Figures): Table {
  const rows: TableRow[] = [];
  for (const g of ACTIVE_GROUPS[f.format]) {
    rows.push({ kind: 'heading', text: g.item });
    rows.push({ kind: 'header', cells: ['信息内容', ...g.header] });
    for (const [key, label] of g.rows) {
      const def = ACTIVE_ROWS[f.format].find((d) => d.key === key)!;
      const values = def.columns.map((c) => {
        const v = f.active[key][c];
        return c === 'amount_10k_yuan' ? num(v, !Number.isInteger(v)) : String(v);
      });
      rows.push({ kind: 'data', labels: [label], values });
    }
  }
  return { id: 'active', rows };
}

/**
 * `blank`: zeros printed as empty cells, totals still printed (many reports do; the parser reads such a blank as 0
 * when the sums hold).
 */
export function applicationsTable(f: Figures, blank: boolean): Table {
  const h = APPLICANT_HEADER;
  const rows: TableRow[] = [
    { kind: 'header', cells: [h.note, ...h.top] },
    { kind: 'header', cells: h.second, vertical: true },
    { kind: 'header', cells: h.third },
  ];
  let group = '', sub = '';
  for (const d of applicationRows(f)) {
    const l = APPLICATION_LABELS[d.key];
    const g = l.group ?? '';
    const s = l.sub ?? '';
    const gCell = g === group ? '' : g;
    const labels = !g ? [l.label] : !s ? [gCell, l.label] : [gCell, s === sub ? '' : s, l.label];
    group = g;
    sub = s;
    const values = f.applications[d.key].map((v, i) => (blank && v === 0 && i < 6 ? '' : String(v)));
    rows.push({ kind: 'data', labels, values });
  }
  return { id: 'applications', rows };
}

export function reviewTable(f: Figures, blank: boolean): Table {
  const h = REVIEW_HEADER;
  const rl = f.review_litigation;
  const values = [...rl.review, ...rl.litigation_direct, ...rl.litigation_after_review]
    .map((v, i) => (blank && v === 0 && i % 5 !== 4 ? '' : String(v)));
  return {
    id: 'review',
    rows: [
      { kind: 'header', cells: h.groups },
      { kind: 'header', cells: [...h.columns, ...h.litigation], vertical: true },
      { kind: 'header', cells: [...h.columns, ...h.columns], vertical: true },
      { kind: 'data', labels: [], values },
    ],
  };
}
