/** The rows the store reads and writes, as TypeScript sees them (store.ts re-exports them). */
import type { Cell, Finding, NarrativeClaim, Passage } from '../domain/report.js';
import type { Placement } from '../domain/identity.js';

export interface BodyRow {
  id: number; key: string; name: string; kind: string; region: string[] | null; aliases: string[];
  /** Where the body is and what decided it (migration 4); null for bodies stored before. */
  placement: Placement | null;
}
/** What a body is stored with besides its name: its placement and stem (deepest place + rest of the name). */
export interface BodyPlace { placement?: Placement | null; stem?: string | null }
export interface ReportRow {
  id: number; body_id: number; year: number; format: string; org_printed: string; source_file: string; sha256: string;
  pages: number | null; published: string | null; ingested_at: string; superseded_by: number | null; parser_version: number;
  /** The body and year an admin gave for the file (migration 5), null when the report's own title was used. */
  override_body: string | null; override_year: number | null;
  /** The web address the report was downloaded from (migration 7), null for files from elsewhere. */
  source_url: string | null;
}
/** What answers need of a report: kept in memory for every active report (about 150 bytes each). */
export type ReportRef = Pick<ReportRow, 'id' | 'body_id' | 'year' | 'format' | 'source_file' | 'published'>;
export interface CellRow { report_id: number; tbl: Cell['table']; row_key: string; col_key: string; value: number | null; raw: string; status: Cell['status']; page: number | null; line: number | null; excerpt: string | null }
export interface FindingRow { id: number; report_id: number; rule: string; severity: Finding['severity']; message: string; excerpt: string | null; page: number | null; cells: string[] }
export interface PassageHit { report_id: number; section: string; page: number | null; line: number | null; text: string }

export interface NewReport {
  bodyId: number; year: number; format: string; orgPrinted: string; sourceFile: string; sha256: string;
  pages: number; published?: string; cells: Cell[]; passages: Passage[]; findings: Finding[]; claims: NarrativeClaim[];
  parserVersion: number;
  override?: { body?: string; year?: number };
  /** The web address the file was downloaded from. */
  sourceUrl?: string;
}

export const reportParams = (r: NewReport, supersededBy: number | null = null) => ({
  bodyId: r.bodyId, year: r.year, format: r.format, orgPrinted: r.orgPrinted, sourceFile: r.sourceFile,
  sha256: r.sha256, pages: r.pages, published: r.published ?? null, ingestedAt: new Date().toISOString(),
  parserVersion: r.parserVersion, supersededBy,
  overrideBody: r.override?.body ?? null, overrideYear: r.override?.year ?? null, sourceUrl: r.sourceUrl ?? null,
});

export type RawBody = Omit<BodyRow, 'region' | 'aliases' | 'placement'> & { region: string | null; placement: string | null };
export const bodyRow = (b: RawBody, aliases: string[]): BodyRow => ({
  ...b, region: b.region ? (JSON.parse(b.region) as string[]) : null, aliases,
  placement: b.placement ? (JSON.parse(b.placement) as Placement) : null,
});
