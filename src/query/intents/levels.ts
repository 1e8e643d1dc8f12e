/**
 * 各区县, 各地市, 各乡镇街道, 各部门: a ranking or a total over one tier of bodies, not every body of the place.
 * The tier is the body's kind (orgWords) and, for governments, the level of the place it governs (gazetteer).
 */
import { gazetteer } from '../../domain/gazetteer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { TIER_OF, type Tier } from '../words/index.js';

/** How the answer names the tier: 广州市的区县政府. */
export const TIER_LABEL: Record<Tier, string> = {
  county: '区县政府', city: '地级市政府', town: '乡镇街道', street: '街道', township: '乡镇', department: '部门',
};

export const tierOf = (f: Frame): Tier | undefined => f.cues.map((c) => TIER_OF[c]).find(Boolean);

/**
 * The kinds of body of each tier. 各部门: departments, government offices and the public institutions that
 * report as departments do; a government tier is also told by the level of its place.
 */
export const TIER_KINDS: Record<Tier, string[]> = {
  county: ['government'], city: ['government'], town: ['township', 'street'], street: ['street'],
  township: ['township'],
  department: ['department', 'office', 'institution'],
};
/** Tiers the kind alone does not tell (a county's government from a city's). */
export const byPlace = (tier: Tier) => tier === 'county' || tier === 'city';

/** Whether a body is of the tier. */
export function inTier(b: BodyInfo | undefined, tier: Tier): boolean {
  if (!b || !TIER_KINDS[tier].includes(b.kind)) return false;
  return !byPlace(tier) || gazetteer().byPath(b.region)?.level === tier;
}

/** How an answer names what it ran over: 广州市各区县政府, 库中各部门, 广东省, or the fallback (库中各单位). */
export function overLabel(f: Frame, fallback: string): string {
  const places = f.regions.map((p) => p.name).join('、');
  const tier = tierOf(f);
  return tier ? `${places || '库中'}各${TIER_LABEL[tier]}` : places || fallback;
}
