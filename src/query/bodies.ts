/**
 * Names people use for the bodies on file: full names, aliases, short forms (番禺, 番禺区政府, 广州番禺, 市协作办,
 * 协作办, 武江区政府办), places at any level through the gazetteer, and typing mistakes (pinyin, fuse.js).
 */
import Fuse from 'fuse.js';
import { polyphonic } from 'pinyin-pro';
import { ABBREVIATIONS, gazetteer, shortName, type Place } from '../domain/gazetteer.js';
import type { BodyRow } from '../store/store.js';

export interface BodyInfo {
  id: number; name: string; kind: string; region: string[]; aliases: string[]; years: number[];
}

/** What a surface can stand for. `placeOnly`: the surface names the body's place, not the body. */
export type NameEntry = { k: 'body'; id: number; placeOnly: boolean } | { k: 'place'; place: Place };

/** Rest-of-name variants as data: how people shorten the part after the place name. */
const REST_VARIANTS: [RegExp, (m: RegExpExecArray) => string[]][] = [
  [/^人民政府$/, () => ['人民政府', '政府', '']],
  [/^人民政府办公室$/, () => ['人民政府办公室', '政府办公室', '政府办', '府办', '办公室']],
  [/^人民政府办公厅$/, () => ['人民政府办公厅', '政府办公厅', '办公厅']],
  [/^(.+)办公室$/, (m) => [`${m[1]}办公室`, `${m[1]}办`]],
  [/^(.+)$/, (m) => [m[1]]],
];
const SHORT_FORMS: [string, string][] = Object.entries(ABBREVIATIONS).map(([s, f]) => [f, s]);
const GENERIC_REST = /^(?:人民政府|政府)?(?:办公室|办公厅|办)?$|^府办$|^(?:人民)?政府$/;
const PLACE_STOP = new Set([
  '城区', '郊区', '矿区', '新区', '东区', '西区', '南区', '北区', '市区', '全区', '本区', '我区', '全市', '本市', '全省', '中国',
]);

function restVariants(rest: string): string[] {
  const out = new Set<string>();
  for (const [re, f] of REST_VARIANTS) {
    const m = re.exec(rest);
    if (m) { for (const v of f(m)) out.add(v); break; }
  }
  for (const [full, short] of SHORT_FORMS) if (rest.endsWith(full)) out.add(rest.slice(0, -full.length) + short);
  return [...out];
}

/** A place the gazetteer does not know (a new district): the name's own leading place word, if any. */
function placeInName(name: string): string[] {
  const m = /^([\u4e00-\u9fff]{2,6}?(?:自治州|自治县|省|市|区|县|旗|州))/.exec(name);
  return m ? [m[1]] : [];
}

/**
 * Split a name into the places it starts with (as found in its region path) and the rest. At each point the
 * longest place form wins, so a place named after its city (兰州新区 of 兰州市) is not cut as the city's short form.
 */
function splitName(name: string, region: string[]): { places: string[]; rest: string } {
  let rest = name;
  const places: string[] = [];
  for (let from = 0; ;) {
    let hit: { k: number; len: number } | null = null;
    for (let k = from; k < region.length; k++) {
      for (const form of new Set([region[k], shortName(region[k])])) {
        if (rest.startsWith(form) && form.length > (hit?.len ?? 0)) hit = { k, len: form.length };
      }
    }
    if (!hit) return { places, rest };
    places.push(region[hit.k]);
    rest = rest.slice(hit.len);
    from = hit.k + 1;
  }
}

/** Prefix forms for a body in `region`: 番禺区, 番禺, 广州番禺, 广州市番禺区 …; '' and 市/区 for bodies whose rest is distinctive. */
function prefixVariants(region: string[]): string[] {
  if (!region.length) return [''];
  const deep = region[region.length - 1];
  const parent = region.length > 1 ? region[region.length - 2] : null;
  const forms = new Set([deep, shortName(deep)]);
  if (parent) for (const p of [parent, shortName(parent)]) for (const d of [deep, shortName(deep)]) forms.add(p + d);
  return [...forms].filter((f) => f.length >= 2);
}

export class BodyIndex {
  readonly bodies: BodyInfo[];
  private readonly fuse: Fuse<BodyInfo>;
  private readonly pinyinPlaces: { name: string; readings: string[][]; bodies: number[] }[];

