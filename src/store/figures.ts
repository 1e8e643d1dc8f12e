/** Reads of `figures` (figuresSchema.ts): one cell's value in every active report of a year, by index range. */
import type { DB } from './db.js';
import type { CellRow } from './store.js';

/** A cell of one report as `figures` keeps it: enough to compute a metric, not to cite its line. */
export type FigureRow = [reportId: number, value: number | null, status: CellRow['status']];

const CELL_OF_YEAR =
  'SELECT report_id, value, status FROM figures WHERE tbl = ? AND row_key = ? AND col_key = ? AND year = ?';

export class FigureReads {
  private readonly ofYear;
  private readonly plan;
  /** The statement a ranking or a total runs once per cell it needs. */
  readonly sql = CELL_OF_YEAR;

  constructor(db: DB) {
    this.ofYear = db.prepare(CELL_OF_YEAR).raw();
    this.plan = db.prepare(`EXPLAIN QUERY PLAN ${CELL_OF_YEAR}`);
  }

  /** The cell `tbl.row.col` of every active report of `year`: [report id, value, status] rows. */
  cell(tbl: CellRow['tbl'], row: string, col: string, year: number): FigureRow[] {
    return this.ofYear.all(tbl, row, col, year) as FigureRow[];
  }

  /** How SQLite runs `cell` (for the scale bench). */
  explain(): string[] {
    return (this.plan.all('applications', 'new_received', 'total', 2024) as { detail: string }[]).map((r) => r.detail);
  }
}
