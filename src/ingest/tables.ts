/** The three tables: rows found in the document, mapped onto the template's canonical rows and columns. */
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';
import { align, labelScore, ownLabel, type Alignment } from './align.js';
import { isBlankish, isNumberCell, labelKey, parseNumberCell } from './normalize.js';
import type { Cell, Finding } from './report.js';
import { ACTIVE_ROWS, ALL_APPLICATION_ROWS, APPLICANT_COLUMNS, APPLICATION_LAYOUTS, REVIEW_COLUMNS, REVIEW_GROUP_LABELS, REVIEW_GROUPS, type Format } from './template.js';
import { findRuns, lineTokens, rowsOfWidth } from './tokens.js';

export interface RowCand { label: string; raw: string[] | null; page: number; line: number; excerpt: string }

const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/;
const HEADER_WORDS = /自然人|商业企业|科研机构|申请人情况|法人或其他组织|结果维持|尚未审结/;
const valueCell = (c: string) => isNumberCell(c) || isBlankish(c);
const excerptOf = (lines: DocLine[]) => lines.map(lineText).join(' / ').slice(0, 400);
/** The end of an accumulated label: from its last item marker (一、 （二） 3.) on, at most 60 characters. */
function tailLabel(label: string): string {
  const t = label.replace(/\s+/g, '');
  let at = -1;
  for (const m of t.matchAll(/[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．](?!\d)/g)) at = m.index!;
  const tail = at >= 0 ? t.slice(at) : t;
  return tail.length > 60 ? tail.slice(-60) : tail;
}

/** Split lines into stretches of real-table rows (of at least `minWidth` columns) and loose lines. */
function stretches(lines: DocLine[], minWidth: number): { grid: boolean; lines: DocLine[] }[] {
  const out: { grid: boolean; lines: DocLine[] }[] = [];
  for (const l of lines) {
    const grid = !!l.grid && l.grid.width >= minWidth;
    const last = out[out.length - 1];
    if (last && last.grid === grid) last.lines.push(l); else out.push({ grid, lines: [l] });
  }
  return out;
}

/** Row candidates with `width` values each, in document order. */
export function rowCandidates(lines: DocLine[], width: number, isRowLabel: (label: string) => boolean): RowCand[] {
  const out: RowCand[] = [];
  for (const st of stretches(lines, width)) {
    if (st.grid) {
      let pending = '';
      for (const l of st.lines) {
        const vals = l.cells.slice(-width);
        const labelCells = l.cells.slice(0, -width).filter((c) => c.trim());
        if (!vals.every(valueCell)) {
          if (!HEADER_WORDS.test(l.cells.join(''))) pending += labelCells.join('');
          continue;
        }
        const label = pending + labelCells.join(' ');
        const prev = out[out.length - 1];
        if (vals.every((v) => isBlankish(v)) && prev && !MARKER.test(labelCells.join('')) && !isRowLabel(label)) {
          prev.label += label; // the rest of a label cut by a page break
          prev.excerpt += ` / ${lineText(l)}`;
          pending = '';
          continue;
        }
        out.push({ label, raw: vals.map((v) => v.trim()), page: l.page, line: l.line, excerpt: lineText(l) });
        pending = '';
      }
      continue;
    }
    // loose lines: a line with explicit cells (pipes, tabs) whose last `width` cells are values with blanks among
    // them is a row as it stands (blanks keep their columns); the rest go through the number runs
    let buffer: DocLine[] = [];
    let carry = '';
    const flush = () => {
      carry = pushRuns(out, buffer, width, carry);
      buffer = [];
    };
    for (const l of st.lines) {
      const vals = l.cells.slice(-width);
      const label = l.cells.slice(0, -width).filter((c) => c.trim());
      // exactly `width` value cells close the line (more would mean a stray empty cell, as Markdown converters leave)
      let n = 0;
      while (n < l.cells.length && valueCell(l.cells[l.cells.length - 1 - n])) n++;
      const explicit = n === width && vals.some((v) => isBlankish(v));
      if (!explicit) { buffer.push(l); continue; }
      flush();
      out.push({ label: carry + label.join(' '), raw: vals.map((v) => v.trim()), page: l.page, line: l.line, excerpt: lineText(l) || vals.join(' ') });
      carry = '';
    }
    flush();
  }
  return out;
}

