/**
 * Tables a report does not give: stored as cells marked 'missing' (see ingest/completeness). A question about
 * one of their figures is answered with "this report does not state it", never with a number.
 */
import { TABLE_TITLES } from '../domain/template.js';
import type { TableId } from '../domain/template.js';
import type { CellRow } from '../store/store.js';
import type { CellRef } from './metrics.js';

/** The table every cell of which is missing in this report, among those a metric's cells come from. */
export function absentTable(
  cells: Pick<ReadonlyMap<string, CellRow>, 'values'>, alternatives: CellRef[][],
): TableId | null {
  const tables = new Set(alternatives.flat().map((r) => r.table));
  for (const t of tables) {
    let any = false, all = true;
    for (const c of cells.values()) {
      if (c.tbl !== t) continue;
      any = true;
      if (c.status !== 'missing') { all = false; break; }
    }
    if (any && all) return t;
  }
  return null;
}

/** Why there is no figure: the reason completes "<body> <year> 年：<figure>——…". */
export const absentReason = (table: TableId) => `这份报告没有（可读的）${TABLE_TITLES[table]}，未载明此项`;

/** The line of a report card for a table the report does not give. */
export const absentCardLine = (table: TableId) => `报告中没有（可读的）${TABLE_TITLES[table]}，未载明`;
