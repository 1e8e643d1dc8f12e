/** The parsed report: what ingest stores and what `ingest --json` prints. */
import type { BodyKind } from './bodyKinds.js';
import type { Placement } from './identity.js';
import type { Format, TableId } from './template.js';

export type CellStatus = 'ok' | 'blank_zero' | 'not_stated' | 'unreadable' | 'missing';

export interface Cell {
  table: TableId;
  row: string;
  col: string;
  value: number | null;
  /** The text printed in the cell: "", "0", "/", "—" are kept apart. */
  raw: string;
  status: CellStatus;
  page: number;
  line: number;
  /** The source line(s) of this row. */
  excerpt: string;
}

export type Severity = 'error' | 'warning' | 'info';
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  excerpt?: string;
  page?: number;
  /** Cells the finding is about, as "table.row.col" (col may be "*"). */
  cells?: string[];
}

export interface Passage { section: string; page: number; line: number; text: string }

export interface NarrativeClaim { metric: 'applications' | 'review' | 'litigation'; value: number; sentence: string; page: number; line: number }

export interface ParsedReport {
  /** The body's name (simplified characters, abbreviations expanded). */
  org: string;
  /** The name as the report prints it. */
  orgPrinted?: string;
  /** Other names the report uses for the body (short forms). */
  aliases: string[];
  /** Region path through the gazetteer (province › city › county › town), null when unknown or not certain. */
  region: string[] | null;
  /** How the region was decided: the candidates of the name and the report's evidence (src/ingest/place.ts). */
  placement?: Placement;
  year: number;
  format: Format;
  published?: string;
  /** The kind of body (bodyKinds.ts): the deadline depends on it. */
  orgKind: BodyKind;
  pages: number;
  cells: Cell[];
  passages: Passage[];
  claims: NarrativeClaim[];
  findings: Finding[];
}

export const cellId = (c: Pick<Cell, 'table' | 'row' | 'col'>) => `${c.table}.${c.row}.${c.col}`;
