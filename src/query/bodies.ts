/**
 * The bodies on file as the questions meet them, read from the store's name index (surfaces, pinyin keys,
 * character pairs, region paths) with small caches: nothing here grows with the number of bodies. A body new
 * or changed since the index was built is indexed on the next refresh (names/surfaces.ts says how).
 */
import Fuse from 'fuse.js';
import { gazetteer, type Place } from '../domain/gazetteer.js';
import { Bounded } from '../domain/memo.js';
import type { BodyRow, Store } from '../store/store.js';
import { grams, nameRows, placeInName, regionKey, splitName, SURFACE_RULES } from './names/surfaces.js';

export interface BodyInfo {
  id: number; name: string; kind: string; region: string[]; aliases: string[]; years: number[];
}

/** What a surface can stand for. `placeOnly`: the surface names the body's place, not the body. */
export type NameEntry = { k: 'body'; id: number; placeOnly: boolean } | { k: 'place'; place: Place };

/** Bodies kept by id. */
const BODY_CACHE = 4096;
/** Candidates a near name is judged among (those sharing the most character pairs with it). */
const NEAR_CANDIDATES = 40;
const FUSE_OPTIONS = { keys: ['name', 'aliases'], ignoreLocation: true, threshold: 0.4, includeScore: true };

/** Errors of a database that cannot be written now (read-only file or medium, locked past the wait). */
const CANNOT_WRITE = /^SQLITE_(READONLY|BUSY|LOCKED|CANTOPEN|IOERR|FULL)/;

/** The rules a body's index rows were made by: the surface rules and the gazetteer they read. */
const rulesVersion = () => `${SURFACE_RULES}:${gazetteer().places.length}`;

export class BodyIndex {
  private readonly cache = new Bounded<BodyInfo | null>(BODY_CACHE);
  private longestSurface = -1;
  /** Surfaces of bodies that could not be written to the index (a read-only database): kept here instead. */
  private readonly unwritten = new Map<string, NameEntry[]>();

  constructor(private readonly store: Store, private readonly yearsOf: (id: number) => number[]) {}

  /**
   * Index the bodies that are new, changed or indexed by older rules, in one transaction; where the database
   * cannot be written, their surfaces are kept in memory. Returns how many bodies were indexed.
   */
  sync(): number {
    const names = this.store.names;
    const rules = rulesVersion();
    const stale = names.stale(rules);
    if (!stale.length) return 0;
    const rows = stale.map((id) => [id, this.store.body(id)] as const)
      .filter((x): x is readonly [number, BodyRow] => Boolean(x[1]))
      .map(([id, b]) => [id, nameRows({ name: b.name, aliases: b.aliases, region: regionOf(b) })] as const);
    try {
      this.store.transaction(() => { for (const [id, r] of rows) names.write(id, r, rules); });
    } catch (e) {
      if (!CANNOT_WRITE.test(String((e as { code?: unknown })?.code ?? ''))) throw e;
      for (const [id, r] of rows) {
        for (const s of r.surfaces) {
          const list = this.unwritten.get(s.surface) ?? [];
          list.push({ k: 'body', id, placeOnly: s.placeOnly });
          this.unwritten.set(s.surface, list);
        }
      }
    }
    this.longestSurface = -1;
    return rows.length;
  }

  byId(id: number): BodyInfo | undefined {
    return this.cache.get(id, () => {
      const b = this.store.body(id);
      return b ? { id, name: b.name, kind: b.kind, region: regionOf(b), aliases: b.aliases, years: this.yearsOf(id) }
        : null;
    }) ?? undefined;
  }

  /** Every body, read now (listings and tests): not kept, and not for answering questions. */
  all(): BodyInfo[] {
    return this.store.bodies().map((b) =>
      ({ id: b.id, name: b.name, kind: b.kind, region: regionOf(b), aliases: b.aliases, years: this.yearsOf(b.id) }));
  }

