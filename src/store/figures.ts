/** Reads of `figures` (figuresSchema.ts): one cell's value in every active report of a year, by index range. */
import type { DB } from './db.js';
import type { CellRow } from './store.js';

/** A cell of one report as `figures` keeps it: enough to compute a metric, not to cite its line. */
export type FigureCell = Pick<CellRow, 'report_id' | 'tbl' | 'row_key' | 'col_key' | 'value' | 'status'>;

const CELL_OF_YEAR = 'SELECT report_id, value, status FROM figures WHERE tbl = ? AND row_key = ? AND col_key = ? AND year = ?';

export class FigureReads {
  private readonly ofYear;
  private readonly plan;
  /** The statement a ranking or a total runs once per cell it needs. */
  readonly sql = CELL_OF_YEAR;

  constructor(db: DB) {
    this.ofYear = db.prepare(CELL_OF_YEAR).raw();
    this.plan = db.prepare(`EXPLAIN QUERY PLAN ${CELL_OF_YEAR}`);
  }

  /** The cell `tbl.row.col` of every active report of `year`, as `make` builds it. */
  cell<T>(tbl: CellRow['tbl'], row: string, col: string, year: number, make: (c: FigureCell) => T): T[] {
    const out: T[] = [];
    for (const [report_id, value, status] of this.ofYear.iterate(tbl, row, col, year) as
      IterableIterator<[number, number | null, CellRow['status']]>) {
      out.push(make({ report_id, tbl, row_key: row, col_key: col, value, status }));
    }
    return out;
  }

  /** How SQLite runs `cell` (for the scale bench). */
  explain(): string[] {
    return (this.plan.all('applications', 'new_received', 'total', 2024) as { detail: string }[]).map((r) => r.detail);
  }
}
