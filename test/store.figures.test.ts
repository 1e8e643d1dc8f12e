/**
 * `figures` (the index rankings and totals read) holds exactly the cells of the active reports, whatever wrote
 * them: ingest, a newer report of the same body and year, a parse-again, a report deleted; and a database made
 * before it gets it filled by the migration. Values read through it equal values read from a report's cells.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { PARSER_VERSION } from '../src/ingest/version.js';
import { ReportData } from '../src/query/facts/data.js';
import { printedValue, valueOf } from '../src/query/facts/values.js';
import { value } from '../src/query/intents/common.js';
import { metric, metricIds, metricKeys, RATIOS, singleCell } from '../src/query/metrics.js';
import { emptyFrame } from '../src/query/frame.js';
import { rateCells, rateOf, ratioValue } from '../src/query/intents/ratio.js';
import { migrate } from '../src/store/db.js';
import { RATE_TABLE, STORED_RATES } from '../src/domain/rates.js';
import { explainPlans } from '../src/store/plans.js';
import { testApp } from './helpers/app.js';
import { FIX, truthCases } from './helpers/cases.js';

let app: App & { dir: string };
beforeAll(async () => {
  app = testApp();
  for (const c of truthCases()) await ingestFile(c.file, app.ingest);
});
afterAll(async () => { await app.close(); });

const FROM_CELLS = `SELECT c.tbl, c.row_key, c.col_key, r.year, c.report_id, c.value, c.status
  FROM reports r JOIN cells c ON c.report_id = r.id WHERE r.superseded_by IS NULL`;
const FROM_FIGURES = `SELECT tbl, row_key, col_key, year, report_id, value, status FROM figures
  WHERE tbl <> '${RATE_TABLE}'`;
const RATES = `SELECT row_key, year, report_id, value FROM figures WHERE tbl = '${RATE_TABLE}'`;
const rows = (sql: string) => (app.db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();

/** Each active report's stored rates as the query computes them from its cells (rateCells, rateOf). */
function ratesFromCells(): string[] {
  const byReport = new Map<number, { year: number; cells: Map<string, number | null> }>();
  for (const [tbl, row, col, year, id, v, status] of app.db.prepare(FROM_CELLS).raw().all() as
    [string, string, string, number, number, number | null, string][]) {
    const r = byReport.get(id) ?? { year, cells: new Map() };
    r.cells.set(`${tbl}.${row}.${col}`, status === 'missing' ? null : v);
    byReport.set(id, r);
  }
  const out: string[] = [];
  for (const { id } of STORED_RATES) {
    const cells = rateCells({ ...emptyFrame(''), ratio: id as keyof typeof RATIOS })!;
    for (const [report, r] of byReport) {
      const v = rateOf(cells, (k) => r.cells.get(k) ?? null);
      if (v !== null) out.push(JSON.stringify([id, r.year, report, v]));
    }
  }
  return out.sort();
}

/** The invariant: figures = the cells of active reports, row for row, and their stored rates. */
function expectInStep(): void {
  const want = rows(FROM_CELLS);
  expect(want.length).toBeGreaterThan(1000);
  expect(rows(FROM_FIGURES)).toEqual(want);
  const rates = ratesFromCells();
  expect(rates.length).toBeGreaterThan(10);
  expect(rows(RATES)).toEqual(rates);
}

