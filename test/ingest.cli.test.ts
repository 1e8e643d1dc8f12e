import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { FIX } from './helpers/cases.js';
import { tempDir } from './helpers/app.js';
import { runCli } from './helpers/run.js';
import { readFileSync } from 'node:fs';

const dir = tempDir();
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run cli -- ingest', () => {
  it('prints one JSON object per file with the expected keys, and exits 1 when a file is rejected', async () => {
    const good = join(FIX, 'seeds', '003_d769e78216216ff0.txt');
    const bad = join(FIX, 'generated', 'enc-user-password.pdf');
    const r = await runCli(['ingest', '--db', db, '--json', good, bad]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: good, status: 'ingested', report: { org: '韶关市武江区人民政府办公室', year: 2024, format: '2021', published: '2025-01-24' } });
    const truth = JSON.parse(readFileSync(join(FIX, 'expected', '003_d769e78216216ff0.json'), 'utf8'));
    expect(lines[0].report.applications).toEqual(truth.applications);
    expect(lines[0].report.review_litigation).toEqual(truth.review_litigation);
    expect(lines[0].report.active).toEqual(truth.active);
    expect(lines[1]).toMatchObject({ file: bad, status: 'rejected' });
    expect(lines[1].reason).toMatch(/enc-user-password\.pdf is password-protected/);
  });

  it('the same file again is unchanged and exits 0; the text form names body, year, template, cells and status', async () => {
    const r = await runCli(['ingest', '--db', db, join(FIX, 'seeds', '003_d769e78216216ff0.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/韶关市武江区人民政府办公室 2024 \(template 2021\), \d+ cells, 0 finding\(s\) — unchanged/);
  });

  it('findings carry their evidence (seed 002: shifted cells and narrative 3 vs table 0)', async () => {
    const r = await runCli(['ingest', '--db', db, '--json', join(FIX, 'seeds', '002_7b8566f6eb984e20.txt')]);
    const o = JSON.parse(r.stdout.trim());
    const rules = o.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('shifted_cells');
    const n = o.findings.find((f: { rule: string; message: string }) => f.rule === 'narrative_mismatch');
    expect(n.message).toMatch(/3/);
    expect(n.excerpt).toMatch(/被行政诉讼3件/);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['ingest', '--db', db])).code).toBe(2);
    expect((await runCli(['ingest', '--nope', 'x'])).code).toBe(2);
  });
});
