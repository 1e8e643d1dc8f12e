/**
 * Names people use for a body: its full names and aliases, short forms (番禺, 番禺区政府, 广州番禺, 市协作办, 协作办,
 * 武江区政府办), each normalised like the questions. Pure: a body's name, aliases and region → its surfaces, and
 * what the name index keeps of them (pinyin keys for typing mistakes, character pairs for near names). The store
 * indexes a body with these when it writes the body; the question parser looks the same surfaces up.
 */
import { pinyin } from 'pinyin-pro';
import { createHash } from 'node:crypto';
import { ABBREVIATIONS, gazetteer, shortName } from './gazetteer.js';
import { normalizeText } from './normalText.js';

/**
 * The version of these rules: a name index built by other rules (or another gazetteer) is built again. Raise it
 * when a rule here changes.
 */
export const SURFACE_RULES = 1;

let version: string | null = null;
/**
 * The rules a name index was built by: these rules' version and a digest of the data they read (the gazetteer's
 * places, the abbreviations). An index of other rules is built again.
 */
export function nameRulesVersion(): string {
  if (version) return version;
  const h = createHash('sha1');
  for (const p of gazetteer().places) h.update(`${p.path.join('/')}\n`);
  h.update(JSON.stringify(ABBREVIATIONS));
  version = `${SURFACE_RULES}:${h.digest('hex').slice(0, 12)}`;
  return version;
}

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
/** Surfaces the pinyin index keeps: what a mistyping of two to eight characters may stand for. */
const TYPO_SURFACE = /^[\u4e00-\u9fff]{2,8}$/;
export const isTypoSurface = (s: string) => TYPO_SURFACE.test(s);

export interface NamedBody { name: string; aliases: string[]; region: string[] }
/** A surface of a body; `placeOnly`: it names the body's place, not the body. */
export interface Surface { surface: string; placeOnly: boolean }
/** What the name index keeps of one body. */
export interface BodyNameRows {
  surfaces: Surface[];
  /** [pinyin key, surface] */
  typos: [string, string][];
  /** character pairs of its names (near names typed with small differences) */
  grams: string[];
  /** region path as a prefix key: 广东省/广州市/ ('' when unknown) */
  regionKey: string;
}

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
export function placeInName(name: string): string[] {
  const m = /^([\u4e00-\u9fff]{2,6}?(?:自治州|自治县|省|市|区|县|旗|州))/.exec(name);
  return m ? [m[1]] : [];
}

/**
 * Split a name into the places it starts with (as found in its region path) and the rest. At each point the
 * longest place form wins, so a place named after its city (兰州新区 of 兰州市) is not cut as the city's short form.
 */
export function splitName(name: string, region: string[]): { places: string[]; rest: string } {
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

/** Prefix forms for a body in `region`: 番禺区, 番禺, 广州番禺, 广州市番禺区 … */
function prefixVariants(region: string[]): string[] {
  if (!region.length) return [''];
  const deep = region[region.length - 1];
  const parent = region.length > 1 ? region[region.length - 2] : null;
  const forms = new Set([deep, shortName(deep)]);
  if (parent) for (const p of [parent, shortName(parent)]) for (const d of [deep, shortName(deep)]) forms.add(p + d);
  return [...forms].filter((f) => f.length >= 2);
}

/** Every surface of a body as typed (not yet normalised). */
function* rawSurfaces(b: NamedBody): Generator<[string, boolean]> {
  const prefixes = prefixVariants(b.region);
  const deepIsCity = b.region.length === 2 || (b.region.length === 1 && /市$/.test(b.region[0]));
  for (const name of new Set([b.name, ...b.aliases])) {
    yield [name, false];
    const { rest } = splitName(name, b.region);
    // the bare place stands for the body too; the question's parser decides between the bodies of a place
    for (const p of prefixes) yield [p, true];
    for (const r of restVariants(rest)) {
      for (const p of prefixes) if (r) yield [p + r, false];
      const abbreviation = SHORT_FORMS.some(([, short]) => r.endsWith(short));
      // a bare organisation word (人民政府办公室, 办公室) is no body's name: only distinctive rests stand alone
      if ((r.length >= 3 || (abbreviation && r.length >= 2)) && !GENERIC_REST.test(r)) yield [r, false];
      if (r.length >= 2 && !GENERIC_REST.test(r)) yield [(deepIsCity ? '市' : '区') + r, false];
    }
  }
}

/** A body's surfaces, normalised and without repeats. */
export function bodySurfaces(b: NamedBody): Surface[] {
  const seen = new Map<string, Surface>();
  for (const [raw, placeOnly] of rawSurfaces(b)) {
    const surface = normalizeText(raw);
    if (!surface) continue;
    const k = `${placeOnly ? 1 : 0}${surface}`;
    if (!seen.has(k)) seen.set(k, { surface, placeOnly });
  }
  return [...seen.values()];
}

/** The pinyin key of a surface (readings without tones, one per character). */
export const pinyinKey = (s: string) => (pinyin(s, { toneType: 'none', type: 'array' }) as string[]).join(' ');

/** Character pairs of a text. */
export function grams(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

/** The region path as a key whose prefixes are its places: 广东省/广州市/. */
export const regionKey = (region: string[]) => (region.length ? `${region.join('/')}/` : '');

/** A body's region: the stored path, else the place its name starts with (a district the gazetteer lacks). */
export const regionOfBody = (b: { name: string; region: string[] | null }): string[] => b.region ?? placeInName(b.name);

/** What the name index keeps of a body (its region already completed from its name when the record has none). */
export function nameRows(b: NamedBody): BodyNameRows {
  const surfaces = bodySurfaces(b);
  const typos: [string, string][] = [];
  for (const s of new Set(surfaces.map((x) => x.surface))) if (isTypoSurface(s)) typos.push([pinyinKey(s), s]);
  const names = [...new Set([b.name, ...b.aliases].map(normalizeText))];
  return { surfaces, typos, grams: [...new Set(names.flatMap(grams))], regionKey: regionKey(b.region) };
}
