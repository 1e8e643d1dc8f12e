/**
 * Years or figures said of each body apart (番禺2024年和洪泽2023年, 番禺的新收申请和洪泽的予以公开), or figures of
 * each year apart (2023年公开率和2024年办结率): the question pairs them, which one frame of bodies × years ×
 * figures cannot say. Found so that it is stopped, never answered with every year or figure for every body.
 */
import type { Word } from '../words/index.js';

export interface PairToken { name: boolean; years: number[]; words: Word[] }

const FIGURE = new Set(['metric', 'rgroup', 'rcol', 'doc', 'docop']);
const figureIds = (t: PairToken) => t.words.flatMap((w) => {
  if (FIGURE.has(w.k) || (w.k === 'ratio' && w.id !== 'share')) return [`${w.k}:${'id' in w ? w.id : ''}`];
  if (w.k === 'cue' && (w.id === 'receive' || w.id === 'apply')) return ['receive'];
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