  /** The bodies with the most reports on file (most first), and how many bodies have a report. */
  mostReported(n: number): BodyInfo[] { return this.store.names.mostReported(n).map((id) => this.byId(id)!); }
  withReports(): number { return this.store.names.withReports(); }

  /** The name after its places: 人民政府, 人民政府办公室, 发展和改革局 … (without a mark like （地区未定）) */
  restOf(id: number): string {
    const b = this.byId(id);
    return b ? splitName(b.name.replace(/[（(][^）)]*[）)]$/, ''), b.region).rest : '';
  }

  /** Every body surface found in `text` (normalised), with what it stands for. */
  names(text: string): Map<string, NameEntry[]> {
    if (this.longestSurface < 0) this.longestSurface = this.store.names.longest();
    const max = Math.max(this.longestSurface, ...[...this.unwritten.keys()].map((k) => k.length));
    const spans = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (let len = 1; len <= max && i + len <= text.length; len++) spans.add(text.slice(i, i + len));
    }
    const out = new Map<string, NameEntry[]>();
    const add = (surface: string, e: NameEntry) => {
      const list = out.get(surface);
      if (list) list.push(e); else out.set(surface, [e]);
    };
    for (const h of this.store.names.hits([...spans])) {
      add(h.surface, { k: 'body', id: h.body_id, placeOnly: !!h.place_only });
    }
    for (const s of spans) for (const e of this.unwritten.get(s) ?? []) add(s, e);
    return out;
  }

  /** Body surfaces whose pinyin key is one of `keys` (typing mistakes). */
  typoSurfaces(keys: string[]): string[] { return this.store.names.typos(keys); }

  /** The gazetteer's place at the end of a region path (the region of a body on file). */
  placeByPath(path: string[]): Place | null {
    const deep = path[path.length - 1];
    const found = gazetteer().lookup(deep).find((p) => p.path.join('/') === path.join('/'));
    return found ?? (deep ? { name: deep, level: 'county', path, code: '' } : null);
  }

  /** The ids of the bodies located in a place (no body read). */
  idsInPlace(place: Place): number[] { return this.store.names.inRegion(regionKey(place.path)); }
  /** The ids of the bodies of a place with a report of `year`, and the latest year of the place's reports. */
  idsInPlaceOfYear(place: Place, year: number): number[] {
    return this.store.names.inRegionOfYear(regionKey(place.path), year);
  }
  latestYearIn(place: Place): number { return this.store.names.latestInRegion(regionKey(place.path)); }
  /** The ids of the bodies whose region is the place itself (not a place below it). */
  idsAt(place: Place): number[] { return this.store.names.atRegion(regionKey(place.path)); }
  /** The names of some bodies, by id (one read for a whole ranking). */
  namesOf(ids: number[]): Map<number, string> { return this.store.names.namesOf(ids); }
  /** Whether any body is located in a place (one index probe). */
  hasBodiesIn(place: Place): boolean { return this.store.names.anyInRegion(regionKey(place.path)); }

  /**
   * Long official names with small differences, for a leftover span of five characters or more: the bodies
   * sharing most character pairs with it, judged by fuse.js.
   */
  fuzzyName(span: string): { body: BodyInfo; score: number } | null {
    if (span.length < 5) return null;
    const near = this.store.names.near(grams(span), NEAR_CANDIDATES).map((id) => this.byId(id)!).filter(Boolean);
    if (!near.length) return null;
    const fuse = new Fuse(near, FUSE_OPTIONS);
    const r = fuse.search(span, { limit: 2 });
    if (!r.length || (r[0].score ?? 1) > 0.25) return null;
    if (r[1] && (r[1].score ?? 1) - (r[0].score ?? 1) < 0.1) return null;
    return { body: r[0].item, score: r[0].score ?? 0 };
  }
}

/** A body's region: the stored path, else the place its name starts with (a district the gazetteer lacks). */
const regionOf = (b: BodyRow): string[] => b.region ?? placeInName(b.name);
