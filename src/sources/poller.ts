/**
 * The web poller: each listing page of the sources file is fetched at its interval (conditional requests, the
 * poller's own User-Agent, a polite pace per host), its report links found and the new ones downloaded and
 * ingested. A failing page is tried again with exponential backoff and reported (onSourceFailing, and the log)
 * after `failThreshold` failures in a row, then at twice as many, and so on; it never holds up the others.
 */
import { join } from 'node:path';
import type { App } from '../app.js';
import { decodeText } from '../ingest/detect.js';
import { WebSourceStore, type WebPageRow } from '../store/sources.js';
import type { SourceConfig } from './config.js';
import { downloadReport, wanted, type DownloadDeps, type LinkResult } from './download.js';
import { fetchLimited, FetchError, HostPacer, userAgent } from './http.js';
import { findReportLinks, kindOf } from './links.js';

export interface PollerOptions {
  sources: SourceConfig[];
  /** Downloads that were stored are kept in <reportsDir>/<host>/ (default DATA_DIR/reports). */
  reportsDir?: string;
  /** The User-Agent (default "nianbao/<version> (+contact)"), and the contact (mail or URL) put in it. */
  userAgent?: string;
  contact?: string;
  /** The clock the schedule is kept by (ms), and how often due sources are looked for (default 30 s). */
  now?: () => number;
  tickMs?: number;
  /** false: no timer; the caller calls pollDue() (tests). */
  autoStart?: boolean;
  /** Per request (default 30 s), per listing page (2 MB), per file (default INGEST_MAX_MB). */
  timeoutMs?: number;
  maxPageBytes?: number;
  maxFileBytes?: number;
  /** The gap between two requests to one host (default 3 s). */
  paceMs?: number;
  /** Backoff after a failure: retryBaseMs, twice that … up to retryMaxMs (default 1 min … 6 h). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Failures in a row before a source is reported (default 3). */
  failThreshold?: number;
  /** New links downloaded per poll of one page (default 20; the rest at the next poll). */
  maxDownloadsPerPoll?: number;
  /** Downloads of a link that keeps failing before it is given up (default 5). */
  maxLinkAttempts?: number;
  onSourceFailing?: (source: SourceConfig, error: Error, count: number) => void;
  onSourceRecovered?: (source: SourceConfig, failures: number) => void;
  onReport?: (result: LinkResult, source: SourceConfig) => void;
}

export type PollStatus = 'ok' | 'not_modified' | 'failed';
export interface PollResult {
  source: string; status: PollStatus; links: number; reports: LinkResult[]; error?: string; failures?: number;
}
export interface PollerHandle {
  /** Poll every source that is due now (by the poller's clock); resolves when they are done. */
  pollDue(): Promise<PollResult[]>;
  /** When a source is due next (ms by the poller's clock). */
  dueAt(url: string): number | undefined;
  close(): Promise<void>;
}

/** The wait after `failures` failures in a row: base, 2·base, 4·base … at most max. */
export const retryDelay = (failures: number, baseMs: number, maxMs: number) =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));

/** Reported at the threshold, then at 2×, 4× … the threshold (3, 6, 12, 24 …). */
export function shouldReport(count: number, threshold: number): boolean {
  if (count < threshold || count % threshold) return false;
  const k = count / threshold;
  return (k & (k - 1)) === 0;
}

const MINUTE = 60_000;

