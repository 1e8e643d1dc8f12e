import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WordExtractor from 'word-extractor';
import { detectKind } from '../src/ingest/detect.js';
import { lineText } from '../src/ingest/doc.js';
import { Rejection } from '../src/ingest/errors.js';
import { extractFile } from '../src/ingest/extract/index.js';
import { parseReport } from '../src/ingest/parse.js';
import { cellId } from '../src/ingest/report.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { expectedCells, FIX, orgKey, sameFormat, type Expected } from './helpers/cases.js';

const gen = (f: string) => join(FIX, 'generated', f);
const DOC = readFileSync(gen('panyu-2024.doc'));
const expected = JSON.parse(readFileSync(gen('panyu-2024.expected.json'), 'utf8')) as Expected;
const limits = { maxPages: 500 };

/** The rejection a file gets; anything thrown that is not a Rejection fails the test. */
async function rejection(buf: Buffer): Promise<Rejection> {
  try {
    await extractFile(buf, limits);
  } catch (e) {
    if (e instanceof Rejection) return e;
    throw new Error(`threw a ${(e as Error)?.name}, not a Rejection: ${(e as Error)?.message}`);
  }
  throw new Error('was not rejected');
}

/** The fixture with one OLE2 directory entry renamed (a compound file whose streams are not Word's). */
function renamedStream(from: string, to: string): Buffer {
  const b = Buffer.from(DOC);
  const at = b.indexOf(Buffer.from(`${from}\0`, 'utf16le'));
  expect(at % 128).toBe(0); // a directory entry starts with its name
  b.fill(0, at, at + 64);
  b.write(`${to}\0`, at, 'utf16le');
  b.writeUInt16LE((to.length + 1) * 2, at + 64);
  return b;
}

/** The fixture with the 16-bit field at `offset` of its Word file header (FIB) changed. */
function withFib(offset: number, change: (old: number) => number): Buffer {
  const b = Buffer.from(DOC);
  let fib = -1;
  for (let o = 512; o < b.length; o += 512) if (b.readUInt16LE(o) === 0xa5ec) { fib = o; break; }
  expect(fib).toBeGreaterThan(0);
  b.writeUInt16LE(change(b.readUInt16LE(fib + offset)), fib + offset);
  return b;
}

describe('legacy Word .doc (generated/panyu-2024.doc, LibreOffice "MS Word 97")', () => {
  it('is detected from its bytes as an OLE2 Word file', () => {
    expect(detectKind(DOC)).toBe('doc');
  });

  it('every cell of panyu-2024.expected.json, as for the other fixtures', async () => {
    const doc = await extractFile(DOC, limits);
    const r = parseReport(doc, { fileName: gen('panyu-2024.doc') });
    expect(orgKey(r.org)).toBe(orgKey(expected.org));
    expect(r.year).toBe(expected.year);
    expect(sameFormat(r.format, expected.format)).toBe(true);
    const got = new Map(r.cells.map((x) => [cellId(x), x.value]));
    const want = expectedCells(expected);
    expect(want.length).toBeGreaterThan(0);
    const wrong = want.filter(([id, v]) => got.get(id) !== v).map(([id, v]) => `${id}: want ${v}, got ${got.get(id)}`);
    expect(wrong).toEqual([]);
  });

  it('reads the same cells, raw text and status as the DOCX it was saved from', async () => {
    const parse = async (f: string) => parseReport(await extractFile(readFileSync(gen(f)), limits), { fileName: f });
    const [docx, doc] = await Promise.all([parse('panyu-2024.docx'), parse('panyu-2024.doc')]);
    const cells = (r: typeof doc) => r.cells.map((c) => `${cellId(c)}=${c.value}|${c.raw}|${c.status}`).sort();
    expect(cells(doc)).toEqual(cells(docx));
    expect(doc.findings.map((f) => f.rule).sort()).toEqual(docx.findings.map((f) => f.rule).sort());
  });

  it('table rows keep their cells, running text is one cell a line, the title is kept', async () => {
    const doc = await extractFile(DOC, limits);
    const row = (label: string) => doc.lines.find((l) => l.cells.some((c) => c.startsWith(label)));
    expect(row('一、本年新收政府信息公开申请数量')!.cells).toEqual(['一、本年新收政府信息公开申请数量', '1701', '57', '0', '0', '2', '14', '1774']);
    expect(row('行政规范性文件')!.cells).toEqual(['行政规范性文件', '16', '21', '59']);
    // a row under vertically merged label cells keeps their (empty) places
    expect(row('2.重复申请')!.cells).toEqual(['', '', '2.重复申请', '10', '0', '0', '0', '0', '0', '10']);
    expect(row('36')!.cells).toEqual(['36', '13', '2', '12', '63', '1', '0', '0', '2', '3', '0', '0', '0', '0', '0']);
    expect(new Set(doc.lines.filter((l) => l.grid).map((l) => l.grid!.table))).toEqual(new Set([1, 2, 3]));
    const text = doc.lines.filter((l) => !l.grid);
    expect(text.every((l) => l.cells.length === 1)).toBe(true);
    expect(lineText(text[0])).toBe('广州市番禺区人民政府 2024 年政府信息公开工作年度报告');
    expect(text.some((l) => lineText(l).startsWith('依法依规办理政府信息公开申请') && lineText(l).endsWith('尚未审结 2 宗。'))).toBe(true);
    expect(doc.meta.Title).toBe('广州市番禺区人民政府 2024 年政府信息公开工作年度报告');
  });

  it("word-extractor's own text runs the wide tables' rows together (why word.ts reads paragraph properties)", async () => {
    const body = (await new WordExtractor().extract(DOC)).getBody({ filterUnicode: false });
    const line = body.split('\n').find((l) => l.includes('一、本年新收政府信息公开申请数量'))!;
    expect(line).toContain('二、上年结转政府信息公开申请数量'); // two rows on one line, the row end a mere tab
  });

  it('is read in the extraction worker too', async () => {
    const runner = new ExtractRunner({ timeoutMs: 60_000, maxPages: 500 });
    try {
      const r = await runner.run(DOC, 'panyu-2024.doc');
      expect(r.cells.find((c) => cellId(c) === 'applications.new_received.total')?.value).toBe(1774);
    } finally {
      await runner.close();
    }
  });
});