/** Rows from the number runs of loose lines; returns the text after the last run (the start of the next label). */
function pushRuns(out: RowCand[], lines: DocLine[], width: number, carry: string): string {
  if (!lines.length) return carry;
  const runs = findRuns(lines);
  const { rows, misfits } = rowsOfWidth(runs, width);
  const all = [
    ...rows.map((r) => ({ run: r.run, raw: r.raw as string[] | null })),
    ...misfits.filter((m) => m.values.length >= 2).map((m) => ({ run: m, raw: null })),
  ].sort((a, b) => a.run.page - b.run.page || a.run.firstLine - b.run.firstLine);
  // a line's own excerpt when it holds text beside its numbers, once per line (a long line splits into many rows)
  const own = new Map<DocLine, string | null>();
  const ownExcerpt = (l: DocLine) => {
    if (!own.has(l)) own.set(l, lineTokens(l).some((t) => t.kind === 'text') ? excerptOf([l]) : null);
    return own.get(l)!;
  };
  all.forEach(({ run, raw }, i) => {
    const label = (i === 0 ? carry : '') + run.before + run.after;
    // the excerpt shows the row's own label with its numbers, even when they stand on separate lines
    const sameLine = run.lines.length === 1 ? ownExcerpt(run.lines[0]) : null;
    const excerpt = sameLine ?? `${tailLabel(label)} ${run.values.map((t) => t.raw || '␣').join(' ')}`.trim();
    out.push({ label, raw, page: run.page, line: run.firstLine, excerpt });
  });
  // text after the last run belongs to the next row's label
  const lastRunLine = runs.length ? runs[runs.length - 1].lastLine : -1;
  const tail = lines.filter((l) => l.line > lastRunLine || !runs.length).flatMap(lineTokens).filter((t) => t.kind === 'text').map((t) => t.raw).join('');
  return all.length ? tail : carry + tail;
}

export interface TableResult { cells: Cell[]; findings: Finding[] }

const cell = (table: Cell['table'], row: string, col: string, raw: string, src: { page: number; line: number; excerpt: string }): Cell => {
  const v = parseNumberCell(raw);
  return { table, row, col, raw, value: v, status: v === null ? (isBlankish(raw) ? 'not_stated' : 'unreadable') : 'ok', page: src.page, line: src.line, excerpt: src.excerpt };
};

/**
 * Blank cells read as 0 when the row's own sum (parts = total) still holds with 0; otherwise they are not stated.
 * `parts` and `total` index into the row's cells.
 */
const rowLabel = (c: Cell) => (c.table === 'review_litigation' ? REVIEW_GROUP_LABELS[REVIEW_GROUPS.indexOf(c.row as never)] : ALL_APPLICATION_ROWS.find((d) => d.key === c.row)?.label) ?? c.row;

export function resolveBlanks(cells: Cell[], parts: number[], total: number): boolean {
  const blanks = cells.filter((c) => c.status === 'not_stated');
  if (!blanks.length || cells.some((c) => c.status === 'unreadable')) return true;
  const v = (i: number) => cells[i].value ?? 0;
  const sum = parts.reduce((a, i) => a + v(i), 0);
  if (Math.abs(sum - v(total)) >= 1e-9) return false;
  for (const c of blanks) { c.value = 0; c.status = 'blank_zero'; }
  return true;
}

/** A finding for each row that still has blank cells not read as 0. */
function blankFindings(cells: Cell[], parts: number[], total: number, rows: string[]): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    const rc = cells.filter((c) => c.row === row);
    const blanks = rc.filter((c) => c.status === 'not_stated');
    if (!blanks.length) continue;
    const known = parts.map((i) => rc[i]).filter((c) => c.value !== null);
    const sum = known.reduce((a, c) => a + (c.value ?? 0), 0);
    const totalBlank = blanks.includes(rc[total]);
    out.push({
      rule: 'blank_cell', severity: 'warning',
      message: totalBlank
        ? `${rowLabel(rc[0])}：总计印成空白，而各项相加为 ${sum}；空白不能按 0 读，记为未填报`
        : `${rowLabel(rc[0])}：${blanks.length} 个空白格不能按 0 读（已知各项相加为 ${sum}，总计为 ${rc[total].raw || '空白'}），记为未填报`,
      excerpt: rc[0].excerpt, page: rc[0].page, cells: blanks.map((c) => `${c.table}.${c.row}.${c.col}`),
    });
  }
  return out;
}

