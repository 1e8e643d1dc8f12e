/** The scale bench's figures as text: each figure beside its target (issue 10), then the details. */
import type { ScaleResult } from '../scale.js';
import type { IngestFigures } from './ingestPhase.js';
import type { QueryFigures } from './queryPhase.js';
import { KINDS } from './questions.js';

export interface Row { figure: string; value: string; target: string; met: boolean | null }

export const TARGETS = { startupMs: 2000, rssMb: 300, p99Ms: 20, ingestPerSecond: 50 };

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const size = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB`
  : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(0)} MB` : `${(b / 1024).toFixed(1)} KB`);
const isIngest = (x: ScaleResult['ingest']): x is IngestFigures => 'reports' in x;
const isQuery = (x: ScaleResult['query']): x is QueryFigures => !!x && 'kinds' in x;
const row = (figure: string, value: string, target = '', met: boolean | null = null): Row =>
  ({ figure, value, target, met });

function truthShare(i: IngestFigures): string {
  if (!i.checked) return 'not checked (no report in the outcomes)';
  const replaced = i.replaced ? `; ${i.replaced} replaced another body's report` : '';
  return `${i.checked - i.unlikeTruth}/${i.checked}${replaced}`;
}

function ingestRows(r: ScaleResult): Row[] {
  const n = r.n.toLocaleString('en');
  if ('error' in r.ingest) return [row(`ingest ${n} reports`, `failed: ${r.ingest.error}`, '', false)];
  if (!isIngest(r.ingest)) return [row(`ingest ${n} reports`, 'skipped (--skip-ingest: a previous run\'s database)')];
  const i = r.ingest;
  const last = (i.chunks.at(-1)?.files ?? 0).toLocaleString('en');
  const rate = `${i.perSecond.toFixed(1)} reports/s overall, ${i.perSecondAtEnd.toFixed(1)}/s over the last ${last}`;
  return [
    row(`ingest ${n} reports (folder sync, one process)`, `${rate}; ${i.rejected} rejected`,
      `≥ ${TARGETS.ingestPerSecond} reports/s`, i.perSecond >= TARGETS.ingestPerSecond && i.rejected === 0),
    row('stored reports equal to their truth file (body, region, every cell)', truthShare(i),
      '100 %', i.checked ? i.unlikeTruth === 0 && i.replaced === 0 : null),
    row('database on disk', size(i.dbBytes)),
  ];
}

/** The headline figures, for this report and for `npm run bench`'s table. */
export function scaleRows(r: ScaleResult): Row[] {
  const rows = ingestRows(r);
  const q = r.query;
  if (!isQuery(q)) return [...rows, row('questions (fresh process)', q ? `failed: ${q.error}` : 'not run', '', false)];
  const s = q.startup;
  const rss = `< ${TARGETS.rssMb} MB`;
  rows.push(
    row('start-up to first answer (open DB + engine + warm + ask)',
      `${ms(s.totalMs)} (from process start ${ms(s.processMs)})`,
      `< ${TARGETS.startupMs / 1000} s`, s.totalMs < TARGETS.startupMs),
    row('RSS after start', `${q.rssAfterStartMb.toFixed(0)} MB`, rss, q.rssAfterStartMb < TARGETS.rssMb),
    row(`RSS after ${q.asked} questions`, `${q.rssAfterMb.toFixed(0)} MB`, rss, q.rssAfterMb < TARGETS.rssMb),
  );
  for (const k of KINDS) {
    const f = q.kinds[k];
    const figure = `${k} p50 / p99 (${f.asked} asked${f.capped ? ', time budget ran out' : ''})`;
    const met = f.asked > 0 && f.p99 < TARGETS.p99Ms;
    rows.push(row(figure, `${ms(f.p50)} / ${ms(f.p99)}`, `p99 < ${TARGETS.p99Ms} ms`, met));
  }
  const asked = KINDS.reduce((sum, k) => sum + q.kinds[k].asked, 0);
  const right = KINDS.reduce((sum, k) => sum + q.kinds[k].right, 0);
  const share = `${right}/${asked} (${((100 * right) / Math.max(1, asked)).toFixed(1)} %)`;
  rows.push(
    row('answers right against the truth files', share, '100 %', right === asked && asked > 0),
    row('largest ranking reply', size(q.kinds.ranking.maxReplyBytes)),
    ...(q.rankingFile ? [row(`ranking file (CSV), made after the reply: p50 / p99 (${q.rankingFile.n} files)`,
      `${ms(q.rankingFile.p50)} / ${ms(q.rankingFile.p99)}`)] : []),
    ...(q.rateRanking ? [row(`rate ranking (公开率), first of each year: p50 / max (${q.rateRanking.n} years)`,
      `${ms(q.rateRanking.p50)} / ${ms(q.rateRanking.max)}`, `< ${TARGETS.p99Ms} ms`,
      q.rateRanking.max < TARGETS.p99Ms)] : []),
    row('not-found reply (an unknown place)', size(q.notFoundReplyBytes)),
  );
  return rows;
}

