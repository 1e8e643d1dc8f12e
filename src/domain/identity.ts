/**
 * Which body a report belongs to. The same body named differently across years is one body; bodies whose place
 * is not certain are kept apart, never merged with a placed one.
 */
import { gazetteer, shortName } from './gazetteer.js';

export type PlacementStatus = 'placed' | 'ambiguous' | 'unknown';
export type EvidenceKind = 'name' | 'address' | 'postcode' | 'phone' | 'host' | 'source' | 'parent' | 'context';

/** One thing the report says about its place, and the candidate places it fits. */
export interface PlaceEvidence { kind: EvidenceKind; text: string; fits: string[][]; decided?: boolean }

/** How a body was placed, stored with it: the candidates of its name and the evidence that told them apart. */
export interface Placement {
  /** placed: one place; ambiguous: several places of the name, none certain; unknown: the name names no place. */
  status: PlacementStatus;
  /** The place words of the name (福州市鼓楼区, 鼓楼区), null when it names none. */
  named: string | null;
  candidates: string[][];
  evidence: PlaceEvidence[];
  /** Evidence that fits none of the candidates left (a wrong address, a misnamed body). */
  conflicts: PlaceEvidence[];
  /** Where the file came from (a site's host), when known: what keeps an unplaced body one across files. */
  source?: string;
}

/** Shown after the name of a body whose place is not certain. */
export const UNPLACED_MARK = '（地区未定）';

/** Ways of writing the same rest of a name (the part after the place), as data. */
const REST_FORMS: [RegExp, string][] = [
  [/^$/, '人民政府'], // 沭阳县 alone stands for its government
  [/^政府$/, '人民政府'],
  [/^(?:人民)?政府办(?:公室)?$/, '人民政府办公室'],
  [/^政府办公厅$/, '人民政府办公厅'],
];

/** The name without a trailing short form in brackets: 上海市科学技术委员会（市科委）. */
const bare = (org: string) => org.replace(/[（(][^）)]*[）)]$/, '');

/**
 * The part of a name that is not its place: 人民政府, 人民政府办公室, 发展和改革局, 办事处 (after a street), kept
 * with what stands before the place (国家税务总局…税务局).
 */
export function restOf(org: string, region: string[] | null): string {
  const name = bare(org);
  const read = gazetteer().readName(name);
  const deep = region?.at(-1);
  let before = '', after = name;
  if (read && (!deep || read.candidates.some((c) => c.path.at(-1) === deep))) {
    before = name.slice(0, read.start);
    after = name.slice(read.end);
  } else if (deep && name.lastIndexOf(deep) >= 0) {
    after = name.slice(name.lastIndexOf(deep) + deep.length);
  }
  for (const [re, to] of REST_FORMS) if (re.test(after)) { after = to; break; }
  return before ? `${before}…${after}` : after;
}

/**
 * Identity key. A placed body: its region path and the rest of its name, so 洪泽区人民政府 and 淮安市洪泽区人民政府
 * (both 江苏省/淮安市/洪泽区 + 人民政府) are one body, and 政府 / 政府办公室 / a department / a street stay apart. An
 * ambiguous one: its name and its source (`sourceId`, the file's hash, when no source is known), so it is one
 * body only with the same source. A name that names no place is its own key.
 */
export function bodyKey(org: string, region: string[] | null, placement?: Placement | null, sourceId?: string): string {
  if (region?.length) return `${region.join('/')}|${restOf(org, region)}`;
  if (placement?.status === 'ambiguous') {
    return `?${placement.named}|${restOf(org, null)}|${placement.source ?? sourceId ?? ''}`;
  }
  return bare(org);
}

/** The deepest place word and the rest: bodies that may be one body share it (鼓楼区|人民政府). */
export function bodyStem(org: string, region: string[] | null, placement?: Placement | null): string | null {
  const deep = region?.at(-1) ?? placement?.candidates[0]?.at(-1);
  return deep ? `${deep}|${restOf(org, region ?? placement?.candidates[0] ?? null)}` : null;
}

/**
 * The name a body is shown by: an unplaced one is marked （地区未定）; one whose place name is shared elsewhere
 * and whose printed name does not say where gets the place above it (鼓楼区人民政府 → 南京市鼓楼区人民政府).
 */
export function bodyName(org: string, region: string[] | null, placement?: Placement | null): string {
  if (!region?.length) return placement?.status === 'ambiguous' ? org + UNPLACED_MARK : org;
  if (!placement || placement.candidates.length < 2 || region.length < 2) return org;
  const above = region.slice(0, -1);
  if (above.some((p) => org.includes(p) || org.includes(shortName(p)))) return org;
  const deep = region.at(-1)!;
  const at = org.indexOf(placement.named ?? deep);
  return at >= 0 ? org.slice(0, at) + above.at(-1)! + org.slice(at) : above.at(-1)! + org;
}
