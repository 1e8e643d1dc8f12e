/**
 * The figures of one synthetic report, in the shape of test/fixtures/expected/*.json, satisfying the template's
 * identities: each row's six applicant columns add up to 总计; per column 一 + 二 = 三（七） + 四 and 三（七） is the
 * sum of the results; each review group's four results add up to its total. Across years of one body the carried
 * figures chain (last year's 四 is this year's 二) and 现行有效件数 follows 制发 and 废止.
 */
import { ALL_APPLICATION_ROWS, APPLICATION_LAYOUTS, type Format } from '../../src/ingest/template.js';
import type { SynthBody } from './bodies.js';
import type { Rng } from './prng.js';

export type Applications = Record<string, number[]>;
export interface Figures {
  format: Format;
  /** 'split': （六）其他处理 in three rows; 'one': as one row. */
  otherRows: 'split' | 'one';
  active: Record<string, Record<string, number>>;
  applications: Applications;
  review_litigation: Record<'review' | 'litigation_direct' | 'litigation_after_review', number[]>;
}

/** What a body carries from one year to the next. */
export interface Carry { carriedForward: number[]; inForce: { rules: number; normative_documents: number } }

/** Typical size of the yearly applications by body (the upper end of a log-uniform draw). */
const SCALE: Record<string, number> = {
  'province:government': 3000, 'province:office': 600, 'province:department': 400,
  'city:government': 2000, 'city:office': 300, 'city:department': 150,
  'county:government': 800, 'county:office': 120, 'county:department': 40,
  'town:township': 12, 'town:street': 20,
};
/** How applications split between the six applicant columns, and how results split between the result rows. */
const APPLICANT_WEIGHTS = [80, 12, 0.5, 1, 2.5, 4];
const RESULT_WEIGHTS: Record<string, number> = {
  granted: 40, partial: 8, denied_state_secret: 0.3, denied_law_prohibited: 1, denied_three_safety: 0.3,
  denied_third_party: 2, denied_internal: 1.5, denied_process: 1.5, denied_enforcement_file: 1, denied_admin_query: 1,
  unavailable_not_held: 22, unavailable_needs_creation: 3, unavailable_unclear: 2, rejected_complaint: 2,
  rejected_duplicate: 2, rejected_publication: 0.3, rejected_excessive: 0.5, rejected_confirm: 0.5,
  other_overdue_correction: 2, other_overdue_fee: 0.3, other_other: 2, other_total: 4.3,
};

/** Rows of table B that are not results of the year's handling (三（一）…（六）). */
const NOT_RESULTS = new Set(['new_received', 'carried_over', 'total_processed', 'carried_forward']);

const logUniform = (r: Rng, hi: number) => Math.max(0, Math.round(Math.exp(r.next() * Math.log(hi + 1)) - 1));

/** `n` split over `weights` (integers, summing to n), each share drawn around its weight. */
export function split(r: Rng, n: number, weights: number[]): number[] {
  const out = weights.map(() => 0);
  let left = n;
  let wLeft = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length - 1 && left > 0; i++) {
    const share = wLeft > 0 ? weights[i] / wLeft : 0;
    const k = Math.min(left, Math.max(0, Math.round(left * share * (0.5 + r.next()))));
    out[i] = k;
    left -= k;
    wLeft -= weights[i];
  }
  out[weights.length - 1] += left;
  return out;
}

const withTotal = (six: number[]) => [...six, six.reduce((s, x) => s + x, 0)];

function applications(r: Rng, body: SynthBody, rows: string[], carriedOver: number[]): Applications {
  const hi = SCALE[`${body.level}:${body.kind}`] ?? 50;
  const received = split(r, r.chance(0.12) ? 0 : logUniform(r, hi), APPLICANT_WEIGHTS);
  const results = rows.filter((k) => !NOT_RESULTS.has(k));
  const out: Applications = { new_received: withTotal(received), carried_over: withTotal(carriedOver) };
  const perRow: Record<string, number[]> = Object.fromEntries([...results, 'carried_forward'].map((k) => [k, []]));
  for (let c = 0; c < 6; c++) {
    const n = received[c] + carriedOver[c];
    const forward = Math.min(n, Math.round(n * r.next() * 0.12));
    perRow.carried_forward[c] = forward;
    split(r, n - forward, results.map((k) => RESULT_WEIGHTS[k] ?? 1)).forEach((v, i) => { perRow[results[i]][c] = v; });
  }
  for (const k of results) out[k] = withTotal(perRow[k]);
  const processed = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, k) => s + perRow[k][c], 0));
  out.total_processed = withTotal(processed);
  out.carried_forward = withTotal(perRow.carried_forward);
  return out;
}

