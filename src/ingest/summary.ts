/** The JSON shape of a report (the keys of ../shared/expected/*.json) built from its cells. */
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from './template.js';

interface CellLike { table: string; row: string; col: string; value: number | null }

export interface ReportJson {
  org: string;
  year: number;
  format: string;
  published?: string;
  region?: string[];
  active: Record<string, Record<string, number | null>>;
  applications: Record<string, (number | null)[]>;
  review_litigation: Record<string, (number | null)[]>;
}

export function reportJson(head: { org: string; year: number; format: string; published?: string | null; region?: string[] | null }, cells: CellLike[]): ReportJson {
  const active: ReportJson['active'] = {};
  const applications: ReportJson['applications'] = {};
  const review: ReportJson['review_litigation'] = {};
  for (const c of cells) {
    if (c.table === 'active') (active[c.row] ??= {})[c.col] = c.value;
    else if (c.table === 'applications') (applications[c.row] ??= Array(7).fill(null))[APPLICANT_COLUMNS.indexOf(c.col as never)] = c.value;
    else (review[c.row] ??= Array(5).fill(null))[REVIEW_COLUMNS.indexOf(c.col as never)] = c.value;
  }
  return {
    org: head.org, year: head.year, format: head.format,
    ...(head.published ? { published: head.published } : {}),
    ...(head.region ? { region: head.region } : {}),
    active, applications, review_litigation: review,
  };
}