describe('figures', () => {
  it('after ingesting every fixture', () => expectInStep());

  it('after a newer file of the same body and year (the old report superseded)', async () => {
    const seed = join(FIX, 'seeds', '002_7b8566f6eb984e20.txt');
    const copy = join(app.dir, 'panyu-corrected.txt');
    writeFileSync(copy, `${readFileSync(seed, 'utf8')}\n（更正版）\n`);
    const o = await ingestFile(copy, app.ingest);
    expect(['ingested', 'replaced']).toContain(o.status);
    expect(app.db.prepare('SELECT COUNT(*) FROM reports WHERE superseded_by IS NOT NULL').pluck().get())
      .toBeGreaterThan(0);
    expectInStep();
  });

  it('after a parse-again by a newer parser (the old rows deleted)', async () => {
    const seed = join(FIX, 'seeds', '001_eac659b3405373d8.txt');
    const id = app.db.prepare("SELECT id FROM reports WHERE source_file LIKE '%001_eac659b3405373d8%'").pluck().get();
    app.db.prepare('UPDATE reports SET parser_version = ? WHERE id = ?').run(PARSER_VERSION - 1, id);
    expect((await ingestFile(seed, app.ingest)).status).toBe('replaced');
    expectInStep();
  });

  it('after a report is deleted, and after a superseded one is made active again', () => {
    const [old, nu] = app.db.prepare(`SELECT r.id, r.superseded_by FROM reports r JOIN reports n ON n.id = r.superseded_by
      WHERE n.superseded_by IS NULL`).raw().get() as [number, number];
    app.store.transaction(() => {
      // the versions nu superseded point at old (old at itself) until nu is gone: one active report a body-year
      app.db.prepare('UPDATE reports SET superseded_by = ? WHERE superseded_by = ?').run(old, nu);
      app.db.prepare('DELETE FROM reports WHERE id = ?').run(nu);
      app.db.prepare('UPDATE reports SET superseded_by = NULL WHERE id = ?').run(old);
    });
    expect(app.db.prepare('SELECT superseded_by FROM reports WHERE id = ?').pluck().get(old)).toBeNull();
    expectInStep();
  });

  const dropTriggers = (like: string) => {
    const triggers = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?")
      .pluck().all(like) as string[];
    expect(triggers.length).toBeGreaterThan(3);
    for (const t of triggers) app.db.exec(`DROP TRIGGER ${t}`);
  };

  it('its rates are filled by their migration in a database made before them', () => {
    dropTriggers('rate%');
    app.db.exec(`DELETE FROM figures WHERE tbl = '${RATE_TABLE}'; DELETE FROM schema_migrations WHERE version = 11`);
    migrate(app.db);
    expectInStep();
  });

  it('is filled by its migration in a database made before it', () => {
    dropTriggers('figures%');
    dropTriggers('rate%');
    app.db.exec(`DROP TABLE figures; DELETE FROM schema_migrations WHERE version IN (8, 11);
      CREATE INDEX cells_metric ON cells(tbl, row_key, col_key)`);
    migrate(app.db);
    expectInStep();
    const indexes = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cells'")
      .pluck().all();
    expect(indexes).not.toContain('cells_metric');
  });

  it('rankings and totals read it (SQLite orders or adds one cell) by index range; other kinds read cells by report', () => {
    const range = /SEARCH (figures|f) USING PRIMARY KEY \(tbl=\? AND row_key=\? AND col_key=\? AND year=\?( AND report_id=\?)?\)/;
    expect(app.store.figures.explain(app.db).cellOfYear.join(' ')).toMatch(range);
    const plans = explainPlans(app.store, app.db);
    for (const kind of ['ranking', 'total']) {
      const ofKind = plans.filter((p) => p.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(2); // the year's cells, and SQLite's order or sum of one
      for (const p of ofKind) expect(p.plan.join(' '), p.sql).toMatch(range);
    }
    for (const p of plans.filter((x) => ['lookup', 'trend', 'comparison'].includes(x.kind))) {
      expect(p.plan.join(' '), p.sql).toMatch(/SEARCH (cells|findings) USING (PRIMARY KEY|INDEX)/);
    }
  });
});

describe('values read through a slice of figures', () => {
  it('equal values read from each report\'s own cells, for every metric, column and report', () => {
    const data = new ReportData(app.store);
    const ids = [...new Set([...Object.values(RATIOS).flatMap((r) => [...r.num, ...r.den].map(([id]) => id)),
      'applications.new_received', 'group.denied', 'group.other', 'active.licensing', 'active.fees',
      'review.litigation.total', 'active.normative_documents.in_force'])];
    let compared = 0;
    for (const col of ['total', 'natural_person', 'legal_person'] as const) {
      for (const id of ids) {
        expect(metric(id), id).toBeDefined();
        for (const year of new Set(data.reports().map((r) => r.year))) {
          const slice = data.slice(year, metricKeys(id, col));
          for (const r of data.reports().filter((x) => x.year === year)) {
            const full = valueOf(r, data.cells(r.id), id, col), part = valueOf(r, slice.cells(r.id), id, col);
            expect(part.value, `${id} ${col} report ${r.id}`).toBe(full.value);
            expect(part.label).toBe(full.label);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('a one-cell metric read straight from the slice (a ranking\'s shortcut) equals its general reading', () => {
    const data = new ReportData(app.store);
    let compared = 0;
    for (const id of metricIds()) {
      for (const col of ['total', 'natural_person', 'commercial', 'legal_person'] as const) {
        const key = singleCell(id, col);
        if (!key) continue;
        for (const year of new Set(data.reports().map((r) => r.year))) {
          const slice = data.slice(year, [key]);
          for (const r of data.reports().filter((x) => x.year === year)) {
            const want = valueOf(r, data.cells(r.id), id, col).value;
            expect(printedValue(slice.cells(r.id).get(key)), `${id} ${col} report ${r.id}`).toBe(want);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('a rate of one-cell operands read straight from the slice (a ranking\'s shortcut) equals its general reading',
    () => {
      const data = new ReportData(app.store);
      const ctx = { index: undefined as never, data, now: new Date() };
      let compared = 0, shortcuts = 0;
      for (const ratio of Object.keys(RATIOS) as (keyof typeof RATIOS)[]) {
        const f = { ...emptyFrame(''), ratio };
        const cells = rateCells(f);
        // 行政诉讼纠错率 adds two groups of rows: no one-cell operands, read the general way
        if (!cells) continue;
        shortcuts++;
        for (const year of new Set(data.reports().map((r) => r.year))) {
          const slice = data.slice(year, cells!.cells.map((c) => c.key));
          for (const r of data.reports().filter((x) => x.year === year)) {
            const want = ratioValue(ctx, f, r);
            const got = rateOf(cells!, (k) => printedValue(slice.cells(r.id).get(k)));
            expect(got, `${ratio} report ${r.id}`).toBe(want.value);
            expect(cells!.label).toBe(want.label);
            if (got !== null) compared++;
          }
        }
      }
      expect(shortcuts).toBeGreaterThanOrEqual(4);
      expect(compared).toBeGreaterThan(20);
    });

  it('the store\'s rates (src/domain/rates.ts) are the query\'s rates of one-cell operands, every one of them', () => {
    const query = Object.keys(RATIOS).flatMap((id) => {
      const cells = rateCells({ ...emptyFrame(''), ratio: id as keyof typeof RATIOS });
      return cells ? [{ id, cells: cells.cells.map((c) => [c.key, c.sign, c.num]).sort() }] : [];
    });
    const stored = STORED_RATES.map((r) => ({
      id: r.id,
      cells: [...r.num.map((o) => [o.key, o.sign, true]), ...r.den.map((o) => [o.key, o.sign, false])].sort(),
    }));
    expect(query.length).toBeGreaterThanOrEqual(4);
    expect(stored).toEqual(query);
  });

  it('a metric read from its own cells (by primary key) equals its reading from the whole table', () => {
    const data = new ReportData(app.store);
    const ctx = { index: undefined as never, data, now: new Date() };
    let compared = 0;
    for (const id of metricIds()) {
      for (const col of ['total', 'natural_person', 'legal_person'] as const) {
        for (const r of data.reports()) {
          const want = valueOf(r, data.cells(r.id), id, col);
          const got = value(ctx, r, id, col);
          expect(got.value, `${id} ${col} report ${r.id}`).toBe(want.value);
          expect(got.label).toBe(want.label);
          expect(got.reason).toBe(want.reason);
          expect(got.cells.map((c) => c.excerpt)).toEqual(want.cells.map((c) => c.excerpt));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
