/**
 * Scale phase 1, run in its own process: every report of a synthetic corpus into a fresh database through the
 * folder sync the app uses at start (one folder of CHUNK files at a time, so the rate can be read as it goes).
 * Prints one JSON line: reports/s overall and over the last chunk, rejections, database size on disk, peak RSS, and
 * how many stored reports differ from their truth file (reports/c0000/x.txt ↔ truth/c0000/x.json).
 *   tsx bench/synth/ingestPhase.ts --db PATH CHUNK_DIR...
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/log.js';
import { syncFolder, type IngestOutcome } from '../../src/ingest/pipeline.js';
import { differences } from './check.js';
import type { Truth } from './corpus.js';

export interface IngestFigures {
  reports: number; rejected: number; firstRejections: string[]; seconds: number; perSecond: number;
  /** Rate over the last chunk: how fast ingest still is when the database is full. */
  perSecondAtEnd: number; chunks: { files: number; seconds: number }[]; dbBytes: number; peakRssMb: number;
  /** Reports that replaced another of the same body and year: two bodies taken for one. */
  replaced: number;
  /** Stored reports whose body, year, region or cells differ from the truth, and the first differences. */
  checked: number; unlikeTruth: number; firstUnlike: string[];
}

/** The differences of an outcome from its report's truth file (null when the outcome carries no report). */
function unlike(o: IngestOutcome): string[] | null {
  if (!o.report) return null;
  const file = o.file.replace(/\/reports\/(c\d+)\/(.*)\.\w+$/, '/truth/$1/$2.json');
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Truth;
  return differences(o.report, truth);
}

/** The database file and its -wal/-shm companions, in bytes. */
export function dbSize(path: string): number {
  const dir = dirname(path), base = basename(path);
  return readdirSync(dir).filter((f) => f === base || f.startsWith(`${base}-`))
    .reduce((s, f) => s + statSync(`${dir}/${f}`).size, 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const db = args[args.indexOf('--db') + 1];
  const chunks = args.filter((a, i) => a !== '--db' && args[i - 1] !== '--db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const app = openApp(loadConfig({ DB_PATH: db, LOG_LEVEL: 'silent' }), makeLogger('silent'));
  const out: IngestFigures = {
    reports: 0, rejected: 0, firstRejections: [], seconds: 0, perSecond: 0, perSecondAtEnd: 0, chunks: [],
    dbBytes: 0, peakRssMb: 0, replaced: 0, checked: 0, unlikeTruth: 0, firstUnlike: [],
  };
  const t0 = performance.now();
  let checkMs = 0;
  for (const dir of chunks) {
    const t = performance.now();
    const outcomes = await syncFolder(dir, app.ingest);
    const seconds = (performance.now() - t) / 1000;
    out.chunks.push({ files: outcomes.length, seconds });
    const tc = performance.now();
    for (const o of outcomes) {
      if (o.status === 'rejected') {
        out.rejected++;
        if (out.firstRejections.length < 5) out.firstRejections.push(o.reason ?? o.file);
        continue;
      }
      out.reports++;
      if (o.status === 'replaced') out.replaced++;
      const d = unlike(o);
      if (d) out.checked++;
      if (!d?.length) continue;
      out.unlikeTruth++;
      if (out.firstUnlike.length < 8) out.firstUnlike.push(`${basename(o.file)}: ${d.slice(0, 3).join('; ')}`);
    }
    checkMs += performance.now() - tc;
    const files = out.reports + out.rejected;
    const overall = files / ((performance.now() - t0 - checkMs) / 1000);
    process.stderr.write(`  ingest: ${files} files, ${overall.toFixed(1)}/s overall, `
      + `${(outcomes.length / seconds).toFixed(1)}/s in the last folder\n`);
  }
  // the comparison with the truth is not ingest's time
  out.seconds = (performance.now() - t0 - checkMs) / 1000;
  await app.close();
  const last = out.chunks.at(-1);
  out.perSecond = (out.reports + out.rejected) / out.seconds;
  out.perSecondAtEnd = last ? last.files / last.seconds : 0;
  out.dbBytes = dbSize(db);
  out.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
