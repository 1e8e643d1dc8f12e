/**
 * A report whose table 四 (or 三) is missing is stored with what was read: the missing table's cells are marked
 * missing, a finding says so, and questions about it answer "not stated", never a number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { QueryEngine } from '../src/query/engine.js';
import type { IngestOutcome } from '../src/ingest/pipeline.js';
import { testApp } from './helpers/app.js';
import { expectedCells, FIX, type Expected } from './helpers/cases.js';
import { ingestVariant, NOW, PANYU, truth, WUJIANG } from './helpers/engine.js';

const REVIEW_HEADING = /四、(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议/;
const APPLICATIONS_HEADING = /三、(?:行政机关)?收到和处理政府信息公开申请情况/;

/** The text from the heading matching `from` up to (not including) the heading matching `to`. */
function cut(text: string, from: RegExp, to: RegExp): string {
  const a = text.search(from);
  const rest = text.slice(a + 2);
  const b = a + 2 + rest.search(to);
  if (a < 0 || b <= a + 2) throw new Error(`no ${from} … ${to} in the seed`);
  return text.slice(0, a) + text.slice(b);
}
const withoutReview = (t: string) => cut(t, REVIEW_HEADING, /\n\s*五、/);
const withoutApplications = (t: string) => cut(t, APPLICATIONS_HEADING, REVIEW_HEADING);
const withoutTables = (t: string) => cut(t, /二、主动公开政府信息情况/, /\n\s*五、/);

let app: App & { dir: string };
let engine: QueryEngine;
let noReview: IngestOutcome;
let noApplications: IngestOutcome;
const cellsOf = (o: IngestOutcome) =>
  new Map(app.store.cells(o.reportId!).map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c]));
const ask = (q: string) => engine.ask(q, { now: NOW });
/** Every cell of a seed's truth file. */
const truthCells = (id: string) =>
  expectedCells(JSON.parse(readFileSync(join(FIX, 'expected', `${id}.json`), 'utf8')) as Expected);

beforeAll(async () => {
  app = testApp();
  noReview = await ingestVariant(app, PANYU, withoutReview, 'panyu-no-table-4.txt');
  noApplications = await ingestVariant(app, WUJIANG, withoutApplications, 'wujiang-no-table-3.txt');
  engine = new QueryEngine(app.store, () => NOW);
});
afterAll(async () => { await app.close(); });

describe('table 四 cut out of seed 002', () => {
  const p = truth(PANYU);

  it('is stored under its body and year', () => {
    expect(noReview.status).toBe('ingested');
    expect(noReview.report).toMatchObject({ org: p.org, year: p.year });
  });

  it('tables 二 and 三 are as the truth file says', () => {
    const got = cellsOf(noReview);
    const want = truthCells(PANYU).filter(([id]) => !id.startsWith('review_litigation.'));
    expect(want.length).toBeGreaterThan(100);
    for (const [id, v] of want) expect(got.get(id)?.value, id).toBe(v);
  });

  it("table 四's template cells are there, marked missing with no text and no value", () => {
    const review = [...cellsOf(noReview).values()].filter((c) => c.tbl === 'review_litigation');
    expect(review).toHaveLength(15);
    for (const c of review) expect(c).toMatchObject({ status: 'missing', raw: '', value: null });
  });

  it('a finding says the table is missing, and the audit reports no sums over it', () => {
    const findings = app.store.findings(noReview.reportId!);
    const f = findings.find((x) => x.rule === 'table_missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/未找到表四.*行政复议.*或无法读取/);
    expect(findings.filter((x) => x.rule === 'identity_4' || x.rule === 'shifted_cells')).toEqual([]);
    const others = findings.filter((x) => x.rule !== 'table_missing');
    expect(others.some((x) => x.cells.some((c) => c.startsWith('review_litigation.')))).toBe(false);
  });

  it('a question about 行政复议 says the report does not state it, with no number', () => {
    for (const q of ['番禺2024年被申请行政复议多少件', '番禺2024年行政复议结果纠正的有几件', '番禺2024年复议纠错率']) {
      const a = ask(q);
      expect(a.status, q).toBe('not_found');
      expect(a.facts, q).toEqual([]);
      expect(a.text, q).toMatch(/没有（可读的）表四/);
      expect(a.text, q).toMatch(/未载明/);
      expect(a.text.replace(/2024|表四/g, ''), q).not.toMatch(/\d/);
    }
  });

  it('the report still answers for its other tables, and its card says what is missing', () => {
    const a = ask('番禺2024年收到多少政府信息公开申请？');
    expect(a.status).toBe('answered');
    expect(a.facts[0].value).toBe(p.applications.new_received[6]);
    const card = engine.command('report', '番禺 2024', { now: NOW });
    expect(card.status).toBe('answered');
    expect(card.text).toMatch(/【表四 复议诉讼】报告中没有（可读的）表四/);
    expect(card.facts.some((x) => x.metric.startsWith('review.'))).toBe(false);
  });
});

describe('table 三 cut out of seed 003', () => {
  it('is stored; tables 二 and 四 as the truth file says; table 三 missing', () => {
    expect(noApplications.status).toBe('ingested');
    const got = cellsOf(noApplications);
    const want = truthCells(WUJIANG).filter(([k]) => !k.startsWith('applications.'));
    for (const [id, v] of want) expect(got.get(id)?.value, id).toBe(v);
    const apps = [...got.values()].filter((c) => c.tbl === 'applications');
    expect(apps.length).toBeGreaterThanOrEqual(25 * 7 - 7);
    expect(apps.every((c) => c.status === 'missing' && c.value === null)).toBe(true);
    const findings = app.store.findings(noApplications.reportId!);
    expect(findings.some((f) => f.rule === 'table_missing' && /表三/.test(f.message))).toBe(true);
  });

  it('a question about applications says the report does not state it', () => {
    const a = ask('武江2024年收到多少政府信息公开申请');
    expect(a.status).toBe('not_found');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/没有（可读的）表三/);
  });
});

describe('a file with no table at all', () => {
  it('is still refused as incomplete and nothing is stored', async () => {
    const before = app.store.counts();
    const o = await ingestVariant(app, PANYU, withoutTables, 'panyu-no-tables.txt');
    expect(o.status).toBe('rejected');
    expect(o.code).toBe('incomplete');
    expect(o.reason).toMatch(/panyu-no-tables\.txt is not a complete report/);
    expect(app.store.counts()).toEqual(before);
  });
});
