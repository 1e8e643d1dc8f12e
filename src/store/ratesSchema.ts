/**
 * Migration 11: the stored rates (src/domain/rates.ts) of each active report, as rows of `figures` under the
 * table `rate` (rate.open_rate.total, …), so that a ranking of 公开率 over 50,000 reports is an index range with
 * LIMIT like a cell's, not a computation for every body of the year. Kept by triggers on `figures` itself: a change
 * to one of a rate's cells for a report (a cell written, a report retired, made active again, moved to another year,
 * deleted) computes that report's rate again, which is none when a cell is not printed or the denominator is 0.
 * The SQL is made from the recipes (constants of the code; no input reaches it).
 */
import { RATE_TABLE, STORED_RATES, type RateOperand, type StoredRate } from '../domain/rates.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const COLUMNS = 'INSERT INTO figures (tbl, row_key, col_key, year, report_id, value, status)';

/** Σ sign × operand for the report and year given: NULL when an operand is not printed. */
function sum(ops: RateOperand[], year: string, report: string): string {
  const terms = ops.map(({ key, sign }) => {
    const [tbl, row, col] = key.split('.');
    return `${sign < 0 ? '-' : '+'} (SELECT o.value FROM figures o WHERE o.tbl = ${quote(tbl)}
      AND o.row_key = ${quote(row)} AND o.col_key = ${quote(col)} AND o.year = ${year}
      AND o.report_id = ${report} AND o.status <> 'missing')`;
  });
  return `(0 ${terms.join(' ')})`;
}

/** The rate's row for the report and year (of the row `from` reads, if any): a SELECT of one row, or none. */
function rateRow(r: StoredRate, year: string, report: string, from = ''): string {
  return `SELECT ${quote(RATE_TABLE)}, ${quote(r.id)}, 'total', y, id, n / d, 'derived'
    FROM (SELECT ${year} AS y, ${report} AS id, 1.0 * ${sum(r.num, year, report)} AS n,
      1.0 * ${sum(r.den, year, report)} AS d ${from})
    WHERE n IS NOT NULL AND d IS NOT NULL AND d <> 0`;
}

/** The rate of the report and year of the row NEW or OLD, computed again. */
function recompute(r: StoredRate, row: 'NEW' | 'OLD'): string {
  return `DELETE FROM figures WHERE tbl = ${quote(RATE_TABLE)} AND row_key = ${quote(r.id)} AND col_key = 'total'
      AND year = ${row}.year AND report_id = ${row}.report_id;
    ${COLUMNS} ${rateRow(r, `${row}.year`, `${row}.report_id`)};`;
}

/** The triggers of one rate: a row of one of its operands inserted, updated or deleted. */
function triggers(r: StoredRate): string {
  const keys = [...new Set([...r.num, ...r.den].map((o) => quote(o.key)))].join(', ');
  const of = (row: string) => `${row}.tbl <> ${quote(RATE_TABLE)}
    AND ${row}.tbl || '.' || ${row}.row_key || '.' || ${row}.col_key IN (${keys})`;
  const name = `rate_${r.id}`;
  return `
    CREATE TRIGGER ${name}_in AFTER INSERT ON figures WHEN ${of('NEW')} BEGIN ${recompute(r, 'NEW')} END;
    CREATE TRIGGER ${name}_up AFTER UPDATE ON figures WHEN ${of('NEW')} BEGIN ${recompute(r, 'NEW')} END;
    CREATE TRIGGER ${name}_out AFTER DELETE ON figures WHEN ${of('OLD')} BEGIN ${recompute(r, 'OLD')} END;`;
}

/** Every active report's rate, once: one INSERT … SELECT over the rows of the rate's first denominator cell. */
function backfill(r: StoredRate): string {
  const [tbl, row, col] = r.den[0].key.split('.');
  const from = `FROM figures k
    WHERE k.tbl = ${quote(tbl)} AND k.row_key = ${quote(row)} AND k.col_key = ${quote(col)}`;
  return `\n    ${COLUMNS} ${rateRow(r, 'k.year', 'k.report_id', from)};`;
}

export const RATES_MIGRATION = {
  version: 11,
  name: 'rates: the defined rates of each active report in figures (rankings of a rate by index)',
  sql: STORED_RATES.map((r) => triggers(r) + backfill(r)).join('\n'),
};
