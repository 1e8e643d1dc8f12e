/**
 * The parser never throws on what it is given: arbitrary text and bytes, and the seed reports cut, doubled,
 * shuffled, renumbered and sprinkled with stray characters, come back as a report or as a Rejection with a reason.
 * A seed whose numbers were changed so that its identities break must say so in its findings.
 * FUZZ_RUNS=n runs every property n times (FUZZ_SEED pins fast-check's seed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rejection } from '../../src/ingest/errors.js';
import { extractFile } from '../../src/ingest/extract/index.js';
import { textToDoc } from '../../src/ingest/extract/text.js';
import { parseReport } from '../../src/ingest/parse.js';
import type { ParsedReport } from '../../src/ingest/report.js';
import { FIX, type Expected } from '../helpers/cases.js';
import { judge } from '../helpers/identities.js';
import { fuzzOptions, fuzzTimeout, rng } from '../helpers/mutate.js';

/** Edits of a report's text lines; positions are taken modulo the lines there are. */
type TextOp =
  | { op: 'delete'; at: number; n: number }
  | { op: 'duplicate'; at: number; n: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'shuffle'; at: number; n: number; seed: number }
  | { op: 'number'; at: number; k: number; value: string }
  | { op: 'insert'; at: number; pos: number; text: string };

const oddText = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\u0000', '\t', '|', '\f', '\r',
  '\u200f', '\u202e', '—', '/', '（', '）', '、', '1.', '一、', '总计', '　'));
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), n: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
  fc.record({
    op: fc.constant('number' as const), at: fc.nat(), k: fc.nat(),
    value: fc.oneof(fc.nat({ max: 99999 }).map(String),
      fc.constantFrom('', '—', '1,234', '-3', '3.5', '99999999999999999999', '1e9', '０', 'NaN')),
  }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), pos: fc.nat(), text: oddText }),
);

const NUMBER = /\d+(?:\.\d+)?/g;
/** The k-th number of the line-th line that has numbers replaced by `value` (a different one if it was equal). */
function setNumber(lines: string[], line: number, k: number, value: string): void {
  const having = lines.map((l, i) => (/\d/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (!having.length) return;
  const i = having[line % having.length];
  const ms = [...lines[i].matchAll(NUMBER)];
  const m = ms[k % ms.length];
  const v = value === m[0] ? String(Number(value) + 1) : value;
  lines[i] = lines[i].slice(0, m.index) + v + lines[i].slice(m.index! + m[0].length);
}

function changeNumber(text: string, line: number, k: number, value: number): string {
  const lines = text.split('\n');
  setNumber(lines, line, k, String(value));
  return lines.join('\n');
}

function applyTextOps(text: string, ops: TextOp[]): string {
  const lines = text.split('\n');
  for (const o of ops) {
    if (!lines.length) break;
    const at = o.at % lines.length;
    if (o.op === 'delete') lines.splice(at, o.n);
    else if (o.op === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + o.n));
    else if (o.op === 'swap') {
      const to = o.to % lines.length;
      [lines[at], lines[to]] = [lines[to], lines[at]];
    } else if (o.op === 'shuffle') {
      const r = rng(o.seed);
      const part = lines.slice(at, at + o.n);
      for (let i = part.length - 1; i > 0; i--) { const j = r.int(i + 1); [part[i], part[j]] = [part[j], part[i]]; }
      lines.splice(at, part.length, ...part);
    } else if (o.op === 'number') setNumber(lines, o.at, o.k, o.value);
    else {
      const l = lines[at], p = o.pos % (l.length + 1);
      lines[at] = l.slice(0, p) + o.text + l.slice(p);
    }
  }
  return lines.join('\n');
}

const seeds = readdirSync(join(FIX, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => ({
  id: f.replace(/\.txt$/, ''),
  text: readFileSync(join(FIX, 'seeds', f), 'utf8'),
  truth: JSON.parse(readFileSync(join(FIX, 'expected', f.replace(/\.txt$/, '.json')), 'utf8')) as Expected,
}));

/** A report, or a Rejection with its reason; anything else (a TypeError, a RangeError …) fails the property. */
function outcome(run: () => ParsedReport): ParsedReport | Rejection {
  try {
    const r = run();
    expect(Array.isArray(r.cells) && Array.isArray(r.findings)).toBe(true);
    expect(Number.isInteger(r.year)).toBe(true);
    expect(typeof r.org).toBe('string');
    return r;
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    expect(e.message.trim().length).toBeGreaterThan(5);
    return e;
  }
}
const parseText = (s: string) => outcome(() => parseReport(textToDoc(s), { fileName: 'fuzz.txt' }));
/** Bytes as the worker takes them: extracted by their detected type, then parsed. */
async function parseBytes(buf: Buffer): Promise<void> {
  let doc;
  try {
    doc = await extractFile(buf, { maxPages: 50 });
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return;
  }
  outcome(() => parseReport(doc, { fileName: 'fuzz.bin' }));
}

/** Pieces that take the parser deep: report words, numbers as printed, separators, invisible and control marks. */
const PIECES = [
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（七）总计', '四、结转下年度继续办理',
  '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '结果维持', '规章', '行政许可',
  '广州市番禺区人民政府', '2024年政府信息公开工作年度报告', '人民政府办公室', '自然人', '总计', '第三方', '其他处理',
  '1,774', '620.50 万元', '0', '7', '—', '/', '', ' ', '\t', '|', '\n', '\r\n', '\f', '\u0000', '\u200f', '\u202e',
  '\u2067', '\ufeff', '\u00a0', '\u3000', '\u200b', '\ud800', '\udfff', '😀', '👨‍👩‍👧', 'é', '\u0301', '⺠', '⼀',
];
const CONTROLS = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028');
const noisyText = fc.array(fc.oneof(
  { arbitrary: fc.constantFrom(...PIECES), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 1e9 }).map(String), weight: 2 },
  { arbitrary: fc.string({ unit: CONTROLS, maxLength: 8 }), weight: 1 },
), { maxLength: 300 }).map((a) => a.join(''));

