/**
 * The synthetic corpus: `n` reports of real bodies for the years 2019–2025 (a run of consecutive years per body),
 * each with its truth in the shape of test/fixtures/expected/*.json. Deterministic: the same seed gives the same
 * reports, and a smaller corpus is the start of a larger one with the same seed.
 */
import { drawBody, sameNameGovernments, type SynthBody, type SynthKind, type SynthLevel } from './bodies.js';
import { KEEPS_BLANKS, LAYOUTS, type Layout } from './layouts.js';
import { figures, type Carry } from './numbers.js';
import { hash32, rng, type Rng } from './prng.js';
import { renderReport } from './render.js';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;
export const DEFAULT_SEED = 20250601;
/** Goes up when the generator's output changes: cached corpora of an older version are made again. */
export const GENERATOR_VERSION = 3;

export interface Truth {
  file: string;
  org: string;
  region: string[];
  year: number;
  format: '2021' | '2019';
  published: string;
  active: Record<string, Record<string, number>>;
  applications: Record<string, number[]>;
  review_litigation: Record<string, number[]>;
  /** How the report was made: what questions about it may name, and what the text had to carry. */
  synth: {
    fullName: string; level: SynthLevel; kind: SynthKind; layout: Layout; sameName: boolean;
    /** The title prints a name that does not place the body alone: the text's evidence must. */
    short: boolean; blank: boolean; contact: boolean;
  };
}

export interface SynthReport { file: string; text: string; truth: Truth }

/** How many years a body reports (a run of consecutive years). */
const RUN_WEIGHTS = [0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1];

function runLength(r: Rng): number {
  let x = r.next();
  for (let i = 0; i < RUN_WEIGHTS.length; i++) { if (x < RUN_WEIGHTS[i]) return i + 1; x -= RUN_WEIGHTS[i]; }
  return 3;
}

/** The signature date: January for departments and offices; a government may sign until the end of March. */
function published(r: Rng, b: SynthBody, year: number): string {
  const month = b.kind === 'government' && r.chance(0.4) ? r.int(1, 3) : 1;
  const day = month === 1 ? r.int(5, 31) : r.int(1, 28);
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function* bodies(seed: number): Generator<SynthBody> {
  const seen = new Set<string>();
  for (const b of sameNameGovernments()) { seen.add(b.key); yield b; }
  const r = rng(seed).fork('bodies');
  for (let misses = 0; misses < 10_000;) {
    const b = drawBody(r);
    if (seen.has(b.key)) { misses++; continue; }
    seen.add(b.key);
    misses = 0;
    yield b;
  }
}

/** The full name the body's reports print, or (now and then, like real reports) its other form. */
function printedName(r: Rng, b: SynthBody): string {
  return b.printedName !== b.fullName && r.chance(0.2) ? b.fullName : b.printedName;
}

export function* generate(n: number, seed = DEFAULT_SEED): Generator<SynthReport> {
  let made = 0;
  let index = 0;
  for (const body of bodies(seed)) {
    if (made >= n) return;
    const r = rng(hash32(`${seed}:${body.key}`));
    const len = Math.min(runLength(r), n - made);
    const start = r.int(FIRST_YEAR, LAST_YEAR - len + 1);
    let carry: Carry | null = null;
    for (let year = start; year < start + len; year++) {
      const { figures: f, carry: next } = figures(r, body, year, carry);
      carry = next;
      const layout = r.pick(LAYOUTS);
      const blank = KEEPS_BLANKS.has(layout) && r.chance(0.2);
      const printed = printedName(r, body);
      const short = printed !== body.fullName && (body.sameName || body.level === 'town');
      const contact = short || r.chance(0.5);
      const date = published(r, body, year);
      const text = renderReport(r, { body, printed, year, figures: f, layout, blank, published: date, contact });
      const id = `${String(index).padStart(6, '0')}_${hash32(text).toString(16).padStart(8, '0')}`;
      const file = `${id}.${layout === 'pipes' ? 'md' : 'txt'}`;
      const truth: Truth = {
        file, org: printed, region: body.region, year, format: f.format, published: date,
        active: f.active, applications: f.applications, review_litigation: f.review_litigation,
        synth: {
          fullName: body.fullName, level: body.level, kind: body.kind, layout, sameName: body.sameName,
          short, blank, contact,
        },
      };
      yield { file, text, truth };
      index++;
      made++;
    }
  }
  if (made < n) throw new Error(`the gazetteer gave only ${made} distinct bodies' reports (asked for ${n})`);
}
