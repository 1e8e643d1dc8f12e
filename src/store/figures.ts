/**
 * Reads of `figures` (figuresSchema.ts): one cell's value in every active report of a year, by index range; and
 * the ranking and the total of one cell over a year (or a region), aggregated by SQLite over that range.
 */
import type { DB } from './db.js';
import type { CellRow } from './store.js';

/** A cell of one report as `figures` keeps it: enough to compute a metric, not to cite its line. */
export type FigureRow = [reportId: number, value: number | null, status: CellRow['status']];
/** A body's printed value of one cell, in a ranking. */
export type RankedRow = [bodyId: number, reportId: number, value: number];

const CELL_OF_YEAR =
  'SELECT report_id, value, status FROM figures WHERE tbl = ? AND row_key = ? AND col_key = ? AND year = ?';
/** A printed value: a cell the report has (not marked missing) with a number. */
const PRINTED = `f.tbl = ? AND f.row_key = ? AND f.col_key = ? AND f.year = ? AND f.status <> 'missing'
  AND f.value IS NOT NULL`;
const ranked = (dir: 'DESC' | 'ASC') => `SELECT r.body_id, f.report_id, f.value FROM figures f
  JOIN reports r ON r.id = f.report_id WHERE ${PRINTED} ORDER BY f.value ${dir}, r.body_id`;
const TOTAL = `SELECT COUNT(*) AS n, TOTAL(f.value) AS sum FROM figures f WHERE ${PRINTED}`;
const TOTAL_IN = `SELECT COUNT(*) AS n, TOTAL(f.value) AS sum FROM figures f JOIN reports r ON r.id = f.report_id
  JOIN body_names_state s ON s.body_id = r.body_id WHERE ${PRINTED} AND s.region_key >= ? AND s.region_key < ?`;

/** The prefix key just after every key that starts with `prefix`. */
const after = (prefix: string) => `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;

export class FigureReads {
  private readonly s;
  /** The statements a ranking or a total runs (for the scale bench's plans). */
  readonly sql = CELL_OF_YEAR;
  readonly statements = { cellOfYear: CELL_OF_YEAR, ranked: ranked('DESC'), total: TOTAL, totalIn: TOTAL_IN };

  constructor(db: DB) {
    this.s = {
      ofYear: db.prepare(CELL_OF_YEAR).raw(),
      desc: db.prepare(ranked('DESC')).raw(),
      asc: db.prepare(ranked('ASC')).raw(),
      total: db.prepare(TOTAL),
      totalIn: db.prepare(TOTAL_IN),
    };
  }

  /** The cell `tbl.row.col` of every active report of `year`: [report id, value, status] rows. */
  cell(tbl: CellRow['tbl'], row: string, col: string, year: number): FigureRow[] {
    return this.s.ofYear.all(tbl, row, col, year) as FigureRow[];
  }

  /** How SQLite runs each statement (for the tests and the scale bench). */
  explain(db: DB): Record<keyof FigureReads['statements'], string[]> {
    const args = ['applications', 'new_received', 'total', 2024, 'a/', 'a0'];
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...args.slice(0, (sql.match(/\?/g) ?? []).length)) as { detail: string }[]).map((r) => r.detail);
    const st = this.statements;
    return { cellOfYear: plan(st.cellOfYear), ranked: plan(st.ranked), total: plan(st.total), totalIn: plan(st.totalIn) };
  }

  /** Every body's printed value of a cell in `year`, in order (ties by body id). */
  ranked(key: string, year: number, order: 'asc' | 'desc'): RankedRow[] {
    return (order === 'asc' ? this.s.asc : this.s.desc).all(...split(key), year) as RankedRow[];
  }

  /** How many active reports of `year` print the cell, and its sum; within a region key (广东省/) when given. */
  total(key: string, year: number, region?: string): { n: number; sum: number } {
    return (region ? this.s.totalIn.get(...split(key), year, region, after(region))
      : this.s.total.get(...split(key), year)) as { n: number; sum: number };
  }
}

const split = (key: string) => key.split('.') as [string, string, string];
