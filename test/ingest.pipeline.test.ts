import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { extractFile } from '../src/ingest/extract/index.js';
import { ingestFile, saveParsed } from '../src/ingest/pipeline.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { expectedCells, FIX } from './helpers/cases.js';
import { testApp } from './helpers/app.js';

const gen = (f: string) => join(FIX, 'generated', f);
const wujiang = JSON.parse(readFileSync(gen('wujiang-2024.expected.json'), 'utf8'));

let app: App & { dir: string };
beforeAll(() => { app = testApp(); });
afterAll(async () => { await app.close(); });

const counts = () => app.store.counts();

describe('broken and unusual files (fixtures/README.md)', () => {
  const rejections: [string, string, RegExp][] = [
    ['bad-empty.pdf', 'empty', /empty/],
    ['bad-garbage.pdf', 'corrupt', /not a readable PDF/],
    ['bad-html-as-pdf.pdf', 'not_a_report', /not a 政府信息公开工作年度报告/],
    ['bad-truncated-1k.pdf', 'corrupt', /not a readable PDF/],
    ['bad-truncated-60pct.pdf', 'corrupt', /not a readable PDF/],
    ['enc-user-password.pdf', 'encrypted', /password/],
    ['jinlin-2024.scanned.pdf', 'needs_ocr', /OCR/],
    ['cjk-nonembedded-ucs2.pdf', 'incomplete', /not a complete report/],
  ];
  for (const [file, code, reason] of rejections) {
    it(`${file} is rejected (${code}) and nothing is stored`, async () => {
      const before = counts();
      const o = await ingestFile(gen(file), app.ingest);
      expect(o.status).toBe('rejected');
      expect(o.code).toBe(code);
      expect(o.reason).toMatch(reason);
      expect(o.reason).toContain(file);
      expect(counts()).toEqual(before);
    });
  }

  it('broken-font-encoding.pdf is refused: its text does not decode', async () => {
    const o = await ingestFile(join(FIX, 'real-pdf', 'broken-font-encoding.pdf'), app.ingest);
    expect(o.status).toBe('rejected');
    expect(o.code).toBe('bad_font');
    expect(o.reason).toMatch(/font/);
  });

  it('the non-embedded CJK fragment gives its text (pdf.js cMaps) before it is refused', async () => {
    const doc = await extractFile(readFileSync(gen('cjk-nonembedded-ucs2.pdf')), { maxPages: 10 });
    const text = doc.lines.map((l) => l.cells.join(' ')).join('\n');
    expect(text.replace(/\s+/g, ' ')).toContain('1701 57 0 0 2 14 1774');
    expect(text.replace(/\s+/g, ' ')).toContain('43 4 0 0 0 0 47');
  });

  for (const file of ['bad-xref-offset.pdf', 'enc-owner-only.pdf']) {
    it(`${file} ingests like wujiang-2024.pdf`, async () => {
      const o = await ingestFile(gen(file), app.ingest);
      expect(['ingested', 'replaced']).toContain(o.status);
      const cells = app.store.cells(o.reportId!);
      const got = new Map(cells.map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c.value]));
      for (const [id, v] of expectedCells(wujiang)) expect(got.get(id), id).toBe(v);
    });
  }
});

describe('limits', () => {
  it('a file over the size limit is rejected before it is read', async () => {
    const o = await ingestFile(gen('panyu-2024.pdf'), { ...app.ingest, maxBytes: 1000 });
    expect(o.status).toBe('rejected');
    expect(o.code).toBe('too_large');
    expect(o.reason).toMatch(/too large/);
  });

  it('a stuck extraction is stopped at the time limit and the runner goes on serving', async () => {
    const runner = new ExtractRunner({ timeoutMs: 60_000, maxPages: 100 });
    try {
      await expect(runner.run(readFileSync(gen('panyu-2024.pdf')), 'panyu-2024.pdf', 5)).rejects.toMatchObject({ code: 'timeout' });
      const r = await runner.run(readFileSync(join(FIX, 'seeds', '000_685b84f069dd25b5.txt')), '000.txt');
      expect(r.org).toBe('广州市协作办公室');
    } finally {
      await runner.close();
    }
  });

  it('a file over the page limit is rejected', async () => {
    const runner = new ExtractRunner({ timeoutMs: 60_000, maxPages: 2 });
    try {
      await expect(runner.run(readFileSync(gen('panyu-2024.pdf')), 'panyu-2024.pdf')).rejects.toMatchObject({ code: 'too_large' });
    } finally {
      await runner.close();
    }
  });
});

