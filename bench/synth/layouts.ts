/**
 * The text layouts the parser reads, as the seeds show them (test/fixtures/seeds): 'tabs' (Word/WPS text with a
 * tab between cells, seeds 001 and 002), 'spaces' (PDF text: a row's label and numbers on one line, spaced, header
 * words one character a line, long labels wrapped, seed 000), 'cells' (one cell a line, seed 003) and 'pipes'
 * (Markdown tables). Blank cells survive only where cells are explicit (tabs, pipes).
 */
import type { Table, TableRow } from './tables.js';

export type Layout = 'tabs' | 'spaces' | 'cells' | 'pipes';
export const LAYOUTS: Layout[] = ['tabs', 'spaces', 'cells', 'pipes'];
/** Layouts where an empty cell keeps its place. */
export const KEEPS_BLANKS = new Set<Layout>(['tabs', 'pipes']);

const WRAP = 16;

const chars = (s: string) => [...s];
/** A long label cut into lines of WRAP characters (the last line is the one the numbers follow). */
const wrap = (s: string) => {
  const cs = chars(s);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += WRAP) out.push(cs.slice(i, i + WRAP).join(''));
  return out;
};

function tabs(rows: TableRow[]): string[] {
  return rows.map((r, i) => {
    if (r.kind === 'heading') return `${r.text}\t\t\t`;
    if (r.kind === 'header') return (i === 0 ? r.cells : ['', ...r.cells]).join('\t');
    return [...r.labels, ...r.values].join('\t');
  });
}

function pipes(rows: TableRow[]): string[] {
  const out: string[] = [];
  let ruled = false;
  for (const r of rows) {
    if (r.kind === 'heading') { out.push('', r.text, ''); ruled = false; continue; }
    const cells = r.kind === 'header' ? r.cells : [...r.labels, ...r.values];
    out.push(`| ${cells.join(' | ')} |`);
    if (!ruled) { out.push(`|${cells.map(() => ' --- ').join('|')}|`); ruled = true; }
  }
  return out;
}

function cells(rows: TableRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'heading') { out.push(`\t${r.text}`, ''); continue; }
    const cs = r.kind === 'header' ? r.cells : [...r.labels.filter(Boolean), ...r.values];
    out.push(...cs.map((c) => `\t${c}`), '');
  }
  return out;
}

const MARKER = /^(（[一二三四五六七八九十]）|[一二三四五六七八九十]、)(.*)$/;
function tall(label: string): string[] {
  const m = MARKER.exec(label);
  const rest = chars(m ? m[2] : label);
  const step = rest.length > 4 ? 1 : 2;
  const out = m ? [m[1]] : [];
  for (let i = 0; i < rest.length; i += step) out.push(rest.slice(i, i + step).join(''));
  return out;
}

function spaces(rows: TableRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'heading') { out.push(r.text); continue; }
    if (r.kind === 'header') {
      for (const c of r.cells) out.push(...(r.vertical && chars(c).length <= 6 ? chars(c) : [c]));
      continue;
    }
    const labels = r.labels.filter(Boolean);
    const own = labels.pop();
    // group cells (三、本年度办理结果, （三）不予公开) are tall merged cells: their marker, then a character or two a line
    for (const g of labels) out.push(...tall(g));
    const lines = own ? wrap(own) : [];
    out.push(...lines.slice(0, -1));
    const last = lines.at(-1);
    if (last && lines.length > 1) out.push(last, r.values.join(' '));
    else out.push([last, ...r.values].filter((x) => x !== undefined).join(' '));
  }
  return out.flatMap((l) => [l, '']);
}

export function renderTable(t: Table, layout: Layout): string {
  const lines = { tabs, pipes, cells, spaces }[layout](t.rows);
  return lines.join('\n');
}

/** Running text in a layout: 'spaces' (PDF text) breaks paragraphs into short lines with blank lines between. */
export function renderParagraph(text: string, layout: Layout, width = 30): string {
  if (layout !== 'spaces') return text;
  const cs = chars(text);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
  return out.join('\n\n');
}
