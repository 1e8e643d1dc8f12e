/**
 * Crash safety: an ingest process killed (SIGKILL: no chance to clean up) in the middle of a batch leaves a sound
 * database in which every report is whole, and running the batch again stores each report exactly once.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/ingest/pipeline.js';
import { openDb } from '../src/store/db.js';
import { Store } from '../src/store/store.js';
import { tempDir } from './helpers/app.js';
import { startCli } from './helpers/cliProcess.js';
import { writeDistinctReports } from './helpers/variants.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const N = 40;
type Shape = { cells: number; passages: number; findings: number };

/** What the database holds now: integrity, and each stored report's size by file content. */
function inspect(db: string): { integrity: unknown; reports: Map<string, Shape>; orphans: string[] } {
  const store = new Store(openDb(db));
  try {
    const integrity = store.db.pragma('integrity_check', { simple: true });
    const reports = new Map<string, Shape>();
    for (const r of store.activeReports()) {
      const shape = { cells: store.cells(r.id).length, passages: store.passages(r.id).length };
      reports.set(r.sha256, { ...shape, findings: store.findings(r.id).length });
    }
    // a report stored without its source record (they are written in one transaction) would be half-stored
    const orphans = [...reports.keys()].filter((sha) => store.source(sha)?.status !== 'ingested');
    return { integrity, reports, orphans };
  } finally {
    store.db.close();
  }
}

const ingested = (line: string) => line.includes('"status":"ingested"');

describe('an ingest process killed in the middle of a batch', () => {
  it('leaves a sound database with no report half-stored; the batch run again stores every report once', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    const files = writeDistinctReports(folder, N);
    const db = join(dir, 'crash.db');
    const seen: Map<string, Shape>[] = [];
    // killed three times, each after a few more reports went in (the kill lands wherever the process is then)
    for (const more of [2, 5, 9]) {
      const run = startCli(['ingest', '--db', db, '--json', folder]);
      await run.waitLines(more, 120_000, ingested);
      run.child.kill('SIGKILL');
      const end = await run.done;
      expect(end.signal).toBe('SIGKILL');
      const now = inspect(db);
      expect(now.integrity).toBe('ok');
      expect(now.orphans).toEqual([]);
      expect(now.reports.size).toBeLessThan(N);
      seen.push(now.reports);
    }
    expect(seen.at(-1)!.size).toBeGreaterThanOrEqual(2 + 5 + 9);

    const last = startCli(['ingest', '--db', db, '--json', folder]);
    const end = await last.done;
    expect(end.code, end.stderr).toBe(0);
    const lines = end.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string });
    expect(lines).toHaveLength(N);
    expect(lines.filter((l) => !['ingested', 'unchanged'].includes(l.status))).toEqual([]);
    const final = inspect(db);
    expect(final.integrity).toBe('ok');
    expect(final.orphans).toEqual([]);
    expect(final.reports.size).toBe(N);
    for (const f of files) expect(final.reports.has(sha256(readFileSync(f))), f).toBe(true);
    // every report stored before a kill is the whole report: the same as one stored by a run that finished
    for (const snapshot of seen) {
      for (const [sha, shape] of snapshot) {
        expect(shape.cells).toBeGreaterThan(100);
        expect(shape).toEqual(final.reports.get(sha));
      }
    }
  }, 300_000);
});
