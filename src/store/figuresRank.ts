/**
 * A ranking of one cell over a year or a region, read by SQLite without reading every body: the first rows in
 * order (value, then report id), how many print the cell, how many are ahead of a value, and the bodies that do not
 * print it. The whole list (the ranking's file) is one more statement, run only when the file is made.
 */
import type { DB } from './db.js';
import { CELL, CELL_OF_YEAR, FROM_REGION, FROM_YEAR, PRINTED, REGION, YEAR } from './figuresIn.js';
import { after } from './names.js';

/** [body id, report id, value, body name] in the ranking's order. */
export type RankRow = [bodyId: number, reportId: number, value: number, name: string];
/** [body id, report id, body name]: a report of the year that does not print the cell. */
export type UnrankedRow = [bodyId: number, reportId: number, name: string];
export type Order = 'asc' | 'desc';
export interface RankScope { key: string; year: number; region?: string }

/** The cell's printed values of the year: its index range, or the region's bodies' reports of the year. */
const FROM = {
  year: `FROM figures f WHERE ${CELL_OF_YEAR} AND ${PRINTED}`,
  region: `${FROM_REGION} CROSS JOIN figures f ON ${CELL} WHERE ${REGION} AND ${YEAR}`,
};
/** The rows kept, with their bodies and names (joined to the rows kept, not to every row sorted). */
const KEPT = `JOIN reports r INDEXED BY reports_id_body ON r.id = t.report_id
  JOIN bodies b INDEXED BY bodies_id_name ON b.id = r.body_id`;
/** The reports of the year (of every body, or of the region's). */
const REPORTS = { year: `${FROM_YEAR} WHERE ${YEAR}`, region: `${FROM_REGION} WHERE ${REGION} AND ${YEAR}` };
/** In order of value, equal values by report id (the order of the rows shown, of the file and of a place). */
const ordered = (from: string, dir: 'ASC' | 'DESC') => `SELECT r.body_id, t.report_id, t.value, b.name
  FROM (SELECT f.report_id, f.value ${from} ORDER BY f.value ${dir}, f.report_id LIMIT @limit) t ${KEPT}
  ORDER BY t.value ${dir}, t.report_id`;
const statements = (from: string, reports: string) => ({
  desc: ordered(from, 'DESC'),
  asc: ordered(from, 'ASC'),
  count: `SELECT COUNT(*) ${from}`,
  above: `SELECT COUNT(*) ${from} AND f.value > @value`,
  below: `SELECT COUNT(*) ${from} AND f.value < @value`,
  unranked: `SELECT t.body_id, t.id, b.name FROM (SELECT r.body_id, r.id ${reports}
    AND NOT EXISTS (SELECT 1 FROM figures f WHERE ${CELL}) ORDER BY r.body_id LIMIT @limit) t
    JOIN bodies b INDEXED BY bodies_id_name ON b.id = t.body_id ORDER BY t.body_id`,
  reports: `SELECT COUNT(*) ${reports}`,
});
export const RANK_STATEMENTS = {
  year: statements(FROM.year, REPORTS.year), region: statements(FROM.region, REPORTS.region),
};

export class CellRanks {
  private readonly s;
  constructor(db: DB) {
    const prep = (x: ReturnType<typeof statements>) => ({
      desc: db.prepare(x.desc).raw(), asc: db.prepare(x.asc).raw(), count: db.prepare(x.count).pluck(),
      above: db.prepare(x.above).pluck(), below: db.prepare(x.below).pluck(),
      unranked: db.prepare(x.unranked).raw(), reports: db.prepare(x.reports).pluck(),
    });
    this.s = { year: prep(RANK_STATEMENTS.year), region: prep(RANK_STATEMENTS.region) };
  }

  /** The first `limit` rows of the ranking (all of them when limit is -1). */
  top(at: RankScope, order: Order, limit: number): RankRow[] {
    const [st, p] = this.of(at);
    return st[order].all({ ...p, limit }) as RankRow[];
  }
  /** How many bodies print the cell. */
  count(at: RankScope): number { const [st, p] = this.of(at); return st.count.get(p) as number; }
  /** How many bodies are ahead of `value` in the order (more for desc, fewer for asc). */
  ahead(at: RankScope, order: Order, value: number): number {
    const [st, p] = this.of(at);
    return (order === 'desc' ? st.above : st.below).get({ ...p, value }) as number;
  }
  /**
   * The reports of the year that do not print the cell: how many (the reports less the `printed` ones) and the
   * first `limit` of them by body id (read only when there are some).
   */
  unranked(at: RankScope, printed: number, limit: number): { rows: UnrankedRow[]; n: number } {
    const [st, p] = this.of(at);
    const n = (st.reports.get(p) as number) - printed;
    return { rows: n > 0 ? st.unranked.all({ ...p, limit }) as UnrankedRow[] : [], n };
  }

  private of(at: RankScope) {
    const [tbl, row, col] = at.key.split('.');
    const p = { tbl, row, col, year: at.year, ...(at.region ? { lo: at.region, hi: after(at.region) } : {}) };
    return [at.region ? this.s.region : this.s.year, p] as const;
  }
}
