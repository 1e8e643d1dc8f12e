/** One longest-leftmost pass over a dictionary of surfaces: 上年结转 beats 上年, 不予公开 beats 公开. */
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

  /** Hits in order; characters no surface covers are left out (see `leftovers`). */
  scan(text: string): Hit<E>[] {
    const hits: Hit<E>[] = [];
    for (let i = 0; i < text.length;) {
      let found: Hit<E> | null = null;
      for (let len = Math.min(this.maxLen, text.length - i); len >= 1; len--) {
        const s = text.slice(i, i + len);
        const e = this.map.get(s);
        if (e) { found = { start: i, end: i + len, surface: s, entries: e }; break; }
      }
      if (found) { hits.push(found); i = found.end; } else i++;
    }
    return hits;
  }
}

/** The stretches of `text` that no hit covers (and that are not blanked out), in order. */
export function leftovers(text: string, hits: { start: number; end: number }[]): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let cur = '';
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const covered = i === text.length || text[i] === ' ' || hits.some((h) => i >= h.start && i < h.end);
    if (covered) { if (cur) out.push({ start: from, text: cur }); cur = ''; from = i + 1; } else { if (!cur) from = i; cur += text[i]; }
  }
  return out;
}
