/**
 * Byte-mutated fixture PDFs through the real ingest path (the extraction worker with its time limit): each is
 * refused with a Rejection or read within the limit, the process keeps serving, and a report whose cells differ
 * from the truth in a way the identities show carries a finding that says so. Digits changed in a way that keeps
 * every identity true cannot be told from the truth and are only counted. FUZZ_RUNS=n mutates n PDFs (default 30);
 * FUZZ_SEED changes which mutations are made (they are the same on every run with the same seed).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rejection } from '../../src/ingest/errors.js';
import type { ParsedReport } from '../../src/ingest/report.js';
import { ExtractRunner } from '../../src/ingest/runner.js';
import { FIX, type Expected } from '../helpers/cases.js';
import { judge, type Verdict } from '../helpers/identities.js';
import { fuzzOptions, mutatePdf, rng, type Mutation, type MutationKind } from '../helpers/mutate.js';

const TIMEOUT_MS = 20_000;
const gen = (f: string) => join(FIX, 'generated', f);
const real = (f: string) => join(FIX, 'real-pdf', f);
const expected = (f: string) => join(FIX, 'expected', f);
const truthOf = (p: string): Expected => JSON.parse(readFileSync(p, 'utf8'));
const wujiang = gen('wujiang-2024.expected.json');
const GENERATED = ['gz-xzb-2020', 'gz-xzb-2024', 'jinlin-2024', 'panyu-2024', 'panyu-2024.chromium', 'wujiang-2024',
  'wujiang-2024.blank-zeros'];
const WITH_TRUTH: [string, string][] = [
  ...GENERATED.map((f): [string, string] => [gen(`${f}.pdf`), gen(`${f}.expected.json`)]),
  ...['hongze-2023', 'hongze-2024'].map((f): [string, string] => [real(`${f}.pdf`), expected(`${f}.json`)]),
  [gen('bad-xref-offset.pdf'), wujiang], [gen('enc-owner-only.pdf'), wujiang],
];
const WITHOUT_TRUTH = ['bad-garbage', 'bad-truncated-1k', 'bad-truncated-60pct', 'cjk-nonembedded-ucs2',
  'enc-user-password', 'jinlin-2024.scanned'].map((f) => gen(`${f}.pdf`)).concat(real('broken-font-encoding.pdf'));

/** Most mutations change digits of the text (they test the audit); the rest break bytes (they test the reader). */
const DIGITS: MutationKind[] = ['digits', 'digits', 'digits', 'digits'];
const BYTES: MutationKind[] = ['content-bytes', 'stream-bytes', 'stream-bytes', 'file-bytes'];
interface Case { file: string; truth: string | null; m: Mutation; seed: number }

/** `n` mutated PDFs: three in four of files with truth, the fourth of a file that must be refused. */
function cases(n: number, base: number): Case[] {
  const r = rng(base);
  const out: Case[] = [];
  for (let i = 0; out.length < n && i < n * 4; i++) {
    const withTruth = i % 4 !== 3;
    const [file, truth] = withTruth ? WITH_TRUTH[(i - Math.floor(i / 4)) % WITH_TRUTH.length]
      : [WITHOUT_TRUTH[Math.floor(i / 4) % WITHOUT_TRUTH.length], null];
    const seed = r.int(2 ** 31);
    const kind = r.pick(withTruth ? [...DIGITS, ...BYTES] : BYTES);
    const m = mutatePdf(readFileSync(file), kind, seed) ?? mutatePdf(readFileSync(file), 'file-bytes', seed);
    if (m) out.push({ file, truth, m, seed });
  }
  return out;
}

const all = cases(fuzzOptions(30).numRuns, Number(process.env.FUZZ_SEED) || 20_240_601);
let runner: ExtractRunner;
const baseline = new Map<string, ParsedReport>();
const verdicts: { c: Case; v: Verdict | 'rejected' }[] = [];

beforeAll(async () => {
  runner = new ExtractRunner({ timeoutMs: TIMEOUT_MS, maxPages: 100 });
  for (const [file] of WITH_TRUTH) baseline.set(file, await runner.run(readFileSync(file), basename(file)));
}, 120_000);
afterAll(async () => { await runner.close(); });

describe(`${all.length} mutated PDFs through the extraction worker`, () => {
  it('unmutated, every fixture reads back as its truth (what the mutations are judged against)', () => {
    for (const [file, truth] of WITH_TRUTH) expect(judge(baseline.get(file)!, truthOf(truth), []).kind, file).toBe('same');
  });

  for (const c of all) {
    it(`${basename(c.file)} (${c.m.kind}, seed ${c.seed}): ${c.m.note.slice(0, 90)}`, async () => {
      const t0 = Date.now();
      let out: ParsedReport | Rejection;
      try {
        out = await runner.run(c.m.buf, basename(c.file));
      } catch (e) {
        if (!(e instanceof Rejection)) throw e;
        out = e;
      }
      expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS + 5_000);
      if (out instanceof Rejection) {
        // a refusal names its reason; a reader that failed unexpectedly or crashed is a bug, not a verdict on the file
        expect(out.message.length).toBeGreaterThan(5);
        expect(['internal', 'crashed', 'out_of_memory'], `${out.code}: ${out.message}`).not.toContain(out.code);
        verdicts.push({ c, v: 'rejected' });
        return;
      }
      if (!c.truth) return;
      const v = judge(out, truthOf(c.truth), baseline.get(c.file)!.findings);
      verdicts.push({ c, v });
      // a silent report is shown with what differs, what no longer adds up and what the findings say
      expect(v.kind === 'silent' ? { differ: v.diff, broken: v.breaks, findings: out.findings } : null).toBeNull();
    }, TIMEOUT_MS + 10_000);
  }

  it('a page pdf.js cannot inflate is refused as a damaged PDF, not as an internal error', async () => {
    // found by this suite: a reader error on one page came out as 'internal', which is retried at every start
    const m = mutatePdf(readFileSync(gen('wujiang-2024.pdf')), 'stream-bytes', 23_769)!;
    const out = await runner.run(m.buf, 'wujiang-2024.pdf').catch((e: unknown) => e);
    expect(out).toBeInstanceOf(Rejection);
    const message = expect.stringMatching(/damaged PDF: page \d+ cannot be read/);
    expect(out).toMatchObject({ code: 'corrupt', message });
  });

  it('the worker still reads a report afterwards', async () => {
    const r = await runner.run(readFileSync(join(FIX, 'seeds', '000_685b84f069dd25b5.txt')), '000.txt');
    expect(r.year).toBe(2024);
  });

  it('the mutations reached the numbers: some reports were read with changed cells, and said so', () => {
    const kinds = verdicts.map((x) => (x.v === 'rejected' ? 'rejected' : x.v.kind));
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect(count('reported'), JSON.stringify(kinds)).toBeGreaterThanOrEqual(all.length / 5);
    expect(count('silent')).toBe(0);
  });
});
