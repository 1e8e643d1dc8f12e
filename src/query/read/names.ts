/**
 * Bodies and places: adjacent name tokens (a body's surface, a place, an organisation word, an unknown stretch
 * before one) are one name as typed. A name that is a surface of a body on file is that body; a place alone is
 * the body that speaks for it or a region; anything longer than what is on file ("番禺区" + "教育" + "局") is a
 * body that is not on file — never its neighbour's figure.
 */
import type { Place } from '../../domain/gazetteer.js';
import type { BodyIndex, NameEntry } from '../bodies.js';
import type { Entry, Frame, UnknownBody } from '../frame.js';
import type { Token } from './segment.js';

type Tok = Token<Entry>;
const nameEntries = (t: Tok) => t.entries.filter((e): e is NameEntry => e.k === 'body' || e.k === 'place');
const isName = (t: Tok) => t.kind === 'word' && nameEntries(t).length > 0;
const isOrg = (t: Tok) => t.kind === 'word' && t.entries.some((e) => e.k === 'org') && !isName(t);

/** The part of a name after its place that makes it the government or the government's office. */
const GOV_LIKE = /^(人民政府|政府)(办公室|办公厅)?$/;
const GOV_TYPED = /(人民政府|政府)(办公室|办公厅|办)?$/;

/** Runs of name tokens, with the organisation words and unknown stretches that end a longer name. */
export function nameRuns(tokens: Tok[]): Tok[][] {
  const runs: Tok[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i])) continue;
    let j = i + 1;
    while (j < tokens.length && (isName(tokens[j]) || isOrg(tokens[j]) || tokens[j].kind === 'unknown')) j++;
    let run = tokens.slice(i, j);
    // an unknown stretch is part of the name only before an organisation word ("番禺区 教育 局")
    while (run.length > 1 && run[run.length - 1].kind === 'unknown') run = run.slice(0, -1);
    runs.push(run);
    i += run.length - 1;
  }
  return runs;
}

export interface NameReading {
  bodies: number[];
  ambiguous: number[] | null;
  regions: Place[];
  ambiguousPlaces: Place[];
  unknownPlaces: Place[];
  unknownBodies: UnknownBody[];
  /** Tokens the names used. */
  used: Set<Tok>;
}

/** The deepest place a run names, from its place words or the places of the bodies it names. */
function placeOf(run: Tok[], index: BodyIndex): Place | null {
  let best: Place | null = null;
  for (const t of run) {
    const es = nameEntries(t);
    const places = es.filter((e): e is { k: 'place'; place: Place } => e.k === 'place').map((e) => e.place);
    const withBodies = places.find((p) => index.hasBodiesIn(p)) ?? places[0];
    if (withBodies && (!best || withBodies.path.length > best.path.length)) best = withBodies;
  }
  return best;
}

function unknownBody(run: Tok[], index: BodyIndex): UnknownBody {
  const typed = run.map((t) => t.text).join('');
  const place = placeOf(run, index) ?? placeOfBodies(run, index);
  const near = place ? index.idsInPlace(place) : [];
  // 武江区人民政府 typed, only its office on file (or the other way round): ask whether it is meant
  const counterparts = GOV_TYPED.test(typed) && place
    ? index.idsAt(place).filter((id) => GOV_LIKE.test(index.restOf(id))) : [];
  return { typed, place, near, counterparts };
}

function placeOfBodies(run: Tok[], index: BodyIndex): Place | null {
  for (const t of run) {
    for (const e of nameEntries(t)) {
      if (e.k !== 'body') continue;
      const region = index.byId(e.id)?.region;
      if (region?.length) return index.placeByPath(region);
    }
  }
  return null;
}

/**
 * The bodies a run of name tokens stands for, alone (aggregate: a place is a region, not one body). `within`:
 * the question asks where a body stands (排第几), and a place that holds a body named beside it is the region
 * it stands in (射阳县在江苏省排第几), not a second body.
 */
export function readNames(tokens: Tok[], index: BodyIndex, aggregate: boolean, within = false): NameReading {
  const out: NameReading = {
    bodies: [], ambiguous: null, regions: [], ambiguousPlaces: [], unknownPlaces: [], unknownBodies: [],
    used: new Set(),
  };
  const push = (id: number) => { if (!out.bodies.includes(id)) out.bodies.push(id); };
  const places: Tok[][] = [];
  for (const run of nameRuns(tokens)) {
    run.forEach((t) => out.used.add(t));
    // 福州市鼓楼区各单位: places only, where a region is meant: the last place, inside the ones before it
    const region = aggregate && run.length > 1 ? regionOfRun(run, index) : null;
    if (region?.length === 1) { out.regions.push(region[0]); continue; }
    if (region && region.length > 1) { out.ambiguousPlaces.push(...region); continue; }
    const tail = run.some((t) => !isName(t));
    const exactSets = run.map((t) => [...new Set(nameEntries(t).filter((e) => e.k === 'body' && !e.placeOnly)
      .map((e) => (e as { id: number }).id))]);
    const lastExact = exactSets[exactSets.length - 1];
    // a place before a body of another place: 深圳市 + 协作办公室 is not 广州市协作办公室
    const before = run.slice(0, -1);
    const place = placeOf(before, index) ?? (before.length ? placeOfBodies(before, index) : null);
    const clash = place && lastExact.length && lastExact.every((id) => !inside(index, id, place));
    if (tail || clash) { out.unknownBodies.push(unknownBody(run, index)); continue; }
    if (lastExact.length === 1) { push(lastExact[0]); continue; }
    if (lastExact.length > 1) {
      const narrowed = place ? lastExact.filter((id) => inside(index, id, place)) : lastExact;
      if (narrowed.length === 1) push(narrowed[0]); else out.ambiguous = narrowed;
      continue;
    }
    if (within) places.push(run);
    else readPlace(run, index, aggregate, out, push);
  }
  // the deepest place first (射阳县 before 江苏省): it is the body, and a place holding it is its region
  const byDepth = places.map((run) => ({ run, place: placeOf(run, index) }))
    .sort((a, b) => (b.place?.path.length ?? 0) - (a.place?.path.length ?? 0));
  for (const { run, place } of byDepth) {
    if (place && out.bodies.some((id) => inside(index, id, place))) out.regions.push(place);
    else readPlace(run, index, aggregate, out, push);
  }
  return out;
}