  constructor(rows: BodyRow[], yearsOf: (id: number) => number[]) {
    this.bodies = rows.map((b) => ({
      id: b.id, name: b.name, kind: b.kind, region: b.region ?? placeInName(b.name), aliases: b.aliases,
      years: yearsOf(b.id),
    }));
    this.fuse = new Fuse(this.bodies, {
      keys: ['name', 'aliases'], ignoreLocation: true, threshold: 0.4, includeScore: true,
    });
    const byPlace = new Map<string, number[]>();
    for (const b of this.bodies) {
      const deep = b.region.at(-1);
      if (deep) for (const n of new Set([deep, shortName(deep)])) byPlace.set(n, [...(byPlace.get(n) ?? []), b.id]);
    }
    this.pinyinPlaces = [...byPlace].filter(([n]) => n.length >= 2).map(([name, bodies]) => ({
      name, bodies, readings: (polyphonic(name, { toneType: 'none', type: 'array' }) as string[][]),
    }));
  }

  byId(id: number): BodyInfo | undefined {
    this.ids ??= new Map(this.bodies.map((b) => [b.id, b]));
    return this.ids.get(id);
  }
  private ids: Map<number, BodyInfo> | undefined;

  /** The name after its places: 人民政府, 人民政府办公室, 发展和改革局 … (without a mark like （地区未定）) */
  restOf(id: number): string {
    const b = this.byId(id);
    return b ? splitName(b.name.replace(/[（(][^）)]*[）)]$/, ''), b.region).rest : '';
  }

  /** Every surface → entry, for the dictionary scan. */
  *surfaces(): Generator<[string, NameEntry]> {
    for (const b of this.bodies) {
      const prefixes = prefixVariants(b.region);
      const deepIsCity = b.region.length === 2 || (b.region.length === 1 && /市$/.test(b.region[0]));
      for (const name of new Set([b.name, ...b.aliases])) {
        yield [name, { k: 'body', id: b.id, placeOnly: false }];
        const { rest } = splitName(name, b.region);
        // the bare place stands for the body too; the question's parser decides between the bodies of a place
        for (const p of prefixes) yield [p, { k: 'body', id: b.id, placeOnly: true }];
        for (const r of restVariants(rest)) {
          for (const p of prefixes) if (r) yield [p + r, { k: 'body', id: b.id, placeOnly: false }];
          const abbreviation = SHORT_FORMS.some(([, short]) => r.endsWith(short));
          // a bare organisation word (人民政府办公室, 办公室) is no body's name: only distinctive rests stand alone
          if ((r.length >= 3 || (abbreviation && r.length >= 2)) && !GENERIC_REST.test(r)) {
            yield [r, { k: 'body', id: b.id, placeOnly: false }];
          }
          if (r.length >= 2 && !GENERIC_REST.test(r)) {
            yield [(deepIsCity ? '市' : '区') + r, { k: 'body', id: b.id, placeOnly: false }];
          }
        }
      }
    }
    for (const p of gazetteer().places) {
      for (const n of new Set([p.name, shortName(p.name)])) {
        if (n.length >= 2 && !PLACE_STOP.has(n)) yield [n, { k: 'place', place: p }];
      }
    }
  }

  /** The gazetteer's place at the end of a region path (the region of a body on file). */
  placeByPath(path: string[]): Place | null {
    const deep = path[path.length - 1];
    const found = gazetteer().lookup(deep).find((p) => p.path.join('/') === path.join('/'));
    return found ?? (deep ? { name: deep, level: 'county', path, code: '' } : null);
  }

  /** Bodies located in a place (its path contains it). */
  inPlace(place: Place): BodyInfo[] {
    return this.bodies.filter((b) => place.path.every((p, i) => b.region[i] === p));
  }

  /**
   * A misspelt place typed with a pinyin keyboard (番愚, 番禹 → 番禺): each character shares a reading with the
   * place's character. Only places that have bodies on file, only text no other word claimed.
   */
  pinyinMatch(text: string): { start: number; end: number; name: string; bodies: number[] } | null {
    for (const p of this.pinyinPlaces) {
      const n = p.name.length;
      for (let i = 0; i + n <= text.length; i++) {
        const win = text.slice(i, i + n);
        if (win === p.name || /[\s\d]/.test(win)) continue;
        const readings = polyphonic(win, { toneType: 'none', type: 'array' }) as string[][];
        if (readings.every((r, k) => r.some((x) => p.readings[k].includes(x)))) {
          return { start: i, end: i + n, name: p.name, bodies: p.bodies };
        }
      }
    }
    return null;
  }

  /** Long official names with small differences (fuse.js), for a leftover span of five characters or more. */
  fuzzyName(span: string): { body: BodyInfo; score: number } | null {
    if (span.length < 5) return null;
    const r = this.fuse.search(span, { limit: 2 });
    if (!r.length || (r[0].score ?? 1) > 0.25) return null;
    if (r[1] && (r[1].score ?? 1) - (r[0].score ?? 1) < 0.1) return null;
    return { body: r[0].item, score: r[0].score ?? 0 };
  }
}
