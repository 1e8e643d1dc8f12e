/**
 * Typing mistakes of a pinyin keyboard: a stretch nothing explains (番隅, 申情, 协做办, 复意) read as the known
 * word or name with the same readings, character for character. The question is corrected in place (same
 * length) and every guess is echoed back in the answer.
 */
import { polyphonic } from 'pinyin-pro';
import { isTypoSurface, pinyinKey as key } from '../../domain/bodyNames.js';

const readings = (s: string): string[][] => (polyphonic(s, { toneType: 'none', type: 'array' }) as string[][])
  .map((r) => (r.length ? r : ['?']));

/** Pinyin key → the surfaces with it (each surface read once: pinyin is the slow part). */
export function keyIndex(surfaces: Iterable<string>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const s of new Set(surfaces)) {
    if (!isTypoSurface(s)) continue;
    const k = key(s);
    const list = byKey.get(k);
    if (!list) byKey.set(k, [s]); else if (!list.includes(s)) list.push(s);
  }
  return byKey;
}

export class TypoIndex {
  /** `more`: surfaces kept elsewhere (the bodies' names in the store) with one of the given keys. */
  constructor(private readonly byKey: Map<string, string[]>,
    private readonly more: (keys: string[]) => string[] = () => []) {}

  /** The one known surface `typed` may be a mistyping of (not itself), or null. */
  lookup(typed: string): string | null {
    if (!isTypoSurface(typed)) return null;
    const found = new Set<string>();
    const keys = combos(readings(typed), 16);
    const known = [...keys.flatMap((k) => this.byKey.get(k) ?? []), ...this.more(keys)];
    for (const s of known) if (s !== typed && shared(s, typed) * 2 >= typed.length) found.add(s);
    return found.size === 1 ? [...found][0] : null;
  }
}

/** Characters in the same place: a mistyping keeps at least half of the word (申情/申请, 协做办/协作办). */
function shared(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) n++;
  return n;
}

function combos(rs: string[][], limit: number): string[] {
  let out = [''];
  for (const r of rs) {
    out = out.flatMap((p) => r.map((x) => (p ? `${p} ${x}` : x))).slice(0, limit);
  }
  return out;
}

export interface Correction { text: string; guesses: { typed: string; name: string; start: number }[] }

/**
 * Correct `text` around each unknown stretch: the longest window (the stretch with up to five characters
 * before it and two after) whose readings are those of exactly one known surface.
 */
export function correctTypos(text: string, unknown: { start: number; end: number }[], index: TypoIndex): Correction {
  let out = text;
  const guesses: Correction['guesses'] = [];
  for (const u of unknown) {
    let best: { from: number; to: number; name: string } | null = null;
    for (let from = Math.max(0, u.start - 5); from <= u.start; from++) {
      for (let to = Math.min(out.length, u.end + 2); to >= u.end; to--) {
        if (to - from < 2 || to - from > 8) continue;
        const name = index.lookup(out.slice(from, to));
        if (name && (!best || to - from > best.to - best.from)) best = { from, to, name };
      }
    }
    if (!best) continue;
    guesses.push({ typed: out.slice(best.from, best.to), name: best.name, start: best.from });
    out = out.slice(0, best.from) + best.name + out.slice(best.to);
  }
  return { text: out, guesses };
}
