/**
 * EXPLAIN QUERY PLAN of the statements each question kind runs. When the query layer exports `explainPlans()`
 * (src/query/plans.ts, or src/store/plans.ts) its plans are printed; until then, the plans of the store's prepared
 * statements the current engine uses for each kind (read from the Store, not written here).
 */
import type { DB } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';

export interface KindPlan { kind: string; sql: string; plan: string[] }
export interface Plans { source: string; plans: KindPlan[] }

const OPTIONAL_MODULES = ['../../src/query/plans.js', '../../src/store/plans.js'];

/** The statements of src/store/store.ts the current engine runs, per question kind. */
const STATEMENTS_BY_KIND: Record<string, string[]> = {
  'start-up': ['bodies', 'aliases', 'activeReports'],
  lookup: ['cellsOf', 'findingsOf'],
  trend: ['cellsOf'],
  ranking: ['cellsOf'],
  total: ['cellsOf'],
  comparison: ['cellsOf'],
};

interface Statement { source: string }

/** One plan as indented lines, from EXPLAIN QUERY PLAN rows. */
function planOf(db: DB, sql: string): string[] {
  const positional = (sql.match(/\?/g) ?? []).length;
  const named = [...new Set([...sql.matchAll(/[@:$](\w+)/g)].map((m) => m[1]))];
  const args = named.length ? [Object.fromEntries(named.map((n) => [n, 1]))] : Array(positional).fill(1);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d - 1)}${r.detail}`;
  });
}

/** Whatever shape explainPlans() returns: [{kind, sql?, plan}] or {kind: plan lines or text}. */
function normalise(x: unknown): KindPlan[] {
  const lines = (p: unknown) => (Array.isArray(p) ? p.map(String) : String(p ?? '').split('\n'));
  if (Array.isArray(x)) {
    return x.map((e: { kind?: string; sql?: string; plan?: unknown }) =>
      ({ kind: String(e.kind ?? '?'), sql: String(e.sql ?? ''), plan: lines(e.plan) }));
  }
  const byKind = Object.entries((x ?? {}) as Record<string, unknown>);
  return byKind.map(([kind, plan]) => ({ kind, sql: '', plan: lines(plan) }));
}

export async function queryPlans(store: Store, db: DB): Promise<Plans> {
  for (const path of OPTIONAL_MODULES) {
    type Mod = { explainPlans?: (store: Store, db: DB) => unknown };
    let mod: Mod;
    try { mod = (await import(path)) as Mod; } catch { continue; }
    const explain = mod.explainPlans;
    if (typeof explain === 'function') {
      return { source: `${path.replace('../../', '')} explainPlans()`, plans: normalise(await explain(store, db)) };
    }
  }
  const stmts = (store as unknown as { s: Record<string, Statement> }).s;
  const plans: KindPlan[] = [];
  for (const [kind, names] of Object.entries(STATEMENTS_BY_KIND)) {
    for (const name of names.filter((n) => stmts[n])) {
      const sql = stmts[name].source.replace(/\s+/g, ' ').trim();
      plans.push({ kind, sql: `${name}: ${sql}`, plan: planOf(db, sql) });
    }
  }
  return { source: 'the statements of src/store/store.ts the current engine runs per kind', plans };
}
