/**
 * Parsing must not depend on the fixtures at hand: every hand-checked report is rendered again in other
 * layouts (a government web page, tab and pipe text), with zeros printed as blanks and one 总计 left blank
 * whose parts do not add up to 0, and read back.
 */
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../src/ingest/extract/text.js';
import { htmlToDoc } from '../src/ingest/extract/html.js';
import { parseReport } from '../src/ingest/parse.js';
import { cellId } from '../src/ingest/report.js';
import { expectedCells, orgKey, truthCases, type Expected } from './helpers/cases.js';
import { renderHtml, renderText, type Blank } from './helpers/render.js';

// whole reports only (partial truths lack rows), one per distinct truth file
const seen = new Set<string>();
const cases = truthCases().filter((c) => !c.expected.partial_truth && c.expected.applications && Object.keys(c.expected.applications).length >= 23)
  .filter((c) => { const k = JSON.stringify(c.expected.applications) + c.expected.org + c.expected.year; if (seen.has(k)) return false; seen.add(k); return true; });

/**
 * Zeros print as blanks (only in rows whose printed numbers add up: elsewhere a blank is rightly not read as 0),
 * and the first nonzero row's 总计 is blanked too.
 */
function blanker(e: Expected): { blank: Blank; blankedTotal: string | null } {
  const rowWithTotal = Object.entries(e.applications!).find(([, v]) => (v[6] ?? 0) > 0 && v.slice(0, 6).some((x) => (x ?? 0) > 0))?.[0] ?? null;
  const addsUp = (v: (number | null)[]) => v.slice(0, -1).reduce<number>((a, x) => a + (x ?? 0), 0) === v[v.length - 1];
  const rowOf = (table: string, row: string) => (table === 'applications' ? e.applications![row] : table === 'review_litigation' ? e.review_litigation![row] : null);
  return {
    blankedTotal: rowWithTotal,
    blank: (table, row, col, value) => {
      if (table === 'applications' && row === rowWithTotal && col === 6) return true;
      const r = rowOf(table, row);
      return value === 0 && (!r || addsUp(r));
    },
  };
}

function check(e: Expected, doc: ReturnType<typeof textToDoc>, blankedTotal: string | null) {
  const r = parseReport(doc, { fileName: 'variant' });
  expect(orgKey(r.org)).toBe(orgKey(e.org));
  expect(r.year).toBe(e.year);
  const got = new Map(r.cells.map((c) => [cellId(c), c]));
  const wrong: string[] = [];
  for (const [id, v] of expectedCells(e)) {
    const want = blankedTotal && id === `applications.${blankedTotal}.total` ? null : v;
    if (got.get(id)?.value !== want) wrong.push(`${id}: want ${want}, got ${got.get(id)?.value}`);
  }
  expect(wrong).toEqual([]);
  return r;
}

describe('reports rendered in other layouts read back cell for cell', () => {
  for (const c of cases) {
    it(`${c.name} as a government web page with blanks`, () => {
      const { blank, blankedTotal } = blanker(c.expected);
      const r = check(c.expected, htmlToDoc(renderHtml(c.expected, { blank, published: `${c.expected.year + 1}-01-20` })), blankedTotal);
      expect(r.published).toBe(`${c.expected.year + 1}-01-20`);
      if (blankedTotal) {
        const f = r.findings.find((x) => x.rule === 'blank_cell' && x.cells?.includes(`applications.${blankedTotal}.total`));
        expect(f?.message).toMatch(/总计印成空白/);
      }
    });
    it(`${c.name} inside an old-style layout table`, () => {
      const page = renderHtml(c.expected).replace('<div class="TRS_Editor">', '<table width="100%"><tr><td class="left">栏目导航</td><td><div class="TRS_Editor">').replace('<div class="footer">', '</td></tr></table><div class="footer">');
      check(c.expected, htmlToDoc(page), null);
    });
    for (const style of ['tabs', 'pipes'] as const) {
      it(`${c.name} as ${style} text`, () => {
        check(c.expected, textToDoc(renderText(c.expected, style)), null);
      });
    }
    it(`${c.name} as pipe text with blanks`, () => {
      const { blank, blankedTotal } = blanker(c.expected);
      check(c.expected, textToDoc(renderText(c.expected, 'pipes', { blank })), blankedTotal);
    });
  }
});

describe('PDF tables without ruling lines (borderless) are read from text positions alone', () => {
  const pdfs = truthCases().filter((c) => c.file.endsWith('.pdf') && !c.file.includes('blank-zeros')); // blank cells need the grid
  for (const c of pdfs) {
    it(c.name, async () => {
      const { readFileSync } = await import('node:fs');
      const { pdfToDoc } = await import('../src/ingest/extract/pdf.js');
      const doc = await pdfToDoc(readFileSync(c.file), { maxPages: 100, ignoreRulings: true });
      expect(doc.lines.some((l) => l.grid)).toBe(false);
      check(c.expected, doc, null);
    });
  }
});
