/**
 * What /subscribe 全部 | 机关 | 地区 names, resolved like questions: bodies on file by name, alias or short form,
 * places through the gazetteer (any level, same-name places offered to choose), typing mistakes offered with
 * buttons, and a body not on file yet subscribed by its name. Pure: the bodies are passed in.
 */
import Fuse from 'fuse.js';
import { classifyBody } from '../domain/bodyKinds.js';
import { gazetteer, type Place } from '../domain/gazetteer.js';
import { ALL, bodyKey, nameKey, nameVariants, normalName, regionKey } from './keys.js';
import { WORDS } from './messages.js';

export interface SubBody { id: number; name: string; aliases: string[]; region: string[]; years: number[] }
export interface Target { kind: 'all' | 'body' | 'region' | 'name'; key: string; label: string }
export type Resolution =
  | { status: 'one'; target: Target }
  | { status: 'choose'; options: Target[]; why: 'ambiguous' | 'typo' }
  | { status: 'none' };

export const ALL_WORDS = ['全部', '所有', '全部报告', '所有报告', '所有单位', '全部单位', 'all'];
/** At most this many buttons for a choice. */
export const MAX_OPTIONS = 8;
const FUZZY_THRESHOLD = 0.35;

export const allTarget: Target = { kind: 'all', key: ALL, label: WORDS.allReports };
export const bodyTarget = (b: Pick<SubBody, 'id' | 'name'>): Target =>
  ({ kind: 'body', key: bodyKey(b.id), label: b.name });
export const regionTarget = (path: string[]): Target =>
  ({ kind: 'region', key: regionKey(path), label: path.join(' › ') });
export const nameTarget = (name: string): Target => ({ kind: 'name', key: nameKey(name), label: normalName(name) });

/** Places the whole text names: a place by full or short name, a path of places, a town. */
function placesNamed(t: string): Place[] {
  const g = gazetteer();
  const direct = g.lookup(t);
  if (direct.length) return direct;
  const read = g.readName(t);
  if (read && read.start === 0 && read.end === t.length) return read.candidates;
  return /(镇|乡|街道|苏木)$/.test(t) ? g.lookupTown(t) : [];
}

const uniq = (ts: Target[]) => [...new Map(ts.map((t) => [t.key, t])).values()].slice(0, MAX_OPTIONS);

/** A name of a body (an organisation word, or a place's government) rather than a word of chatter. */
const looksLikeBody = (t: string) => t.length >= 3 && classifyBody(t).by !== 'none';

function typos(t: string, bodies: SubBody[]): Target[] {
  const out: Target[] = [];
  if (t.length >= 3) {
    const fuse = new Fuse(bodies, {
      keys: ['name', 'aliases'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true,
    });
    for (const r of fuse.search(t, { limit: 5 })) out.push(bodyTarget(r.item));
  }
  const fixed = gazetteer().correct(t, '');
  if (fixed) for (const p of placesNamed(t.replace(fixed.from, fixed.to))) out.push(regionTarget(p.path));
  return out;
}

export function resolveTarget(text: string, bodies: SubBody[]): Resolution {
  const t = normalName(text);
  if (!t) return { status: 'none' };
  if (ALL_WORDS.includes(t.toLowerCase())) return { status: 'one', target: allTarget };
  const named = bodies.filter((b) => nameVariants(b).includes(t)).map(bodyTarget);
  const onFile = (p: Place) => bodies.some((b) => p.path.every((x, i) => b.region[i] === x));
  const places = placesNamed(t).sort((a, b) => Number(onFile(b)) - Number(onFile(a))).map((p) => regionTarget(p.path));
  const found = uniq([...named, ...places]);
  if (found.length === 1) return { status: 'one', target: found[0] };
  if (found.length > 1) return { status: 'choose', options: found, why: 'ambiguous' };
  const guesses = typos(t, bodies);
  const byName = looksLikeBody(t) ? [nameTarget(t)] : [];
  if (guesses.length) return { status: 'choose', options: uniq([...guesses, ...byName]), why: 'typo' };
  if (byName.length) return { status: 'one', target: byName[0] };
  return { status: 'none' };
}

/** Option words in the argument of /subscribe, as data: 只看审核发现, 只看逾期, 静默. */
export const OPTION_WORDS: { re: RegExp; set: { mode?: 'all' | 'findings' | 'late'; silent?: boolean } }[] = [
  { re: /只?看?(有)?(审核)?(问题|发现)(的)?(报告)?/g, set: { mode: 'findings' } },
  { re: /只?看?(逾期|迟交|晚交)(的)?(报告)?/g, set: { mode: 'late' } },
  { re: /每份(新)?(报告)?/g, set: { mode: 'all' } },
  { re: /静默|静音|免打扰|不要?提醒声?/g, set: { silent: true } },
];

/** The target text and the options the argument of /subscribe gives. */
export function parseSubscribeArg(arg: string): { text: string; mode?: 'all' | 'findings' | 'late'; silent?: boolean } {
  let text = arg;
  const out: { mode?: 'all' | 'findings' | 'late'; silent?: boolean } = {};
  for (const w of OPTION_WORDS) {
    if (!new RegExp(w.re.source).test(text)) continue;
    Object.assign(out, w.set);
    text = text.replace(w.re, ' ');
  }
  return { text: text.replace(/[\s,，、；;]+/g, ' ').trim(), ...out };
}
