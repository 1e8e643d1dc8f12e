/**
 * The bodies on file as the questions meet them, read from the store's name index (surfaces, pinyin keys,
 * character pairs, region paths) with small caches: nothing here grows with the number of bodies. The store
 * indexes a body when it writes it (src/domain/bodyNames.ts says how); sync() catches the rest.
 */
import Fuse from 'fuse.js';
import { gazetteer, type Place } from '../domain/gazetteer.js';
import { Bounded } from '../domain/memo.js';
import type { Store } from '../store/store.js';
import { grams, nameRows, nameRulesVersion, regionKey, regionOfBody, splitName } from '../domain/bodyNames.js';

export interface BodyInfo {
  id: number; name: string; kind: string; region: string[]; aliases: string[]; years: number[];
}

/** What a surface can stand for. `placeOnly`: the surface names the body's place, not the body. */
export type NameEntry = { k: 'body'; id: number; placeOnly: boolean } | { k: 'place'; place: Place };

/** Bodies kept by id. */
const BODY_CACHE = 4096;
const NAME_CACHE = 32_768;
/** Candidates a near name is judged among (those sharing the most character pairs with it). */
const NEAR_CANDIDATES = 40;
/** Bodies kept for the inventory and examples (most reports first). */
const INVENTORY = 20;
const FUSE_OPTIONS = { keys: ['name', 'aliases'], ignoreLocation: true, threshold: 0.4, includeScore: true };

/** Errors of a database that cannot be written now (read-only file or medium, locked past the wait). */
const CANNOT_WRITE = /^SQLITE_(READONLY|BUSY|LOCKED|CANTOPEN|IOERR|FULL)/;

/** Bodies the database could not index (a read-only file): their surfaces and region keys, kept in memory. */
interface Unwritten { surfaces: Map<string, NameEntry[]>; regions: [id: number, key: string][]; longest: number }

export class BodyIndex {
  private readonly cache = new Bounded<BodyInfo | null>(BODY_CACHE);
  /** Bodies' names for rankings' rows and files (a name is about 50 bytes: 32,768 of them about 2 MB). */
  private readonly nameCache = new Bounded<string>(NAME_CACHE);
  private longestSurface = -1;
  private readonly unwritten: Unwritten = { surfaces: new Map(), regions: [], longest: 0 };
  private top: { ids: number[]; n: number } | null = null;

  constructor(private readonly store: Store, private readonly yearsOf: (id: number) => number[]) {}

  /**
   * Index the bodies that are new, changed or indexed by older rules (the store indexes a body when it writes
   * it; this catches a database built before, or by other rules). Where the database cannot be written, their
   * surfaces and regions are kept in memory. Returns how many bodies were not indexed by the current rules.
   */
  sync(): number {
    try {
      return this.store.names.indexStale();
    } catch (e) {
      if (!CANNOT_WRITE.test(String((e as { code?: unknown })?.code ?? ''))) throw e;
    }
    const stale = this.store.names.stale(nameRulesVersion());
    const u = this.unwritten;
    for (const id of stale) {
      const b = this.store.body(id);
      if (!b) continue;
      const r = nameRows({ name: b.name, aliases: b.aliases, region: regionOfBody(b) });
      for (const x of r.surfaces) {
        const list = u.surfaces.get(x.surface) ?? [];
        list.push({ k: 'body', id, placeOnly: x.placeOnly });
        u.surfaces.set(x.surface, list);
        u.longest = Math.max(u.longest, x.surface.length);
      }
      u.regions.push([id, r.regionKey]);
    }
    return stale.length;
  }

  /** Whether some bodies are known only in memory (then region figures are not taken from the index). */
  get partial(): boolean { return this.unwritten.regions.length > 0; }

  byId(id: number): BodyInfo | undefined {
    return this.cache.get(id, () => {
      const b = this.store.body(id);
      return b ? { id, name: b.name, kind: b.kind, region: regionOfBody(b), aliases: b.aliases,
        years: this.yearsOf(id) } : null;
    }) ?? undefined;
  }