const RESULT_ROWS = ALL_APPLICATION_ROWS.filter((d) => d.group || d.key === 'granted' || d.key === 'partial' || d.key === 'other_total').map((d) => d.key);

/**
 * Blanks a row cannot settle (its total is blank too) are read as 0 when their column still adds up with
 * them as 0 (identities 1 and 3 of the column); a column that does not add up keeps them not stated.
 */
function resolveBlankColumns(cells: Cell[]): void {
  for (const col of APPLICANT_COLUMNS) {
    const cc = cells.filter((c) => c.col === col && c.table === 'applications');
    const blanks = cc.filter((c) => c.status === 'not_stated' && isBlankish(c.raw));
    if (!blanks.length || cc.some((c) => c.status === 'unreadable')) continue;
    const v = (row: string) => cc.find((c) => c.row === row && c.status !== 'missing')?.value ?? 0;
    const results = RESULT_ROWS.reduce((a, r) => a + v(r), 0);
    const flow = v('new_received') + v('carried_over') === v('total_processed') + v('carried_forward');
    if (flow && results === v('total_processed')) for (const c of blanks) { c.value = 0; c.status = 'blank_zero'; }
  }
}

/**
 * When exactly as many rows of numbers were found as a layout has, and most labels agree with their position,
 * position decides: converters that scramble labels (Markdown from PDF) keep the numbers in order.
 */
function byPosition(cands: RowCand[]): { layout: (typeof APPLICATION_LAYOUTS)[number]; al: Alignment } | null {
  const idx = cands.map((c, i) => (c.raw ? i : -1)).filter((i) => i >= 0);
  for (const layout of APPLICATION_LAYOUTS) {
    if (idx.length !== layout.rows.length) continue;
    let agree = 0, disagree = 0;
    idx.forEach((ci, k) => {
      const own = ownLabel(cands[ci].label).own;
      if (labelScore(own, layout.rows[k]) >= 1) agree++;
      else if (layout.rows.some((d) => labelScore(own, d) >= 1)) disagree++;
    });
    if (agree >= 2 * disagree && agree >= layout.rows.length / 2) return { layout, al: { pairs: idx.map((ci, k) => [ci, k] as [number, number]), score: agree } };
  }
  return null;
}

