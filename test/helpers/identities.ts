/**
 * The template's identities (rules 1–4 of report-format.md) checked on cell values by the tests themselves,
 * apart from src/ingest/audit.ts, and the question the mutation tests ask of an accepted report: do its cells
 * differ from the truth in a way the identities show, and if so, does a finding say so?
 */
import type { Cell, Finding, ParsedReport } from '../../src/ingest/report.js';
import { expectedCells, type Expected } from './cases.js';

export type Values = Map<string, number | null>;
export interface Break { rule: 1 | 2 | 3 | 4; scope: string; lhs: number; rhs: number; cells: string[] }

const COLS = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other', 'total'];
const DENIED = ['state_secret', 'law_prohibited', 'three_safety', 'third_party', 'internal', 'process',
  'enforcement_file', 'admin_query'].map((k) => `denied_${k}`);
const UNAVAILABLE = ['not_held', 'needs_creation', 'unclear'].map((k) => `unavailable_${k}`);
const REJECTED = ['complaint', 'duplicate', 'publication', 'excessive', 'confirm'].map((k) => `rejected_${k}`);
const OTHER_SPLIT = ['other_overdue_correction', 'other_overdue_fee', 'other_other'];
const REVIEW = ['review', 'litigation_direct', 'litigation_after_review'];
const REVIEW_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const app = (row: string, col: string) => `applications.${row}.${col}`;

/** Every identity the values break (an identity with an unknown term is not checked). */
export function identityBreaks(v: Values): Break[] {
  const out: Break[] = [];
  const sum = (ids: string[]) => ids.reduce<number | null>((a, id) => {
    const x = v.get(id);
    return a === null || x === null || x === undefined ? null : a + x;
  }, 0);
  const check = (rule: Break['rule'], scope: string, left: string[], right: string[]) => {
    const lhs = sum(left), rhs = sum(right);
    if (lhs === null || rhs === null || Math.abs(lhs - rhs) < 1e-6) return;
    out.push({ rule, scope, lhs, rhs, cells: [...left, ...right] });
  };
  const other = v.get(app('other_total', 'total')) !== undefined ? ['other_total'] : OTHER_SPLIT;
  const results = ['granted', 'partial', ...DENIED, ...UNAVAILABLE, ...REJECTED, ...other];
  for (const col of COLS) {
    const flow = (a: string, b: string) => [app(a, col), app(b, col)];
    check(1, col, flow('new_received', 'carried_over'), flow('total_processed', 'carried_forward'));
    check(3, col, results.map((r) => app(r, col)), [app('total_processed', col)]);
  }
  const rows = ['new_received', 'carried_over', ...results, 'total_processed', 'carried_forward'];
  for (const row of rows) check(2, row, COLS.slice(0, 6).map((c) => app(row, c)), [app(row, 'total')]);
  for (const g of REVIEW) {
    const id = (c: string) => `review_litigation.${g}.${c}`;
    check(4, g, REVIEW_COLS.slice(0, 4).map(id), [id('total')]);
  }
  return out;
}

export const truthValues = (e: Expected): Values => new Map(expectedCells(e));
/** A report's values; cells of a table it did not find are left out. */
export const reportValues = (cells: Cell[]): Values =>
  new Map(cells.filter((c) => c.status !== 'missing').map((c) => [`${c.table}.${c.row}.${c.col}`, c.value]));

/** （六）其他处理 as one row: its three sub-rows added up, so that the two printed layouts compare. */
function oneOther(v: Values): Values {
  if (v.has(app('other_total', 'total')) || !v.has(app('other_other', 'total'))) return v;
  const out = new Map([...v].filter(([id]) => !OTHER_SPLIT.some((r) => id.startsWith(`applications.${r}.`))));
  for (const col of COLS) {
    const parts = OTHER_SPLIT.map((r) => v.get(app(r, col)));
    const known = parts.every((x) => x !== null && x !== undefined);
    out.set(app('other_total', col), known ? parts.reduce<number>((a, x) => a + x!, 0) : null);
  }
  return out;
}

const touches = (f: Finding, ids: Set<string>) => (f.cells ?? []).some((c) => ids.has(c)
  || (c.endsWith('.*') && [...ids].some((id) => id.startsWith(c.slice(0, -1)))));
const findingKey = (f: Finding) => `${f.rule}|${f.message}`;
const breakKey = (b: Break) => `${b.rule}:${b.scope}:${b.lhs}:${b.rhs}`;

export type Verdict =
  | { kind: 'same' }
  | { kind: 'undetectable'; diff: string[] }
  | { kind: 'reported'; diff: string[] }
  | { kind: 'silent'; diff: string[]; breaks: Break[] };

/**
 * An accepted report against its truth. 'same': every cell matches. 'reported': cells differ and a warning or
 * error that the unmutated report did not have touches a differing cell or a cell of a newly broken identity.
 * 'undetectable': cells differ, nothing says so, but they break no identity the truth keeps and no stated number
 * was lost (a digit changed so that every sum still holds). 'silent': the rest, which must not happen.
 */
export function judge(r: ParsedReport, truth: Expected, baseline: Finding[]): Verdict {
  const all = oneOther(new Map(r.cells.map((c) => [`${c.table}.${c.row}.${c.col}`, c.value])));
  const diff = [...oneOther(truthValues(truth))].filter(([id, v]) => (all.get(id) ?? null) !== v)
    .map(([id, v]) => `${id}: ${v} → ${all.get(id) ?? null}`);
  if (!diff.length) return { kind: 'same' };
  const before = new Set(identityBreaks(truthValues(truth)).map(breakKey));
  const breaks = identityBreaks(reportValues(r.cells)).filter((b) => !before.has(breakKey(b)));
  const ids = new Set([...diff.map((d) => d.split(':')[0]), ...breaks.flatMap((b) => b.cells)]);
  const old = new Set(baseline.map(findingKey));
  const said = r.findings.some((f) => f.severity !== 'info' && !old.has(findingKey(f)) && touches(f, ids));
  if (said) return { kind: 'reported', diff };
  const lost = diff.some((d) => d.endsWith('→ null'));
  return breaks.length || lost ? { kind: 'silent', diff, breaks } : { kind: 'undetectable', diff };
}
