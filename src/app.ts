/** The process-wide pieces: database, store, extraction worker; built once, passed down, closed once. */
import { existsSync } from 'node:fs';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { ExtractRunner } from './ingest/runner.js';
import { syncFolder, type IngestContext } from './ingest/pipeline.js';
import { openDb, type DB } from './store/db.js';
import { Store } from './store/store.js';

export interface App {
  config: Config;
  log: Logger;
  db: DB;
  store: Store;
  ingest: IngestContext;
  close(): Promise<void>;
}

export function openApp(config: Config, log: Logger): App {
  const db = openDb(config.dbPath);
  const store = new Store(db);
  const runner = new ExtractRunner({ timeoutMs: config.ingest.timeoutMs, maxPages: config.ingest.maxPages });
  let closed = false;
  return {
    config, log, db, store,
    ingest: { store, runner, maxBytes: config.ingest.maxBytes },
    async close() {
      if (closed) return;
      closed = true;
      await runner.close();
      db.close();
    },
  };
}

/** New or changed files in the bundled reports folder go in before the app answers anything. */
export async function syncBundled(app: App): Promise<void> {
  if (!existsSync(app.config.dataDir)) return;
  const outcomes = await syncFolder(app.config.dataDir, app.ingest);
  for (const o of outcomes) {
    if (o.code === 'skipped') app.log.warn({ file: o.file, reason: o.reason }, 'bundled folder entry skipped');
    else if (o.status === 'rejected') app.log.warn({ file: o.file, reason: o.reason }, 'bundled report rejected');
    else app.log.info({ file: o.file, status: o.status, org: o.report?.org, year: o.report?.year }, 'bundled report');
  }
}
