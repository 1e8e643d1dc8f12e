/**
 * A synthetic corpus on disk: reports in folders of CHUNK files (reports/c0000/…), a truth file per report beside
 * them (truth/c0000/<report>.json, the shape of test/fixtures/expected/*.json), and truth.jsonl with every truth
 * in report order. A corpus for the same N and seed is kept in the temporary folder and reused.
 *   npx tsx bench/synth/write.ts N [--seed S] [--out DIR]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED, GENERATOR_VERSION, generate, type Truth } from './corpus.js';

export const CHUNK = 1000;
const DONE = '.complete';

export interface CorpusDir {
  dir: string; reports: string; chunks: string[]; n: number; seed: number; reused: boolean; ms: number;
}

export const cacheDir = (n: number, seed: number) => join(tmpdir(), `nianbao-synth-${seed}-${n}`);
const chunkName = (i: number) => `c${String(Math.floor(i / CHUNK)).padStart(4, '0')}`;

/** Write (or reuse) the corpus of `n` reports for `seed` in `dir`. */
export function writeCorpus(n: number, seed = DEFAULT_SEED, dir = cacheDir(n, seed)): CorpusDir {
  const t0 = performance.now();
  const reports = join(dir, 'reports');
  const chunks = Array.from({ length: Math.ceil(n / CHUNK) }, (_, i) => join(reports, chunkName(i * CHUNK)));
  const done = join(dir, DONE);
  const stamp = `${n} ${seed} v${GENERATOR_VERSION}`;
  if (existsSync(done) && readFileSync(done, 'utf8') === stamp) {
    return { dir, reports, chunks, n, seed, reused: true, ms: performance.now() - t0 };
  }
  rmSync(dir, { recursive: true, force: true });
  const index: string[] = [];
  let i = 0;
  for (const r of generate(n, seed)) {
    const chunk = chunkName(i++);
    mkdirSync(join(reports, chunk), { recursive: true });
    mkdirSync(join(dir, 'truth', chunk), { recursive: true });
    writeFileSync(join(reports, chunk, r.file), r.text);
    const truthFile = join(dir, 'truth', chunk, r.file.replace(/\.\w+$/, '.json'));
    writeFileSync(truthFile, `${JSON.stringify(r.truth, null, 1)}\n`);
    index.push(JSON.stringify(r.truth));
  }
  writeFileSync(join(dir, 'truth.jsonl'), `${index.join('\n')}\n`);
  writeFileSync(done, stamp);
  return { dir, reports, chunks, n, seed, reused: false, ms: performance.now() - t0 };
}

/** Every truth of a corpus, in report order. */
export function readTruths(dir: string): Truth[] {
  return readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && !['--seed', '--out'].includes(args[i - 1])) ?? 1000);
  const seed = Number(opt('--seed') ?? DEFAULT_SEED);
  const c = writeCorpus(n, seed, opt('--out'));
  const what = `${c.reused ? 'reused' : 'wrote'} ${n} reports (seed ${seed})`;
  console.log(`${what} in ${c.dir} (${(c.ms / 1000).toFixed(1)} s)`);
}
