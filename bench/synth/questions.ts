/**
 * Questions for the scale bench, made from the truth files, with the answer each must give: look-ups, trends,
 * rankings over all bodies, regional totals and comparisons, in the phrasings the engine understands (see
 * test/query/*.test.ts and ../shared/questions/dev.jsonl). A question is right when its facts carry the truth's values.
 */
import type { Truth } from './corpus.js';
import { rng, type Rng } from './prng.js';

export type Kind = 'lookup' | 'trend' | 'ranking' | 'total' | 'comparison';
export const KINDS: Kind[] = ['lookup', 'trend', 'ranking', 'total', 'comparison'];

export interface Question {
  kind: Kind;
  q: string;
  /** lookup: [value]; trend: the values by year; ranking: [top value]; total: [sum]; comparison: [larger, smaller]. */
  values: number[];
  /** The years the facts must be of, in order (look-ups and trends). */
  years?: number[];
}

/** Look-up metrics: the phrase after "<机关><年>年" and the truth's value. */
const LOOKUPS: { phrase: string; value: (t: Truth) => number }[] = [
  { phrase: '收到多少政府信息公开申请', value: (t) => t.applications.new_received[6] },
  { phrase: '予以公开多少件', value: (t) => t.applications.granted[6] },
  { phrase: '结转下年度继续办理的有多少', value: (t) => t.applications.carried_forward[6] },
  { phrase: '自然人提出了多少申请', value: (t) => t.applications.new_received[0] },
  { phrase: '被申请行政复议多少件', value: (t) => t.review_litigation.review[4] },
  { phrase: '行政处罚多少件', value: (t) => t.active.penalty.decisions },
];
const RANKINGS: { q: (y: number) => string; value: (t: Truth) => number }[] = [
  { q: (y) => `${y}年各单位收到申请数量排名`, value: (t) => t.applications.new_received[6] },
  { q: (y) => `${y}年哪个单位收到的申请最多`, value: (t) => t.applications.new_received[6] },
  { q: (y) => `${y}年哪个单位行政处罚最多`, value: (t) => t.active.penalty.decisions },
];
const received = (t: Truth) => t.applications.new_received[6];
const bodyOf = (t: Truth) => `${t.region.join('/')}|${t.synth.fullName}`;

function byKey<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) { const k = key(x); const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); }
  return m;
}

function make(kind: Kind, r: Rng, truths: Truth[], bodies: Truth[][], years: Map<string, Truth[]>): Question {
  const t = r.pick(truths);
  const ofYear = years.get(String(t.year))!;
  switch (kind) {
    case 'lookup': {
      const m = r.pick(LOOKUPS);
      return { kind, q: `${t.synth.fullName}${t.year}年${m.phrase}`, values: [m.value(t)], years: [t.year] };
    }
    case 'trend': {
      const series = r.pick(bodies).slice().sort((a, b) => a.year - b.year);
      const q = `${series[0].synth.fullName}历年收到多少申请`;
      return { kind, q, values: series.map(received), years: series.map((x) => x.year) };
    }
    case 'ranking': {
      const m = r.pick(RANKINGS);
      return { kind, q: m.q(t.year), values: [Math.max(...ofYear.map(m.value))] };
    }
    case 'total': {
      const depth = t.region.length >= 3 && r.chance(0.5) ? 2 : 1;
      const place = t.region.slice(0, depth);
      const inside = ofYear.filter((x) => place.every((p, i) => x.region[i] === p));
      return { kind, q: `${place.at(-1)}${t.year}年各单位合计收到多少申请`, values: [inside.reduce((s, x) => s + received(x), 0)] };
    }
    case 'comparison': {
      let u = r.pick(ofYear);
      for (let i = 0; i < 5 && bodyOf(u) === bodyOf(t); i++) u = r.pick(ofYear);
      const vs = [received(t), received(u)].sort((a, b) => b - a);
      return { kind, q: `${t.synth.fullName}和${u.synth.fullName}${t.year}年谁收到的申请多`, values: vs };
    }
  }
}

/** `perKind` questions of each kind, interleaved (lookup, trend, ranking, total, comparison, lookup, …). */
export function makeQuestions(truths: Truth[], perKind: number, seed: number): Question[] {
  const r = rng(seed).fork('questions');
  const all = [...byKey(truths, bodyOf).values()];
  const several = all.filter((b) => b.length > 1);
  const bodies = several.length ? several : all;
  const years = byKey(truths, (t) => String(t.year));
  const out: Question[] = [];
  for (let i = 0; i < perKind; i++) for (const k of KINDS) out.push(make(k, r, truths, bodies, years));
  return out;
}

export interface FactLike { value: number; year: number }

/** Whether an answer's facts give the question's values (and years): the reason when they do not. */
export function judge(q: Question, facts: FactLike[]): string | null {
  const got = facts.map((f) => f.value);
  const want = q.values;
  const n = q.kind === 'ranking' ? 1 : want.length;
  const same = want.slice(0, n).every((v, i) => Math.abs((got[i] ?? NaN) - v) < 1e-6);
  const yearsOk = !q.years || q.years.every((y, i) => facts[i]?.year === y);
  if (same && yearsOk && (q.kind !== 'trend' || got.length === want.length)) return null;
  const years = q.years ? ` (${q.years.join(',')})` : '';
  return `want ${want.slice(0, Math.max(n, 3)).join(',')}${years}, got ${got.slice(0, 3).join(',') || 'no facts'}`;
}