export function applicationsTable(lines: DocLine[]): TableResult & { layout: 'split' | 'one'; matched: number } {
  const isRowLabel = (label: string) => ALL_APPLICATION_ROWS.some((d) => labelScore(label, d) >= 1);
  const cands = rowCandidates(lines, 7, isRowLabel);
  const labels = cands.map((c) => c.label);
  const tries = APPLICATION_LAYOUTS.map((layout) => ({ layout, al: align(labels, layout.rows) }));
  let best = tries.reduce((a, b) => (b.al.score > a.al.score ? b : a));
  const findings: Finding[] = [];
  const positional = byPosition(cands);
  if (positional && positional.al.pairs.length > best.al.pairs.length) {
    best = positional;
    for (const [ci, di] of positional.al.pairs) {
      const own = ownLabel(cands[ci].label).own;
      const named = positional.layout.rows.find((d, k) => k !== di && labelScore(own, d) >= 1);
      if (named) findings.push({ rule: 'label_order', severity: 'info', message: `表三第 ${di + 1} 行的标签像“${named.label}”，但按行的位置读作“${positional.layout.rows[di].label}”（表中行数与模板一致，标签与数字错行）`, excerpt: cands[ci].excerpt, page: cands[ci].page });
    }
  }
  const cells: Cell[] = [];
  const used = new Set<number>();
  for (const [ci, di] of best.al.pairs) {
    const c = cands[ci];
    const def = best.layout.rows[di];
    used.add(ci);
    if (!c.raw) {
      for (const col of APPLICANT_COLUMNS) cells.push({ table: 'applications', row: def.key, col, raw: c.excerpt, value: null, status: 'unreadable', page: c.page, line: c.line, excerpt: c.excerpt });
      findings.push({ rule: 'unreadable', severity: 'error', message: `${def.label}：这一行的数字无法确定地读出（不是 7 个分开的数字），记为无法读取`, excerpt: c.excerpt, page: c.page, cells: [`applications.${def.key}.*`] });
      continue;
    }
    const rowCells = APPLICANT_COLUMNS.map((col, k) => cell('applications', def.key, col, c.raw![k], c));
    resolveBlanks(rowCells, [0, 1, 2, 3, 4, 5], 6);
    cells.push(...rowCells);
  }
  resolveBlankColumns(cells);
  // rows that settle now (a column made a blank 0) are checked once more, then what is left is reported
  const rowKeys = [...new Set(cells.map((c) => c.row))];
  for (const row of rowKeys) resolveBlanks(cells.filter((c) => c.row === row), [0, 1, 2, 3, 4, 5], 6);
  findings.push(...blankFindings(cells, [0, 1, 2, 3, 4, 5], 6, rowKeys));
  const matched = new Set(best.al.pairs.map(([, d]) => d));
  best.layout.rows.forEach((def, di) => {
    if (matched.has(di)) return;
    for (const col of APPLICANT_COLUMNS) cells.push({ table: 'applications', row: def.key, col, raw: '', value: null, status: 'missing', page: 0, line: 0, excerpt: '' });
  });
  const missing = best.layout.rows.filter((_, di) => !matched.has(di));
  if (missing.length && best.al.pairs.length) findings.push({ rule: 'missing_row', severity: 'warning', message: `表三缺少 ${missing.length} 行：${missing.map((d) => d.label).join('；')}`, cells: missing.map((d) => `applications.${d.key}.*`) });
  cands.forEach((c, i) => {
    if (!used.has(i) && c.raw) findings.push({ rule: 'extra_row', severity: 'info', message: `表三有一行对不上模板，未采用：${c.excerpt.slice(0, 120)}`, excerpt: c.excerpt, page: c.page });
  });
  return { cells, findings, layout: best.layout.name, matched: best.al.pairs.length };
}

/** Table C: the 15-number row. */
export function reviewRow(lines: DocLine[]): RowCand | null {
  const cands = rowCandidates(lines, 15, () => false).filter((c) => c.raw);
  // a row of fifteen empty cells (a spacer, a header whose words were lost) is not the row of numbers below it
  const row = cands.find((c) => c.raw!.some((x) => !isBlankish(x))) ?? cands[0];
  if (row) return { ...row, excerpt: `行政复议、行政诉讼：${row.raw!.map((x) => x || '␣').join(' ')}` };
  // the three groups printed as three small tables of five
  const fives = rowCandidates(lines, 5, () => false).filter((c) => c.raw);
  if (fives.length < 3) return null;
  const [a, b, c] = fives;
  const raw = [...a.raw!, ...b.raw!, ...c.raw!];
  return { label: a.label, raw, page: a.page, line: a.line, excerpt: `行政复议、行政诉讼：${raw.map((x) => x || '␣').join(' ')}` };
}

export function reviewTable(row: RowCand, narrativeReview: number | undefined): TableResult {
  const findings: Finding[] = [];
  let raw = row.raw!;
  const groups = [raw.slice(0, 5), raw.slice(5, 10), raw.slice(10, 15)];
  const blankGroup = (g: string[]) => g.every((x) => isBlankish(x));
  if (blankGroup(groups[0]) && !(blankGroup(groups[1]) && blankGroup(groups[2]))) {
    const shiftedTotal = parseNumberCell(groups[1][4]);
    if (narrativeReview !== undefined && shiftedTotal !== null && shiftedTotal === narrativeReview && shiftedTotal !== 0) {
      raw = [...groups[1], ...groups[2], ...groups[0]];
      findings.push({
        rule: 'shifted_cells', severity: 'warning',
        message: `表四的行政复议栏印成空白，数字错位到了行政诉讼栏；正文说被行政复议 ${narrativeReview} 件，与前五个数字相符，因此按行政复议读取（原表：${row.raw!.map((x) => x || '␣').join(' ')}）`,
        excerpt: row.excerpt, page: row.page, cells: ['review_litigation.review.*', 'review_litigation.litigation_direct.*'],
      });
    } else {
      findings.push({ rule: 'blank_group', severity: 'info', message: '表四的行政复议栏印成空白；没有其他说明，按 0 读取', excerpt: row.excerpt, page: row.page });
    }
  }
  const cells: Cell[] = [];
  REVIEW_GROUPS.forEach((g, gi) => {
    const groupCells = REVIEW_COLUMNS.map((col, k) => cell('review_litigation', g, col, raw[gi * 5 + k], row));
    resolveBlanks(groupCells, [0, 1, 2, 3], 4);
    cells.push(...groupCells);
  });
  findings.push(...blankFindings(cells, [0, 1, 2, 3], 4, [...REVIEW_GROUPS]));
  return { cells, findings };
}