describe('damaged and other compound files are refused with a reason, never with another error', () => {
  it('the first 3000 bytes of the .doc: damaged (truncated)', async () => {
    const r = await rejection(DOC.subarray(0, 3000));
    expect(r.code).toBe('corrupt');
    expect(r.message).toMatch(/damaged Word \.doc file \(it ends at byte 3000/);
  });

  it('cut anywhere: damaged, never another error', async () => {
    for (let n = 512; n < DOC.length; n += 2048) {
      const r = await rejection(DOC.subarray(0, n));
      expect([n, r.code]).toEqual([n, 'corrupt']);
      expect(r.message).toMatch(/damaged Word \.doc file/);
    }
  });

  it('a compound file without a WordDocument stream is not a Word document', async () => {
    const r = await rejection(renamedStream('WordDocument', 'Contents'));
    expect(r.code).toBe('unsupported_type');
    expect(r.message).toMatch(/OLE2 compound file but not a Word document/);
  });

  it('an Excel workbook (.xls) is named as such', async () => {
    const r = await rejection(renamedStream('WordDocument', 'Workbook'));
    expect(r.code).toBe('unsupported_type');
    expect(r.message).toMatch(/Excel workbook/);
  });

  it('a password-protected DOCX (a compound file holding the encrypted package) is refused as encrypted', async () => {
    const r = await rejection(renamedStream('WordDocument', 'EncryptedPackage'));
    expect(r.code).toBe('encrypted');
    expect(r.message).toMatch(/password-protected Office file/);
  });

  it('a Word stream without a Word header is damaged', async () => {
    const r = await rejection(withFib(0, () => 0x1234));
    expect(r.code).toBe('corrupt');
    expect(r.message).toMatch(/damaged Word \.doc file \(its WordDocument stream has no Word file header\)/);
  });

  it('a password-protected .doc is refused as encrypted', async () => {
    const r = await rejection(withFib(0x0a, (flags) => flags | 0x0100)); // fEncrypted
    expect(r.code).toBe('encrypted');
  });

  it('a Word 6.0/95 file (older than Word 97) is refused as a legacy format', async () => {
    const r = await rejection(withFib(2, () => 0x65));
    expect(r.code).toBe('legacy_doc');
    expect(r.message).toMatch(/Word 6\.0\/95.*save it as DOCX or PDF/);
  });
});
