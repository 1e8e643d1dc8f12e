/**
 * One report link: downloaded (size and time limits, the host's pace), ingested through ingestFile with its
 * address, kept in the reports folder under its host when stored, and remembered (URL and content hash). A page
 * that is no report itself but an article carrying the report as an attachment gives its file links.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { App } from '../app.js';
import { decodeText, detectKind } from '../ingest/detect.js';
import { isTransient } from '../ingest/errors.js';
import { ingestFile, sha256, type IngestOutcome } from '../ingest/pipeline.js';
import { PARSER_VERSION } from '../ingest/version.js';
import type { LinkStatus, WebLinkRow, WebSourceStore } from '../store/sources.js';
import type { SourceConfig } from './config.js';
import { candidateName, moveNoClobber, safeName, urlFileName } from './files.js';
import { fetchLimited, FetchError, type HostPacer } from './http.js';
import { findReportLinks, type LinkKind, type ReportLink } from './links.js';

export interface DownloadDeps {
  app: App;
  web: WebSourceStore;
  pacer: HostPacer;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  /** Downloads that were stored are kept in <reportsDir>/<host>/. */
  reportsDir: string;
  signal: AbortSignal;
  now: () => Date;
}

export interface LinkResult {
  url: string; kind: LinkKind; status: LinkStatus; reason?: string; reportId?: number; file?: string;
  outcome?: IngestOutcome;
  /** A page refused as no report: the report files it links to (an article with the report attached). */
  attachments?: ReportLink[];
}

const EXT: Partial<Record<ReturnType<typeof detectKind>, string>> = {
  pdf: '.pdf', docx: '.docx', doc: '.doc', html: '.html', text: '.txt',
};
const PAGE_EXT = /\.(?:s?html?|jsp|aspx?|php|do)$/i;

/** The name a download is kept by: the URL's file name, with the extension of what it is when that differs. */
export function downloadName(url: string, body: Buffer): string {
  const ext = EXT[detectKind(body)] ?? '.bin';
  const name = safeName(urlFileName(url), 'index');
  const own = extname(name).toLowerCase();
  if (own === ext || (ext === '.html' && PAGE_EXT.test(own))) return name;
  return safeName(name + ext);
}

/** Should a link seen before be downloaded again? A transient failure, a few times; a refusal, by a newer parser. */
export function wanted(row: WebLinkRow | undefined, maxAttempts: number): boolean {
  if (!row) return true;
  if (row.status === 'failed') return row.attempts < maxAttempts;
  return row.status === 'rejected' && row.parser_version < PARSER_VERSION;
}

/** The report files an HTML page links to, when the page itself was refused. */
function attachmentsOf(link: { kind: LinkKind }, body: Buffer, url: string): { attachments?: ReportLink[] } {
  if (link.kind !== 'page' || detectKind(body) !== 'html') return {};
  const files = findReportLinks(decodeText(body) ?? '', url).filter((l) => l.kind === 'file');
  return files.length ? { attachments: files } : {};
}

const freeIn = (dir: string, name: string) => {
  for (let n = 1; ; n++) if (!existsSync(join(dir, candidateName(name, n)))) return candidateName(name, n);
};

export async function downloadReport(
  link: { url: string; kind: LinkKind }, source: SourceConfig, d: DownloadDeps,
): Promise<LinkResult> {
  const log = d.app.log.child({ source: source.url });
  const done = (status: LinkStatus, more: Omit<LinkResult, 'url' | 'kind' | 'status'> & { sha?: string } = {}) => {
    const { sha, ...rest } = more;
    const { url } = link;
    const { reason } = rest;
    const parserVersion = PARSER_VERSION;
    d.web.linkSeen({ url, pageUrl: source.url, status, sha256: sha, reason, parserVersion, at: d.now() });
    if (status === 'failed' || status === 'rejected') log.warn({ url, status, reason }, 'web report not stored');
    else {
      const report = rest.outcome?.report;
      log.info({ url, status, file: rest.file, org: report?.org, year: report?.year }, 'web report');
    }
    return { url, kind: link.kind, status, ...rest };
  };
  let body: Buffer, finalUrl: string;
  try {
    const headers = { 'User-Agent': d.userAgent, Referer: source.url, Accept: '*/*' };
    const limits = { timeoutMs: d.timeoutMs, maxBytes: d.maxBytes, signal: d.signal };
    const res = await d.pacer.run(link.url, () => fetchLimited(link.url, headers, limits), d.signal);
    if (res.status !== 200) return done('failed', { reason: `${link.url} answered HTTP ${res.status}` });
    body = res.body;
    finalUrl = res.url;
  } catch (e) {
    if (e instanceof FetchError && e.code === 'aborted') throw e;
    const tooLarge = e instanceof FetchError && e.code === 'too_large'; // a verdict; the rest may pass
    return done(tooLarge ? 'rejected' : 'failed', { reason: (e as Error).message });
  }
  const sha = sha256(body);
  const known = d.app.store.reportBySha(sha);
  if (known) {
    d.web.noteReportSource(sha, link.url);
    return done('unchanged', { sha, reportId: known.id, file: known.source_file });
  }
  const hostDir = join(d.reportsDir, safeName(new URL(link.url).host));
  mkdirSync(hostDir, { recursive: true });
  const staging = mkdtempSync(join(d.reportsDir, '.incoming-'));
  try {
    const path = join(staging, freeIn(hostDir, downloadName(finalUrl, body)));
    writeFileSync(path, body);
    const origin = { url: link.url };
    let o = await ingestFile(path, d.app.ingest, undefined, origin);
    // the page's body stands in only when the report does not name its own
    if (o.status === 'rejected' && o.code === 'no_title' && source.body) {
      o = await ingestFile(path, d.app.ingest, { body: source.body }, origin);
    }
    if (o.status === 'rejected') {
      if (isTransient(o.code)) return done('failed', { sha, reason: o.reason, outcome: o });
      return done('rejected', { sha, reason: o.reason, outcome: o, ...attachmentsOf(link, body, finalUrl) });
    }
    if (o.status === 'unchanged') d.web.noteReportSource(sha, link.url);
    const kept = o.status === 'unchanged' ? undefined : moveNoClobber(path, hostDir, basename(path));
    return done(o.status, { sha, reportId: o.reportId, file: kept, outcome: o });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
