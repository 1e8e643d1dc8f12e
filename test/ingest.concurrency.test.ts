/**
 * One database, several processes: two ingest processes at once lose nothing and store nothing twice; a question
 * asked while a batch goes in is answered. And what `--db` may name: `ask` only reads it, and a file that is not
 * a database gets one line saying so.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, ingestFile } from '../src/ingest/pipeline.js';
import { openDb } from '../src/store/db.js';
import { Store } from '../src/store/store.js';
import { tempDir, testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';
import { startCli } from './helpers/cliProcess.js';
import { ROOT, runCli } from './helpers/run.js';
import { writeDistinctReports } from './helpers/variants.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const scratch = () => { const d = tempDir(); dirs.push(d); return d; };

const PANYU = join(FIX, 'seeds', '002_7b8566f6eb984e20.txt');
const shaOf = (f: string) => sha256(readFileSync(f));
type Line = { file: string; status: string; reason?: string };
const jsonLines = (stdout: string): Line[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);

/** The store of a database file, read after the processes are done. */
function readStore(db: string): Store & { close(): void } {
  const store = new Store(openDb(db));
  return Object.assign(store, { close: () => store.db.close() });
}

describe('processes opening the same new database at the same moment', () => {
  it('all open it: switching the new file to WAL waits for the others instead of failing', async () => {
    const dir = scratch();
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `new-${round}.db`);
      const at = Date.now() + 2500;
      const runs = Array.from({ length: 8 }, () => new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'openAt.ts'),
          db, String(at)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.on('close', () => resolve(out.trim()));
      }));
      expect(await Promise.all(runs)).toEqual(Array(8).fill('ok'));
    }
  }, 60_000);
});

describe('two ingest processes on the same new database', () => {
  it('store each of 50 reports exactly once: none lost to a locked database, none twice', async () => {
    const dir = scratch();
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const files = writeDistinctReports(folder, 50);
    const db = join(dir, 'shared.db');
    // the same files, one process from the first, the other from the last: they meet in the middle
    const a = startCli(['ingest', '--db', db, '--json', ...files]);
    const b = startCli(['ingest', '--db', db, '--json', ...[...files].reverse()]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(`${ra.stderr}${rb.stderr}`).not.toMatch(/locked|busy/i);
    const la = jsonLines(ra.stdout), lb = jsonLines(rb.stdout);
    expect(la).toHaveLength(50);
    expect(lb).toHaveLength(50);
    expect([...la, ...lb].filter((l) => l.status === 'rejected')).toEqual([]);
    // each file went in through one process; the other found it stored
    for (const f of files) {
      const statuses = [la, lb].map((ls) => ls.find((l) => l.file === f)?.status).sort();
      expect(statuses, f).toEqual(['ingested', 'unchanged']);
    }
    const store = readStore(db);
    try {
      expect(store.counts().reports).toBe(50);
      for (const f of files) {
        const r = store.reportBySha(shaOf(f));
        expect(r, f).toBeDefined();
        expect(r!.superseded_by).toBeNull();
        expect(store.cells(r!.id).length, f).toBeGreaterThan(100);
        expect(store.source(shaOf(f))?.status).toBe('ingested');
      }
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  }, 180_000);
});

describe('asking while ingesting', () => {
  it('a question asked while a batch goes in is answered from the reports stored', async () => {
    const dir = scratch();
    const db = join(dir, 'busy.db');
    const first = await runCli(['ingest', '--db', db, PANYU]);
    expect(first.code, first.stderr).toBe(0);
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    writeDistinctReports(folder, 50);
    const batch = startCli(['ingest', '--db', db, folder]);
    await batch.waitLines(3); // the batch is writing
    const ask = await runCli(['ask', '--db', db, '番禺2024年收到多少政府信息公开申请？']);
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.stdout).toContain('广州市番禺区人民政府 2024 年');
    expect(ask.stdout).toContain('1774');
    const done = await batch.done;
    expect(done.code, done.stderr).toBe(0);
    // `ask --db` only read the file: none of the bundled reports went into it
    const store = readStore(db);
    try {
      expect(store.counts().reports).toBe(51);
      for (const f of readdirSync(join(ROOT, 'data', 'reports'))) {
        if (shaOf(join(ROOT, 'data', 'reports', f)) === shaOf(PANYU)) continue;
        expect(store.reportBySha(shaOf(join(ROOT, 'data', 'reports', f))), f).toBeUndefined();
      }
    } finally {
      store.close();
    }
  }, 180_000);
});

describe('what --db may name', () => {
  it('a file that is not a database: one line saying so, exit 2, no stack trace (ask and ingest)', async () => {
    const bad = join(scratch(), 'notes.db');
    writeFileSync(bad, '这不是数据库，只是一段文字。\n'.repeat(200));
    for (const args of [['ask', '--db', bad, '番禺2024年收到多少申请'], ['ingest', '--db', bad, PANYU]]) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/notes\.db.*not a SQLite database/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(bad, 'utf8')).toMatch(/^这不是数据库/); // left as it was
  });

  it('ask --db naming no file says so and creates nothing', async () => {
    const none = join(scratch(), 'none.db');
    const r = await runCli(['ask', '--db', none, '番禺2024年收到多少申请']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^No database at .*none\.db/);
    expect(existsSync(none)).toBe(false);
  });

  it('a search term the index cannot take finds nothing instead of raising an SQL error', async () => {
    const app = testApp();
    try {
      const file = join(app.dir, 'panyu.txt');
      copyFileSync(PANYU, file);
      const o = await ingestFile(file, app.ingest);
      expect(o.status).toBe('ingested');
      const id = o.reportId!;
      // a NUL inside a term is an FTS5 syntax error ("unterminated string") when it reaches the index
      for (const terms of [['公开\u0000申请'], ['"\u0000"', '申请'], ['\u0000']]) {
        expect(() => app.store.searchPassages(id, terms), JSON.stringify(terms)).not.toThrow();
      }
      expect(app.store.searchPassages(id, ['政府信息公开']).length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
