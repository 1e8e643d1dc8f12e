/**
 * Years or figures said of each body apart (番禺2024年和洪泽2023年, 番禺的新收申请和洪泽的予以公开), or figures of
 * each year apart (2023年公开率和2024年办结率): the question pairs them, which one frame of bodies × years ×
 * figures cannot say. Found so that it is stopped, never answered with every year or figure for every body.
 */
import type { Word } from '../words/index.js';
import { namesFigure } from './words.js';

export interface PairToken { name: boolean; years: number[]; words: Word[] }

/** The figures a token names: its table words and rates (收到 and 申请 are one figure, the applications). */
const figureIds = (t: PairToken) => t.words.flatMap((w) => {
  if (w.k === 'cue') return namesFigure(w) ? ['receive'] : [];
  if (namesFigure(w) || (w.k === 'ratio' && w.id !== 'share')) return [`${w.k}:${'id' in w ? w.id : ''}`];
  return [];
});

/** Runs of tokens, each from one of the cutting tokens to the next (what comes before the first is shared). */
function runs(toks: PairToken[], cuts: (t: PairToken) => boolean): PairToken[][] {
  const out: PairToken[][] = [];
  for (const t of toks) {
    if (cuts(t)) out.push([]);
    if (out.length) out[out.length - 1].push(t);
  }
  return out;
}

const key = (ts: PairToken[], read: (t: PairToken) => string[]) => [...new Set(ts.flatMap(read))].sort().join('|');
/** Two runs that both name something of the kind, and not the same. */
function differ(rs: PairToken[][], read: (t: PairToken) => string[]): boolean {
  const keys = rs.map((r) => key(r, read)).filter(Boolean);
  return keys.length > 1 && new Set(keys).size > 1;
}

const yearOf = (t: PairToken) => t.years.map(String);

export function pairedApart(toks: PairToken[]): 'years' | 'figures' | null {
  const byName = runs(toks, (t) => t.name);
  if (byName.length > 1 && differ(byName, yearOf)) return 'years';
  if (byName.length > 1 && differ(byName, figureIds)) return 'figures';
  const byYear = runs(toks, (t) => t.years.length > 0);
  if (byYear.length > 1 && differ(byYear, figureIds)) return 'figures';
  return null;
}
