/**
 * Migration 10: one active report per body and year, enforced by the schema (a unique partial index), not only by
 * the store's order of writes. Two active reports of one body and year would make every answer about them
 * ambiguous: which number is the body's? A database that already holds such a pair keeps the newest report
 * (the highest id, the last written) active and marks the others superseded by it, as a new version would.
 * The index also serves the store's look-up of a body's active report of a year.
 */
export const ACTIVE_MIGRATION = {
  version: 10,
  name: 'one active report per body and year',
  sql: `
    UPDATE reports SET superseded_by = (
        SELECT MAX(n.id) FROM reports n
        WHERE n.body_id = reports.body_id AND n.year = reports.year AND n.superseded_by IS NULL)
      WHERE superseded_by IS NULL AND id < (
        SELECT MAX(n.id) FROM reports n
        WHERE n.body_id = reports.body_id AND n.year = reports.year AND n.superseded_by IS NULL);
    CREATE UNIQUE INDEX reports_one_active ON reports(body_id, year) WHERE superseded_by IS NULL;
  `,
};
