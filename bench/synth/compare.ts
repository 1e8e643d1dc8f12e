/**
 * Scale runs side by side, from the JSON files `npm run bench:scale -- N --json FILE` writes (a Markdown table for
 * docs/BENCHMARKS.md).   npx tsx bench/synth/compare.ts run-5000.json run-20000.json …
 */
import { readFileSync } from 'node:fs';
import type { ScaleResult } from '../scale.js';
import type { IngestFigures } from './ingestPhase.js';
import type { QueryFigures } from './queryPhase.js';
import { KINDS } from './questions.js';
import { TARGETS } from './scaleReport.js';

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const size = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB` : `${(b / 2 ** 20).toFixed(0)} MB`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

type Ingest = (i: IngestFigures) => string;
type Query = (q: QueryFigures) => string;
type Line = { figure: string; target: string } & ({ ingest: Ingest } | { query: Query });

const ing = (figure: string, ingest: Ingest, target = ''): Line => ({ figure, ingest, target });
const qry = (figure: string, query: Query, target = ''): Line => ({ figure, query, target });
const thousands = (x: number) => x.toLocaleString('en');
const rss = `< ${TARGETS.rssMb} MB`;

const LINES: Line[] = [
  ing('ingest, reports/s overall (over the last folder)',
    (i) => `${i.perSecond.toFixed(1)} (${i.perSecondAtEnd.toFixed(1)})`, `≥ ${TARGETS.ingestPerSecond}`),
  ing('rejected / replaced another body\'s report', (i) => `${i.rejected} / ${i.replaced}`, '0'),
  ing('stored reports equal to their truth file',
    (i) => `${thousands(i.checked - i.unlikeTruth)} / ${thousands(i.checked)}`, '100 %'),
  ing('database on disk', (i) => size(i.dbBytes)),
  ing('ingest process peak RSS', (i) => `${i.peakRssMb.toFixed(0)} MB`),
  qry('start-up to first answer (open + engine + warm + ask)',
    (q) => ms(q.startup.totalMs), `< ${TARGETS.startupMs / 1000} s`),
  qry('… of which new QueryEngine / warm()', (q) => `${ms(q.startup.engineMs)} / ${ms(q.startup.warmMs)}`),
  qry('RSS after start', (q) => `${q.rssAfterStartMb.toFixed(0)} MB`, rss),
  qry('RSS after the questions (how many)', (q) => `${q.rssAfterMb.toFixed(0)} MB (${q.asked})`, rss),
  ...KINDS.map((k) => qry(`${k} p50 / p99`,
    (q) => `${ms(q.kinds[k].p50)} / ${ms(q.kinds[k].p99)}`, `p99 < ${TARGETS.p99Ms} ms`)),
  ...KINDS.map((k) => qry(`${k}: answers right`, (q) => `${q.kinds[k].right} / ${q.kinds[k].asked}`, '100 %')),
  qry('largest ranking reply', (q) => kb(q.kinds.ranking.maxReplyBytes)),
];

function value(r: ScaleResult, l: Line): string {
  if ('ingest' in l) return 'reports' in r.ingest ? l.ingest(r.ingest) : 'error' in r.ingest ? 'failed' : 'skipped';
  return r.query && 'kinds' in r.query ? l.query(r.query) : 'failed';
}

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as ScaleResult);
console.log(`| figure | ${runs.map((r) => r.n.toLocaleString('en')).join(' | ')} | target |`);
console.log(`| --- | ${runs.map(() => '---:').join(' | ')} | --- |`);
for (const l of LINES) console.log(`| ${l.figure} | ${runs.map((r) => value(r, l)).join(' | ')} | ${l.target} |`);
for (const r of runs) {
  if ('error' in r.ingest) console.log(`\n${thousands(r.n)}: ingest failed: ${r.ingest.error}`);
  if (r.query && 'error' in r.query) console.log(`\n${thousands(r.n)}: questions failed: ${r.query.error}`);
}
