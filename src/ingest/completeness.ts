/**
 * Is the document a report that can be stored? A report whose body and year are known is stored with the
 * tables that were read; a table not found (or not readable) is stored as its template cells marked 'missing',
 * with a finding that says so. Only a document with no table at all is refused, and one with no title.
 */
import type { DocLine } from './doc.js';
import { lineText } from './doc.js';
import { Rejection } from './errors.js';
import type { Cell, Finding } from './report.js';
import type { TableResult } from './tables.js';
import {
  ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_LAYOUTS, REVIEW_COLUMNS, REVIEW_GROUPS, type Format, type TableId,
} from './template.js';

/** Table 三 counts as read with at least this many of its rows (fewer are too few to trust the alignment). */
export const MIN_APPLICATION_ROWS = 12;

/** The tables as users know them: the report's sections 二, 三 and 四. */
export { TABLE_TITLES } from '../domain/template.js';
import { TABLE_TITLES } from '../domain/template.js';

const YEAR_ONLY_TITLE = /((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度报告|年报)/;

type Missing = ('body' | 'year')[];
const NO_YEAR = 'states no report year (年份) in its title or reporting period: the year of the report was not found';
const NO_BODY = 'names no body (机关) in its title: the body the report is from was not found';
const NO_BOTH = 'has no title naming its body (机关) and year (「某某区人民政府2024年政府信息公开工作年度报告」): '
  + 'the body and year were not found';

/**
 * The refusal of a document whose title names no body or year: a fragment or something else when its tables
 * are not there either, otherwise a report the admin can give the body and year for. `missing` is what the
 * title finder could not find, when it says.
 */
export function titleRejection(lines: DocLine[], matched: number, review: boolean, missing?: Missing): Rejection {
  const tables = [
    matched < MIN_APPLICATION_ROWS ? `table 三 has ${matched} of 25 rows` : '',
    !review ? 'table 四 (行政复议/行政诉讼) was not found' : '',
  ].filter(Boolean);
  const what = ['no report title (「…年政府信息公开工作年度报告」)', ...tables].join('; ');
  if (matched === 0 && !review) return new Rejection('not_a_report', `is not a 政府信息公开工作年度报告: ${what}`);
  if (matched < MIN_APPLICATION_ROWS && !review) {
    return new Rejection('incomplete', `is not a complete report: ${what}`);
  }
  const yearOnly = YEAR_ONLY_TITLE.exec(lines.slice(0, 60).map(lineText).join('').replace(/\s+/g, ''));
  const lacks: Missing = missing?.length ? missing : yearOnly ? ['body'] : ['body', 'year'];
  if (lacks.length > 1) return new Rejection('no_title', NO_BOTH);
  if (lacks[0] === 'year') return new Rejection('no_title', NO_YEAR);
  return new Rejection('no_title', yearOnly ? NO_BODY.replace('its title', `its title 「${yearOnly[0]}」`) : NO_BODY);
}

/** Every cell of a table's template, marked missing (raw ''). */
export function missingCells(table: TableId, format: Format): Cell[] {
  const none = { value: null, raw: '', status: 'missing' as const, page: 0, line: 0, excerpt: '' };
  const grid = (rows: readonly string[], cols: readonly string[]): Cell[] =>
    rows.flatMap((row) => cols.map((col) => ({ table, row, col, ...none })));
  if (table === 'active') return ACTIVE_ROWS[format].flatMap((d) => grid([d.key], d.columns));
  if (table === 'review_litigation') return grid(REVIEW_GROUPS, REVIEW_COLUMNS);
  const layout = APPLICATION_LAYOUTS.find((l) => l.name === (format === '2019' ? 'one' : 'split'))!;
  return grid(layout.rows.map((d) => d.key), APPLICANT_COLUMNS);
}

export function tableMissingFinding(table: TableId, cells: Cell[], detail = ''): Finding {
  return {
    rule: 'table_missing', severity: 'warning',
    message: `报告中未找到${TABLE_TITLES[table]}或无法读取${detail}，这张表的数字未载明`,
    cells: [...new Set(cells.map((c) => `${c.table}.${c.row}.*`))],
  };
}

/** Table 二 counts as read when at least half its rows were found (a row name in the narrative is not a table). */
const activeRead = (a: TableResult, format: Format): boolean => {
  const rows = new Set(a.cells.filter((c) => c.status !== 'missing').map((c) => c.row));
  return rows.size * 2 >= ACTIVE_ROWS[format].length;
};

/**
 * The cells and findings of the three tables as stored: read tables as read, the others as missing cells with a
 * finding. Throws when no table at all was read.
 */
export function completeTables(
  format: Format, a: TableResult, b: TableResult & { matched: number }, c: TableResult | null,
): TableResult {
  const read: [TableId, TableResult | null, string][] = [
    ['active', activeRead(a, format) ? a : null, ''],
    ['applications', b.matched >= MIN_APPLICATION_ROWS ? b : null, b.matched ? `（只读出 ${b.matched} 行）` : ''],
    ['review_litigation', c, ''],
  ];
  if (read.every(([, t]) => !t)) {
    const activeCells = a.cells.filter((x) => x.status !== 'missing').length;
    throw new Rejection('incomplete', 'is not a complete report: none of its tables was found or readable '
      + `(table 二 主动公开: ${activeCells} cells; table 三 has ${b.matched} of 25 rows; table 四 not found)`);
  }
  const cells: Cell[] = [];
  const findings: Finding[] = [];
  for (const [table, t, detail] of read) {
    if (t) { cells.push(...t.cells); findings.push(...t.findings); continue; }
    const none = missingCells(table, format);
    cells.push(...none);
    findings.push(tableMissingFinding(table, none, detail));
  }
  return { cells, findings };
}
