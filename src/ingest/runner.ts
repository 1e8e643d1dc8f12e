/**
 * Runs extraction jobs in a worker thread with a time limit. A job over the limit terminates the worker
 * (pdf.js cannot be cancelled otherwise) and a fresh one serves the next job. A worker left idle for `idleMs`
 * (10 s by default) is stopped, so an idle bot does not keep the readers' memory (pdf.js: hundreds of MB).
 */
import { Worker } from 'node:worker_threads';
import { Rejection } from './errors.js';
import type { TitleOverride } from './override.js';
import type { ParsedReport } from './report.js';
import type { Job, JobResult } from './worker.js';

export interface RunnerOptions { timeoutMs: number; maxPages: number; maxOldGenerationMb?: number; idleMs?: number }

const IDLE_MS = 10_000;

// Under TypeScript sources the worker needs tsx registered inside it: worker-boot.mjs does that.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker-boot.mjs' : './worker.js', import.meta.url);

export class ExtractRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly opts: RunnerOptions) {}

  private spawn(): Worker {
    const w = new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationMb ?? 1536 },
    });
    w.unref();
    return w;
  }

  /**
   * Parse one file's bytes; resolves with the report or rejects with a Rejection. Jobs run one at a time.
   * `override` is the body and/or year an admin gave for the file; `source` the host it was downloaded from.
   */
  run(
    data: Buffer, fileName: string, timeoutMs = this.opts.timeoutMs, override: TitleOverride = {}, source?: string,
  ): Promise<ParsedReport> {
    this.pending++;
    if (this.idle) { clearTimeout(this.idle); this.idle = null; }
    const job = this.queue.then(() => this.runNow(data, fileName, timeoutMs, override, source));
    this.queue = job.catch(() => undefined).finally(() => this.settled());
    return job;
  }

  /** Whether a worker is running now (it is started by the first job and stopped when idle). */
  get active(): boolean { return this.worker !== null; }

  private settled(): void {
    if (--this.pending > 0 || !this.worker) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.pending === 0 && this.worker) this.kill(this.worker);
    }, this.opts.idleMs ?? IDLE_MS);
    this.idle.unref();
  }

  private runNow(
    data: Buffer, fileName: string, timeoutMs: number, override: TitleOverride, source?: string,
  ): Promise<ParsedReport> {
    const w = (this.worker ??= this.spawn());
    const id = ++this.seq;
    return new Promise<ParsedReport>((resolve, reject) => {
      const done = () => { clearTimeout(timer); w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
      const timer = setTimeout(() => {
        done();
        this.kill(w);
        reject(new Rejection('timeout', `took longer than ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} to read and was stopped`));
      }, timeoutMs);
      const onMessage = (m: JobResult) => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m.report);
        else reject(new Rejection(m.code as never, m.message));
      };
      // the worker running out of memory or crashing says nothing final about the file (see isTransient)
      const onError = (e: Error) => {
        done();
        this.kill(w);
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|heap/i.test(e.message);
        reject(oom
          ? new Rejection('out_of_memory', 'could not be read: the reader ran out of memory and was stopped')
          : new Rejection('crashed', `could not be read: the reader crashed (${e.message})`));
      };
      const onExit = () => {
        done();
        if (this.worker === w) this.worker = null;
        reject(new Rejection('crashed', 'could not be read: the reader stopped unexpectedly'));
      };
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      const copy = new Uint8Array(data); // the worker gets its own bytes
      const { body, year } = override;
      const job: Job = { id, data: copy, fileName, maxPages: this.opts.maxPages, body, year, source };
      w.postMessage(job, [copy.buffer]);
    });
  }

  private kill(w: Worker): void {
    if (this.worker === w) this.worker = null;
    void w.terminate();
  }

  async close(): Promise<void> {
    if (this.idle) { clearTimeout(this.idle); this.idle = null; }
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
