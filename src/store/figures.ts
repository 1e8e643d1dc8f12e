/**
 * Reads of `figures` (figuresSchema.ts): one cell's value in every active report of a year, by index range; and
 * the ranking (figuresRank.ts) and the total (figuresIn.ts) of one cell over a year or a region, by SQLite.
 */
import type { DB } from './db.js';
import { CellTotals, TOTAL_STATEMENTS } from './figuresIn.js';
import { CellRanks, RANK_STATEMENTS } from './figuresRank.js';
import type { CellRow } from './store.js';

/** A cell of one report as `figures` keeps it: enough to compute a metric, not to cite its line. */
export type FigureRow = [reportId: number, value: number | null, status: CellRow['status']];
const CELL_OF_YEAR =
  'SELECT report_id, value, status FROM figures WHERE tbl = ? AND row_key = ? AND col_key = ? AND year = ?';
export class FigureReads {
  private readonly s;
  /** The statements a ranking or a total runs (for the scale bench's plans). */
  readonly sql = CELL_OF_YEAR;
  readonly statements = {
    cellOfYear: CELL_OF_YEAR, rankTop: RANK_STATEMENTS.year.desc, rankTopIn: RANK_STATEMENTS.region.desc,
    rankCount: RANK_STATEMENTS.year.count, rankAhead: RANK_STATEMENTS.year.above,
    unranked: RANK_STATEMENTS.year.unranked, rankReports: RANK_STATEMENTS.year.reports,
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
    this.s = { ofYear: db.prepare(CELL_OF_YEAR).raw() };
  }

  /** The cell `tbl.row.col` of every active report of `year`: [report id, value, status] rows. */
  cell(tbl: CellRow['tbl'], row: string, col: string, year: number): FigureRow[] {
    return this.s.ofYear.all(tbl, row, col, year) as FigureRow[];
  }

  /** How SQLite runs each statement (for the tests and the scale bench). */
  explain(db: DB): Record<keyof FigureReads['statements'], string[]> {
    const args = ['applications', 'new_received', 'total', 2024];
    const named = { tbl: args[0], row: args[1], col: args[2], year: args[3], lo: 'a/', hi: 'a0', limit: 10, value: 1 };
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(sql.includes('@') ? [named] : args)) as { detail: string }[]).map((r) => r.detail);
    const st = this.statements;
    return Object.fromEntries(Object.entries(st).map(([k, sql]) => [k, plan(sql)])) as
      Record<keyof FigureReads['statements'], string[]>;
  }

}