function reviewGroup(r: Rng, hi: number): number[] {
  const n = r.chance(0.6) ? 0 : logUniform(r, hi);
  const parts = split(r, n, [60, 12, 10, 18]);
  return withTotal(parts);
}

const money = (r: Rng, hi: number) => (r.chance(0.4) ? 0 : Math.round(r.next() * hi * 100) / 100);

function active2021(r: Rng, body: SynthBody, carry: Carry | null): Figures['active'] {
  const gov = body.kind === 'government';
  const big = gov && body.level !== 'town' ? 1 : 0.05;
  const docs = (key: 'rules' | 'normative_documents', hi: number) => {
    const before = carry?.inForce[key] ?? r.int(0, hi * 5);
    const issued = r.chance(0.5) ? 0 : r.int(0, hi);
    const repealed = Math.min(before, r.chance(0.6) ? 0 : r.int(0, hi));
    return { issued, repealed, in_force: before + issued - repealed };
  };
  return {
    rules: body.level === 'province' || (body.level === 'city' && gov)
      ? docs('rules', 4) : { issued: 0, repealed: 0, in_force: 0 },
    normative_documents: docs('normative_documents', gov ? 20 : 4),
    licensing: { decisions: logUniform(r, 200000 * big) },
    penalty: { decisions: logUniform(r, 40000 * big) },
    coercion: { decisions: logUniform(r, 5000 * big) },
    fees: { amount_10k_yuan: money(r, 20000 * big) },
  };
}

function active2019(r: Rng, body: SynthBody): Figures['active'] {
  const big = body.kind === 'government' && body.level !== 'town' ? 1 : 0.05;
  const made = (hi: number) => {
    const m = r.chance(0.5) ? 0 : r.int(0, hi);
    return { new_made: m, new_published: m, total_published: m + r.int(0, hi * 5) };
  };
  const items = (hi: number) => {
    const prev = logUniform(r, hi * big);
    return { prev_items: prev, change: r.chance(0.7) ? 0 : r.int(0, Math.max(1, Math.round(prev / 10))) };
  };
  return {
    rules: body.level === 'province' ? made(3) : { new_made: 0, new_published: 0, total_published: 0 },
    normative_documents: made(body.kind === 'government' ? 15 : 3),
    licensing: { ...items(300), decisions: logUniform(r, 100000 * big) },
    other_services: { ...items(200), decisions: logUniform(r, 50000 * big) },
    penalty: { ...items(500), decisions: logUniform(r, 30000 * big) },
    coercion: { ...items(50), decisions: logUniform(r, 3000 * big) },
    fees: items(30),
    procurement: { items: logUniform(r, 200 * big), amount_10k_yuan: money(r, 50000 * big) },
  };
}

/** The figures of `body` for `year`, continuing from last year's `carry` (null for the first report). */
export function figures(
  r: Rng, body: SynthBody, year: number, carry: Carry | null,
): { figures: Figures; carry: Carry } {
  const format: Format = year <= 2020 ? '2019' : '2021';
  const otherRows = format === '2019' || r.chance(0.1) ? 'one' : 'split';
  const rows = APPLICATION_LAYOUTS.find((l) => l.name === otherRows)!.rows.map((d) => d.key);
  const carried = carry?.carriedForward ?? split(r, r.chance(0.7) ? 0 : logUniform(r, 20), APPLICANT_WEIGHTS);
  const apps = applications(r, body, rows, carried.slice(0, 6));
  const hi = body.kind === 'government' ? 40 : 4;
  const review_litigation = {
    review: reviewGroup(r, hi),
    litigation_direct: reviewGroup(r, hi / 2),
    litigation_after_review: reviewGroup(r, hi / 4),
  };
  const active = format === '2021' ? active2021(r, body, carry) : active2019(r, body);
  const inForce = format === '2021'
    ? { rules: active.rules.in_force, normative_documents: active.normative_documents.in_force }
    : { rules: active.rules.total_published, normative_documents: active.normative_documents.total_published };
  return {
    figures: { format, otherRows, active, applications: apps, review_litigation },
    carry: { carriedForward: apps.carried_forward.slice(0, 6), inForce },
  };
}

/** Row keys of table B in printed order for a layout. */
export const applicationRows = (f: Figures) => APPLICATION_LAYOUTS.find((l) => l.name === f.otherRows)!.rows;
export const rowDef = (key: string) => ALL_APPLICATION_ROWS.find((d) => d.key === key)!;
