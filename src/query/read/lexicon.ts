/**
 * The question lexicon: every word (table words, cues, fillers, organisation words) and place of the gazetteer,
 * normalised like the questions, in memory (fixed data, not the corpus); the bodies' names are looked up in the
 * store's name index for each question (bodies.ts).
 */
import { gazetteer, shortName } from '../../domain/gazetteer.js';
import type { BodyIndex } from '../bodies.js';
import type { Entry } from '../frame.js';
import { normalizeText } from '../../domain/normalText.js';
import { WORDS } from '../words/index.js';
import { Dictionary, Layered, type Surfaces } from './dictionary.js';
import { keyIndex, TypoIndex } from './typos.js';

/** Place words that name no one place. */
const PLACE_STOP = new Set([
  '城区', '郊区', '矿区', '新区', '东区', '西区', '南区', '北区', '市区', '全区', '本区', '我区', '全市', '本市', '全省', '中国',
]);

let shared: { dict: Dictionary<Entry>; typoSurfaces: string[] } | null = null;
let wordKeys: Map<string, string[]> | null = null;

/** Words and places: the same for every set of bodies, built once per process. */
function fixedWords(): { dict: Dictionary<Entry>; typoSurfaces: string[] } {
  if (shared) return shared;
  const dict = new Dictionary<Entry>();
  const typoSurfaces: string[] = [];
  for (const [s, w] of WORDS) {
    const n = normalizeText(s);
    dict.add(n, w);
    if (w.k !== 'filler' && w.k !== 'org' && w.k !== 'topic') typoSurfaces.push(n);
  }
  for (const p of gazetteer().places) {
    for (const n of new Set([p.name, shortName(p.name)])) {
      if (n.length >= 2 && !PLACE_STOP.has(n)) dict.add(normalizeText(n), { k: 'place', place: p });
    }
  }
  shared = { dict, typoSurfaces };
  return shared;
}

export class Lexicon {
  readonly dict: Dictionary<Entry>;
  private typoIndex: TypoIndex | null = null;

  constructor(readonly bodies: BodyIndex) {
    this.dict = fixedWords().dict;
  }

  /**
   * The pinyin index of the words (built once per process, on the first question that needs it); the bodies'
   * keys are looked up in the store.
   */
  get typos(): TypoIndex {
    wordKeys ??= keyIndex(fixedWords().typoSurfaces);
    this.typoIndex ??= new TypoIndex(wordKeys, (keys) => this.bodies.typoSurfaces(keys));
    return this.typoIndex;
  }

  /** The lexicon for one question: the words, and the bodies' names found in its text. */
  forText(text: string): Surfaces<Entry> {
    return new Layered(this.dict, this.bodies.names(text), (e) => e.k === 'place');
  }
}
