/**
 * Real bodies for the synthetic corpus, drawn from the gazetteer: provinces, cities, counties, towns and streets,
 * their governments, general offices and departments (names from departments.json). Places that share a name with
 * another (four 鼓楼区) are drawn more often than chance, and such a body is often printed without its city, so the
 * report's own evidence (an address, a telephone area code) must place it, as in real reports.
 */
import { createRequire } from 'node:module';
import { gazetteer, type Place } from '../../src/domain/gazetteer.js';
import { AREA_CODES } from '../../src/domain/placeCodes.js';
import type { Rng } from './prng.js';

const require = createRequire(import.meta.url);
const DEPARTMENTS = require('./departments.json') as Record<'province' | 'city' | 'county' | 'town', string[]>;

export type SynthLevel = 'province' | 'city' | 'county' | 'town';
export type SynthKind = 'government' | 'office' | 'department' | 'township' | 'street';

export interface SynthBody {
  /** Region path + rest of the name: one body each. */
  key: string;
  level: SynthLevel;
  kind: SynthKind;
  region: string[];
  /** The name with every place that makes it unique (南京市鼓楼区人民政府): what an asker types. */
  fullName: string;
  /** The name the report's title prints: the full name, or the short one (鼓楼区人民政府) with evidence in the text. */
  printedName: string;
  /** The deepest place shares its name with another place (鼓楼区 in four cities). */
  sameName: boolean;
  /** Telephone area code of the body's city, when placeCodes.ts knows it. */
  areaCode: string | null;
}

/** Shares of bodies by level (before departments). */
const LEVEL_WEIGHTS: [SynthLevel, number][] = [['province', 0.03], ['city', 0.17], ['county', 0.45], ['town', 0.35]];
const TOWN_NAME = /(镇|乡|街道|苏木)$/;
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

interface Pools { provinces: Place[]; cities: Place[]; counties: Place[]; shared: Place[] }

let pools: Pools | null = null;
function places(): Pools {
  if (pools) return pools;
  const g = gazetteer();
  const counties = g.places.filter((p) => p.level === 'county');
  const count = new Map<string, number>();
  for (const c of counties) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  pools = {
    provinces: g.places.filter((p) => p.level === 'province'),
    cities: g.places.filter((p) => p.level === 'city'),
    counties,
    shared: counties.filter((c) => count.get(c.name)! > 1 && c.name.length >= 3),
  };
  return pools;
}

/** Area code → city, reversed from placeCodes.ts (a code shared by several cities names the first). */
let codeOfCity: Map<string, string> | null = null;
function areaCodeFor(path: string[]): string | null {
  if (!codeOfCity) {
    codeOfCity = new Map();
    for (const [code, names] of Object.entries(AREA_CODES)) {
      const first = names.split(' ')[0];
      if (!codeOfCity.has(first)) codeOfCity.set(first, code);
    }
  }
  for (const name of [...path].reverse()) {
    const c = codeOfCity.get(name);
    if (c) return c;
  }
  return null;
}

/** The places above a county or town that make its name unique: the city, or a municipality. */
function prefix(path: string[], depth: number): string {
  const up = path.slice(0, depth);
  if (up.length >= 2) return up.slice(1).join('');
  return up.length === 1 && MUNICIPALITIES.has(up[0]) ? up[0] : '';
}

function rests(level: SynthLevel, town?: string): { rest: string; kind: SynthKind }[] {
  if (level === 'town') {
    return town!.endsWith('街道') ? [{ rest: '办事处', kind: 'street' }] : [{ rest: '人民政府', kind: 'township' }];
  }
  const gov = { rest: '人民政府', kind: 'government' as const };
  const kindOf = (d: string): SynthKind => (/^人民政府办公[室厅]$/.test(d) ? 'office' : 'department');
  const depts = DEPARTMENTS[level].map((d) => ({ rest: d, kind: kindOf(d) }));
  return [gov, ...depts];
}

/** A body of the place `p` (a town when `town` is given). */
function makeBody(r: Rng, p: Place, sameName: boolean, town?: Place): SynthBody {
  const level: SynthLevel = town ? 'town' : p.level === 'town' ? 'county' : p.level;
  // a government, or its general office, more often than any single department
  const opts = rests(level, town?.name);
  const office = opts.find((o) => o.kind === 'office');
  const x = r.next();
  const { rest, kind } = level === 'town' ? opts[0] : x < 0.3 ? opts[0] : x < 0.4 && office ? office : r.pick(opts);
  const region = town ? town.path : p.path;
  const deep = region.length - 1;
  const own = region[deep];
  let fullName: string, printedName: string;
  if (level === 'province' || level === 'city') {
    fullName = printedName = own + rest;
  } else if (level === 'county') {
    fullName = prefix(region, deep) + own + rest;
    // a county printed without its city: most often when its name is shared (the text must place it), else now and then
    printedName = own.length >= 3 && r.chance(sameName ? 0.6 : 0.25) ? own + rest : fullName;
  } else {
    const county = region[deep - 1];
    fullName = prefix(region, deep - 1) + county + own + rest;
    printedName = r.chance(0.5) ? county + own + rest : fullName;
  }
  const key = `${region.join('/')}|${rest}`;
  return { key, level, kind, region, fullName, printedName, sameName, areaCode: areaCodeFor(region) };
}

/** One body drawn at random (the caller keeps the ones it has not seen). */
export function drawBody(r: Rng): SynthBody {
  const { provinces, cities, counties, shared } = places();
  let x = r.next();
  let level: SynthLevel = 'county';
  for (const [l, w] of LEVEL_WEIGHTS) { if (x < w) { level = l; break; } x -= w; }
  if (level === 'province') return makeBody(r, r.pick(provinces), false);
  if (level === 'city') return makeBody(r, r.pick(cities), false);
  const fromShared = r.chance(0.15);
  const county = fromShared ? r.pick(shared) : r.pick(counties);
  const isShared = fromShared || shared.includes(county);
  if (level === 'county') return makeBody(r, county, isShared);
  // towns and streets (the gazetteer also lists farms, zones and service centres at this level, and a few towns
  // under a name that holds their city's or county's, 四平市铁东区四马路街道, which no report prints)
  const towns = gazetteer().townsOf(county)
    .filter((t) => TOWN_NAME.test(t.name) && !t.path.slice(0, -1).some((p) => t.name.includes(p)));
  if (!towns.length) return makeBody(r, county, isShared);
  const town = r.pick(towns);
  const sameTown = gazetteer().lookupTown(town.name).length > 1;
  return makeBody(r, county, isShared || sameTown, town);
}

/** The four 鼓楼区 governments: same-name places every corpus holds. */
export function sameNameGovernments(): SynthBody[] {
  return gazetteer().lookup('鼓楼区').filter((p) => p.name === '鼓楼区').map((p) => ({
    key: `${p.path.join('/')}|人民政府`, level: 'county', kind: 'government', region: p.path,
    fullName: `${prefix(p.path, p.path.length - 1)}鼓楼区人民政府`, printedName: '鼓楼区人民政府', sameName: true,
    areaCode: areaCodeFor(p.path),
  }));
}
