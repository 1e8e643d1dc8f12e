/**
 * Migration 8: `figures`, the values of the active reports' cells keyed by cell and year, so that a ranking or a
 * total over every report of a year reads one index range per cell (about 10,000 rows at 50,000 reports) instead
 * of every report's cells. Kept by triggers, whatever path writes cells or retires a report:
 *   a cell inserted for an active report → its figure; a report superseded or deleted → its figures go;
 *   a report made active again → its figures come back.
 * It replaces the index cells_metric, which no statement used.
 */
export const FIGURES_MIGRATION = {
  version: 8,
  name: 'figures: active cell values by cell and year (rankings and totals)',
  sql: `
    CREATE TABLE figures (
      tbl TEXT NOT NULL,
      row_key TEXT NOT NULL,
      col_key TEXT NOT NULL,
      year INTEGER NOT NULL,
      report_id INTEGER NOT NULL,
      value REAL,
      status TEXT NOT NULL,
      PRIMARY KEY (tbl, row_key, col_key, year, report_id)
    ) WITHOUT ROWID;
    INSERT INTO figures (tbl, row_key, col_key, year, report_id, value, status)
      SELECT c.tbl, c.row_key, c.col_key, r.year, c.report_id, c.value, c.status
      FROM reports r JOIN cells c ON c.report_id = r.id WHERE r.superseded_by IS NULL;
    DROP INDEX IF EXISTS cells_metric;
    CREATE TRIGGER figures_cell_in AFTER INSERT ON cells BEGIN
      INSERT OR REPLACE INTO figures (tbl, row_key, col_key, year, report_id, value, status)
        SELECT NEW.tbl, NEW.row_key, NEW.col_key, r.year, NEW.report_id, NEW.value, NEW.status
        FROM reports r WHERE r.id = NEW.report_id AND r.superseded_by IS NULL;
    END;
    CREATE TRIGGER figures_cell_up AFTER UPDATE OF value, status ON cells BEGIN
      UPDATE figures SET value = NEW.value, status = NEW.status
        WHERE tbl = NEW.tbl AND row_key = NEW.row_key AND col_key = NEW.col_key AND report_id = NEW.report_id
          AND year = (SELECT year FROM reports WHERE id = NEW.report_id);
    END;
    CREATE TRIGGER figures_cell_out AFTER DELETE ON cells BEGIN
      DELETE FROM figures
        WHERE tbl = OLD.tbl AND row_key = OLD.row_key AND col_key = OLD.col_key AND report_id = OLD.report_id
          AND year IN (SELECT year FROM reports WHERE id = OLD.report_id);
    END;
    CREATE TRIGGER figures_report_retired AFTER UPDATE OF superseded_by ON reports
      WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL BEGIN
      DELETE FROM figures WHERE (tbl, row_key, col_key, year, report_id) IN
        (SELECT tbl, row_key, col_key, OLD.year, OLD.id FROM cells WHERE report_id = OLD.id);
    END;
    CREATE TRIGGER figures_report_back AFTER UPDATE OF superseded_by ON reports
      WHEN OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NULL BEGIN
      INSERT OR REPLACE INTO figures (tbl, row_key, col_key, year, report_id, value, status)
        SELECT tbl, row_key, col_key, NEW.year, NEW.id, value, status FROM cells WHERE report_id = NEW.id;
    END;
    CREATE TRIGGER figures_report_year AFTER UPDATE OF year ON reports WHEN NEW.superseded_by IS NULL BEGIN
      DELETE FROM figures WHERE (tbl, row_key, col_key, year, report_id) IN
        (SELECT tbl, row_key, col_key, OLD.year, OLD.id FROM cells WHERE report_id = OLD.id);
      INSERT OR REPLACE INTO figures (tbl, row_key, col_key, year, report_id, value, status)
        SELECT tbl, row_key, col_key, NEW.year, NEW.id, value, status FROM cells WHERE report_id = NEW.id;
    END;
    CREATE TRIGGER figures_report_gone BEFORE DELETE ON reports BEGIN
      DELETE FROM figures WHERE (tbl, row_key, col_key, year, report_id) IN
        (SELECT tbl, row_key, col_key, OLD.year, OLD.id FROM cells WHERE report_id = OLD.id);
    END;
  `,
};
