/** The question lexicon of one set of bodies: every word and name surface, normalised like the questions. */
import type { BodyIndex } from '../bodies.js';
import type { Entry } from '../frame.js';
import { normalizeText } from '../normalize.js';
import { WORDS } from '../words/index.js';
import { Dictionary } from './dictionary.js';
import { TypoIndex } from './typos.js';

export class Lexicon {
  readonly dict = new Dictionary<Entry>();
  private typoIndex: TypoIndex | null = null;
  private readonly typoSurfaces: string[] = [];

  /** The pinyin index of known surfaces, built on the first question that needs it. */
  get typos(): TypoIndex {
    this.typoIndex ??= new TypoIndex(this.typoSurfaces);
    return this.typoIndex;
  }

  constructor(readonly bodies: BodyIndex) {
    const typoSurfaces = this.typoSurfaces;
    for (const [s, w] of WORDS) {
      const n = normalizeText(s);
      this.dict.add(n, w);
      if (w.k !== 'filler' && w.k !== 'org' && w.k !== 'topic') typoSurfaces.push(n);
    }
    // the same surfaces come again for every body of a place: each is normalised once
    const normal = new Map<string, string>();
    for (const [s, e] of bodies.surfaces()) {
      let n = normal.get(s);
      if (n === undefined) { n = normalizeText(s); normal.set(s, n); }
      this.dict.add(n, e);
      if (e.k === 'body') typoSurfaces.push(n);
    }
  }
}
