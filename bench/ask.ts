/**
 * In-process latency of answering the repository's question corpus (or a JSONL file given as argument) on the
 * bundled database: p50/p99/max over several rounds after a warm-up. Target: p99 under 5 ms.
 *   npm run bench:ask [-- path/to/questions.jsonl] [--rounds 20]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, syncBundled } from '../src/app.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { makeLogger } from '../src/log.js';
import { QueryEngine } from '../src/query/engine.js';

const arg = process.argv.slice(2).find((a) => !a.startsWith('--') && a.endsWith('.jsonl'));
// the repository's own question corpus, so a fresh clone can run it
const file = arg ?? [join(PROJECT_ROOT, 'test', 'corpus', 'questions.jsonl'), join(PROJECT_ROOT, '..', 'shared', 'questions', 'dev.jsonl')].find(existsSync);
if (!file) throw new Error('no question file: pass one as argument');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 20;
const questions = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { q: string; chat?: string });

const config = loadConfig(process.env);
const app = openApp(config, makeLogger('warn'));
await syncBundled(app);
const now = new Date('2025-06-01T12:00:00+08:00');
const engine = new QueryEngine(app.store, () => now);
const t0 = performance.now();
engine.warm();
const warmMs = performance.now() - t0;
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const t = performance.now();
    engine.ask(q.q, { chat: q.chat ? `${q.chat}:${r}` : undefined, now });
    times.push(performance.now() - t);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(`questions: ${questions.length} × ${rounds} rounds from ${file}`);
console.log(`warm-up ${warmMs.toFixed(1)} ms`);
console.log(`p50 ${pct(50).toFixed(3)} ms   p90 ${pct(90).toFixed(3)} ms   p99 ${pct(99).toFixed(3)} ms   max ${times[times.length - 1].toFixed(3)} ms`);
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
await app.close();