  /** Every body, read now (listings and tests): not kept, and not for answering questions. */
  all(): BodyInfo[] {
    return this.store.bodies().map((b) =>
      ({ id: b.id, name: b.name, kind: b.kind, region: regionOfBody(b), aliases: b.aliases,
        years: this.yearsOf(b.id) }));
  }

  /** The bodies with the most reports on file (most first), and how many bodies have a report. */
  mostReported(n: number): BodyInfo[] { return this.inventory(n).ids.slice(0, n).map((id) => this.byId(id)!); }
  withReports(): number { return this.inventory(0).n; }
  /** The bodies with most reports and how many have one: read once until the reports change. */
  private inventory(n: number): { ids: number[]; n: number } {
    if (!this.top || this.top.ids.length < n) {
      this.top = { ids: this.store.names.mostReported(Math.max(n, INVENTORY)), n: this.store.names.withReports() };
    }
    return this.top;
  }

  /** The name after its places: 人民政府, 人民政府办公室, 发展和改革局 … (without a mark like （地区未定）) */
  restOf(id: number): string {
    const b = this.byId(id);
    return b ? splitName(b.name.replace(/[（(][^）)]*[）)]$/, ''), b.region).rest : '';
  }

  /** Every body surface found in `text` (normalised), with what it stands for. */
  names(text: string): Map<string, NameEntry[]> {
    if (this.longestSurface < 0) this.longestSurface = this.store.names.longest();
    const max = Math.max(this.longestSurface, this.unwritten.longest);
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
    for (const s of spans) for (const e of this.unwritten.surfaces.get(s) ?? []) add(s, e);
    return out;
  }

  /** Body surfaces whose pinyin key is one of `keys` (typing mistakes). */
  typoSurfaces(keys: string[]): string[] { return this.store.names.typos(keys); }

  /** The gazetteer's place at the end of a region path (the region of a body on file). */
  placeByPath(path: string[]): Place | null {
    const deep = path[path.length - 1];
    return gazetteer().byPath(path) ?? (deep ? { name: deep, level: 'county', path, code: '' } : null);
  }

  /** The ids of the bodies located in a place (no body read). */
  idsInPlace(place: Place): number[] {
    const key = regionKey(place.path);
    return this.withUnwritten(this.store.names.inRegion(key), (k) => k.startsWith(key));
  }
  /** The ids of the bodies of a place with a report of `year`, and the latest year of the place's reports. */
  idsInPlaceOfYear(place: Place, year: number): number[] {
    const key = regionKey(place.path);
    const more = (k: string) => k.startsWith(key);
    const ofYear = (id: number) => this.yearsOf(id).includes(year);
    return this.withUnwritten(this.store.names.inRegionOfYear(key, year), more, ofYear);
  }
  latestYearIn(place: Place): number {
    const key = regionKey(place.path);
    const more = this.withUnwritten([], (k) => k.startsWith(key)).flatMap((id) => this.yearsOf(id));
    return Math.max(this.store.names.latestInRegion(key), ...more);
  }
  /** The ids of the bodies whose region is the place itself (not a place below it). */
  idsAt(place: Place): number[] {
    const key = regionKey(place.path);
    return this.withUnwritten(this.store.names.atRegion(key), (k) => k === key);
  }
  /** Ids from the index and, when some bodies are known only in memory, theirs whose region key fits. */
  private withUnwritten(ids: number[], fits: (key: string) => boolean, keep: (id: number) => boolean = () => true) {
    if (!this.partial) return ids;
    const more = this.unwritten.regions.filter(([id, k]) => k && fits(k) && keep(id)).map(([id]) => id);
    return [...new Set([...ids, ...more])].sort((a, b) => a - b);
  }
  /** The names of some bodies, by id (one read for a whole ranking). */
  namesOf(ids: number[]): Map<number, string> {
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const id of ids) {
      const n = this.nameCache.peek(id);
      if (n === undefined) missing.push(id); else out.set(id, n);
    }
    for (const [id, n] of this.store.names.namesOf(missing)) { out.set(id, n); this.nameCache.get(id, () => n); }
    return out;
  }
  /** Whether any body is located in a place (one index probe). */
  hasBodiesIn(place: Place): boolean {
    return this.store.names.anyInRegion(regionKey(place.path)) || (this.partial && this.idsInPlace(place).length > 0);
  }

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
