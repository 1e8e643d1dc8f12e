/** What the web poller remembers (migration 7): each listing page's validators and failures, each link seen. */
import type { DB } from './db.js';

export interface WebPageRow {
  url: string; etag: string | null; last_modified: string | null; checked_at: string | null; ok_at: string | null;
  failures: number; last_error: string | null;
}
export type LinkStatus = 'ingested' | 'replaced' | 'unchanged' | 'rejected' | 'failed';
export interface WebLinkRow {
  url: string; page_url: string; status: LinkStatus; sha256: string | null; reason: string | null; attempts: number;
  parser_version: number; seen_at: string;
}
export interface LinkSeen {
  url: string; pageUrl: string; status: LinkStatus; sha256?: string; reason?: string; parserVersion: number; at: Date;
}

export class WebSourceStore {
  private readonly s;

  constructor(readonly db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      page: p('SELECT * FROM web_pages WHERE url = ?'),
      pageOk: p(`INSERT INTO web_pages (url, etag, last_modified, checked_at, ok_at, failures, last_error)
                 VALUES (@url, @etag, @lastModified, @at, @at, 0, NULL)
                 ON CONFLICT(url) DO UPDATE SET
                   etag = CASE WHEN @keep THEN COALESCE(excluded.etag, etag) ELSE excluded.etag END,
                   last_modified = CASE WHEN @keep THEN COALESCE(excluded.last_modified, last_modified)
                     ELSE excluded.last_modified END,
                   checked_at = excluded.checked_at, ok_at = excluded.ok_at, failures = 0, last_error = NULL`),
      pageFailed: p(`INSERT INTO web_pages (url, checked_at, failures, last_error) VALUES (?, ?, 1, ?)
                     ON CONFLICT(url) DO UPDATE SET checked_at = excluded.checked_at, failures = failures + 1,
                       last_error = excluded.last_error
                     RETURNING failures`),
      link: p('SELECT * FROM web_links WHERE url = ?'),
      linkPut: p(`INSERT INTO web_links (url, page_url, status, sha256, reason, attempts, parser_version, seen_at)
                  VALUES (@url, @pageUrl, @status, @sha256, @reason, 1, @parserVersion, @at)
                  ON CONFLICT(url) DO UPDATE SET page_url = excluded.page_url, status = excluded.status,
                    sha256 = COALESCE(excluded.sha256, sha256), reason = excluded.reason, attempts = attempts + 1,
                    parser_version = excluded.parser_version, seen_at = excluded.seen_at`),
      links: p('SELECT * FROM web_links WHERE page_url = ? ORDER BY url'),
      reportSource: p('UPDATE reports SET source_url = COALESCE(source_url, ?) WHERE sha256 = ?'),
    };
  }

  page(url: string): WebPageRow | undefined { return this.s.page.get(url) as WebPageRow | undefined; }

  /**
   * A successful fetch, no failures since. `validators` replace the stored ETag and Last-Modified (null clears
   * them: the next request is unconditional); without them (a 304) the stored ones are kept.
   */
  pageOk(url: string, at: Date, validators?: { etag: string | null; lastModified: string | null }): void {
    this.s.pageOk.run({
      url, etag: validators?.etag ?? null, lastModified: validators?.lastModified ?? null, at: at.toISOString(),
      keep: validators ? 0 : 1,
    });
  }

  /** A failed fetch; returns the failures in a row. */
  pageFailed(url: string, at: Date, error: string): number {
    return (this.s.pageFailed.get(url, at.toISOString(), error) as { failures: number }).failures;
  }

  link(url: string): WebLinkRow | undefined { return this.s.link.get(url) as WebLinkRow | undefined; }
  links(pageUrl: string): WebLinkRow[] { return this.s.links.all(pageUrl) as WebLinkRow[]; }

  linkSeen(l: LinkSeen): void {
    this.s.linkPut.run({
      url: l.url, pageUrl: l.pageUrl, status: l.status, sha256: l.sha256 ?? null, reason: l.reason ?? null,
      parserVersion: l.parserVersion, at: l.at.toISOString(),
    });
  }

  /** The address a stored report (by content hash) was found at, when it has none yet. */
  noteReportSource(sha256: string, url: string): void { this.s.reportSource.run(url, sha256); }
}
