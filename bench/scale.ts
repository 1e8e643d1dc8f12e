/**
 * National scale: a synthetic corpus of N reports (bench/synth, cached by N and seed) ingested into a fresh database
 * in one process, then, in a fresh process, start-up to the first answer, RSS, latency per question kind, answers
 * checked against the truth files, reply sizes and query plans. Prints the figures beside the targets.
 *   npm run bench:scale -- 50000 [--seed S] [--questions 1000] [--budget 60] [--skip-ingest] [--json FILE]
 * --budget: seconds of asking per question kind before the kind stops (a slow kind does not hold up the run);
 * --skip-ingest: query the database a previous run left for the same N and seed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED } from './synth/corpus.js';
import type { IngestFigures } from './synth/ingestPhase.js';
import { machine } from './synth/machine.js';
import type { QueryFigures } from './synth/queryPhase.js';
import { makeQuestions } from './synth/questions.js';
import { formatScale } from './synth/scaleReport.js';
import { runPhase } from './synth/spawn.js';
import { readTruths, writeCorpus } from './synth/write.js';

export interface ScaleOptions { n: number; seed?: number; questions?: number; budgetS?: number; skipIngest?: boolean }
export interface ScaleResult {
  n: number; seed: number; machine: string; corpus: { dir: string; reused: boolean; seconds: number };
  ingest: IngestFigures | { error: string } | { skipped: true };
  query: QueryFigures | { error: string } | null;
}

const here = import.meta.dirname;

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  const seed = o.seed ?? DEFAULT_SEED;
  const questions = o.questions ?? 1000;
  process.stderr.write(`scale: corpus of ${o.n} reports (seed ${seed})…\n`);
  const corpus = writeCorpus(o.n, seed);
  const db = join(corpus.dir, 'nianbao.db');
  const result: ScaleResult = {
    n: o.n, seed, machine: machine(), corpus: { dir: corpus.dir, reused: corpus.reused, seconds: corpus.ms / 1000 },
    ingest: { skipped: true }, query: null,
  };
  if (!o.skipIngest || !existsSync(db)) {
    process.stderr.write(`scale: ingesting into a fresh ${db}…\n`);
    const ing = await runPhase<IngestFigures>(join(here, 'synth', 'ingestPhase.ts'), ['--db', db, ...corpus.chunks]);
    result.ingest = ing.ok ? ing.value : { error: ing.error };
    if (!ing.ok) return result;
  }
  const qfile = join(corpus.dir, 'questions.json');
  // more than enough of each kind: a kind that runs out of its time budget leaves its share to the others
  writeFileSync(qfile, JSON.stringify(makeQuestions(readTruths(corpus.dir), Math.ceil(questions / 2), seed)));
  process.stderr.write('scale: asking in a fresh process…\n');
  const q = await runPhase<QueryFigures>(join(here, 'synth', 'queryPhase.ts'),
    ['--db', db, '--questions', qfile, '--max', String(questions), '--budget', String(o.budgetS ?? 60)]);
  result.query = q.ok ? q.value : { error: q.error };
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const valued = new Set(['--seed', '--questions', '--budget', '--json']);
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && !valued.has(args[i - 1])) ?? 1000);
  if (n < 1) throw new Error(`npm run bench:scale -- N: N must be a number of reports, got ${n}`);
  const r = await runScale({
    n, seed: Number(opt('--seed') ?? DEFAULT_SEED), questions: Number(opt('--questions') ?? 1000),
    budgetS: Number(opt('--budget') ?? 60), skipIngest: args.includes('--skip-ingest'),
  });
  console.log(formatScale(r));
  const json = opt('--json');
  if (json) writeFileSync(json, `${JSON.stringify(r, null, 1)}\n`);
}