describe('idempotent and atomic', () => {
  it('the same file twice is unchanged; another file for the same body and year replaces it, the old one kept', async () => {
    const seed = join(FIX, 'seeds', '002_7b8566f6eb984e20.txt');
    const first = await ingestFile(seed, app.ingest);
    expect(['ingested', 'replaced']).toContain(first.status);
    const again = await ingestFile(seed, app.ingest);
    expect(again.status).toBe('unchanged');
    expect(again.reportId).toBe(first.reportId);
    const pdf = await ingestFile(gen('panyu-2024.pdf'), app.ingest);
    expect(pdf.status).toBe('replaced');
    const old = app.store.reportById(first.reportId!)!;
    expect(old.superseded_by).toBe(pdf.reportId);
    expect(app.store.cells(first.reportId!).length).toBeGreaterThan(0);
    // the seed and the PDF differ in the 行政诉讼 row: the active report answers
    const active = app.store.activeReport(old.body_id, 2024)!;
    expect(active.id).toBe(pdf.reportId);
  });

  it('a failure inside the transaction leaves nothing behind', async () => {
    const doc = await extractFile(readFileSync(join(FIX, 'seeds', '000_685b84f069dd25b5.txt')), { maxPages: 10 });
    const { parseReport } = await import('../src/ingest/parse.js');
    const parsed = parseReport(doc, { fileName: 'x.txt' });
    parsed.org = '某某市测试局';
    parsed.region = null;
    parsed.cells.push(parsed.cells[0]); // duplicate primary key: the insert fails half-way
    const before = counts();
    expect(() => saveParsed(app.store, parsed, { file: 'x.txt', sha: 'f'.repeat(64) })).toThrow();
    expect(counts()).toEqual(before);
    expect(app.store.bodies().some((b) => b.name === '某某市测试局')).toBe(false);
    expect(app.store.reportBySha('f'.repeat(64))).toBeUndefined();
  });

  it('the same body named differently across years is one body', async () => {
    const a = await ingestFile(join(FIX, 'real-pdf', 'hongze-2023.pdf'), app.ingest);
    const b = await ingestFile(join(FIX, 'real-pdf', 'hongze-2024.pdf'), app.ingest);
    const ra = app.store.reportById(a.reportId!)!, rb = app.store.reportById(b.reportId!)!;
    expect(ra.body_id).toBe(rb.body_id);
    const body = app.store.bodies().find((x) => x.id === ra.body_id)!;
    expect(body.name).toBe('淮安市洪泽区人民政府');
    expect(body.aliases).toEqual(expect.arrayContaining(['洪泽区人民政府', '淮安市洪泽区人民政府']));
    expect(body.region).toEqual(['江苏省', '淮安市', '洪泽区']);
  });

  it('a body whose report never names its province is placed through the gazetteer', async () => {
    const o = await ingestFile(join(FIX, 'seeds', '004_67ee20e95a2da50e.txt'), app.ingest);
    const r = app.store.reportById(o.reportId!)!;
    expect(app.store.bodies().find((x) => x.id === r.body_id)!.region).toEqual(['黑龙江省', '伊春市', '金林区']);
  });
});

describe('a newer parser', () => {
  it('parses stored files again: the report is replaced in place, superseded versions stay superseded', async () => {
    const { PARSER_VERSION } = await import('../src/ingest/version.js');
    const seed = join(FIX, 'seeds', '001_eac659b3405373d8.txt');
    const first = await ingestFile(seed, app.ingest);
    const old = app.store.reportById(first.reportId!)!;
    // as if an older parser had made it
    app.db.prepare('UPDATE reports SET parser_version = ? WHERE id = ?').run(PARSER_VERSION - 1, old.id);
    const again = await ingestFile(seed, app.ingest);
    expect(again.status).toBe('replaced');
    expect(again.reportId).not.toBe(old.id);
    expect(app.store.reportById(old.id)).toBeUndefined();
    const now = app.store.reportById(again.reportId!)!;
    expect(now.parser_version).toBe(PARSER_VERSION);
    expect(now.superseded_by).toBeNull();
    expect(app.store.activeReport(now.body_id, 2020)!.id).toBe(now.id);
    expect((await ingestFile(seed, app.ingest)).status).toBe('unchanged');
  });
});
