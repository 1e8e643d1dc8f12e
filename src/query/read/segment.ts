/**
 * The question cut into tokens that explain every character: years, dictionary words (names, places, table
 * words, cues, fillers, organisation words) and, for what nothing explains, unknown stretches. The cut is the
 * one with the fewest unknown characters, then the fewest tokens: "番禺和顺德" reads 番禺 | 和 | 顺德, not
 * 番禺 | 和顺 | 德, because the second leaves 德 unexplained.
 */
import type { Surfaces } from './dictionary.js';
import type { YearSpan } from './years.js';

export interface Token<E> {
  start: number;
  end: number;
  text: string;
  kind: 'year' | 'word' | 'unknown';
  entries: E[];
  year?: YearSpan;
}

const UNKNOWN_COST = 10;
const TOKEN_COST = 1;

export function segment<E>(text: string, dict: Surfaces<E>, years: YearSpan[]): Token<E>[] {
  const n = text.length;
  // cost[i]: the cheapest reading of text[i..]; filled from the end so that, at equal cost, the longer first
  // token wins (leftmost-longest)
  const cost = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<Token<E> | null>(n + 1).fill(null);
  cost[n] = 0;
  const yearAt = new Map(years.map((y) => [y.start, y]));
  const inYear = (i: number) => years.some((s) => i > s.start && i < s.end);
  for (let i = n - 1; i >= 0; i--) {
    if (inYear(i)) continue;
    const consider = (t: Token<E>, c: number) => {
      const total = c + cost[t.end];
      if (total < cost[i] || (total === cost[i] && next[i] && t.end > next[i]!.end)) { cost[i] = total; next[i] = t; }
    };
    const y = yearAt.get(i);
    if (y) consider({ start: i, end: y.end, text: text.slice(i, y.end), kind: 'year', entries: [], year: y }, 0);
    for (const h of dict.at(text, i)) {
      if (years.some((s) => h.start < s.end && h.end > s.start)) continue;
      consider({ start: i, end: h.end, text: h.surface, kind: 'word', entries: h.entries }, TOKEN_COST);
    }
    consider({ start: i, end: i + 1, text: text[i], kind: 'unknown', entries: [] }, UNKNOWN_COST);
  }
  const tokens: Token<E>[] = [];
  for (let at = 0; at < n;) {
    const t = next[at]!;
    tokens.push(t);
    at = t.end;
  }
  // adjacent unknown characters are one unknown word
  const out: Token<E>[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'unknown' && last?.kind === 'unknown') {
      out[out.length - 1] = { ...last, end: t.end, text: last.text + t.text };
    } else {
      out.push(t);
    }
  }
  return out;
}
