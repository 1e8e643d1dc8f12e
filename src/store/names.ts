/**
 * Reads and writes of the bodies' name index (namesSchema.ts): every look-up by index, each one prepared. A body
 * is indexed when the store writes it; bodies indexed by older rules are indexed again by indexStale().
 */
import { nameRows, nameRulesVersion, regionOfBody, type BodyNameRows } from '../domain/bodyNames.js';
import type { DB } from './db.js';
import type { BodyRow } from './rows.js';

export interface NameHit { surface: string; body_id: number; place_only: 0 | 1 }
/** The prefix key just after every key that starts with `prefix` ('/' + 1 is '0'): [prefix, after) is its range. */
export const after = (prefix: string) =>
  `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;

export class NameIndex {
  private readonly s;

  constructor(readonly db: DB, private readonly bodyOf: (id: number) => BodyRow | undefined,
    private readonly tx: <T>(fn: () => T) => T) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      stale: p(`SELECT b.id FROM bodies b LEFT JOIN body_names_state s ON s.body_id = b.id
                WHERE s.rules IS NULL OR s.rules <> ? ORDER BY b.id`).pluck(),
      // every body indexed by these rules (index counts): then nothing is stale, without a scan of the bodies
      current: p(`SELECT (SELECT COUNT(*) FROM body_names_state WHERE rules = ?) = (SELECT COUNT(*) FROM bodies)`)
        .pluck(),
      clear: ['body_names', 'body_typos', 'body_grams'].map((t) => p(`DELETE FROM ${t} WHERE body_id = ?`)),
      surface: p('INSERT OR IGNORE INTO body_names (surface, body_id, place_only) VALUES (?, ?, ?)'),
      typo: p('INSERT OR IGNORE INTO body_typos (pinyin, surface, body_id) VALUES (?, ?, ?)'),
      gram: p('INSERT OR IGNORE INTO body_grams (gram, body_id) VALUES (?, ?)'),
      state: p('INSERT OR REPLACE INTO body_names_state (body_id, rules, region_key, longest) VALUES (?, ?, ?, ?)'),
      hits: p(`SELECT n.surface, n.body_id, n.place_only FROM json_each(?) j
               JOIN body_names n ON n.surface = j.value ORDER BY n.surface, n.body_id, n.place_only`),
      longest: p('SELECT MAX(longest) FROM body_names_state').pluck(),
      typos: p(`SELECT DISTINCT t.surface FROM json_each(?) j JOIN body_typos t ON t.pinyin = j.value
                ORDER BY t.surface`).pluck(),
      near: p(`SELECT g.body_id FROM json_each(?) j JOIN body_grams g ON g.gram = j.value
               GROUP BY g.body_id ORDER BY COUNT(*) DESC, g.body_id LIMIT ?`).pluck(),
      inRegion: p(`SELECT body_id FROM body_names_state WHERE region_key >= ? AND region_key < ?
                   ORDER BY body_id`).pluck(),
      atRegion: p('SELECT body_id FROM body_names_state WHERE region_key = ? ORDER BY body_id').pluck(),
      inRegionOfYear: p(`SELECT s.body_id FROM body_names_state s INDEXED BY body_names_region
        CROSS JOIN reports r INDEXED BY reports_year_refs ON r.body_id = s.body_id AND r.year = ?3
          AND r.superseded_by IS NULL
        WHERE s.region_key >= ?1 AND s.region_key < ?2`).pluck(),
      latestInRegion: p(`SELECT MAX(r.year) FROM body_names_state s CROSS JOIN reports r ON r.body_id = s.body_id
        WHERE s.region_key >= ? AND s.region_key < ? AND r.superseded_by IS NULL`).pluck(),
      anyInRegion: p(`SELECT 1 FROM body_names_state WHERE region_key >= ? AND region_key < ? LIMIT 1`).pluck(),
      mostReported: p(`SELECT body_id FROM reports WHERE superseded_by IS NULL GROUP BY body_id
                       ORDER BY COUNT(*) DESC, body_id LIMIT ?`).pluck(),
      namesOf: p('SELECT b.id, b.name FROM json_each(?) j JOIN bodies b INDEXED BY bodies_id_name ON b.id = j.value')
        .raw(),
      withReports: p('SELECT COUNT(DISTINCT body_id) FROM reports WHERE superseded_by IS NULL').pluck(),
    };
  }

  /** Index one stored body by the current rules (inside the caller's transaction). */
  index(b: BodyRow): void {
    this.write(b.id, nameRows({ name: b.name, aliases: b.aliases, region: regionOfBody(b) }), nameRulesVersion());
  }
  /** Index, in one transaction, every body not indexed by the current rules; how many were. */
  indexStale(): number {
    const stale = this.stale(nameRulesVersion());
    if (stale.length) this.tx(() => { for (const id of stale) { const b = this.bodyOf(id); if (b) this.index(b); } });
    return stale.length;
  }

  /** Bodies not indexed by these rules (new, changed, or indexed by older rules). */
  stale(rules: string): number[] { return this.s.current.get(rules) ? [] : this.s.stale.all(rules) as number[]; }

  /** Replace one body's rows (inside the caller's transaction). */
  write(bodyId: number, rows: BodyNameRows, rules: string): void {
    for (const c of this.s.clear) c.run(bodyId);
    for (const x of rows.surfaces) this.s.surface.run(x.surface, bodyId, x.placeOnly ? 1 : 0);
    for (const [k, surface] of rows.typos) this.s.typo.run(k, surface, bodyId);
    for (const g of rows.grams) this.s.gram.run(g, bodyId);
    this.s.state.run(bodyId, rules, rows.regionKey, Math.max(0, ...rows.surfaces.map((x) => x.surface.length)));
  }

  /** Every indexed surface among `texts`. */
  hits(texts: string[]): NameHit[] {
    return texts.length ? this.s.hits.all(JSON.stringify(texts)) as NameHit[] : [];
  }
  /** The longest surface indexed (0 when none). */
  longest(): number { return Number(this.s.longest.get() ?? 0); }
  /** Surfaces whose pinyin key is one of `keys`. */
  typos(keys: string[]): string[] { return keys.length ? this.s.typos.all(JSON.stringify(keys)) as string[] : []; }
  /** The bodies sharing the most character pairs with `grams`, most first. */
  near(grams: string[], limit: number): number[] {
    return grams.length ? this.s.near.all(JSON.stringify(grams), limit) as number[] : [];
  }
  /** Bodies whose region runs through the region key `prefix` (广东省/广州市/). */
  inRegion(prefix: string): number[] { return prefix ? this.s.inRegion.all(prefix, after(prefix)) as number[] : []; }
  /** Bodies whose region is exactly the region key `key`. */
  atRegion(key: string): number[] { return key ? this.s.atRegion.all(key) as number[] : []; }
  /** Bodies of a region with an active report of `year`. */
  inRegionOfYear(prefix: string, year: number): number[] {
    if (!prefix) return [];
    const ids = this.s.inRegionOfYear.all({ 1: prefix, 2: after(prefix), 3: year }) as number[];
    return [...new Set(ids)].sort((a, b) => a - b);
  }
  /** The latest year of an active report of a region's bodies (0 when none). */
  latestInRegion(prefix: string): number {
    return prefix ? Number(this.s.latestInRegion.get(prefix, after(prefix)) ?? 0) : 0;
  }
  anyInRegion(prefix: string): boolean { return Boolean(prefix && this.s.anyInRegion.get(prefix, after(prefix))); }
  /** Bodies with the most active reports (ties by id), and how many bodies have any. */
  mostReported(limit: number): number[] { return this.s.mostReported.all(limit) as number[]; }
  /** The names of some bodies, by id. */
  namesOf(ids: number[]): Map<number, string> {
    return new Map(ids.length ? this.s.namesOf.all(JSON.stringify(ids)) as [number, string][] : []);
  }
  withReports(): number { return Number(this.s.withReports.get() ?? 0); }
  sqlOf(name: string): string | undefined {
    return (this.s as unknown as Record<string, { source?: string }>)[name]?.source;
  }
}
