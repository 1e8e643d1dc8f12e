/**
 * Reports another process added (the CLI, the inbox, the poller) are seen without a restart: before answering,
 * the store's version stamp (PRAGMA data_version and the newest report) is compared with the last one seen, and
 * the engine re-reads bodies and reports when it moved.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../log.js';
import type { DB } from '../store/db.js';
import { StoreVersion } from '../store/version.js';

export class Freshness {
  private readonly version: StoreVersion;
  private last: string;

  constructor(db: DB, private readonly engine: { refresh(): void }, private readonly log?: Logger) {
    this.version = new StoreVersion(db);
    this.last = this.version.stamp();
  }

  /** Refresh the engine if the reports may have changed; true when it did. */
  check(): boolean {
    const stamp = this.version.stamp();
    if (stamp === this.last) return false;
    this.last = stamp;
    this.engine.refresh();
    this.log?.debug({ stamp }, 'reports changed: engine refreshed');
    return true;
  }

  /** This process stored a report: refresh now, and remember the stamp so the next check does not again. */
  refreshNow(): void {
    this.last = this.version.stamp();
    this.engine.refresh();
  }

  middleware<C extends Context>(): MiddlewareFn<C> {
    return async (_ctx, next) => {
      try {
        this.check();
      } catch (e) {
        this.log?.error({ err: e }, 'could not check the database for new reports');
      }
      await next();
    };
  }
}
