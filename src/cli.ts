/** Command line: `ingest` files into the database, `ask` questions (see README). */
import { Command, CommanderError } from 'commander';
import { basename, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { DbOpenError } from './store/db.js';
import { makeLogger } from './log.js';
import { openApp, syncBundled, type App } from './app.js';
import { expandPaths, ingestFile, type IngestOutcome, type Skipped } from './ingest/pipeline.js';
import { inOrder } from './ingest/batch.js';
import { MAX_YEAR, MIN_YEAR, parseYear, type TitleOverride } from './ingest/override.js';
import { createInterface } from 'node:readline';
import type { QueryEngine } from './query/engine.js';
import { existsSync } from 'node:fs';

function line(o: IngestOutcome): string {
  const hint = o.code === 'no_title' ? ' (give them with --body NAME --year YYYY)' : '';
  if (o.status === 'rejected') return `${basename(o.file)}: rejected — ${o.reason}${hint}`;
  const r = o.report!;
  const f = o.findings.filter((x) => x.severity !== 'info').length;
  return `${basename(o.file)}: ${r.org} ${r.year} (template ${r.format}), ${o.cells} cells, ${f} finding(s)${o.findings.length - f ? ` + ${o.findings.length - f} note(s)` : ''} — ${o.status}`;
}

async function withApp<T>(db: string | undefined, fn: (app: App) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, { dbPath: db });
  const app = openApp(config, makeLogger(config.logLevel));
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export function buildCli(): Command {
  const program = new Command('nianbao').description('政府信息公开工作年度报告: ingest reports, ask questions').exitOverride();
  program.command('ingest')
    .description('read report files (PDF, DOCX, HTML, text) or folders of them into the database')
    .option('--db <path>', 'database file (default data/nianbao.db or DB_PATH)')
    .option('--json', 'one JSON object per file on stdout')
    .option('--body <name>', 'the body (机关) the report is from, in place of what its title says (for each file)')
    .option('--year <yyyy>', 'the report year, in place of what its title says (for each file)')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], opts: { db?: string; json?: boolean; body?: string; year?: string }) => {
      const override = parseOverride(opts);
      const bad = await withApp(opts.db, async (app) => {
        let rejected = 0;
        const skip = (s: Skipped) => {
          rejected++;
          const json = { file: s.path, status: 'skipped', reason: s.reason, findings: [] };
          const text = `${basename(s.path)}: skipped — ${s.reason}`;
          process.stdout.write(`${opts.json ? JSON.stringify(json) : text}\n`);
        };
        // the next file is read while this one is stored; lines come in the files' order
        await app.store.bulk(async () => {
          for await (const o of inOrder(expandPaths(paths, skip), (f) => ingestFile(f, app.ingest, override))) {
            if (o.status === 'rejected') rejected++;
            process.stdout.write(`${opts.json ? JSON.stringify({ file: o.file, status: o.status, ...(o.reason ? { reason: o.reason } : {}), ...(o.report ? { report: o.report } : {}), findings: o.findings }) : line(o)}\n`);
          }
        });
        return rejected;
      });
      process.exitCode = bad ? 1 : 0;
    });
  program.command('ask')
    .description('ask a question in Chinese; --jsonl reads {"id","q","chat"?} lines from stdin')
    .option('--db <path>', 'database file (default data/nianbao.db or DB_PATH)')
    .option('--now <date>', 'the date questions are asked on (YYYY-MM-DD), for 今年/去年')
    .option('--json', 'print the answer object as JSON')
    .option('--jsonl', 'answer JSON lines from stdin, one JSON line each, in order')
    .argument('[question...]', 'the question')
    .action(async (words: string[], opts: { db?: string; now?: string; json?: boolean; jsonl?: boolean }) => {
      const now = parseNow(opts.now);
      // a database named with --db is only read: the bundled reports go into the default one alone
      if (opts.db && !existsSync(resolve(opts.db))) {
        throw new DbOpenError(`No database at ${opts.db}: ingest reports into it first.`);
      }
      await withApp(opts.db, async (app) => {
        // the query side is loaded for asking only: `ingest` does not need it
        const [{ QueryEngine }, { renderPlain }] = await Promise.all([
          import('./query/engine.js'), import('./bot/render.js'),
        ]);
        if (!opts.db) await syncBundled(app);
        const engine = new QueryEngine(app.store, () => now ?? new Date());
        if (opts.jsonl) { engine.warm(); return answerLines(engine, now); }
        const q = words.join(' ').trim();
        if (!q) throw new CommanderError(2, 'nianbao.usage', 'error: give a question, or --jsonl');
        const a = engine.ask(q, { now: now ?? new Date() });
        process.stdout.write(opts.json ? `${JSON.stringify(a)}\n` : `${renderPlain(a)}\n`);
      });
    });
  return program;
}

/** A usage error: said on stderr, exit 2. */
function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  throw new CommanderError(2, 'nianbao.usage', message);
}

/** --body NAME --year YYYY: the admin's body and year for the files. */
function parseOverride(opts: { body?: string; year?: string }): TitleOverride {
  const out: TitleOverride = {};
  if (opts.body !== undefined) {
    if (!opts.body.trim()) usage('error: --body must name the body, e.g. --body 某某区人民政府');
    out.body = opts.body.trim();
  }
  if (opts.year !== undefined) {
    const y = parseYear(opts.year);
    if (y === null) usage(`error: --year must be four digits from ${MIN_YEAR} to ${MAX_YEAR}, got "${opts.year}"`);
    out.year = y;
  }
  return out;
}

/** --now 2025-06-01 → noon of that day in China (UTC+8). */
function parseNow(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T12:00:00+08:00`))) throw new CommanderError(2, 'nianbao.usage', `error: --now must be YYYY-MM-DD, got "${s}"`);
  return new Date(`${s}T12:00:00+08:00`);
}

/** The scorer's contract: one answer line per input line, in order, with the in-process time. */
async function answerLines(engine: QueryEngine, now: Date | undefined): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of rl) {
    if (!raw.trim()) continue;
    let id: unknown = null;
    try {
      const msg = JSON.parse(raw) as { id?: unknown; q?: unknown; chat?: unknown };
      id = msg.id ?? null;
      const t0 = performance.now();
      const a = engine.ask(String(msg.q ?? ''), { chat: msg.chat === undefined ? undefined : String(msg.chat), now: now ?? new Date() });
      const ms = Math.round((performance.now() - t0) * 1000) / 1000;
      process.stdout.write(`${JSON.stringify({ id, ...a, ms })}\n`);
    } catch (e) {
      process.stdout.write(`${JSON.stringify({ id, status: 'unsupported', text: `无法处理这一行：${(e as Error).message}`, facts: [], warnings: [], ms: 0 })}\n`);
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ConfigError || e instanceof DbOpenError) { process.stderr.write(`${e.message}\n`); return 2; }
    throw e;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`${(e as Error).stack ?? e}\n`); process.exitCode = 1; });
}