describe('arbitrary text', () => {
  it('any unicode string is a report or a Rejection', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => { parseText(s); }), fuzzOptions(150));
  }, fuzzTimeout(150, 5));

  it('strings made of report words, numbers, separators and control characters are a report or a Rejection', () => {
    fc.assert(fc.property(noisyText, (s) => { parseText(s); }), fuzzOptions(300));
  }, fuzzTimeout(300, 5));

  it('very long lines and very many lines', () => {
    const row = '一、本年新收政府信息公开申请数量 1 2 3 4 5 6 21';
    for (const s of ['1 '.repeat(50_000), '政'.repeat(100_000), `${row}\n`.repeat(5_000), '1\t'.repeat(30_000),
      `|${' 1 |'.repeat(20_000)}`, '\u0000'.repeat(100_000), `${'\n'.repeat(50_000)}${seeds[0].text}`]) {
      parseText(s);
    }
  });
});

describe('arbitrary bytes through extractFile', () => {
  // the openings detectKind goes by: none, PDF, ZIP (DOCX), OLE (DOC), HTML, a BOM, JSON, PNG, UTF-16
  const heads = ['', '%PDF-1.7\n', 'PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1',
    '<html><body>', '\u00ef\u00bb\u00bf', '{"a":', '\u0089PNG\r\n\u001a\n', '\u00ff\u00fe']
    .map((h) => Buffer.from(h, 'latin1'));
  const bytes = fc.tuple(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 4000 }))
    .map(([h, b]) => Buffer.concat([h, Buffer.from(b)]));

  it('any bytes are extracted and parsed to a report, or refused with a Rejection', async () => {
    await fc.assert(fc.asyncProperty(bytes, parseBytes), fuzzOptions(60));
  }, fuzzTimeout(60, 50));

  it('deeply nested HTML (no stack overflow, no search per element)', async () => {
    const nest = (open: string, close: string, n: number) =>
      `<html><body>${open.repeat(n)}政府${close.repeat(n)}</body></html>`;
    for (const html of [nest('<div>', '</div>', 10_000), nest('<table><tr><td>', '</td></tr></table>', 3_000),
      nest('<table><tr><td>', '', 3_000), nest('<span class="nav">', '', 10_000)]) {
      await parseBytes(Buffer.from(html));
    }
  });

  it('a seed report in bytes with bytes flipped is a report or a Rejection', async () => {
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 20 });
    const seedBytes = fc.tuple(fc.constantFrom(...seeds), flips).map(([s, fl]) => {
      const b = Buffer.from(s.text, 'utf8');
      for (const [at, x] of fl) b[at % b.length] ^= x;
      return b;
    });
    await fc.assert(fc.asyncProperty(seedBytes, parseBytes), fuzzOptions(40));
  }, fuzzTimeout(40, 100));
});

describe('seed reports, mutated', () => {
  const seed = fc.constantFrom(...seeds);

  it('lines deleted, duplicated, shuffled, numbers changed, characters inserted: a report or a Rejection', () => {
    fc.assert(fc.property(seed, fc.array(textOp, { minLength: 1, maxLength: 12 }), (s, ops) => {
      parseText(applyTextOps(s.text, ops));
    }), fuzzOptions(120));
  }, fuzzTimeout(120, 100));

  it('a number changed so that an identity breaks is never accepted without a finding', () => {
    const baseline = new Map(seeds.map((s) => [s.id, parseReport(textToDoc(s.text), { fileName: s.id }).findings]));
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3000 })), { minLength: 1, maxLength: 3 });
    const seen: Record<string, number> = {};
    fc.assert(fc.property(seed, edits, (s, es) => {
      const r = parseText(es.reduce((t, [line, k, v]) => changeNumber(t, line, k, v), s.text));
      const v = r instanceof Rejection ? null : judge(r, s.truth, baseline.get(s.id)!);
      seen[v?.kind ?? 'rejected'] = (seen[v?.kind ?? 'rejected'] ?? 0) + 1;
      expect(v?.kind === 'silent' ? v : null).toBeNull();
    }), fuzzOptions(150));
    // the edits reached the tables: a good share of the reports were read with changed cells and said so
    expect(seen.reported ?? 0, JSON.stringify(seen)).toBeGreaterThan(fuzzOptions(150).numRuns / 10);
  }, fuzzTimeout(150, 100));
});
