/**
 * The inbox folder (DATA_DIR/inbox by default): a file dropped there is ingested like any other, then moved to
 * the reports folder, or to the rejected folder with `<name>.reason.txt`. A file still being written is waited
 * for (its size unchanged for `stabilityMs`); a transient failure (timeout, crash: isTransient) leaves the file
 * where it is, to be tried again later. Files are taken one at a time.
 */
import { watch, type FSWatcher } from 'chokidar';
import { mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { App } from '../app.js';
import { isTransient } from '../ingest/errors.js';
import { ingestFile, type IngestOutcome } from '../ingest/pipeline.js';
import { moveNoClobber, writeCompanion } from './files.js';

export interface InboxOptions {
  /** The watched folder (default DATA_DIR/inbox), and where files go after (DATA_DIR/reports, DATA_DIR/rejected). */
  dir?: string;
  reportsDir?: string;
  rejectedDir?: string;
  /** A file is read once its size has not changed for this long (default 2 s), checked every `pollMs` (100 ms). */
  stabilityMs?: number;
  pollMs?: number;
  /** After a transient failure the file is tried again after retryMs, then twice as long … (default 5 min), */
  retryMs?: number;
  /** … at most this many times (default 5); after that it stays in the inbox until the next start. */
  maxRetries?: number;
  /** Poll the folder instead of file-system events (network drives). */
  usePolling?: boolean;
  /** Told of each file handled (tests, logs). */
  onOutcome?: (o: InboxOutcome) => void;
}

export type InboxStatus = 'ingested' | 'replaced' | 'unchanged' | 'rejected' | 'retry' | 'left';
export interface InboxOutcome { file: string; status: InboxStatus; movedTo?: string; outcome: IngestOutcome }
export interface InboxHandle { dir: string; ready: Promise<void>; close(): Promise<void> }

export const REASON_SUFFIX = '.reason.txt';
/** Names that are not finished files: hidden files, Office lock files, partial downloads and copies. */
const NOT_A_DROP = /^\.|^~\$|\.(?:part|partial|crdownload|download|tmp|temp|swp)$/i;

function reasonText(o: IngestOutcome, name: string, at: Date): string {
  const reason = o.reason ?? `${name} was rejected`;
  return `${[reason, `code: ${o.code ?? 'unknown'}`, `file: ${name}`, `at: ${at.toISOString()}`].join('\n')}\n`;
}

const sizeAndTime = (p: string) => {
  const st = statSync(p, { throwIfNoEntry: false });
  return st ? `${st.size}:${st.mtimeMs}` : null;
};

export function startInbox(app: App, opts: InboxOptions = {}): InboxHandle {
  const dir = resolve(opts.dir ?? join(app.config.dataDir, 'inbox'));
  const reportsDir = resolve(opts.reportsDir ?? join(app.config.dataDir, 'reports'));
  const rejectedDir = resolve(opts.rejectedDir ?? join(app.config.dataDir, 'rejected'));
  for (const d of [dir, reportsDir, rejectedDir]) mkdirSync(d, { recursive: true });
  const retryMs = opts.retryMs ?? 5 * 60_000;
  const maxRetries = opts.maxRetries ?? 5;
  const log = app.log.child({ inbox: dir });

  const retries = new Map<string, { count: number; timer?: NodeJS.Timeout }>();
  const queued = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const tell = (o: InboxOutcome) => {
    try { opts.onOutcome?.(o); } catch (e) { log.warn({ err: e }, 'inbox onOutcome failed'); }
  };

  const settle = (file: string, o: IngestOutcome): InboxOutcome => {
    const name = basename(file);
    if (o.status === 'rejected' && isTransient(o.code)) {
      const r = retries.get(file) ?? { count: 0 };
      retries.set(file, r);
      if (r.count >= maxRetries) {
        const tries = r.count + 1;
        log.warn({ file: name, reason: o.reason, tries }, 'inbox file still failing: left for the next start');
        return { file, status: 'left', outcome: o };
      }
      const wait = retryMs * 2 ** r.count++;
      r.timer = setTimeout(() => { r.timer = undefined; enqueue(file); }, wait);
      r.timer.unref();
      log.warn({ file: name, reason: o.reason, retryInMs: wait }, 'inbox file failed for now: tried again later');
      return { file, status: 'retry', outcome: o };
    }
    retries.delete(file);
    if (o.status === 'rejected') {
      const movedTo = moveNoClobber(file, rejectedDir, name, [REASON_SUFFIX]);
      try { writeCompanion(movedTo, REASON_SUFFIX, reasonText(o, name, new Date())); } catch (e) {
        log.error({ err: e, file: movedTo }, 'could not write the reason file');
      }
      log.warn({ file: name, movedTo, reason: o.reason }, 'inbox file rejected');
      return { file, status: 'rejected', movedTo, outcome: o };
    }
    const movedTo = moveNoClobber(file, reportsDir, name);
    const { org, year } = o.report ?? {};
    log.info({ file: name, movedTo, status: o.status, org, year }, 'inbox file ingested');
    return { file, status: o.status, movedTo, outcome: o };
  };

  const handle = async (file: string) => {
    queued.delete(file);
    const before = sizeAndTime(file);
    if (closed || before === null) return;
    const o = await ingestFile(file, app.ingest);
    // written to again while it was read: the next 'change' event brings it back
    if (sizeAndTime(file) !== before) { log.info({ file: basename(file) }, 'inbox file changed while read'); return; }
    tell(settle(file, o));
  };

  function enqueue(file: string): void {
    if (closed || queued.has(file)) return;
    queued.add(file);
    chain = chain.then(() => handle(file)).catch((e) => log.error({ err: e, file }, 'inbox file could not be handled'));
  }

  const watcher: FSWatcher = watch(dir, {
    depth: 0,
    ignoreInitial: false,
    usePolling: opts.usePolling ?? false,
    awaitWriteFinish: { stabilityThreshold: opts.stabilityMs ?? 2000, pollInterval: opts.pollMs ?? 100 },
    ignored: (p, st) => resolve(p) !== dir && (NOT_A_DROP.test(basename(p)) || (!!st && !st.isFile())),
  });
  watcher.on('add', enqueue);
  watcher.on('change', enqueue);
  watcher.on('unlink', (p) => { clearTimeout(retries.get(p)?.timer); retries.delete(p); });
  watcher.on('error', (e) => log.error({ err: e }, 'inbox watcher error'));
  const ready = new Promise<void>((r) => watcher.once('ready', () => {
    log.info({ dir, reportsDir, rejectedDir }, 'inbox watched');
    r();
  }));

  return {
    dir,
    ready,
    async close() {
      if (closed) return;
      closed = true;
      for (const r of retries.values()) clearTimeout(r.timer);
      await watcher.close();
      await chain; // a file being ingested is finished, so the database can be closed after
    },
  };
}
