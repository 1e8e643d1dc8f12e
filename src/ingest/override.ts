/**
 * The body and year an admin gives for a file (`ingest --body … --year …`, a caption on an upload): they
 * replace what the title finder found. Pure functions over the title finder's result.
 */
import type { Finding } from './report.js';

/** What the title finder gives: the body's name, the report year and the line of the title. */
export interface FoundTitle { org: string; year: number; line: number }
export interface TitleOverride { body?: string; year?: number }

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const clean = (o: TitleOverride): TitleOverride => ({
  ...(o.body?.trim() ? { body: o.body.trim() } : {}),
  ...(o.year !== undefined && Number.isInteger(o.year) ? { year: o.year } : {}),
});

export const hasOverride = (o: TitleOverride | undefined): boolean => !!o && Object.keys(clean(o)).length > 0;

/** "2024" → 2024; anything but four digits from 1990 to 2100 → null. */
export function parseYear(s: string): number | null {
  if (!/^\d{4}$/.test(s.trim())) return null;
  const y = Number(s.trim());
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * The title with the admin's body and/or year in place of what was found. With nothing found, both must be
 * given (the title is then {org, year, line: 0}); one alone cannot make a title.
 */
export function applyOverride(found: FoundTitle | null, override: TitleOverride): FoundTitle | null {
  const o = clean(override);
  if (!o.body && o.year === undefined) return found;
  if (found) return { ...found, ...(o.body ? { org: o.body } : {}), ...(o.year !== undefined ? { year: o.year } : {}) };
  return o.body && o.year !== undefined ? { org: o.body, year: o.year, line: 0 } : null;
}

/** An 'info' finding that says what the admin supplied and what the title said. */
export function overrideFindings(found: FoundTitle | null, override: TitleOverride): Finding[] {
  const o = clean(override);
  const parts: string[] = [];
  if (o.body) parts.push(`机关名称「${o.body}」${found ? `（标题中为「${found.org}」）` : ''}`);
  if (o.year !== undefined) parts.push(`年份 ${o.year}${found ? `（标题中为 ${found.year}）` : ''}`);
  if (!parts.length) return [];
  const how = found ? '' : '；报告标题中没有找到机关名称和年份';
  return [{ rule: 'admin_override', severity: 'info', message: `由管理员指定：${parts.join('，')}${how}` }];
}
