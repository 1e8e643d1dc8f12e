/**
 * The admin's body and year: `ingest --body NAME --year YYYY FILE` for a report whose title names no body, and
 * an override on a file stored before (same bytes) that parses it again and is kept for later parses.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest/pipeline.js';
import { applyOverride } from '../src/ingest/override.js';
import { PARSER_VERSION } from '../src/ingest/version.js';
import { tempDir, testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';
import { truth, WUJIANG, XZB24 } from './helpers/engine.js';
import { runCli } from './helpers/run.js';

const dir = tempDir();
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const w = truth(WUJIANG);
/** Seed 003 with the body's name taken out of its title line ("…办公室2024年" → "2024年"). */
const nameless = join(dir, 'wujiang-nameless.txt');
const seedText = readFileSync(join(FIX, 'seeds', `${WUJIANG}.txt`), 'utf8');
const firstLine = seedText.split('\n')[0];
if (!firstLine.startsWith(w.org)) throw new Error(`seed ${WUJIANG} no longer starts with its body's name`);
writeFileSync(nameless, seedText.replace(w.org, ''));
const json = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('applyOverride', () => {
  const found = { org: '某某区人民政府', year: 2023, line: 3 };
  it('replaces what was given, keeps the rest, and makes a title only from both', () => {
    expect(applyOverride(found, {})).toBe(found);
    expect(applyOverride(found, { body: ' 另一局 ' })).toEqual({ ...found, org: '另一局' });
    expect(applyOverride(found, { year: 2024 })).toEqual({ ...found, year: 2024 });
    expect(applyOverride(null, { body: '另一局' })).toBeNull();
    expect(applyOverride(null, { year: 2024 })).toBeNull();
    expect(applyOverride(null, { body: '另一局', year: 2024 })).toEqual({ org: '另一局', year: 2024, line: 0 });
  });
});

describe('npm run cli -- ingest --body --year', () => {
  it('without them, a title with no body is refused, and the reason says the body is missing', async () => {
    const r = await runCli(['ingest', '--db', db, '--json', nameless]);
    expect(r.code).toBe(1);
    const [o] = json(r.stdout);
    expect(o.status).toBe('rejected');
    expect(o.reason).toMatch(/wujiang-nameless\.txt/);
    expect(o.reason).toMatch(/body \(机关\)/);
    const text = await runCli(['ingest', '--db', db, nameless]);
    expect(text.stdout).toMatch(/--body NAME --year YYYY/);
  });

  it('with them, it is ingested under that body and year, with every table as the truth file says', async () => {
    const body = '韶关市武江区政务服务数据管理局';
    const r = await runCli(['ingest', '--db', db, '--json', '--body', body, '--year', String(w.year), nameless]);
    expect(r.code).toBe(0);
    const [o] = json(r.stdout);
    expect(o).toMatchObject({ status: 'ingested', report: { org: body, year: w.year } });
    expect(o.report.applications).toEqual(w.applications);
    expect(o.report.review_litigation).toEqual(w.review_litigation);
    const noted = o.findings.find((f: { rule: string }) => f.rule === 'admin_override');
    expect(noted?.message).toContain(body);
  });

  it('a bad --year or an empty --body is a usage error (exit 2)', async () => {
    for (const year of ['24', '3000', '1989', 'abcd', '2024年']) {
      const r = await runCli(['ingest', '--db', db, '--body', '某某局', '--year', year, nameless]);
      expect(r.code, year).toBe(2);
      expect(r.stderr, year).toMatch(/--year/);
    }
    expect((await runCli(['ingest', '--db', db, '--body', ' ', nameless])).code).toBe(2);
  });
});

describe('an override on a file stored before', () => {
  it('parses it again under the admin body and year, and a newer parser keeps them', async () => {
    const app = testApp();
    try {
      const seed = join(FIX, 'seeds', `${XZB24}.txt`);
      const first = await ingestFile(seed, app.ingest);
      expect(first.report?.org).toBe(truth(XZB24).org);
      expect((await ingestFile(seed, app.ingest)).status).toBe('unchanged');

      const fixed = await ingestFile(seed, app.ingest, { body: '广州市人民政府协作办公室', year: 2023 });
      expect(fixed.status).toBe('replaced');
      expect(fixed.report).toMatchObject({ org: '广州市人民政府协作办公室', year: 2023 });
      expect(app.store.reportById(first.reportId!)).toBeUndefined();

      // as if an older parser had made it: parsed again without being told, the admin's body and year stay
      app.db.prepare('UPDATE reports SET parser_version = ? WHERE id = ?').run(PARSER_VERSION - 1, fixed.reportId);
      const again = await ingestFile(seed, app.ingest);
      expect(again.status).toBe('replaced');
      expect(again.report).toMatchObject({ org: '广州市人民政府协作办公室', year: 2023 });
    } finally {
      await app.close();
    }
  });
});
