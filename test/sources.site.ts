/**
 * A government web site for the poller tests, on 127.0.0.1: routes by decoded path, conditional GET (ETag and
 * Last-Modified → 304), failing and hanging pages, and a log of every request with its headers.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  body?: string | Buffer;
  type?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** Never answer (the client's time limit must end it). */
  hang?: boolean;
}
export interface SiteRequest { path: string; headers: IncomingHttpHeaders; status: number }
export interface Site {
  origin: string;
  url(path: string): string;
  pages: Map<string, Page>;
  requests: SiteRequest[];
  /** Requests since the last call. */
  take(): SiteRequest[];
  close(): Promise<void>;
}

export async function startSite(pages: Record<string, Page>): Promise<Site> {
  const map = new Map(Object.entries(pages));
  const requests: SiteRequest[] = [];
  let taken = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = map.get(path);
    const answer = (status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!page) return answer(404, 'not found', { 'Content-Type': 'text/plain' });
    if (page.hang) { requests.push({ path, headers: req.headers, status: 0 }); hanging.add(res); return; }
    const validators: Record<string, string> = {
      ...(page.etag ? { ETag: page.etag } : {}), ...(page.lastModified ? { 'Last-Modified': page.lastModified } : {}),
    };
    const fresh = (page.etag && req.headers['if-none-match'] === page.etag)
      || (!page.etag && page.lastModified && req.headers['if-modified-since'] === page.lastModified);
    if (fresh) return answer(304, undefined, validators);
    const type = page.type ?? 'text/html; charset=utf-8';
    answer(page.status ?? 200, page.body ?? '', { 'Content-Type': type, ...validators });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    pages: map,
    requests,
    take: () => requests.slice(taken, (taken = requests.length)),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Wait until `check` holds, polling every 20 ms, at most `ms`. */
export async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
