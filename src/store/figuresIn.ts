/**
 * A total of one cell over every report of a year or of a region, by SQLite: its count and sum, the first bodies
 * (by id) that print it and the first that do not. A region is a prefix of the bodies' region keys
 * (body_names_state); the join runs from the region's bodies to their reports of the year to the cell.
 */
import type { DB } from './db.js';
import { after } from './names.js';

/** [body id, report id, value, body name] */
export type PrintedRow = [bodyId: number, reportId: number, value: number, name: string];
/** [body id, report id, body name] */
export type AbsentRow = [bodyId: number, reportId: number, name: string];
export interface CellTotal { n: number; sum: number; printed: PrintedRow[]; absent: AbsentRow[] }

/** One cell of the year in `figures`, and the condition that a report prints it (printedValue's, in SQL). */
export const CELL_OF_YEAR = 'f.tbl = @tbl AND f.row_key = @row AND f.col_key = @col AND f.year = @year';
export const PRINTED = "f.status <> 'missing' AND f.value IS NOT NULL";
/** The cell as report r prints it. */
export const CELL = `${CELL_OF_YEAR} AND f.report_id = r.id AND ${PRINTED}`;
/** The reports of the year: of every body, or of the region's bodies first. */
export const FROM_YEAR = `FROM reports r INDEXED BY reports_year_refs`;
export const FROM_REGION = `FROM body_names_state s CROSS JOIN reports r ON r.body_id = s.body_id`;
export const YEAR = 'r.year = @year AND r.superseded_by IS NULL';
export const REGION = 's.region_key >= @lo AND s.region_key < @hi';
const NAME = 'JOIN bodies b INDEXED BY bodies_id_name ON b.id = r.body_id';

const statements = (from: string, where: string) => ({
  sum: `SELECT COUNT(*) AS n, TOTAL(f.value) AS sum ${from} CROSS JOIN figures f ON ${CELL} WHERE ${where}`,
  printed: `SELECT r.body_id, r.id, f.value, b.name ${from} CROSS JOIN figures f ON ${CELL} ${NAME}
    WHERE ${where} ORDER BY r.body_id LIMIT @limit`,
  absent: `SELECT r.body_id, r.id, b.name ${from} ${NAME}
    WHERE ${where} AND NOT EXISTS (SELECT 1 FROM figures f WHERE ${CELL}) ORDER BY r.body_id LIMIT @limit`,
});
export const TOTAL_STATEMENTS = {
  year: statements(FROM_YEAR, YEAR),
  region: statements(FROM_REGION, `${REGION} AND ${YEAR}`),
};

export class CellTotals {
  private readonly s;
  constructor(db: DB) {
    const prep = (x: ReturnType<typeof statements>) => ({
      sum: db.prepare(x.sum), printed: db.prepare(x.printed).raw(), absent: db.prepare(x.absent).raw(),
    });
    this.s = { year: prep(TOTAL_STATEMENTS.year), region: prep(TOTAL_STATEMENTS.region) };
  }

  /** The total of cell `key` (table.row.col) in `year`, within a region key when given; `limit` rows of each. */
  total(key: string, year: number, region: string | undefined, limit: number): CellTotal {
    const [tbl, row, col] = key.split('.');
    const at = { tbl, row, col, year, ...(region ? { lo: region, hi: after(region) } : {}) };
    const st = region ? this.s.region : this.s.year;
    const { n, sum } = st.sum.get(at) as { n: number; sum: number };
    const p = { ...at, limit };
    return { n, sum, printed: st.printed.all(p) as PrintedRow[], absent: st.absent.all(p) as AbsentRow[] };
  }
}
