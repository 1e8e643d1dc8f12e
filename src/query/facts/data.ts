/**
 * What the answers read from the store: active reports by body and year, and each report's cells, findings
 * and passages on demand (a bounded cache, not the whole corpus).
 */
import type { CellRow, FindingRow, PassageHit, ReportRow, Store } from '../../store/store.js';

const CACHE = 256;

class Bounded<V> {
  private readonly map = new Map<number, V>();
  constructor(private readonly max: number) {}
  get(k: number, make: () => V): V {
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
  private byBodyYear = new Map<string, ReportRow>();
  private all: ReportRow[] = [];
  private readonly cellCache = new Bounded<Map<string, CellRow>>(CACHE);
  private readonly findingCache = new Bounded<FindingRow[]>(CACHE);

  constructor(private readonly store: Store) { this.refresh(); }

  refresh(): void {
    this.all = this.store.activeReports();
    this.byBodyYear = new Map(this.all.map((r) => [`${r.body_id}:${r.year}`, r]));
    this.cellCache.clear();
    this.findingCache.clear();
  }

  get reports(): ReportRow[] { return this.all; }
  yearsOf(bodyId: number): number[] {
    return this.all.filter((r) => r.body_id === bodyId).map((r) => r.year).sort((a, b) => a - b);
  }
  report(bodyId: number, year: number): ReportRow | undefined { return this.byBodyYear.get(`${bodyId}:${year}`); }

  cells(reportId: number): Map<string, CellRow> {
    return this.cellCache.get(reportId, () =>
      new Map(this.store.cells(reportId).map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c])));
  }
  findings(reportId: number): FindingRow[] {
    return this.findingCache.get(reportId, () => this.store.findings(reportId));
  }
  passages(reportId: number): PassageHit[] { return this.store.passages(reportId); }
  search(reportId: number, terms: string[], limit: number): PassageHit[] {
    return this.store.searchPassages(reportId, terms, limit);
  }
}
