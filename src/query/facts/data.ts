/**
 * What the answers read from the store: active reports by body and year, and each report's cells, findings
 * and passages, on demand and by index, in bounded caches: nothing is read at start.
 */
import type { CellRow, FindingRow, PassageHit, ReportRef, Store } from '../../store/store.js';
import { Bounded } from '../../domain/memo.js';
import { refOf, type RefTuple } from '../../store/refs.js';
import { makeSlice, readKey, type CellSlice, type KeyColumn } from './slice.js';

const CACHE = 64;

/** Cell keys of a year kept for rankings and totals (about 10,000 cells each at 50,000 reports, ~1.5 MB). */
const SLICE_KEYS = 16;
/** Whole-year computations kept (rankings by metric and year, ~0.5 MB each at 50,000 reports). */
const MEMOS = 24;

/** Report refs kept: by body and year, years by body, and whole years (about 7,000 refs a year at 50,000). */
const REFS = 4096;
const YEARS = 8;

export class ReportData {
  private readonly refCache = new Bounded<ReportRef | null, string>(REFS);
  private readonly yearsCache = new Bounded<number[]>(REFS);
  private readonly yearCache = new Bounded<Map<number, RefTuple>>(YEARS);
  private latest: number | null = null;
  private readonly cellCache = new Bounded<Map<string, CellRow>>(CACHE);
  private readonly findingCache = new Bounded<FindingRow[]>(CACHE);
  private readonly keyCache = new Bounded<KeyColumn, string>(SLICE_KEYS);
  private readonly memos = new Bounded<unknown, string>(MEMOS);

  constructor(private readonly store: Store) {}

  /** Forget what was read (the reports changed). */
  refresh(): void {
    for (const c of [this.refCache, this.yearsCache, this.yearCache, this.cellCache, this.findingCache,
      this.keyCache, this.memos]) c.clear();
    this.latest = null;
  }

  /** Rankings and totals of one cell, aggregated by SQLite (store/figures.ts). */
  get figures(): Store['figures'] { return this.store.figures; }

  /** A figure computed over the reports on file (a whole year's ranking), kept until the reports change. */
  memo<T>(key: string, make: () => T): T { return this.memos.get(key, make) as T; }

  /** The active reports of some years (all when none given), by body and year: read now, not kept. */
  reports(years: number[] = []): ReportRef[] { return this.store.refs.ofYears(years); }
  /** The years on file of a body, in order. */
  yearsOf(bodyId: number): number[] { return this.yearsCache.get(bodyId, () => this.store.refs.yearsOf(bodyId)); }
  report(bodyId: number, year: number): ReportRef | undefined {
    const whole = this.yearCache.peek(year);
    if (whole) { const t = whole.get(bodyId); return t && refOf(t); }
    return this.refCache.get(`${bodyId}:${year}`, () => this.store.refs.ofBodyYear(bodyId, year) ?? null) ?? undefined;
  }
  /** Every active report of `year` as a row, by body id (one index range, kept for a few years). */
  private ofYear(year: number): Map<number, RefTuple> {
    return this.yearCache.get(year, () => new Map(this.store.refs.ofYear(year).map((t) => [t[1], t])));
  }
  /** How many active reports `year` has (an index count, without reading them). */
  countOfYear(year: number): number { return this.store.refs.countOfYear(year); }
  /** The bodies with an active report of `year`, by id. */
  bodiesOfYear(year: number): number[] { return [...this.ofYear(year).keys()]; }
  /** The bodies of some kinds with a report of the year, by id (read now, not kept). */
  bodiesOfYearOfKinds(year: number, kinds: string[]): number[] {
    return this.store.refs.bodiesOfYearOfKinds(year, kinds);
  }
  /** Every year with a report on file, in order (read now, not kept). */
  years(): number[] { return this.store.refs.years(); }
  /** The latest year of any report on file (0 when none). */
  latestYear(): number { return (this.latest ??= this.store.refs.latest()); }

  cells(reportId: number): Map<string, CellRow> {
    return this.cellCache.get(reportId, () =>
      new Map(this.store.cells(reportId).map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c])));
  }
  /**
   * Some cells of one report, with their lines (a metric's own cells, not the whole table: see value()).
   * Exact for a metric whose every alternative's cells are among `keys` and that has a value.
   */
  cellsFor(reportId: number, keys: Iterable<string>): Map<string, CellRow> {
    const out = new Map<string, CellRow>();
    for (const k of keys) {
      const [tbl, row, col] = k.split('.');
      const c = this.store.cell(reportId, tbl, row, col);
      if (c) out.set(k, c);
    }
    return out;
  }

  /** The cells `keys` (table.row.col) of every active report of `year`, read by index (see slice.ts). */
  slice(year: number, keys: Iterable<string>): CellSlice {
    const byKey = new Map<string, KeyColumn>();
    for (const k of keys) byKey.set(k, this.keyCache.get(`${year}:${k}`, () => readKey(this.store, year, k)));
    return makeSlice(year, byKey);
  }
  findings(reportId: number): FindingRow[] {
    return this.findingCache.get(reportId, () => this.store.findings(reportId));
  }
  passages(reportId: number): PassageHit[] { return this.store.passages(reportId); }
  search(reportId: number, terms: string[], limit: number): PassageHit[] {
    return this.store.searchPassages(reportId, terms, limit);
  }
}
