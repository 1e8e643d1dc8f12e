import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/ingest/extract/index.js';
import { parseReport } from '../src/ingest/parse.js';
import { cellId } from '../src/ingest/report.js';
import { expectedCells, orgKey, sameFormat, truthCases } from './helpers/cases.js';

describe('every cell of every expected file', () => {
  for (const c of truthCases()) {
    it(c.name, async () => {
      const doc = await extractFile(readFileSync(c.file), { maxPages: 500 });
      const r = parseReport(doc, { fileName: c.file });
      expect(orgKey(r.org)).toBe(orgKey(c.expected.org));
      expect(r.year).toBe(c.expected.year);
      expect(sameFormat(r.format, c.expected.format)).toBe(true);
      if (c.expected.published) expect(r.published).toBe(c.expected.published);
      const got = new Map(r.cells.map((x) => [cellId(x), x.value]));
      const want = expectedCells(c.expected);
      expect(want.length).toBeGreaterThan(0);
      const wrong = want.filter(([id, v]) => got.get(id) !== v).map(([id, v]) => `${id}: want ${v}, got ${got.get(id)}`);
      expect(wrong).toEqual([]);
    });
  }
});