export function startPoller(app: App, opts: PollerOptions): PollerHandle {
  const now = opts.now ?? Date.now;
  const web = new WebSourceStore(app.db);
  const ua = opts.userAgent ?? userAgent(opts.contact);
  const pacer = new HostPacer(opts.paceMs ?? 3000);
  const stop = new AbortController();
  const cfg = {
    timeoutMs: opts.timeoutMs ?? 30_000, maxPageBytes: opts.maxPageBytes ?? 2 * 2 ** 20,
    base: opts.retryBaseMs ?? MINUTE, max: opts.retryMaxMs ?? 360 * MINUTE, threshold: opts.failThreshold ?? 3,
    maxDownloads: opts.maxDownloadsPerPoll ?? 20, maxAttempts: opts.maxLinkAttempts ?? 5,
  };
  const deps: DownloadDeps = {
    app, web, pacer, userAgent: ua, timeoutMs: cfg.timeoutMs, maxBytes: opts.maxFileBytes ?? app.ingest.maxBytes,
    reportsDir: opts.reportsDir ?? join(app.config.dataDir, 'reports'), signal: stop.signal, now: () => new Date(now()),
  };
  const log = app.log.child({ poller: true });
  const busy = new Map<string, Promise<PollResult>>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const safely = (what: string, fn: () => void) => {
    try { fn(); } catch (e) { log.warn({ err: e }, `poller ${what} callback failed`); }
  };

  const dueOf = (s: SourceConfig, row: WebPageRow | undefined): number => {
    if (!row?.checked_at) return 0;
    const wait = row.failures ? retryDelay(row.failures, cfg.base, cfg.max) : s.intervalMinutes * MINUTE;
    return Date.parse(row.checked_at) + wait;
  };

  /** Download `links` in turn, and the files attached to a page that is no report (one level, within the limit). */
  async function downloadAll(links: { url: string; kind: 'file' | 'page' }[], s: SourceConfig): Promise<LinkResult[]> {
    const out: LinkResult[] = [];
    const queue = [...links];
    const queued = new Set(queue.map((l) => l.url));
    for (let l = queue.shift(); l; l = queue.shift()) {
      if (stop.signal.aborted) break;
      let r: LinkResult;
      try {
        r = await downloadReport(l, s, deps);
      } catch (e) {
        if (e instanceof FetchError && e.code === 'aborted') throw e;
        // a link that cannot be handled (a full disk …) is that link's failure, not the page's
        log.error({ err: e, url: l.url }, 'web report could not be handled');
        r = { url: l.url, kind: l.kind, status: 'failed', reason: (e as Error)?.message ?? String(e) };
        safely('record', () => web.linkSeen({ ...r, pageUrl: s.url, parserVersion: 0, at: new Date(now()) }));
      }
      safely('onReport', () => opts.onReport?.(r, s));
      out.push(r);
      for (const a of r.attachments ?? []) {
        if (queued.size >= cfg.maxDownloads || queued.has(a.url) || !wanted(web.link(a.url), cfg.maxAttempts)) continue;
        queued.add(a.url);
        queue.push(a);
      }
    }
    return out;
  }

  async function pollPage(s: SourceConfig, row: WebPageRow | undefined): Promise<PollResult> {
    const headers: Record<string, string> = {
      'User-Agent': ua, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'Accept-Language': 'zh-CN,zh;q=0.9',
    };
    if (row?.etag) headers['If-None-Match'] = row.etag;
    if (row?.last_modified) headers['If-Modified-Since'] = row.last_modified;
    const limits = { timeoutMs: cfg.timeoutMs, maxBytes: cfg.maxPageBytes, signal: stop.signal };
    const res = await pacer.run(s.url, () => fetchLimited(s.url, headers, limits), stop.signal);
    if (res.status === 304) {
      // the list is as before: only the links that failed for now are tried again
      const again = web.links(s.url).filter((l) => wanted(l, cfg.maxAttempts))
        .slice(0, cfg.maxDownloads).map((l) => ({ url: l.url, kind: kindOf(l.url) }));
      const reports = await downloadAll(again, s);
      web.pageOk(s.url, new Date(now()));
      return { source: s.url, status: 'not_modified', links: 0, reports };
    }
    if (res.status < 200 || res.status > 299) {
      throw new FetchError('http', `${s.url} answered HTTP ${res.status}`, res.status);
    }
    const html = decodeText(res.body);
    if (html === null) throw new FetchError('http', `${s.url} is not a text page`);
    const links = findReportLinks(html, res.url);
    const todo = links.filter((l) => wanted(web.link(l.url), cfg.maxAttempts));
    const reports = await downloadAll(todo.slice(0, cfg.maxDownloads), s);
    // links left for the next poll: no validators, so that poll reads the whole list again
    const complete = todo.length <= cfg.maxDownloads && !stop.signal.aborted;
    const header = (name: string) => (complete ? res.headers.get(name) : null);
    const validators = { etag: header('etag'), lastModified: header('last-modified') };
    web.pageOk(s.url, new Date(now()), validators);
    return { source: s.url, status: 'ok', links: links.length, reports };
  }

  async function pollOne(s: SourceConfig): Promise<PollResult> {
    const row = web.page(s.url);
    const at = new Date(now());
    try {
      const r = await pollPage(s, row);
      if (row && row.failures >= cfg.threshold) {
        log.info({ source: s.url, failures: row.failures }, 'web source works again');
        safely('onSourceRecovered', () => opts.onSourceRecovered?.(s, row.failures));
      }
      return r;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (e instanceof FetchError && e.code === 'aborted') {
        return { source: s.url, status: 'failed', links: 0, reports: [], error: err.message };
      }
      const count = web.pageFailed(s.url, at, err.message);
      const retryInMs = retryDelay(count, cfg.base, cfg.max);
      if (shouldReport(count, cfg.threshold)) {
        log.error({ source: s.url, body: s.body, failures: count, err: err.message, retryInMs }, 'web source failing');
        safely('onSourceFailing', () => opts.onSourceFailing?.(s, err, count));
      } else log.warn({ source: s.url, failures: count, err: err.message, retryInMs }, 'web source failed');
      return { source: s.url, status: 'failed', links: 0, reports: [], error: err.message, failures: count };
    }
  }

  function pollDue(): Promise<PollResult[]> {
    if (closed) return Promise.resolve([]);
    const t = now();
    const due = opts.sources.filter((s) => !busy.has(s.url) && dueOf(s, web.page(s.url)) <= t);
    return Promise.all(due.map((s) => {
      const p = pollOne(s).finally(() => busy.delete(s.url));
      busy.set(s.url, p);
      return p;
    }));
  }

  const tick = () => {
    if (closed) return;
    pollDue().catch((e) => log.error({ err: e }, 'poll failed'));
    timer = setTimeout(tick, opts.tickMs ?? 30_000);
    timer.unref();
  };
  if (opts.autoStart !== false) tick();
  log.info({ sources: opts.sources.length, userAgent: ua }, 'web poller started');

  return {
    pollDue,
    dueAt: (url) => {
      const s = opts.sources.find((x) => x.url === url);
      return s ? dueOf(s, web.page(url)) : undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      stop.abort();
      await Promise.allSettled([...busy.values()]);
    },
  };
}
