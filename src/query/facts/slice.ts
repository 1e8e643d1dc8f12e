/**
 * A few cells of every report of a year, read from `figures` one cell key at a time: what a ranking or a total
 * needs to order or add its bodies, without each report's whole table. Cells here carry value and status only,
 * not the line they came from: what an answer shows and cites is read again from the report's own cells.
 */
import type { FigureCell } from '../../store/figures.js';
import type { CellRow, Store } from '../../store/store.js';

export interface CellSlice {
  year: number;
  keys: ReadonlySet<string>;
  /** The slice's cells of one report (those it has), keyed table.row.col. */
  cells(reportId: number): Map<string, CellRow>;
}

const slim = (c: FigureCell): CellRow => ({ ...c, raw: '', page: null, line: null, excerpt: null });

/** One cell key of one year: report id → cell. Kept in a small cache by ReportData. */
export function readKey(store: Store, year: number, key: string): Map<number, CellRow> {
  const [tbl, row, col] = key.split('.');
  return new Map(store.figures.cell(tbl as CellRow['tbl'], row, col, year).map((c) => [c.report_id, slim(c)]));
}

export function makeSlice(year: number, byKey: Map<string, Map<number, CellRow>>): CellSlice {
  return {
    year,
    keys: new Set(byKey.keys()),
    cells(reportId) {
      const out = new Map<string, CellRow>();
      for (const [k, m] of byKey) {
        const c = m.get(reportId);
        if (c) out.set(k, c);
      }
      return out;
    },
  };
}
