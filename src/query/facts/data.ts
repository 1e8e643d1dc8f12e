/**
 * What the answers read from the store: active reports by body and year, and each report's cells, findings
 * and passages on demand (a bounded cache, not the whole corpus).
 */
import type { CellRow, FindingRow, PassageHit, ReportRef, Store } from '../../store/store.js';
import { makeSlice, readKey, type CellSlice, type KeyColumn } from './slice.js';

const CACHE = 64;

/** Cell keys of a year kept for rankings and totals (about 10,000 cells each at 50,000 reports, ~1.5 MB). */
const SLICE_KEYS = 16;
/** Whole-year computations kept (rankings by metric and year, ~0.5 MB each at 50,000 reports). */
const MEMOS = 24;

class Bounded<V, K = number> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K, make: () => V): V {
    let v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); return v; }
    v = make();
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return v;
  }
  clear() { this.map.clear(); }
}

export class ReportData {
  /** year → body id → its active report of that year */
  private byYear = new Map<number, Map<number, ReportRef>>();
  private all: ReportRef[] = [];
  private years = new Map<number, number[]>();
  private readonly cellCache = new Bounded<Map<string, CellRow>>(CACHE);
  private readonly findingCache = new Bounded<FindingRow[]>(CACHE);
  private readonly keyCache = new Bounded<KeyColumn, string>(SLICE_KEYS);
  private readonly memos = new Bounded<unknown, string>(MEMOS);

  constructor(private readonly store: Store) { this.refresh(); }

  refresh(): void {
    this.all = this.store.activeRefs();
    this.byYear = new Map();
    this.years = new Map();
    for (const r of this.all) {
      const ofYear = this.byYear.get(r.year);
      if (ofYear) ofYear.set(r.body_id, r); else this.byYear.set(r.year, new Map([[r.body_id, r]]));
      const ys = this.years.get(r.body_id);
      if (ys) ys.push(r.year); else this.years.set(r.body_id, [r.year]);
    }
    for (const ys of this.years.values()) ys.sort((a, b) => a - b);
    this.cellCache.clear();
    this.findingCache.clear();
    this.keyCache.clear();
    this.memos.clear();
  }

  /** A figure computed over the reports on file (a whole year's ranking), kept until the reports change. */
  memo<T>(key: string, make: () => T): T { return this.memos.get(key, make) as T; }

  get reports(): ReportRef[] { return this.all; }
  /** The years on file of a body (one map, not a scan of every report per body). */
  yearsOf(bodyId: number): number[] { return this.years.get(bodyId) ?? []; }
  report(bodyId: number, year: number): ReportRef | undefined { return this.byYear.get(year)?.get(bodyId); }

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
