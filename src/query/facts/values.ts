/**
 * A metric's value in one report, the fact an answer states for it (with its source line), and the audit
 * findings that touch the cells it used. Pure over a report's cells.
 */
import { ACTIVE_ROWS, ALL_APPLICATION_ROWS, type Format, type TableId } from '../../domain/template.js';
import type { CellRow, FindingRow, ReportRef } from '../../store/store.js';
import type { Fact } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import { M } from '../messages.js';
import { alternativeKeys, applicantLabel, metric, type CellRef } from '../metrics.js';
import { absentReason, absentTable } from '../missing.js';
import type { Applicant } from '../words/index.js';

export interface Value {
  value: number | null; cells: CellRow[]; label: string; unit: string; reason?: string;
  /** The report does not give the table this figure is in. */
  absent?: TableId;
}

/** Table 二 figures are labelled as the report's own template prints them (2019: 对外公开总数量). */
function activeLabel(format: string, refs: CellRef[]): string | null {
  if (refs.length !== 1 || refs[0].table !== 'active') return null;
  const row = ACTIVE_ROWS[format as Format]?.find((d) => d.key === refs[0].row);
  const i = row?.columns.indexOf(refs[0].col) ?? -1;
  return row && i >= 0 ? `${row.label}${row.columnLabels[i].replace(/（.*）$/, '')}` : null;
}

/** A report's cells by table.row.col: its whole table (a Map) or a ranking's view of a few (slice.ts). */
export type CellLookup = Pick<ReadonlyMap<string, CellRow>, 'get' | 'values'>;

/** The cells of one alternative, when every one is printed (none missing); else null. */
function printed(cells: CellLookup, keys: string[]): CellRow[] | null {
  const found: CellRow[] = [];
  for (const k of keys) {
    const c = cells.get(k);
    if (!c || c.status === 'missing') return null;
    found.push(c);
  }
  return found;
}

/**
 * The value of a metric that is one cell (metrics.singleCell), as valueOf gives it: the cell printed (not
 * missing) and read; else null. What a ranking over every report uses instead of valueOf for such metrics.
 */
export function printedValue(c: CellRow | undefined): number | null {
  return c && c.status !== 'missing' ? c.value : null;
}

/** A metric's value in one report: the first alternative whose cells are all printed. */
export function valueOf(r: ReportRef, cells: CellLookup, metricId: string,
  applicant: Applicant = 'total'): Value {
  const def = metric(metricId);
  if (!def) return { value: null, cells: [], label: metricId, unit: '', reason: M.noSuchItem };
  const col = def.byApplicant ? applicant : 'total';
  const label = def.byApplicant && col !== 'total' ? `${applicantLabel(col)}${def.label}` : def.label;
  const get = (ref: CellRef) => cells.get(`${ref.table}.${ref.row}.${ref.col}`);
  const alts = def.alternatives(col), keyLists = alternativeKeys(metricId, col);
  for (let i = 0; i < alts.length; i++) {
    const found = printed(cells, keyLists[i]);
    if (!found) continue;
    const label2 = activeLabel(r.format, alts[i]) ?? label;
    const unknown = found.find((c) => c.value === null);
    if (unknown) {
      return { value: null, cells: found, label: label2, unit: def.unit,
        reason: M.cellUnreadable(unknown.status === 'unreadable', unknown.raw) };
    }
    let sum = 0;
    for (const c of found) sum += c.value!;
    return { value: sum, cells: found, label: label2, unit: def.unit };
  }
  // a whole table the report does not give (or that could not be read): not stated, never a number
  const absent = absentTable(cells, def.alternatives(col));
  if (absent) return { value: null, cells: [], label, unit: def.unit, reason: absentReason(absent), absent };
  // rows of the template that could not be read from this report, as opposed to rows its template lacks
  const unread = def.alternatives(col).map((alt) => alt.map(get))
    .find((found) => found.every((c) => c) && found.some((c) => c!.status === 'missing'));
  if (unread) {
    const rows = [...new Set(unread.filter((c) => c!.status === 'missing')
      .map((c) => ALL_APPLICATION_ROWS.find((d) => d.key === c!.row_key)?.label ?? c!.row_key))];
    return { value: null, cells: [], label, unit: def.unit, reason: M.rowsUnread(rows) };
  }
  return { value: null, cells: [], label, unit: def.unit, reason: M.notInTemplate(r.year, label) };
}

export function factOf(body: BodyInfo, r: ReportRef, metricId: string, v: Value, value = v.value ?? 0,
  applicant?: Applicant): Fact {
  const first = v.cells[0];
  const excerpts = [...new Set(v.cells.map((c) => c.excerpt).filter(Boolean))];
  return {
    org: body.name, year: r.year, metric: metricId,
    ...(applicant && applicant !== 'total' ? { column: applicant } : {}),
    label: v.label, value, unit: v.unit,
    excerpt: excerpts.slice(0, 3).join(' / ') + (excerpts.length > 3 ? ' …' : ''),
    source: {
      file: r.source_file, ...(first?.page ? { page: first.page } : {}), ...(first?.line ? { line: first.line } : {}),
    },
  };
}

/** Audit findings that touch the cells an answer used, and cells printed blank that were read as 0. */
export function warningsFor(findings: FindingRow[], cells: CellRow[]): string[] {
  const ids = new Set(cells.map((c) => `${c.tbl}.${c.row_key}.${c.col_key}`));
  const rows = new Set(cells.map((c) => `${c.tbl}.${c.row_key}.*`));
  const blanks = cells.filter((c) => c.status === 'blank_zero').length;
  return [
    ...findings
      .filter((f) => f.severity !== 'info' && f.cells.some((c) => ids.has(c) || rows.has(c)))
      .map((f) => M.findingWarning(f.message, f.excerpt)),
    ...(blanks ? [M.blanksAsZero(blanks)] : []),
  ];
}
