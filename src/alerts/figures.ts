/** The key figures an alert gives, as data: the cells each adds up, or a rate of two sums. */
import type { FactCell } from '../store/alertFacts.js';

export interface FigureDef {
  id: string;
  label: string;
  unit: '件' | '%';
  /** Cells "table.row.col" added up; for a rate the numerator. */
  cells: string[];
  /** A rate's denominator. */
  of?: string[];
}

export const FIGURES: FigureDef[] = [
  { id: 'new_received', label: '新收申请', unit: '件', cells: ['applications.new_received.total'] },
  { id: 'processed', label: '办结', unit: '件', cells: ['applications.total_processed.total'] },
  {
    id: 'open_rate', label: '公开率', unit: '%',
    cells: ['applications.granted.total', 'applications.partial.total'], of: ['applications.total_processed.total'],
  },
  { id: 'review', label: '行政复议', unit: '件', cells: ['review_litigation.review.total'] },
  {
    id: 'litigation', label: '行政诉讼', unit: '件',
    cells: ['review_litigation.litigation_direct.total', 'review_litigation.litigation_after_review.total'],
  },
];

export type CellMap = Map<string, number | null>;

export const cellMap = (cells: FactCell[]): CellMap =>
  new Map(cells.map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c.status === 'missing' ? null : c.value]));

function sum(cells: CellMap, ids: string[]): number | null {
  let total = 0;
  for (const id of ids) {
    const v = cells.get(id);
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

/** A figure's value in a report, null when the report does not give it. */
export function figure(def: FigureDef, cells: CellMap): number | null {
  const v = sum(cells, def.cells);
  if (!def.of || v === null) return v;
  const d = sum(cells, def.of);
  return d ? v / d : null;
}

export const fmtValue = (v: number, unit: FigureDef['unit']): string =>
  (unit === '%' ? `${(v * 100).toFixed(2)}%` : `${Number.isInteger(v) ? v : Math.round(v * 100) / 100} ${unit}`);

const MINUS = '−';
/** +74, −3, 持平; rates in percentage points. */
export function fmtChange(cur: number, prev: number, unit: FigureDef['unit']): string {
  const d = cur - prev;
  if (Math.abs(d) < 1e-9) return '持平';
  const sign = d > 0 ? '+' : MINUS;
  const abs = Math.abs(d);
  if (unit === '%') return `${sign}${(abs * 100).toFixed(2)} 个百分点`;
  return `${sign}${Number.isInteger(abs) ? abs : Math.round(abs * 100) / 100}`;
}

/** Cells whose values differ between two versions of a report (a cell present in one only counts too). */
export function changedCells(a: CellMap, b: CellMap): string[] {
  const out: string[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) if ((a.get(id) ?? null) !== (b.get(id) ?? null)) out.push(id);
  return out;
}
