/** Versioned schema. Each migration runs once, in order, inside a transaction; never edit a released one. */
import { FIGURES_MIGRATION } from './figuresSchema.js';
import { ACTIVE_MIGRATION } from './activeSchema.js';
import { NAMES_MIGRATION } from './namesSchema.js';
import { RATES_MIGRATION } from './ratesSchema.js';

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
  {
    version: 7,
    name: 'web sources: listing pages polled, links seen, the address each report came from',
    sql: `
      ALTER TABLE reports ADD COLUMN source_url TEXT;  -- the web address the report was downloaded from
      CREATE TABLE web_pages (
        url TEXT PRIMARY KEY,                -- a listing page named in the sources file
        etag TEXT,                           -- validators sent with the next request (If-None-Match …)
        last_modified TEXT,
        checked_at TEXT,                     -- last attempt
        ok_at TEXT,                          -- last success
        failures INTEGER NOT NULL DEFAULT 0, -- failures in a row: the backoff, and when admins are told
        last_error TEXT
      ) WITHOUT ROWID;
      CREATE TABLE web_links (
        url TEXT PRIMARY KEY,                -- a report page or file found on a listing page
        page_url TEXT NOT NULL,
        status TEXT NOT NULL,                -- ingested | replaced | unchanged | rejected | failed
        sha256 TEXT,                         -- content hash of the download
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0, -- downloads tried (a 'failed' link is tried again, a few times)
        parser_version INTEGER NOT NULL DEFAULT 0,
        seen_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX web_links_sha ON web_links(sha256);
    `,
  },
  {
    version: 6,
    name: 'subscriptions per chat and the alert outbox',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,            -- Telegram chat id (moves with a group upgraded to a supergroup)
        key TEXT NOT NULL,                   -- all | body:<id> | region:<省/市/县> | name:<名称> (a body not on file)
        label TEXT NOT NULL,                 -- what /subscriptions shows
        mode TEXT NOT NULL DEFAULT 'all',    -- all | findings | late
        silent INTEGER NOT NULL DEFAULT 0,   -- sent with disable_notification
        created_by INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (chat_id, key)
      );
      CREATE INDEX subscriptions_key ON subscriptions(key);
      CREATE TABLE alert_outbox (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        kind TEXT NOT NULL,                  -- new | correction | deadline | late_note
        dedup TEXT NOT NULL,                 -- once per chat: n:<body>:<year>, c:<report>, d:<year>:<MM-DD>, l:<body>:<year>
        report_id INTEGER,                   -- the report announced (no foreign key: a parse-again repoints it)
        payload TEXT,                        -- JSON: the replaced report, the bodies of a deadline list …
        silent INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending', -- pending | sent | dropped | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,  -- ms since the epoch
        created_at TEXT NOT NULL,
        sent_at TEXT,
        error TEXT,
        UNIQUE (chat_id, dedup)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox(status, not_before);
      CREATE INDEX alert_outbox_report ON alert_outbox(report_id);
      CREATE TABLE alert_listed (            -- bodies a chat was told were late (逾期未发布), for the note on arrival
        chat_id INTEGER NOT NULL,
        body_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        PRIMARY KEY (chat_id, body_id, year)
      ) WITHOUT ROWID;
    `,
  },
  FIGURES_MIGRATION,
  NAMES_MIGRATION,
  ACTIVE_MIGRATION,
  RATES_MIGRATION,
];
