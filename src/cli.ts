/** Command line: `ingest` files into the database, `ask` questions (see README). */
import { Command, CommanderError } from 'commander';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { makeLogger } from './log.js';
import { openApp, syncBundled, type App } from './app.js';
import { expandPaths, ingestFile, type IngestOutcome } from './ingest/pipeline.js';

function line(o: IngestOutcome): string {
  if (o.status === 'rejected') return `${basename(o.file)}: rejected — ${o.reason}`;
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
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], opts: { db?: string; json?: boolean }) => {
      const bad = await withApp(opts.db, async (app) => {
        let rejected = 0;
        for (const file of expandPaths(paths)) {
          const o = await ingestFile(file, app.ingest);
          if (o.status === 'rejected') rejected++;
          process.stdout.write(`${opts.json ? JSON.stringify({ file: o.file, status: o.status, ...(o.reason ? { reason: o.reason } : {}), ...(o.report ? { report: o.report } : {}), findings: o.findings }) : line(o)}\n`);
        }
        return rejected;
      });
      process.exitCode = bad ? 1 : 0;
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ConfigError) { process.stderr.write(`${e.message}\n`); return 2; }
    throw e;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`${(e as Error).stack ?? e}\n`); process.exitCode = 1; });
}
export { syncBundled };
