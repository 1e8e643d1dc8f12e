/**
 * A pure function of a string, remembered: names and labels come again and again (every body of a place, every
 * row of every report), and each is worked out once. At `max` entries the memory starts over.
 */
export function memoize<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  const made = new Map<string, T>();
  return (s) => {
    let v = made.get(s);
    if (v === undefined) {
      v = fn(s);
      if (made.size >= max) made.clear();
      made.set(s, v);
    }
    return v;
  };
}

/** A bounded map, least recently used out first: a cache that cannot grow with the corpus. */
export class Bounded<V, K = number> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K, make: () => V): V {
    let v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); return v; }
    v = make();
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return v;
  }
  /** The value kept for `k`, if any (not made, not moved). */
  peek(k: K): V | undefined { return this.map.get(k); }
  clear() { this.map.clear(); }
}
