/**
 * Reads of `figures` (figuresSchema.ts): one cell's value in every active report of a year, by index range; and
 * the ranking and the total of one cell over a year (or a region), aggregated by SQLite over that range.
 */
import type { DB } from './db.js';
import { CELL, CELL_OF_YEAR as CELL_KEY, CellTotals, PRINTED, TOTAL_STATEMENTS } from './figuresIn.js';
import { CellRanks } from './figuresRank.js';
import type { CellRow } from './store.js';

/** A cell of one report as `figures` keeps it: enough to compute a metric, not to cite its line. */
export type FigureRow = [reportId: number, value: number | null, status: CellRow['status']];
/** A body's printed value of one cell, in a ranking. */
export type RankedRow = [bodyId: number, reportId: number, value: number];
/** A body whose report of the year does not print the cell. */
export type UnprintedRow = [bodyId: number, reportId: number, name: string];

const CELL_OF_YEAR =
  'SELECT report_id, value, status FROM figures WHERE tbl = ? AND row_key = ? AND col_key = ? AND year = ?';
const ranked = (dir: 'DESC' | 'ASC') => `SELECT r.body_id, f.report_id, f.value FROM figures f
  JOIN reports r INDEXED BY reports_id_body ON r.id = f.report_id
  WHERE ${CELL_KEY} AND ${PRINTED} ORDER BY f.value ${dir}, r.body_id`;
const UNPRINTED = `SELECT r.body_id, r.id, b.name FROM reports r INDEXED BY reports_year_refs
  JOIN bodies b INDEXED BY bodies_id_name ON b.id = r.body_id
  WHERE r.year = @year AND r.superseded_by IS NULL AND NOT EXISTS (SELECT 1 FROM figures f WHERE ${CELL})
  ORDER BY r.body_id`;
export class FigureReads {
  private readonly s;
  /** The statements a ranking or a total runs (for the scale bench's plans). */
  readonly sql = CELL_OF_YEAR;
  readonly statements = {
    cellOfYear: CELL_OF_YEAR, ranked: ranked('DESC'), unprinted: UNPRINTED,
    total: TOTAL_STATEMENTS.year.sum, totalIn: TOTAL_STATEMENTS.region.sum,
    totalRows: TOTAL_STATEMENTS.region.printed, totalAbsent: TOTAL_STATEMENTS.region.absent,
  };
  /** Totals of one cell over a year or a region (figuresIn.ts). */
  readonly totals: CellTotals;
  /** Rankings of one cell over a year or a region (figuresRank.ts). */
  readonly ranks: CellRanks;

  constructor(db: DB) {
    this.totals = new CellTotals(db);
    this.ranks = new CellRanks(db);
    this.s = {
      ofYear: db.prepare(CELL_OF_YEAR).raw(),
      desc: db.prepare(ranked('DESC')).raw(),
      asc: db.prepare(ranked('ASC')).raw(),
      unprinted: db.prepare(UNPRINTED).raw(),
    };
  }

  /** The cell `tbl.row.col` of every active report of `year`: [report id, value, status] rows. */
  cell(tbl: CellRow['tbl'], row: string, col: string, year: number): FigureRow[] {
    return this.s.ofYear.all(tbl, row, col, year) as FigureRow[];
  }

  /** How SQLite runs each statement (for the tests and the scale bench). */
  explain(db: DB): Record<keyof FigureReads['statements'], string[]> {
    const args = ['applications', 'new_received', 'total', 2024];
    const named = { tbl: args[0], row: args[1], col: args[2], year: args[3], lo: 'a/', hi: 'a0', limit: 10 };
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(sql.includes('@') ? [named] : args)) as { detail: string }[]).map((r) => r.detail);
    const st = this.statements;
    return Object.fromEntries(Object.entries(st).map(([k, sql]) => [k, plan(sql)])) as
      Record<keyof FigureReads['statements'], string[]>;
  }

  /** Every body's printed value of a cell in `year`, in order (ties by body id). */
  ranked(key: string, year: number, order: 'asc' | 'desc'): RankedRow[] {
    const [tbl, row, col] = split(key);
    return (order === 'asc' ? this.s.asc : this.s.desc).all({ tbl, row, col, year }) as RankedRow[];
  }

  /** The bodies whose report of `year` does not print the cell, by body id. */
  unprinted(key: string, year: number): UnprintedRow[] {
    const [tbl, row, col] = split(key);
    return this.s.unprinted.all({ tbl, row, col, year }) as UnprintedRow[];
  }

}

const split = (key: string) => key.split('.') as [string, string, string];
