/**
 * A few cells of every report of a year, read from `figures` one cell key at a time: what a ranking or a total
 * needs to order or add its bodies, without each report's whole table. Cells here carry value and status only,
 * not the line they came from: what an answer shows and cites is read again from the report's own cells.
 */
import type { FigureRow } from '../../store/figures.js';
import type { CellRow, Store } from '../../store/store.js';
import type { CellLookup } from './values.js';

export interface CellSlice {
  year: number;
  /** Does the slice hold every cell these keys name (a metric's, for a column)? Asked once a report: kept. */
  covers(keys: readonly string[]): boolean;
  /** The slice's cells of one report (those it has), by table.row.col: a view, not a copy. */
  cells(reportId: number): CellLookup;
  /** One cell of one report, when the slice has its key. */
  cell(key: string, reportId: number): CellRow | undefined;
}

/**
 * One cell key of one year, column by column (report id → position; values and statuses in arrays): ten
 * thousand cells without ten thousand long-lived objects. A cell object is made when it is asked for.
 */
export class KeyColumn {
  private readonly at = new Map<number, number>();
  private readonly values: Float64Array;
  private readonly states: Uint8Array;
  private readonly names: CellRow['status'][] = [];

  constructor(private readonly tbl: CellRow['tbl'], private readonly row: string, private readonly col: string,
    rows: FigureRow[]) {
    this.values = new Float64Array(rows.length);
    this.states = new Uint8Array(rows.length);
    rows.forEach(([id, value, status], i) => {
      this.at.set(id, i);
      this.values[i] = value ?? Number.NaN;
      let code = this.names.indexOf(status);
      if (code < 0) code = this.names.push(status) - 1;
      this.states[i] = code;
    });
  }

  get(reportId: number): CellRow | undefined {
    const i = this.at.get(reportId);
    if (i === undefined) return undefined;
    const v = this.values[i];
    return { report_id: reportId, tbl: this.tbl, row_key: this.row, col_key: this.col,
      value: Number.isNaN(v) ? null : v, status: this.names[this.states[i]],
      raw: '', page: null, line: null, excerpt: null };
  }
}

/** One cell key of one year. Kept in a small cache by ReportData. */
export function readKey(store: Store, year: number, key: string): KeyColumn {
  const [tbl, row, col] = key.split('.') as [CellRow['tbl'], string, string];
  return new KeyColumn(tbl, row, col, store.figures.cell(tbl, row, col, year));
}

export function makeSlice(year: number, byKey: Map<string, KeyColumn>): CellSlice {
  const covered = new Map<readonly string[], boolean>();
  return {
    year,
    covers(keys) {
      let c = covered.get(keys);
      if (c === undefined) { c = keys.every((k) => byKey.has(k)); covered.set(keys, c); }
      return c;
    },
    cell: (k, reportId) => byKey.get(k)?.get(reportId),
    cells: (reportId) => ({
      get: (k: string) => byKey.get(k)?.get(reportId),
      *values() {
        for (const column of byKey.values()) {
          const c = column.get(reportId);
          if (c) yield c;
        }
      },
    }) as CellLookup,
  };
}
