/**
 * Every benchmark, one table: ingest per fixture file (bench/ingest.ts), answer latency (bench/ask.ts), alerts
 * (bench/alerts.ts, when present) and national scale (bench/scale.ts at N reports), with the machine's description.
 *   npm run bench [-- N]      (N: reports for the scale bench, default 2000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScale } from './scale.js';
import { machine } from './synth/machine.js';
import { scaleRows, table, type Row } from './synth/scaleReport.js';
import { runScript } from './synth/spawn.js';

const here = import.meta.dirname;
const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
if (!Number.isSafeInteger(n) || n < 1) throw new Error(`npm run bench -- N: N must be a number of reports, got ${n}`);
const TIMEOUT = 30 * 60_000;

type BenchRow = Row & { bench: string };
type Rowish = Partial<Row> & Record<string, unknown>;
const NAME_KEYS = ['figure', 'name', 'file', 'label', 'metric'];

/** A row another bench returns, whatever its field names: its name, its value (or its other fields), its target. */
function normalise(bench: string, r: Rowish): BenchRow {
  const name = NAME_KEYS.map((k) => r[k]).find((v) => v !== undefined);
  const rest = Object.entries(r).filter(([k]) => ![...NAME_KEYS, 'target', 'met'].includes(k));
  const show = (v: unknown) => (typeof v === 'number' ? String(+v.toFixed(2)) : String(v));
  const value = r.value !== undefined ? String(r.value) : rest.map(([k, v]) => `${k} ${show(v)}`).join(', ');
  const met = typeof r.met === 'boolean' ? r.met : null;
  return { bench, figure: String(name ?? ''), value, target: String(r.target ?? ''), met };
}

/** An exported function of a bench file, when the file exports it (importing a script without one would run it). */
async function exported(file: string, name: string): Promise<((...a: unknown[]) => unknown) | null> {
  const exports = new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`);
  if (!existsSync(file) || !exports.test(readFileSync(file, 'utf8'))) return null;
  const mod = (await import(file)) as Record<string, unknown>;
  return typeof mod[name] === 'function' ? (mod[name] as (...a: unknown[]) => unknown) : null;
}

/** A bench run as a script: its output lines as rows (`parse` reads the figures; other lines are kept whole). */
async function scriptRows(bench: string, file: string, parse: (line: string) => BenchRow | null): Promise<BenchRow[]> {
  const o = await runScript(file, [], TIMEOUT);
  if (o.code !== 0) {
    const last = o.stderr.trim().split('\n').at(-1) ?? '';
    const why = o.timedOut ? `timed out after ${o.seconds.toFixed(0)} s` : `exit ${o.code}: ${last}`;
    return [{ bench, figure: 'run', value: `failed (${why})`, target: '', met: false }];
  }
  const lines = o.stdout.split('\n').filter((l) => l.trim());
  return lines.map((l) => parse(l) ?? { bench, figure: '', value: l.trim(), target: '', met: null });
}

async function ingestRows(): Promise<BenchRow[]> {
  const file = join(here, 'ingest.ts');
  const fn = await exported(file, 'benchIngest');
  if (fn) return ((await fn()) as Rowish[]).map((r) => normalise('ingest', r));
  const rows = await scriptRows('ingest', file, (l) => {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\S+)$/.exec(l.trim());
    if (!m) return /^file\s/.test(l) ? { bench: 'ingest', figure: '', value: '', target: '', met: null } : null;
    const rate = m[4] !== '-' ? `, ${m[4]} pages/s` : '';
    return { bench: 'ingest', figure: m[1], value: `${m[3]} ms, ${m[2]} pages${rate}`, target: '', met: null };
  });
  return rows.filter((r) => r.figure || r.value);
}

async function askRows(): Promise<BenchRow[]> {
  return scriptRows('ask', join(here, 'ask.ts'), (l) => {
    const m = /p99 ([\d.]+) ms/.exec(l);
    const value = l.trim().replace(/\s+/g, ' ');
    if (m) return { bench: 'ask', figure: 'latency', value, target: 'p99 < 5 ms', met: Number(m[1]) < 5 };
    const named = /^(questions|warm-up|rss):? (.*)$/.exec(l.trim());
    return named ? { bench: 'ask', figure: named[1], value: named[2], target: '', met: null } : null;
  });
}

async function alertRows(): Promise<BenchRow[]> {
  const file = join(here, 'alerts.ts');
  const absent: BenchRow = { bench: 'alerts', figure: 'bench/alerts.ts', value: 'absent', target: '', met: null };
  if (!existsSync(file)) return [absent];
  const fn = await exported(file, 'benchAlerts');
  if (fn) return ((await fn()) as Rowish[]).map((r) => normalise('alerts', r));
  return scriptRows('alerts', file, () => null);
}

function commit(): string {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: here, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' with uncommitted changes' : ''}`;
  } catch { return 'unknown'; }
}

const rows: BenchRow[] = [];
for (const [name, run] of [['ingest', ingestRows], ['ask', askRows], ['alerts', alertRows]] as const) {
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...await run());
}
const scale = await runScale({ n });
rows.push(...scaleRows(scale).map((r) => ({ ...r, bench: `scale ${n.toLocaleString('en')}` })));

console.log(`nianbao benchmarks — ${new Date().toISOString().slice(0, 10)}, commit ${commit()}`);
console.log(`machine: ${machine()}`);
console.log('');
console.log(table(rows));
