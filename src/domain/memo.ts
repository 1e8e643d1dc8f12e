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
