/**
 * Monotone alignment of the rows found in a document to the canonical rows of a template.
 * Every matched pair gains 1 (order is evidence), plus label agreement; a label that clearly names another
 * canonical row costs. Unmatched rows on either side cost nothing. Dynamic programming, O(n·m).
 */
import { memoize } from '../domain/memo.js';
import { labelKey, nfkc } from './normalize.js';

export interface LabelDef { key: string; phrases: string[] }

/** The template's phrases are scored against every row of every report: their bigrams are made once. */
const bigrams = memoize((s: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
});
const bigramSet = memoize((s: string): ReadonlySet<string> => new Set(bigrams(s)));

/** 1 when a phrase of the row occurs in the label; partial credit for a phrase with typos; else 0. */
export function labelScore(label: string, def: LabelDef): number {
  const key = labelKey(label);
  if (!key) return 0;
  let best = 0;
  let have: ReadonlySet<string> | null = null;
  for (const p of def.phrases) {
    const pk = labelKey(p);
    if (key.includes(pk)) return 1;
    const bg = bigrams(pk);
    if (bg.length < 3) continue;
    const seen = (have ??= bigramSet(key));
    const cover = bg.filter((b) => seen.has(b)).length / bg.length;
    if (cover >= 0.5) best = Math.max(best, 0.6 * cover);
  }
  return best;
}

/**
 * A row's own label: from its last item marker (1. 2、 （三） 四、) on. Text before it is usually the tail of the
 * previous row's label, wrapped below that row's numbers.
 */
export const ownLabel = memoize(cutOwn); // a row label is scored against every template row: cut once

function cutOwn(label: string): { own: string; num: number | null } {
  const t = nfkc(label).replace(/\s+/g, '');
  let at = -1;
  let num: number | null = null;
  for (const m of t.matchAll(/(\d{1,2})[.、．](?!\d)/g)) { at = m.index!; num = Number(m[1]); }
  if (at < 0) for (const m of t.matchAll(/[（(][一二三四五六七]{1,2}[）)]|[一二三四]、/g)) at = m.index!;
  return { own: at >= 0 ? t.slice(at) : t, num };
}

/** How well a found row's label fits a template row: its own label counts fully, the whole text partly; item numbers must agree. */
export function rowScore(label: string, def: LabelDef & { label?: string }): { score: number; ownExact: boolean } {
  const { own, num } = ownLabel(label);
  const ownScore = labelScore(own, def);
  let score = Math.max(ownScore, 0.6 * labelScore(label, def));
  const want = def.label ? /(\d+)\./.exec(def.label)?.[1] : undefined;
  if (num !== null && want !== undefined) score += Number(want) === num ? 0.3 : -0.3;
  return { score, ownExact: ownScore >= 1 };
}

export interface Alignment { pairs: [number, number][]; score: number }

export function align(labels: string[], defs: (LabelDef & { label?: string })[]): Alignment {
  const n = labels.length, m = defs.length;
  const s = labels.map((l) => defs.map((d) => rowScore(l, d)));
  const gain = (i: number, j: number) => {
    const own = s[i][j];
    // a label that clearly names another row (its own label, exactly) must not be taken for this one
    const otherExact = !own.ownExact && s[i].some((v, k) => k !== j && v.ownExact);
    return 1 + 2 * own.score - (otherExact ? 2.5 : 0);
  };
  const dp = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const mv = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1)); // 1 match, 2 skip row, 3 skip def
  for (let i = 1; i <= n; i++) mv[i][0] = 2;
  for (let j = 1; j <= m; j++) mv[0][j] = 3;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    const a = dp[i - 1][j - 1] + gain(i - 1, j - 1), b = dp[i - 1][j], c = dp[i][j - 1];
    if (a >= b && a >= c) { dp[i][j] = a; mv[i][j] = 1; } else if (b >= c) { dp[i][j] = b; mv[i][j] = 2; } else { dp[i][j] = c; mv[i][j] = 3; }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const k = mv[i][j];
    if (k === 1) { pairs.push([i - 1, j - 1]); i--; j--; } else if (k === 2) i--; else j--;
  }
  return { pairs: pairs.reverse(), score: dp[n][m] };
}
