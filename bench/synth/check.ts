/** A parsed or stored report against its synthetic truth, cell for cell: the list of differences (empty when equal). */
import type { Truth } from './corpus.js';

const APPLICANT = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other', 'total'];
const REVIEW = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Every cell of a truth file as "table.row.col" → value (the ids of src/ingest/report.ts cellId). */
type Tables = Pick<ReportLike, 'active' | 'applications' | 'review_litigation'>;
export function truthCells(t: Tables): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [row, cols] of Object.entries(t.active)) {
    for (const [col, v] of Object.entries(cols)) out.set(`active.${row}.${col}`, v);
  }
  for (const [row, vs] of Object.entries(t.applications)) {
    vs.forEach((v, i) => out.set(`applications.${row}.${APPLICANT[i]}`, v));
  }
  for (const [row, vs] of Object.entries(t.review_litigation)) {
    vs.forEach((v, i) => out.set(`review_litigation.${row}.${REVIEW[i]}`, v));
  }
  return out;
}

export interface ReportLike {
  org: string; year: number; format: string; published?: string; region?: string[];
  active: Record<string, Record<string, number | null>>;
  applications: Record<string, (number | null)[]>;
  review_litigation: Record<string, (number | null)[]>;
}

export function differences(got: ReportLike, want: Truth): string[] {
  const out: string[] = [];
  if (got.org !== want.org) out.push(`org: want ${want.org}, got ${got.org}`);
  if (got.year !== want.year) out.push(`year: want ${want.year}, got ${got.year}`);
  if (got.format !== want.format) out.push(`format: want ${want.format}, got ${got.format}`);
  if (got.published !== want.published) out.push(`published: want ${want.published}, got ${got.published}`);
  const region = got.region?.join('/') ?? 'none';
  if (region !== want.region.join('/')) out.push(`region: want ${want.region.join('/')}, got ${region}`);
  const gotCells = truthCells(got);
  for (const [id, v] of truthCells(want)) {
    if (gotCells.get(id) !== v) out.push(`${id}: want ${v}, got ${gotCells.get(id)}`);
  }
  return out;
}
