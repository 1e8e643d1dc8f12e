/**
 * One active report per body and year (migration 10): the schema refuses a second one, newer versions and
 * parse-agains keep one, and a database that already holds two gets the newest kept active by the migration.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { PARSER_VERSION } from '../src/ingest/version.js';
import { migrate } from '../src/store/db.js';
import { RATE_TABLE } from '../src/domain/rates.js';
import { testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';

let app: App & { dir: string };
const seed = join(FIX, 'seeds', '002_7b8566f6eb984e20.txt');
const q = <T>(sql: string, ...args: unknown[]) => app.db.prepare(sql).pluck().get(...args) as T;
const actives = () => app.db.prepare(`SELECT body_id, year, COUNT(*) AS n FROM reports WHERE superseded_by IS NULL
  GROUP BY body_id, year`).all() as { body_id: number; year: number; n: number }[];
/** figures holds exactly the cells of the active reports (beside their rates: store.figures.test.ts) */
const figuresInStep = () => expect(q<number>(`SELECT COUNT(*) FROM figures WHERE tbl <> '${RATE_TABLE}'`))
  .toBe(q<number>(`SELECT COUNT(*) FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.superseded_by IS NULL`));

beforeAll(async () => {
  app = testApp();
  expect((await ingestFile(seed, app.ingest)).status).toBe('ingested');
  for (const [i, note] of ['（更正版）', '（再次更正）'].entries()) {
    const copy = join(app.dir, `corrected-${i}.txt`);
    writeFileSync(copy, `${readFileSync(seed, 'utf8')}\n${note}\n`);
    expect((await ingestFile(copy, app.ingest)).status).toBe('replaced');
  }
});
afterAll(async () => { await app.close(); });

describe('one active report per body and year', () => {
  it('newer versions of a report leave one active, the older ones superseded by it', () => {
    expect(q<number>('SELECT COUNT(*) FROM reports')).toBe(3);
    expect(actives().map((a) => a.n)).toEqual([1]);
    expect(q<number>('SELECT COUNT(*) FROM reports WHERE superseded_by IS NOT NULL')).toBe(2);
    figuresInStep();
  });

  it('the schema refuses a second active report of the same body and year', () => {
    const old = q<number>('SELECT MIN(id) FROM reports');
    expect(() => app.db.prepare('UPDATE reports SET superseded_by = NULL WHERE id = ?').run(old))
      .toThrow(/UNIQUE constraint failed/);
    expect(actives().map((a) => a.n)).toEqual([1]);
  });

  it('a parse-again of a superseded version keeps it superseded by the active one', async () => {
    const old = q<number>('SELECT MIN(id) FROM reports');
    const next = q<number>('SELECT superseded_by FROM reports WHERE id = ?', old);
    app.db.prepare('UPDATE reports SET parser_version = ? WHERE id = ?').run(PARSER_VERSION - 1, old);
    expect((await ingestFile(seed, app.ingest)).status).toBe('replaced');
    const again = q<number>("SELECT id FROM reports WHERE source_file LIKE '%002_7b8566f6eb984e20%'");
    expect(again).not.toBe(old);
    expect(q<number>('SELECT superseded_by FROM reports WHERE id = ?', again)).toBe(next);
    expect(actives().map((a) => a.n)).toEqual([1]);
    figuresInStep();
  });

  it('a parse-again of the active version keeps it the one active', async () => {
    const active = q<number>('SELECT id FROM reports WHERE superseded_by IS NULL');
    const file = q<string>('SELECT source_file FROM reports WHERE id = ?', active);
    app.db.prepare('UPDATE reports SET parser_version = ? WHERE id = ?').run(PARSER_VERSION - 1, active);
    const o = await ingestFile(join(app.dir, file), app.ingest);
    expect(o.status, JSON.stringify(o)).toBe('replaced');
    const now = q<number>('SELECT id FROM reports WHERE superseded_by IS NULL');
    expect(now).not.toBe(active);
    expect(q<number>('SELECT COUNT(*) FROM reports WHERE superseded_by = ?', now)).toBe(1); // was the active's
    expect(q<number>('SELECT COUNT(*) FROM reports WHERE superseded_by IS NOT NULL')).toBe(2);
    figuresInStep();
  });

  it('its migration keeps the newest of two active reports active in a database made before it', () => {
    app.db.exec('DROP INDEX reports_one_active; DELETE FROM schema_migrations WHERE version = 10');
    app.db.exec('UPDATE reports SET superseded_by = NULL');
    expect(actives().map((a) => a.n)).toEqual([3]);
    const newest = q<number>('SELECT MAX(id) FROM reports');
    migrate(app.db);
    expect(actives().map((a) => a.n)).toEqual([1]);
    expect(q<number>('SELECT id FROM reports WHERE superseded_by IS NULL')).toBe(newest);
    expect(q<number>('SELECT COUNT(*) FROM reports WHERE superseded_by = ?', newest)).toBe(2);
    figuresInStep();
  });
});
