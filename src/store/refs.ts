/**
 * The active reports, read by index as the answers need them (by body, by body and year, by year): nothing
 * reads every report at start. Migration 9's covering index reports_year_refs serves the reads by year.
 */
import type { DB } from './db.js';
import type { ReportRef } from './rows.js';

const REF = 'id, body_id, year, format, source_file, published';
/** A ref as a row of REF's columns. */
export type RefTuple =
  [id: number, bodyId: number, year: number, format: string, file: string, published: string | null];
/** The ref of a row of REF's columns. */
export const refOf = (t: RefTuple): ReportRef =>
  ({ id: t[0], body_id: t[1], year: t[2], format: t[3], source_file: t[4], published: t[5] } as ReportRef);

export class RefReads {
  private readonly s;

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      ofBodyYear: p(`SELECT ${REF} FROM reports WHERE body_id = ? AND year = ? AND superseded_by IS NULL
                     ORDER BY id DESC LIMIT 1`),
      yearsOf: p('SELECT DISTINCT year FROM reports WHERE body_id = ? AND superseded_by IS NULL ORDER BY year').pluck(),
      ofYear: p(`SELECT ${REF} FROM reports WHERE year = ? AND superseded_by IS NULL ORDER BY body_id, id`).raw(),
      ofYears: p(`SELECT ${REF} FROM reports WHERE year IN (SELECT value FROM json_each(?)) AND superseded_by IS NULL
                  ORDER BY body_id, year`),
      all: p(`SELECT ${REF} FROM reports WHERE superseded_by IS NULL ORDER BY body_id, year`),
      countOfYear: p('SELECT COUNT(*) FROM reports WHERE year = ? AND superseded_by IS NULL').pluck(),
      ofYearOfKinds: p(`SELECT r.body_id FROM reports r INDEXED BY reports_year_refs JOIN bodies b ON b.id = r.body_id
        WHERE r.year = ? AND r.superseded_by IS NULL AND b.kind IN (SELECT value FROM json_each(?))
        ORDER BY r.body_id`).pluck(),
      latest: p('SELECT MAX(year) FROM reports WHERE superseded_by IS NULL').pluck(),
      // the next year on file after one: an index seek each, not a scan of every report
      nextYear: p(`SELECT MIN(year) FROM reports INDEXED BY reports_year_refs WHERE year > ? AND superseded_by IS NULL`)
        .pluck(),
    };
  }

  /** The active report of a body and year. */
  ofBodyYear(bodyId: number, year: number): ReportRef | undefined {
    return this.s.ofBodyYear.get(bodyId, year) as ReportRef | undefined;
  }
  /** The bodies of some kinds (government, department …) with an active report of the year, by id. */
  bodiesOfYearOfKinds(year: number, kinds: string[]): number[] {
    return this.s.ofYearOfKinds.all(year, JSON.stringify(kinds)) as number[];
  }
  /** The years of a body's active reports, in order. */
  yearsOf(bodyId: number): number[] { return this.s.yearsOf.all(bodyId) as number[]; }
  /** The active reports of a year, by body, as rows of REF's columns (thousands: no object per row). */
  ofYear(year: number): RefTuple[] { return this.s.ofYear.all(year) as RefTuple[]; }
  /** The active reports of some years (every one when `years` is empty), by body and year. */
  ofYears(years: number[]): ReportRef[] {
    return (years.length ? this.s.ofYears.all(JSON.stringify(years)) : this.s.all.all()) as ReportRef[];
  }
  countOfYear(year: number): number { return Number(this.s.countOfYear.get(year) ?? 0); }
  /** The latest year of an active report (0 when none). */
  latest(): number { return Number(this.s.latest.get() ?? 0); }
  /** Every year with an active report, in order. */
  years(): number[] {
    const out: number[] = [];
    for (let y = this.s.nextYear.get(0) as number | null; y !== null; y = this.s.nextYear.get(y) as number | null) {
      out.push(y);
    }
    return out;
  }
  sqlOf(name: string): string | undefined { return (this.s as Record<string, { source: string }>)[name]?.source; }
}
