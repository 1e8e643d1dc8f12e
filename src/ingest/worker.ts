/** Worker thread: extraction and parsing run here, so a stuck or huge file never blocks the process. */
import { parentPort } from 'node:worker_threads';
import { Rejection } from './errors.js';
import { extractFile } from './extract/index.js';
import { parseReport } from './parse.js';

export interface Job {
  id: number; data: Uint8Array; fileName: string; maxPages: number;
  /** The body and year an admin gave for the file (they replace what the title says). */
  body?: string; year?: number;
  /** The host the file was downloaded from, when it was: evidence of the body's place. */
  source?: string;
}
export type JobResult =
  | { id: number; ok: true; report: import('./report.js').ParsedReport }
  | { id: number; ok: false; code: string; message: string };

parentPort?.on('message', async (job: Job) => {
  try {
    const doc = await extractFile(Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength), { maxPages: job.maxPages });
    const report = parseReport(doc, { fileName: job.fileName, body: job.body, year: job.year, source: job.source });
    parentPort!.postMessage({ id: job.id, ok: true, report } satisfies JobResult);
  } catch (e) {
    const r = e instanceof Rejection ? e : null;
    parentPort!.postMessage({ id: job.id, ok: false, code: r?.code ?? 'internal', message: r ? r.message : `could not be processed (${(e as Error)?.message ?? String(e)})` } satisfies JobResult);
  }
});