/** Table A (第二十条): each row found by its label, the values that follow it. */
export function activeTable(lines: DocLine[], format: Format): TableResult {
  const toks = lines.flatMap(lineTokens);
  const cells: Cell[] = [];
  const findings: Finding[] = [];
  for (const def of ACTIVE_ROWS[format]) {
    const at = toks.findIndex((t) => t.kind === 'text' && def.phrases.some((p) => {
      const k = labelKey(t.raw);
      return k.endsWith(labelKey(p)) && k.length <= labelKey(p).length + 2;
    }));
    const src = at >= 0 ? lines.find((l) => l.page === toks[at].page && l.line === toks[at].line)! : null;
    const place = { page: src?.page ?? 0, line: src?.line ?? 0, excerpt: src ? lineText(src) : '' };
    if (at < 0) {
      for (const col of def.columns) cells.push({ table: 'active', row: def.key, col, raw: '', value: null, status: 'missing', ...place });
      continue;
    }
    const vals: string[] = [];
    for (let k = at + 1; k < toks.length && vals.length < def.columns.length; k++) {
      const t = toks[k];
      if (t.kind === 'text') { if (/^(万元|元|件|个|项)$/.test(t.raw)) continue; break; }
      vals.push(t.kind === 'num' ? t.raw : t.raw);
    }
    // fewer printed values than columns (cells not kept apart): which column each belongs to is unknown
    const numbers = vals.filter((v) => isNumberCell(v)).length;
    if (vals.length < def.columns.length && numbers > 0) {
      const glued = numbers === 1 && def.columns.length > 1;
      for (const col of def.columns) cells.push({ table: 'active', row: def.key, col, raw: vals.join(' '), value: null, status: 'unreadable', ...place });
      findings.push({
        rule: 'unreadable', severity: 'error', cells: [`active.${def.key}.*`], excerpt: place.excerpt, page: place.page,
        message: glued
          ? `${def.label}：应有 ${def.columns.length} 个数字的位置只有「${vals.join(' ')}」（数字可能粘连），记为无法读取`
          : `${def.label}：应有 ${def.columns.length} 个数字，只印出 ${numbers} 个（「${vals.join(' ')}」），对不上是哪几列，记为无法读取`,
      });
      continue;
    }
    def.columns.forEach((col, k) => {
      const raw = vals[k] ?? '';
      const c = cell('active', def.key, col, raw, place);
      cells.push(c);
    });
    // table A has no sums to contradict a blank: a blank is read as 0 (as most publishers mean it) and noted
    const blank = cells.filter((c) => c.row === def.key && c.status === 'not_stated');
    for (const c of blank) { c.value = 0; c.status = 'blank_zero'; }
    if (blank.length) findings.push({ rule: 'blank_cell', severity: 'info', message: `${def.label}：${blank.length} 个格印成空白，按 0 读取`, excerpt: place.excerpt, page: place.page, cells: blank.map((c) => `active.${c.row}.${c.col}`) });
  }
  // rows not found in a table that was (a damaged or cut page): their numbers are not stated, and that is said
  const missing = ACTIVE_ROWS[format].filter((d) => cells.some((c) => c.row === d.key && c.status === 'missing'));
  if (missing.length && missing.length < ACTIVE_ROWS[format].length) {
    const names = missing.map((d) => d.label).join('；');
    findings.push({
      rule: 'missing_row', severity: 'warning', message: `表二缺少 ${missing.length} 行：${names}，这些数字未载明`,
      cells: missing.map((d) => `active.${d.key}.*`),
    });
  }
  return { cells, findings };
}
