/**
 * HTTP for the poller (Node's fetch): a time limit on the whole exchange, a size limit read as the body
 * arrives, the poller's own User-Agent, and a polite pace per host (one request at a time, a gap between).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export type FetchErrorCode = 'timeout' | 'too_large' | 'network' | 'http' | 'aborted';

export class FetchError extends Error {
  constructor(readonly code: FetchErrorCode, message: string, readonly status?: number) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface Fetched { status: number; url: string; headers: Headers; body: Buffer }
export interface FetchLimits { timeoutMs: number; maxBytes: number; signal?: AbortSignal }

/** "nianbao/0.1.0 (+contact)": the version from package.json; the contact (mail or URL) when one is configured. */
export function userAgent(contact?: string): string {
  const text = readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8');
  const pkg = JSON.parse(text) as { version: string; homepage?: string };
  const who = contact?.trim() || pkg.homepage;
  return `nianbao/${pkg.version}${who ? ` (+${who})` : ''}`;
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

async function readLimited(res: Response, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError('too_large', `${url} is larger than ${mb(maxBytes)}`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** GET `url`; any HTTP status resolves (the caller judges it); time-outs, size and network errors throw FetchError. */
export async function fetchLimited(
  url: string, headers: Record<string, string>, limits: FetchLimits,
): Promise<Fetched> {
  const timer = new AbortController();
  const t = setTimeout(() => timer.abort(), limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timer.signal, limits.signal]) : timer.signal;
  try {
    const res = await fetch(url, { headers, signal, redirect: 'follow' });
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError('too_large', `${url} is larger than ${mb(limits.maxBytes)} (${mb(declared)})`);
    }
    const body = await readLimited(res, limits.maxBytes, url);
    return { status: res.status, url: res.url || url, headers: res.headers, body };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (limits.signal?.aborted) throw new FetchError('aborted', `${url}: stopped`);
    if (timer.signal.aborted) throw new FetchError('timeout', `${url} did not answer within ${limits.timeoutMs} ms`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new FetchError('network', `${url} could not be reached (${why})`);
  } finally {
    clearTimeout(t);
  }
}

export interface PacerClock { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> }

export const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => new Promise<void>((resolve, reject) => {
    if (signal?.aborted) { reject(new FetchError('aborted', 'stopped')); return; }
    const t = setTimeout(() => { signal?.removeEventListener('abort', stop); resolve(); }, ms);
    const stop = () => { clearTimeout(t); reject(new FetchError('aborted', 'stopped')); };
    signal?.addEventListener('abort', stop, { once: true });
  }),
};

/**
 * Requests to one host run one at a time, each starting at least `paceMs` after the previous one ended;
 * different hosts do not wait for each other.
 */
export class HostPacer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly paceMs: number, private readonly clock: PacerClock = realClock) {}

  async run<T>(url: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const host = new URL(url).host;
    const before = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => { release = r; });
    const tail = before.then(() => mine);
    this.tails.set(host, tail);
    try {
      await before;
      const last = this.ended.get(host);
      const wait = last === undefined ? 0 : last + this.paceMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, signal);
      return await fn();
    } finally {
      this.ended.set(host, this.clock.now());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}
