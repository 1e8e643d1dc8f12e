/**
 * Lines → typed tokens → runs of numbers. This is how loose text (seeds, OCR, Markdown, tab layouts)
 * and grid rows alike yield "a label followed by N numbers".
 */
import type { DocLine } from './doc.js';
import { isBlankish, isNumberCell, nfkc } from './normalize.js';

export type TokKind = 'num' | 'blank' | 'text';
export interface Tok { kind: TokKind; raw: string; page: number; line: number }

/** Tokens of one line. Blank cells are kept only where cells are explicit (tabs, pipes, grid). */
export function lineTokens(l: DocLine): Tok[] {
  const toks: Tok[] = [];
  // explicit cells: a table row, or a line with several filled cells (a lone tab is indentation)
  const explicit = !!l.grid || l.cells.filter((c) => c.trim() !== '').length > 1;
  const push = (kind: TokKind, raw: string) => {
    const last = toks[toks.length - 1];
    if (kind === 'text' && last?.kind === 'text' && last.page === l.page && last.line === l.line && !explicit) last.raw += raw;
    else toks.push({ kind, raw, page: l.page, line: l.line });
  };
  for (const cell of l.cells) {
    const c = nfkc(cell).trim();
    if (c === '' || isBlankish(c)) {
      if (explicit) push('blank', c);
      continue;
    }
    if (isNumberCell(c)) { push('num', c); continue; }
    // a cell holding a label and numbers separated by spaces: "一、本年新收… 3 0 0 0 0 0 3"
    let text = '';
    for (const part of c.split(/\s+/)) {
      if (isNumberCell(part)) {
        if (text) { toks.push({ kind: 'text', raw: text, page: l.page, line: l.line }); text = ''; }
        toks.push({ kind: 'num', raw: part, page: l.page, line: l.line });
      } else text += (text && /[\dA-Za-z]$/.test(text) && /^[\dA-Za-z]/.test(part) ? ' ' : '') + part;
    }
    if (text) toks.push({ kind: 'text', raw: text, page: l.page, line: l.line });
  }
  return toks;
}

/** A run of values found in the token stream, with the text around it. */
export interface Run {
  values: Tok[];
  /** Text since the previous run (labels printed before the numbers). */
  before: string;
  /** Text on the run's last line after the numbers. */
  after: string;
  /** Blank cells touching the run on its line (explicit cells only), usable to pad it to full width. */
  leadBlanks: number;
  trailBlanks: number;
  page: number;
  firstLine: number;
  lastLine: number;
  /** Source lines, for the excerpt. */
  lines: DocLine[];
}

interface LineRun { core: Tok[]; lead: number; trail: number; textBefore: string; textAfter: string; single: boolean; line: DocLine }

function runsOfLine(l: DocLine): LineRun[] {
  const toks = lineTokens(l);
  const out: LineRun[] = [];
  let text = '';
  for (let i = 0; i < toks.length;) {
    if (toks[i].kind === 'text') { text += toks[i].raw; i++; continue; }
    let j = i;
    while (j < toks.length && toks[j].kind !== 'text') j++;
    const seg = toks.slice(i, j);
    const first = seg.findIndex((t) => t.kind === 'num');
    if (first < 0) { i = j; continue; }
    let last = seg.length - 1;
    while (seg[last].kind !== 'num') last--;
    const core = seg.slice(first, last + 1);
    out.push({ core, lead: first, trail: seg.length - 1 - last, textBefore: text, textAfter: '', single: false, line: l });
    text = '';
    i = j;
  }
  if (out.length && text) out[out.length - 1].textAfter = text;
  const onlyOne = out.length === 1 && out[0].core.length === 1 && !out[0].textBefore && !out[0].textAfter;
  if (onlyOne) out[0].single = true;
  return out.length ? out : [{ core: [], lead: 0, trail: 0, textBefore: text, textAfter: '', single: false, line: l }];
}

/**
 * Runs of numbers over a stretch of lines. Lines holding one number each (one-cell-per-line layouts) are
 * stacked into one run; a line with several numbers is a run by itself.
 */
export function findRuns(lines: DocLine[]): Run[] {
  const runs: Run[] = [];
  let pendingText = '';
  let stack: Run | null = null;
  const flushStack = () => { if (stack) { runs.push(stack); stack = null; } };
  for (const l of lines) {
    for (const lr of runsOfLine(l)) {
      if (!lr.core.length) { flushStack(); pendingText += lr.textBefore; continue; }
      if (lr.single) {
        if (!stack) { stack = { values: [], before: pendingText, after: '', leadBlanks: 0, trailBlanks: 0, page: l.page, firstLine: l.line, lastLine: l.line, lines: [] }; pendingText = ''; }
        stack.values.push(lr.core[0]);
        stack.lastLine = l.line;
        stack.lines.push(l);
        continue;
      }
      flushStack();
      runs.push({
        values: lr.core, before: pendingText + lr.textBefore, after: lr.textAfter, leadBlanks: lr.lead, trailBlanks: lr.trail,
        page: l.page, firstLine: l.line, lastLine: l.line, lines: [l],
      });
      pendingText = '';
    }
  }
  flushStack();
  return runs;
}

/**
 * Cut or pad runs to rows of `width` values: runs that are multiples of the width are split; two adjacent
 * short runs with nothing between them are joined when they make exactly one row; explicit blank cells next
 * to a short run pad it. Returns rows of raw cells ("" for a blank) and the runs that fit nothing.
 */
export interface RowOfRun { raw: string[]; run: Run; fitted: 'exact' | 'padded' | 'joined' | 'split' }

export function rowsOfWidth(runs: Run[], width: number): { rows: RowOfRun[]; misfits: Run[] } {
  const rows: RowOfRun[] = [];
  const misfits: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    const n = r.values.length;
    const raw = r.values.map((t) => (t.kind === 'num' ? t.raw : ''));
    if (n === width) { rows.push({ raw, run: r, fitted: 'exact' }); continue; }
    if (n < width && n + r.leadBlanks + r.trailBlanks >= width) {
      const trail = Math.min(r.trailBlanks, width - n);
      const lead = width - n - trail;
      rows.push({ raw: [...Array(lead).fill(''), ...raw, ...Array(trail).fill('')], run: r, fitted: 'padded' });
      continue;
    }
    const next = runs[i + 1];
    if (n < width && next && !next.before && n + next.values.length === width) {
      const joined: Run = { ...r, values: [...r.values, ...next.values], after: next.after, lastLine: next.lastLine, lines: [...r.lines, ...next.lines] };
      rows.push({ raw: joined.values.map((t) => (t.kind === 'num' ? t.raw : '')), run: joined, fitted: 'joined' });
      i++;
      continue;
    }
    if (n > width && n % width === 0) {
      for (let k = 0; k < n; k += width) {
        const part: Run = { ...r, values: r.values.slice(k, k + width), before: k === 0 ? r.before : '' };
        rows.push({ raw: part.values.map((t) => (t.kind === 'num' ? t.raw : '')), run: part, fitted: 'split' });
      }
      continue;
    }
    misfits.push(r);
  }
  return { rows, misfits };
}
