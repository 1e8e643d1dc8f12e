/** The question lexicon of one set of bodies: every word and name surface, normalised like the questions. */
import type { BodyIndex } from '../bodies.js';
import type { Entry } from '../frame.js';
import { normalizeText } from '../normalize.js';
import { WORDS } from '../words/index.js';
import { Dictionary } from './dictionary.js';
import { TypoIndex } from './typos.js';

export class Lexicon {
  readonly dict = new Dictionary<Entry>();
  readonly typos: TypoIndex;

  constructor(readonly bodies: BodyIndex) {
    const typoSurfaces: string[] = [];
    for (const [s, w] of WORDS) {
      const n = normalizeText(s);
      this.dict.add(n, w);
      if (w.k !== 'filler' && w.k !== 'org' && w.k !== 'topic') typoSurfaces.push(n);
    }
    for (const [s, e] of bodies.surfaces()) {
      const n = normalizeText(s);
      this.dict.add(n, e);
      if (e.k === 'body') typoSurfaces.push(n);
    }
    this.typos = new TypoIndex(typoSurfaces);
  }
}