/** Rows as a Markdown table (readable in a terminal, pasted as it is into docs/BENCHMARKS.md). */
export function table(rows: (Row & { bench?: string })[]): string {
  const mark = (m: boolean | null) => (m === null ? '' : m ? 'met' : '**missed**');
  const bench = rows.some((r) => r.bench);
  const head = `| ${bench ? 'bench | ' : ''}figure | value | target | |`;
  const rule = `|${bench ? ' --- |' : ''} --- | --- | --- | --- |`;
  const line = (r: Row & { bench?: string }) =>
    `| ${bench ? `${r.bench ?? ''} | ` : ''}${r.figure} | ${r.value.replace(/\|/g, '/')} | ${r.target} | `
    + `${mark(r.met)} |`;
  return [head, rule, ...rows.map(line)].join('\n');
}

function details(q: QueryFigures): string[] {
  const s = q.startup;
  const out = [
    `start-up: open ${ms(s.openMs)}, new QueryEngine ${ms(s.engineMs)}, warm() ${ms(s.warmMs)}, `
      + `first ask ${ms(s.firstAskMs)}; heap after the questions ${q.heapAfterMb.toFixed(0)} MB`,
  ];
  for (const k of KINDS) {
    const f = q.kinds[k];
    out.push(`${k}: max ${ms(f.max)}, largest reply ${size(f.maxReplyBytes)}, right ${f.right}/${f.asked}`);
    for (const w of f.wrong) out.push(`  wrong: ${w}`);
  }
  out.push('', `query plans (${q.plans.source}):`);
  for (const p of q.plans.plans) out.push(`  [${p.kind}] ${p.sql}`, ...p.plan.map((l) => `      ${l}`));
  return out;
}

export function formatScale(r: ScaleResult): string {
  const made = r.corpus.reused ? 'reused' : `generated in ${r.corpus.seconds.toFixed(1)} s`;
  const out = [
    `scale bench: ${r.n.toLocaleString('en')} synthetic reports (seed ${r.seed}), corpus ${r.corpus.dir} (${made})`,
    `machine: ${r.machine}`, '', table(scaleRows(r)),
  ];
  if (isIngest(r.ingest)) {
    const i = r.ingest;
    const peak = `peak RSS ${i.peakRssMb.toFixed(0)} MB`;
    out.push('', `ingest: ${i.reports} stored, ${i.rejected} rejected in ${i.seconds.toFixed(0)} s; ${peak}`);
    out.push(...i.firstRejections.map((x) => `  rejected: ${x}`));
    out.push(...i.firstUnlike.map((x) => `  unlike its truth: ${x}`));
  }
  if (isQuery(r.query)) out.push(...details(r.query));
  return out.join('\n');
}
