/**
 * Monotone alignment of the rows found in a document to the canonical rows of a template.
 * Every matched pair gains 1 (order is evidence), plus label agreement; a label that clearly names another
 * canonical row costs. Unmatched rows on either side cost nothing. Dynamic programming, O(n·m).
 */
import { labelKey } from './normalize.js';

export interface LabelDef { key: string; phrases: string[] }

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** 1 when a phrase of the row occurs in the label; partial credit for a phrase with typos; else 0. */
export function labelScore(label: string, def: LabelDef): number {
  const key = labelKey(label);
  if (!key) return 0;
  let best = 0;
  for (const p of def.phrases) {
    const pk = labelKey(p);
    if (key.includes(pk)) return 1;
    const bg = bigrams(pk);
    if (bg.length < 3) continue;
    const have = new Set(bigrams(key));
    const cover = bg.filter((b) => have.has(b)).length / bg.length;
    if (cover >= 0.5) best = Math.max(best, 0.6 * cover);
  }
  return best;
}

export interface Alignment { pairs: [number, number][]; score: number }

export function align(labels: string[], defs: LabelDef[]): Alignment {
  const n = labels.length, m = defs.length;
  const s = labels.map((l) => defs.map((d) => labelScore(l, d)));
  const gain = (i: number, j: number) => {
    const own = s[i][j];
    const otherExact = own < 1 && s[i].some((v, k) => k !== j && v >= 1);
    return 1 + 2 * own - (otherExact ? 2.5 : 0);
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
