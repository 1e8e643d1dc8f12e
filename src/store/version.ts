/**
 * Has the database changed since we last looked? PRAGMA data_version moves when another connection commits
 * (the CLI, another process); the newest report id catches this connection's own ingests too.
 */
import type { DB } from './db.js';

export class StoreVersion {
  private readonly dataVersion;
  private readonly lastReport;

  constructor(db: DB) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.lastReport = db.prepare('SELECT COALESCE(MAX(id), 0) FROM reports').pluck();
  }

  /** A stamp that differs whenever reports may have changed. */
  stamp(): string { return `${this.dataVersion.get() as number}:${this.lastReport.get() as number}`; }
}