/** The deepest place every one of some bodies lies in (their regions' common start), if any. */
function sharedPlace(ids: number[], index: BodyIndex): Place | undefined {
  const regions = ids.map((id) => index.byId(id)?.region ?? []);
  if (!regions.length) return undefined;
  let n = 0;
  while (n < regions[0].length && regions.every((r) => r[n] === regions[0][n])) n++;
  return n ? index.placeByPath(regions[0].slice(0, n)) ?? undefined : undefined;
}

/** The places a run of place words names, each inside the one before (福州市 鼓楼区), with bodies on file. */
function regionOfRun(run: Tok[], index: BodyIndex): Place[] | null {
  const placesOf = (t: Tok) => nameEntries(t).filter((e): e is { k: 'place'; place: Place } => e.k === 'place')
    .map((e) => e.place);
  if (!run.every((t) => placesOf(t).length)) return null;
  let cands = placesOf(run[0]);
  for (const t of run.slice(1)) {
    const under = placesOf(t).filter((p) => cands.some((c) => c.path.every((x, i) => p.path[i] === x)));
    if (!under.length) return null;
    cands = under;
  }
  const held = cands.filter((p) => index.hasBodiesIn(p));
  return held.length ? held : null;
}

/** A body is inside a place when its region runs through the place's own path (宝山区 of 双鸭山, not of 上海). */
const inside = (index: BodyIndex, id: number, place: Place) => {
  const region = index.byId(id)?.region ?? [];
  if (place.path.every((p, i) => region[i] === p)) return true;
  // a region path that starts lower down (a name the gazetteer placed only by its county)
  const at = region.indexOf(place.name);
  return at >= 0 && place.path.slice(0, -1).every((p) => !region.length || region.includes(p) || at === 0);
};

/** A run of places only: the body that speaks for the place, a region, or a place with nothing on file. */
function readPlace(run: Tok[], index: BodyIndex, aggregate: boolean, out: NameReading, push: (id: number) => void) {
  const entries = run.flatMap(nameEntries);
  const places = entries.filter((e): e is { k: 'place'; place: Place } => e.k === 'place').map((e) => e.place);
  const placeOnly = [...new Set(entries.filter((e) => e.k === 'body' && e.placeOnly)
    .map((e) => (e as { id: number }).id))];
  // 福州市鼓楼区 as one surface of its bodies: the place they share
  const place = placeOf(run, index) ?? places[0] ?? sharedPlace(placeOnly, index);
  // 鼓楼区 of 南京, 徐州, 福州 and 开封: a place name several places bear stands for the bodies of each
  const same = place ? places.filter((p) => p.name === place.name && p.level === place.level
    && index.hasBodiesIn(p)) : [];
  const cands = same.length > 1 && run.length === 1 ? same : place ? [place] : [];
  if (aggregate && cands.length > 1) { out.ambiguousPlaces.push(...cands); return; }
  if (aggregate && place) { out.regions.push(place); return; }
  const below = place ? cands.flatMap((p) => index.idsInPlace(p)) : placeOnly;
  const direct = [...new Set([...placeOnly.filter((id) => !place || cands.some((p) => inside(index, id, p))),
    ...cands.flatMap((p) => index.idsAt(p))])];
  // a bare place names its government or the government's office; a bureau needs its own name
  const govLike = direct.filter((id) => GOV_LIKE.test(index.restOf(id)));
  if (!direct.length) {
    if (place && below.length) out.regions.push(place); // 江苏省: the area, not one body
    else if (place) out.unknownPlaces.push(place);
  } else if (govLike.length === 1) push(govLike[0]);
  else if (govLike.length > 1) out.ambiguous = govLike; // a government and its office: ask which
  else if (direct.length === 1 && below.length <= 1) push(direct[0]);
  else if (place && below.length > direct.length) out.regions.push(place); // 广州市 with its bureaus and districts
  else out.ambiguous = direct;
}

/** Copy a reading into the frame. */
export function applyNames(f: Frame, r: NameReading): void {
  f.bodies.push(...r.bodies.filter((id) => !f.bodies.includes(id)));
  if (r.ambiguous) f.ambiguous = r.ambiguous;
  f.regions.push(...r.regions);
  f.ambiguousPlaces.push(...r.ambiguousPlaces);
  f.unknownPlaces.push(...r.unknownPlaces);
  f.unknownBodies.push(...r.unknownBodies);
}
