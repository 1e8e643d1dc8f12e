/**
 * The statements each kind of question runs, with SQLite's EXPLAIN QUERY PLAN (printed by the scale bench):
 * every question looks its names up in the name index and its reports up by body and year; a look-up, a trend
 * and a comparison read a report's cells by primary key; a ranking and a total read the year's reports and one
 * index range of `figures` per cell they need. Nothing is read at start.
 */
import type { DB } from './db.js';
import type { Store } from './store.js';

const BY_KIND: [kind: string, statements: string[]][] = [
  ['names', ['hits', 'typos', 'inRegion', 'bodyById', 'aliasesOf']],
  ['reports', ['ofBodyYear', 'yearsOf', 'ofYear', 'rankReports']],
  ['lookup', ['cellsOf', 'findingsOf']],
  ['trend', ['cellsOf']],
  ['ranking', ['figures', 'rankTop', 'rankTopIn', 'rankCount', 'rankAhead', 'unranked']],
  ['total', ['total', 'totalIn', 'totalRows', 'totalAbsent']],
  ['comparison', ['cellsOf']],
];

function plan(db: DB, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]))];
  const args = named.length ? [Object.fromEntries(named.map((n) => [n, 1]))]
    : Array((sql.match(/\?/g) ?? []).length).fill(1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

export function explainPlans(store: Store, db: DB): { kind: string; sql: string; plan: string[] }[] {
  const out: { kind: string; sql: string; plan: string[] }[] = [];
  for (const [kind, names] of BY_KIND) {
    for (const name of names) {
      const fig = store.figures.statements as Record<string, string>;
      const sql = (name === 'figures' ? store.figures.sql : fig[name]
        ?? store.sqlOf(name) ?? store.names.sqlOf(name) ?? store.refs.sqlOf(name))?.replace(/\s+/g, ' ').trim();
      if (sql) out.push({ kind, sql: `${name}: ${sql}`, plan: plan(db, sql) });
    }
  }
  return out;
}
