/** Versioned schema. Each migration runs once, in order, inside a transaction; never edit a released one. */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reports, cells, passages, findings',
    sql: `
      CREATE TABLE bodies (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,            -- identity across spellings: region code + name after the place
        name TEXT NOT NULL,                  -- canonical (fullest) name
        kind TEXT NOT NULL,                  -- government | department
        region TEXT                          -- JSON array: province › city › county
      );
      CREATE TABLE body_aliases (
        body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (body_id, alias)
      ) WITHOUT ROWID;
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        body_id INTEGER NOT NULL REFERENCES bodies(id),
        year INTEGER NOT NULL,
        format TEXT NOT NULL,
        org_printed TEXT NOT NULL,
        source_file TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        pages INTEGER,
        published TEXT,
        ingested_at TEXT NOT NULL,
        superseded_by INTEGER REFERENCES reports(id)
      );
      CREATE INDEX reports_body_year ON reports(body_id, year);
      CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        col_key TEXT NOT NULL,
        value REAL,
        raw TEXT NOT NULL,
        status TEXT NOT NULL,
        page INTEGER,
        line INTEGER,
        excerpt TEXT,
        PRIMARY KEY (report_id, tbl, row_key, col_key)
      ) WITHOUT ROWID;
      CREATE INDEX cells_metric ON cells(tbl, row_key, col_key);
      CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        page INTEGER,
        line INTEGER,
        text TEXT NOT NULL
      );
      CREATE INDEX passages_report ON passages(report_id);
      CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='id', tokenize='trigram');
      CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        excerpt TEXT,
        page INTEGER,
        cells TEXT                           -- JSON array of "table.row.col"
      );
      CREATE INDEX findings_report ON findings(report_id);
      CREATE TABLE claims (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        metric TEXT NOT NULL,
        value REAL NOT NULL,
        sentence TEXT NOT NULL,
        page INTEGER
      );
      CREATE TABLE sources (
        sha256 TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        status TEXT NOT NULL,                -- ingested | rejected
        reason TEXT,
        seen_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'telegram chats',
    sql: `
      CREATE TABLE chats (
        id INTEGER PRIMARY KEY,              -- Telegram chat id
        type TEXT NOT NULL,                  -- private | group | supergroup | channel
        title TEXT,
        active INTEGER NOT NULL DEFAULT 1,   -- 0 once the bot was removed or blocked
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'parser version of each report and source',
    sql: `
      ALTER TABLE reports ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sources ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    name: 'where each body is and what decided it',
    sql: `
      ALTER TABLE bodies ADD COLUMN placement TEXT;   -- JSON: status (placed | ambiguous | unknown), evidence
      ALTER TABLE bodies ADD COLUMN stem TEXT;        -- deepest place + rest of the name: bodies that may be one
      CREATE INDEX bodies_stem ON bodies(stem);
    `,
  },
  {
    version: 5,
    name: 'the body and year an admin gave for a report file',
    sql: `
      ALTER TABLE reports ADD COLUMN override_body TEXT;
      ALTER TABLE reports ADD COLUMN override_year INTEGER;
    `,
  },
];
