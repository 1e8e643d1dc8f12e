/** Surfaces → meanings, and every surface that starts at a position (the segmenter weighs them). */
export interface Hit<E> { start: number; end: number; surface: string; entries: E[] }

/** What the segmenter reads: every surface that starts at `i`, longest first. */
export interface Surfaces<E> { at(text: string, i: number): Hit<E>[] }

export class Dictionary<E> implements Surfaces<E> {
  private readonly map = new Map<string, E[]>();
  private maxLen = 1;

  add(surface: string, entry: E): void {
    if (!surface) return;
    const list = this.map.get(surface);
    if (list) list.push(entry); else this.map.set(surface, [entry]);
    this.maxLen = Math.max(this.maxLen, surface.length);
  }

  get(surface: string): E[] | undefined {
    return this.map.get(surface);
  }

  get size(): number { return this.map.size; }
  get longest(): number { return this.maxLen; }

  /** Every surface of the dictionary that starts at `i`, longest first. */
  at(text: string, i: number): Hit<E>[] {
    const out: Hit<E>[] = [];
    for (let len = Math.min(this.maxLen, text.length - i); len >= 1; len--) {
      const s = text.slice(i, i + len);
      const e = this.map.get(s);
      if (e) out.push({ start: i, end: i + len, surface: s, entries: e });
    }
    return out;
  }
}

/**
 * A dictionary with more surfaces laid over it (the bodies' names found in one question): entries of both, the
 * base's first except those `after` puts behind the others (places after bodies, as a name reads).
 */
export class Layered<E> implements Surfaces<E> {
  private readonly maxLen: number;
  constructor(private readonly base: Dictionary<E>, private readonly more: Map<string, E[]>,
    private readonly after: (e: E) => boolean = () => false) {
    this.maxLen = Math.max(base.longest, ...[...more.keys()].map((k) => k.length));
  }

  at(text: string, i: number): Hit<E>[] {
    const out: Hit<E>[] = [];
    for (let len = Math.min(this.maxLen, text.length - i); len >= 1; len--) {
      const s = text.slice(i, i + len);
      const a = this.more.get(s), b = this.base.get(s);
      if (!a && !b) continue;
      const entries = a && b ? [...b.filter((e) => !this.after(e)), ...a, ...b.filter(this.after)] : (a ?? b)!;
      out.push({ start: i, end: i + len, surface: s, entries });
    }
    return out;
  }
}
