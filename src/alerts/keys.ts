/**
 * Subscription keys: every report (all), a body on file (body:<id>), a region path (region:江苏省/淮安市), or a
 * body's name not on file yet (name:<名称>). A report matches the keys of its body, its region and its names.
 */
export const ALL = 'all';
export const bodyKey = (id: number) => `body:${id}`;
export const regionKey = (path: string[]) => `region:${path.join('/')}`;
export const nameKey = (name: string) => `name:${normalName(name)}`;

export const regionOfKey = (key: string): string[] | null =>
  (key.startsWith('region:') ? key.slice(7).split('/') : null);
export const bodyOfKey = (key: string): number | null => (key.startsWith('body:') ? Number(key.slice(5)) : null);

/** A name as compared: no spaces or quotes, no mark in brackets at the end (（地区未定）). */
export function normalName(name: string): string {
  return name.replace(/[\s「」『』“”"《》]/g, '').replace(/[（(][^（）()]*[）)]$/, '');
}

/**
 * The names a body may have been subscribed by: full, alias, without leading places as long as a place is left
 * (淮安市洪泽区人民政府 → 洪泽区人民政府, never 人民政府), 政府 for 人民政府.
 */
export function nameVariants(body: { name: string; aliases: string[]; region: string[] | null }): string[] {
  const out = new Set<string>();
  const region = body.region ?? [];
  const placeAt = (s: string) => region.find((p) => s.startsWith(p) && s.length > p.length);
  for (const n of [body.name, ...body.aliases].map(normalName)) {
    let rest = n;
    out.add(rest);
    for (let p = placeAt(rest); p && placeAt(rest.slice(p.length)); p = placeAt(rest)) {
      rest = rest.slice(p.length);
      out.add(rest);
    }
  }
  for (const n of [...out]) if (n.endsWith('人民政府')) out.add(`${n.slice(0, -4)}政府`);
  return [...out].filter((n) => n.length >= 2);
}

/** Every key a report of this body matches (besides all). */
export function keysOfBody(body: { id: number; name: string; aliases: string[]; region: string[] | null }): string[] {
  const region = body.region ?? [];
  return [
    bodyKey(body.id),
    ...region.map((_, i) => regionKey(region.slice(0, i + 1))),
    ...nameVariants(body).map((n) => `name:${n}`),
  ];
}
