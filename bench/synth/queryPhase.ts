/**
 * Scale phase 2, run in a fresh process on the database phase 1 built: start-up to the first answer as the app
 * does it (open the database, new QueryEngine, warm(), the first ask), RSS after start and after the questions,
 * latency per question kind, the answers checked against the truth, the largest replies, the query plans.
 * Prints one JSON line.   tsx bench/synth/queryPhase.ts --db PATH --questions FILE [--budget SECONDS] [--max N]
 */
import { readFileSync } from 'node:fs';
import { openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { QueryEngine } from '../../src/query/engine.js';
import { queryPlans, type Plans } from './plans.js';
import { judge, KINDS, type Kind, type Question } from './questions.js';

export interface KindFigures {
  asked: number; right: number; p50: number; p99: number; max: number; maxReplyBytes: number;
  /** Stopped early: the kind's time budget ran out. */
  capped: boolean; wrong: string[];
}
export interface QueryFigures {
  startup: {
    /** From the process's start (module loading included) to the first answer. */
    processMs: number;
    openMs: number; engineMs: number; warmMs: number; firstAskMs: number;
    /** Open the database + new QueryEngine + warm() + the first ask. */
    totalMs: number;
  };
  rssAfterStartMb: number; rssAfterMb: number; heapAfterMb: number; asked: number;
  kinds: Record<Kind, KindFigures>; notFoundReplyBytes: number; plans: Plans;
  /** A ranking's file (CSV of every body), made after its reply is sent: ms per ranking asked. */
  rankingFile: Spread;
  /** A rate ranking (公开率), the first of each year: read by SQL from the rates the store keeps. */
  rateRanking: Spread;
}

export interface Spread { n: number; p50: number; p99: number; max: number }

const mb = (b: number) => b / 2 ** 20;
const pct = (xs: number[], p: number) =>
  (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const NOW = new Date('2026-06-01T12:00:00+08:00');
const spread = (xs: number[]): Spread => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s.at(-1) ?? NaN };
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
  const questions = JSON.parse(readFileSync(opt('--questions')!, 'utf8')) as Question[];
  const budgetMs = Number(opt('--budget') ?? 60) * 1000;
  const max = Number(opt('--max') ?? 1000);

  const step = (s: string) => process.stderr.write(`  query: ${s}\n`);
  const t0 = performance.now();
  const db = openDb(opt('--db')!);
  const store = new Store(db);
  const t1 = performance.now();
  step('database open; new QueryEngine…');
  const engine = new QueryEngine(store, () => NOW);
  const t2 = performance.now();
  step(`engine made in ${((t2 - t1) / 1000).toFixed(1)} s; warm()…`);
  engine.warm();
  const t3 = performance.now();
  step(`warm() done in ${((t3 - t2) / 1000).toFixed(1)} s; asking…`);
  engine.ask(questions[0].q, { now: NOW });
  const t4 = performance.now();
  const startup = {
    processMs: t4, openMs: t1 - t0, engineMs: t2 - t1, warmMs: t3 - t2, firstAskMs: t4 - t3, totalMs: t4 - t0,
  };
  const rssAfterStartMb = mb(process.memoryUsage().rss);

  const times = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const fresh = (): KindFigures => (
    { asked: 0, right: 0, p50: 0, p99: 0, max: 0, maxReplyBytes: 0, capped: false, wrong: [] });
  const kinds = Object.fromEntries(KINDS.map((k) => [k, fresh()])) as Record<Kind, KindFigures>;
  const spent = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let asked = 0;
  const files: number[] = [];
  for (const q of questions) {
    if (asked >= max) break;
    const k = kinds[q.kind];
    if (spent[q.kind] > budgetMs) { k.capped = true; continue; }
    const t = performance.now();
    const a = engine.ask(q.q, { now: NOW });
    const ms = performance.now() - t;
    spent[q.kind] += ms;
    if (a.table) { const t0f = performance.now(); void a.table.rows.length; files.push(performance.now() - t0f); }
    times[q.kind].push(ms);
    asked++;
    k.asked++;
    k.maxReplyBytes = Math.max(k.maxReplyBytes, Buffer.byteLength(a.text));
    const why = a.status === 'answered' ? judge(q, a.facts) : `${a.status}: ${a.text.slice(0, 60).replace(/\n/g, ' ')}`;
    if (!why) k.right++;
    else if (k.wrong.length < 5) k.wrong.push(`${q.q} — ${why}`);
  }
  for (const kind of KINDS) {
    const xs = times[kind].sort((a, b) => a - b);
    Object.assign(kinds[kind], { p50: pct(xs, 50), p99: pct(xs, 99), max: xs.at(-1) ?? NaN });
  }
  const rssAfterMb = mb(process.memoryUsage().rss);
  const years = [...new Set(questions.flatMap((q) => q.years ?? []))].sort();
  const rates = years.map((y) => {
    const t = performance.now();
    engine.ask(`${y}年哪个单位的公开率最高`, { now: NOW });
    return performance.now() - t;
  });
  const heapAfterMb = mb(process.memoryUsage().heapUsed);
  const notFound = engine.ask('火星市2024年收到多少政府信息公开申请', { now: NOW });
  const notFoundReplyBytes = Buffer.byteLength(notFound.text);
  const plans = await queryPlans(store, db);
  db.close();
  const out: QueryFigures = {
    startup, rssAfterStartMb, rssAfterMb, heapAfterMb, asked, kinds, notFoundReplyBytes, plans,
    rankingFile: spread(files), rateRanking: spread(rates),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
