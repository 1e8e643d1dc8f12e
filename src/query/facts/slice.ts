/**
 * A few cells of every report of a year, read from `figures` one cell key at a time: what a ranking or a total
 * needs to order or add its bodies, without each report's whole table. Cells here carry value and status only,
 * not the line they came from: what an answer shows and cites is read again from the report's own cells.
 */
import type { FigureCell } from '../../store/figures.js';
import type { CellRow, Store } from '../../store/store.js';
import type { CellLookup } from './values.js';

export interface CellSlice {
  year: number;
  keys: ReadonlySet<string>;
  /** The slice's cells of one report (those it has), by table.row.col: a view, not a copy. */
  cells(reportId: number): CellLookup;
}

/** One cell key of one year: report id → cell. Kept in a small cache by ReportData. */
export function readKey(store: Store, year: number, key: string): Map<number, CellRow> {
  const [tbl, row, col] = key.split('.');
  const out = new Map<number, CellRow>();
  store.figures.cell(tbl as CellRow['tbl'], row, col, year, (c: FigureCell) =>
    out.set(c.report_id, { ...c, raw: '', page: null, line: null, excerpt: null }));
  return out;
}

export function makeSlice(year: number, byKey: Map<string, Map<number, CellRow>>): CellSlice {
  return {
    year,
    keys: new Set(byKey.keys()),
    cells: (reportId) => ({
      get: (k: string) => byKey.get(k)?.get(reportId),
      *values() {
        for (const m of byKey.values()) {
          const c = m.get(reportId);
          if (c) yield c;
        }
      },
    }) as CellLookup,
  };
}
