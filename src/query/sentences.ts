/**
 * Finding a figure in the report's prose: search terms, the sentence that carries the question's words, and
 * the number it states for them. Pure functions over passages.
 */

/** Keywords → search terms: the words themselves and their 3-character pieces (trigram search needs ≥ 3). */
export function searchTerms(keywords: string[]): string[] {
  const out = new Set<string>();
  for (const k of keywords) {
    out.add(k);
    if (k.length > 4) for (let i = 0; i + 3 <= k.length; i += 2) out.add(k.slice(i, i + 3));
  }
  return [...out];
}

export interface Hit { text: string; page: number | null; line: number | null }

/**
 * The sentence sharing the most character pairs with the terms. When the question asks for a number, only
 * sentences that state one after the question's words count, and one in the unit asked for wins.
 */
export function bestSentence(hits: Hit[], terms: string[], wantNumber: { keywords: string[]; unit?: string } | null):
  { sentence: string; term: string; page: number | null; line: number | null; number: { value: number; unit: string } | null } | null {
  const pairs = (s: string) => { const o = new Set<string>(); for (let i = 0; i + 1 < s.length; i++) o.add(s.slice(i, i + 2)); return o; };
  const want = terms.map((t) => ({ t, p: pairs(t) }));
  let best: { sentence: string; term: string; page: number | null; line: number | null; number: { value: number; unit: string } | null; score: number } | null = null;
  for (const h of hits) {
    for (const raw of h.text.split(/(?<=[。；;！？])/)) {
      const sentence = raw.trim();
      const have = pairs(sentence);
      let score = 0;
      let term = '';
      let termScore = 0;
      for (const w of want) {
        const n = [...w.p].filter((x) => have.has(x)).length;
        score += n;
        const share = n / Math.max(1, w.p.size);
        if (share > termScore || (share === termScore && w.t.length > term.length)) { termScore = share; term = w.t; }
      }
      // a sentence must carry most of one of the question's words, not a stray pair of characters
      if (score === 0 || termScore < 0.5) continue;
      let number: { value: number; unit: string } | null = null;
      if (wantNumber) {
        number = numberNear(sentence, wantNumber.keywords, wantNumber.unit);
        if (!number) continue;
        if (wantNumber.unit && number.unit === wantNumber.unit) score += 100;
        else if (number.unit) score += 10;
      }
      if (!best || score > best.score) best = { sentence, term, page: h.page, line: h.line, number, score };
    }
  }
  return best;
}

const NUMBER = /(\d+(?:\.\d+)?)\s*(万元|人次|万条|万次|元|件|条|篇|次|个|期|场|份|项|人|家|宗|起|部|万)?/g;

/**
 * The number the sentence states for the question: the first after the last of the question's words in the
 * sentence (in the unit asked for, if any). Words found whole count; otherwise their character pairs.
 */
export function numberNear(sentence: string, terms: string[], unit?: string): { value: number; unit: string } | null {
  const whole = terms.map((t) => { const at = sentence.lastIndexOf(t); return at >= 0 ? at + t.length : -1; }).filter((x) => x >= 0);
  const pairs: number[] = [];
  if (!whole.length) for (const term of terms) for (let i = 0; i + 1 < term.length; i++) {
    const at = sentence.indexOf(term.slice(i, i + 2));
    if (at >= 0) pairs.push(at + 2);
  }
  const ends = whole.length ? whole : pairs;
  const from = ends.length ? Math.max(...ends) : 0;
  const all = [...sentence.matchAll(NUMBER)].filter((m) => !/^(19|20)\d{2}$/.test(m[1]) || m[2]);
  const after = all.filter((m) => m.index! >= from - 1);
  const pick = (unit ? after.find((m) => m[2] === unit) : undefined) ?? after.find((m) => m[2]) ?? after[0] ?? (unit ? all.find((m) => m[2] === unit) : undefined);
  return pick ? { value: Number(pick[1]), unit: pick[2] ?? '' } : null;
}
