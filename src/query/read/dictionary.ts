/** Surfaces → meanings, and every surface that starts at a position (the segmenter weighs them). */
export interface Hit<E> { start: number; end: number; surface: string; entries: E[] }

export class Dictionary<E> {
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
