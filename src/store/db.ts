/** Opening the database: WAL, foreign keys, migrations. Several processes may open and write the same file. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';

export type DB = Database.Database;

export class DbOpenError extends Error {}

/** SQLite's page cache of a connection (KB): what a bot reading answers needs. Batches of ingest take more. */
export const CACHE_KB = 16 * 1024;
export const BULK_CACHE_KB = 64 * 1024;

/** How long a statement waits for another process's write lock before it reports the database busy. */
export const BUSY_TIMEOUT_MS = 5000;

/** What the first reads of a file that is not this database say, in words for a user. */
function openFailure(path: string, e: unknown): DbOpenError {
  const code = String((e as { code?: unknown })?.code ?? '');
  const why = code === 'SQLITE_NOTADB' ? 'the file is not a SQLite database'
    : code.startsWith('SQLITE_CORRUPT') ? 'the database file is damaged'
      : code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') ? 'it cannot be opened for writing'
        : (e as Error).message;
  const fix = 'Set DB_PATH (or --db) to a nianbao database or a new file.';
  return new DbOpenError(`Cannot open the database ${path}: ${why}. ${fix}`);
}

/** SQLite's "another connection holds the lock" (busy, or locked by a shared-cache neighbour). */
export const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown })?.code ?? ''));
/** A synchronous pause (the store is synchronous, like better-sqlite3). */
export const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** `run`, tried again every few milliseconds while SQLite says the database is busy, for at most `ms`. */
function whileBusy<T>(run: () => T, ms: number): T {
  const until = Date.now() + ms;
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      return run();
    } catch (e) {
      if (!isBusy(e) || Date.now() + wait > until) throw e;
      pause(wait); // opening is synchronous
    }
  }
}

export function openDb(path: string): DB {
  let db: DB;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (e) {
    const why = (e as Error).message;
    throw new DbOpenError(`Cannot open the database ${path}: ${why}. Set DB_PATH (or --db) to a writable file.`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // switching a new file to WAL wants a lock another process opening it may hold; SQLite reports that busy at
    // once instead of waiting (busy_timeout does not cover it), so it is tried again until the same deadline
    whileBusy(() => db.pragma('journal_mode = WAL'), BUSY_TIMEOUT_MS);
    db.pragma('synchronous = NORMAL'); // in WAL: a killed process loses nothing committed; one fsync a checkpoint
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KB}`);
    db.pragma('wal_autocheckpoint = 10000');
    whileBusy(() => migrate(db), BUSY_TIMEOUT_MS);
  } catch (e) {
    db.close();
    throw openFailure(path, e);
  }
  return db;
}

/**
 * Every migration not applied yet, in order (not only those above the highest: versions may land out of order),
 * all in one IMMEDIATE transaction: two processes opening a new file at once do not both apply them.
 */
export function migrate(db: DB): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations
             (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const todo = () => {
    const done = new Set(applied.all() as number[]);
    return [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((x) => !done.has(x.version));
  };
  if (todo().length) {
    db.transaction(() => {
      for (const m of todo()) {
        db.exec(m.sql);
        record.run(m.version, m.name, new Date().toISOString());
      }
    }).immediate();
  }
  return Math.max(0, ...MIGRATIONS.map((m) => m.version));
}
