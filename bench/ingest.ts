/**
 * Extraction + parsing speed per fixture file (in-process, warm; the worker adds a one-off start of ~1–3 s).
 * Prints the median of several runs per file, and pages per second.   npm run bench:ingest [-- --runs 7]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../src/ingest/extract/index.js';
import { parseReport } from '../src/ingest/parse.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const files = [
  ...readdirSync(join(root, 'real-pdf')).filter((f) => f.startsWith('hongze')).map((f) => join(root, 'real-pdf', f)),
  ...readdirSync(join(root, 'generated')).filter((f) => /\.(pdf|doc|docx|html)$/.test(f) && !/^(bad|enc-user|cjk|jinlin-2024\.scanned)/.test(f)).map((f) => join(root, 'generated', f)),
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log(`runs per file: ${runs} (median shown)`);
console.log('file'.padEnd(44), 'pages', '   ms', ' pages/s');
const all: number[] = [];
for (const f of files) {
  const buf = readFileSync(f);
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const doc = await extractFile(buf, { maxPages: 2000 });
    parseReport(doc, { fileName: f });
    const ms = performance.now() - t0;
    pages = doc.pages;
    if (i > 0) times.push(ms); // the first run warms up
  }
  const m = median(times);
  all.push(m);
  console.log(f.slice(root.length + 1).padEnd(44), String(pages).padStart(5), m.toFixed(0).padStart(5), (f.endsWith('.pdf') ? (pages / (m / 1000)).toFixed(1) : '-').padStart(8));
}
console.log(`median over files: ${median(all).toFixed(0)} ms; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
