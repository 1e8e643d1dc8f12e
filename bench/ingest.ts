/**
 * Ingest speed (issue 10), one table:
 * - each fixture file read and parsed in this process, warm (median of runs); a PDF beside `pdftotext -layout`
 *   on the same file (when poppler's pdftotext is installed: for comparison only, nianbao does not use it);
 * - one text report through the whole ingest (worker, parse, store), warm;
 * - a folder of distinct text reports (seed variants) synced into a new database in one process: reports/s;
 * - the process's memory with the extraction worker alive after a PDF, and once the idle worker is released.
 *   npm run bench:ingest [-- --runs 7 --folder 200]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { extractFile } from '../src/ingest/extract/index.js';
import { parseReport } from '../src/ingest/parse.js';
import { ingestFile, syncFolder } from '../src/ingest/pipeline.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { makeLogger } from '../src/log.js';
import { distinctReports, writeDistinctReports } from '../test/helpers/variants.js';

export interface Row { figure: string; value: string; target: string; met: boolean | null }
export interface IngestBenchOptions { runs?: number; folder?: number }

const TARGET = { textMs: 100, pdfRatio: 2.5, perSecond: 50 };
const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = () => process.memoryUsage().rss / 2 ** 20;

function fixtureFiles(): string[] {
  const inDir = (d: string, keep: (f: string) => boolean) =>
    readdirSync(join(root, d)).filter(keep).sort().map((f) => join(d, f));
  const unread = /^(bad|enc-user|cjk|jinlin-2024\.scanned)/; // refused on purpose: nothing to time
  return [
    ...inDir('real-pdf', (f) => f.startsWith('hongze')),
    ...inDir('generated', (f) => /\.(pdf|doc|docx|html)$/.test(f) && !unread.test(f)),
    ...inDir('seeds', (f) => f.endsWith('.txt')),
  ];
}

/** CPU time of the waited-for child processes (Linux /proc, clock ticks of 10 ms), or null elsewhere. */
function childCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime (fields 16, 17 of stat)
}
/** CPU ms of each thread of this process (Linux /proc), by thread id. */
function threadCpu(): Map<string, number> {
  const dir = '/proc/self/task';
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((t) => {
    const f = readFileSync(`${dir}/${t}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return [t, (Number(f[11]) + Number(f[12])) * 10] as const; // utime + stime
  }));
}
const cpuMs = (since: NodeJS.CpuUsage) => { const c = process.cpuUsage(since); return (c.user + c.system) / 1000; };

/** pdftotext -layout on a file (a process each run, as it is used): wall ms, or null when it is not installed. */
function pdftotext(file: string): number | null {
  const t0 = performance.now();
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
  return r.error || r.status !== 0 ? null : performance.now() - t0;
}

/**
 * Each fixture read and parsed warm in this process; PDFs against pdftotext -layout, run for run. Wall medians,
 * and CPU time a run (on a busy machine wall time says more about the neighbours): the target is judged on CPU.
 */
async function perFile(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const rel of fixtureFiles()) {
    const file = join(root, rel);
    const buf = readFileSync(file);
    const pdf = rel.endsWith('.pdf');
    const ours: number[] = [], theirs: number[] = [];
    let ourCpu = 0, theirCpu = 0, pages = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now(), c0 = process.cpuUsage();
      const doc = await extractFile(buf, { maxPages: 2000 });
      parseReport(doc, { fileName: rel });
      const t = performance.now() - t0, c = cpuMs(c0);
      const k0 = childCpuMs();
      const p = pdf ? pdftotext(file) : null;
      const k = k0 === null ? null : childCpuMs()! - k0;
      pages = doc.pages;
      if (i === 0) continue; // the first run warms up
      ours.push(t);
      ourCpu += c / runs;
      if (p !== null) theirs.push(p);
      if (k !== null) theirCpu += k / runs;
    }
    const m = median(ours);
    if (!pdf) {
      const text = rel.endsWith('.txt');
      const target = text ? `< ${TARGET.textMs} ms` : '';
      rows.push({ figure: `${rel} read + parsed`, value: `${ms(m)} (CPU ${ms(ourCpu)})`, target,
        met: text ? m < TARGET.textMs : null });
      continue;
    }
    const name = `${rel} (${pages} pages) read + parsed`;
    if (!theirs.length) {
      const value = `${ms(m)} (CPU ${ms(ourCpu)}); pdftotext not installed`;
      rows.push({ figure: name, value, target: '', met: null });
      continue;
    }
    const p = median(theirs);
    const ratio = theirCpu > 0 ? ourCpu / theirCpu : m / p;
    rows.push({ figure: name, value: `${ms(m)} (CPU ${ms(ourCpu)}); pdftotext -layout ${ms(p)} (CPU ${ms(theirCpu)}); `
      + `${(m / p).toFixed(1)}× wall, ${theirCpu > 0 ? `${(ourCpu / theirCpu).toFixed(1)}× CPU` : 'CPU not known'}`,
    target: `≤ ${TARGET.pdfRatio}× pdftotext`, met: ratio <= TARGET.pdfRatio });
  }
  return rows;
}

/** Whole ingest (worker + parse + store) of text reports and a folder sync, on a new database each. */
async function throughStore(folderSize: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const log = makeLogger('silent');
  const open = (db: string) => openApp(loadConfig({ DB_PATH: join(dir, db), LOG_LEVEL: 'silent' }), log);
  const rows: Row[] = [];
  try {
    const one = open('one.db');
    const vs = distinctReports(22);
    const times: number[] = [];
    for (const [i, v] of vs.entries()) {
      const f = join(dir, v.name);
      writeFileSync(f, v.text);
      const t0 = performance.now();
      const o = await ingestFile(f, one.ingest);
      if (o.status !== 'ingested') throw new Error(`${v.name}: ${o.status} ${o.reason ?? ''}`);
      if (i > 1) times.push(performance.now() - t0); // the first two start and warm the worker
    }
    await one.close();
    const m = median(times);
    rows.push({ figure: 'one text report ingested (worker, parse, store), warm', value: ms(m),
      target: `< ${TARGET.textMs} ms`, met: m < TARGET.textMs });

    const folder = join(dir, 'reports');
    mkdirSync(folder);
    writeDistinctReports(folder, folderSize);
    const app = open('folder.db');
    const t0 = performance.now(), cpu0 = process.cpuUsage(), threads0 = threadCpu();
    const out = await syncFolder(folder, app.ingest);
    const s = (performance.now() - t0) / 1000, cpu = cpuMs(cpu0), threads = threadCpu();
    const stored = app.store.counts().reports;
    await app.close();
    const rate = out.length / s;
    // CPU time (both threads) says what a busy machine's wall clock does not
    const perReport = cpu / out.length;
    // by thread: this one stores, the busiest other one is the extraction worker; the slower bounds the rate
    const used = [...threads].map(([t, c]) => [t, (c - (threads0.get(t) ?? 0)) / out.length] as const);
    const main = used.find(([t]) => t === String(process.pid))?.[1] ?? 0;
    const worker = Math.max(0, ...used.filter(([t]) => t !== String(process.pid)).map(([, c]) => c));
    rows.push({ figure: `folder of ${folderSize} text reports synced in one process (new database, worker start)`,
      value: `${rate.toFixed(1)} reports/s (${s.toFixed(1)} s, ${stored} stored; CPU ${ms(perReport)} a report)`,
      target: `≥ ${TARGET.perSecond}/s`, met: rate >= TARGET.perSecond && stored === folderSize });
    if (threads.size) {
      const bound = 1000 / Math.max(main, worker);
      rows.push({ figure: 'the same sync, CPU a report by thread (what an idle machine can reach)',
        value: `storing (main) ${ms(main)}, extraction worker ${ms(worker)}, others ${ms(perReport - main - worker)}: `
          + `≈ ${bound.toFixed(0)} reports/s with both threads on their own core`,
        target: `≥ ${TARGET.perSecond}/s`, met: bound >= TARGET.perSecond });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The memory a PDF leaves in the worker, and what is left once the idle worker is released. */
async function idleRelease(): Promise<Row[]> {
  const runner = new ExtractRunner({ timeoutMs: 60_000, maxPages: 2000, idleMs: 1000 });
  const before = mb();
  await runner.run(readFileSync(join(root, 'real-pdf', 'hongze-2024.pdf')), 'hongze-2024.pdf');
  const busy = mb();
  const t0 = performance.now();
  while (runner.active && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const idle = mb();
  await runner.close();
  return [{ figure: 'process RSS: before / worker alive after a PDF / worker released after 1 s idle',
    value: `${before.toFixed(0)} / ${busy.toFixed(0)} / ${idle.toFixed(0)} MB`, target: 'released when idle',
    met: !runner.active && idle < busy }];
}

export async function benchIngest(opts: IngestBenchOptions = {}): Promise<Row[]> {
  const runs = opts.runs ?? 5;
  return [...await idleRelease(), ...await perFile(runs), ...await throughStore(opts.folder ?? 200)];
}

/** Rows as a Markdown table (the same shape as `npm run bench`'s). */
export function ingestTable(rows: Row[]): string {
  const mark = (m: boolean | null) => (m === null ? '' : m ? 'met' : '**missed**');
  return ['| figure | value | target | |', '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${mark(r.met)} |`)].join('\n');
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) || undefined : undefined;
};
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const rows = await benchIngest({ runs: arg('--runs'), folder: arg('--folder') });
  console.log(ingestTable(rows));
}
