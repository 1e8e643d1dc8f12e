/**
 * The body a parsed report is stored under, and the findings when it may be the same as a body kept apart:
 * a body whose place is not certain is never merged with another; a possible duplicate is reported instead.
 */
import { bodyKey, bodyName, bodyStem, type Placement } from '../domain/identity.js';
import type { Finding, ParsedReport } from './report.js';
import type { BodyRow, Store } from '../store/store.js';

export interface BodyIdentity {
  key: string; name: string; stem: string | null; aliases: string[]; placement: Placement | null;
}

/**
 * Key, shown name, stem and aliases of the report's body. An unplaced body is one body only with reports of the
 * same source (the same site when known, else the same file content: `sha`).
 */
export function identify(parsed: ParsedReport, sha: string): BodyIdentity {
  const p = parsed.placement;
  // a placement that does not agree with the region (a caller changed one of them) is not used
  const placement = p && (parsed.region ? p.status === 'placed' : p.status !== 'placed') ? p : null;
  const key = bodyKey(parsed.org, parsed.region, placement, `sha:${sha}`);
  const name = bodyName(parsed.org, parsed.region, placement);
  const aliases = [...new Set([parsed.org, ...parsed.aliases])].filter((a) => a !== name);
  return { key, name, stem: bodyStem(parsed.org, parsed.region, placement), aliases, placement };
}

const samePath = (a: string[], b: string[] | null) => !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** Another body of the same stem that may be this one: an unplaced one of a place this body may be, or the reverse. */
function mayBeSame(me: BodyIdentity, region: string[] | null, other: BodyRow): boolean {
  if (me.placement?.status === 'ambiguous') {
    if (other.region) return me.placement.candidates.some((c) => samePath(c, other.region));
    return other.placement?.status === 'ambiguous';
  }
  const theirs = other.placement?.status === 'ambiguous' ? other.placement.candidates : [];
  return !!region && theirs.some((c) => samePath(region, c));
}

/** 'possible_duplicate' findings: bodies that may be this one and have a report for the same year. */
export function duplicateFindings(store: Store, bodyId: number, me: BodyIdentity, parsed: ParsedReport): Finding[] {
  if (!me.stem) return [];
  const out: Finding[] = [];
  for (const other of store.bodiesByStem(me.stem)) {
    if (other.id === bodyId || !mayBeSame(me, parsed.region, other)) continue;
    const r = store.activeReport(other.id, parsed.year);
    if (!r) continue;
    const message = me.placement?.status === 'ambiguous'
      ? `本报告的「${parsed.org}」地区未定（同名地区：${me.placement.candidates.map((c) => c.join('')).join('、')}），`
        + `可能与已入库的「${other.name}」${parsed.year}年报告（${r.source_file}）是同一单位；未合并，需人工确认`
      : `已入库的「${other.name}」${parsed.year}年报告（${r.source_file}）地区未定，可能与本报告的「${me.name}」是同一单位；`
        + '未合并，需人工确认';
    out.push({ rule: 'possible_duplicate', severity: 'warning', message });
  }
  return out;
}
