/**
 * The scope words of a ranking or a total (全国, 全省, 全市) made a region: around the body named, its
 * own province or city (番禺在全市排第几: among 广州市's bodies); with no body, the place named (广东全省);
 * 全国 is every body on file. 全省 with neither a body nor a place says which province is meant, never picks one.
 */
import { gazetteer, type Place } from '../../domain/gazetteer.js';
import { answer, type Answer } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { SCOPE_LEVEL } from '../words/index.js';
import type { Ctx } from './common.js';

const LEVEL_WORD = { province: '省', city: '市' } as const;

/** The place of `level` a body's region path lies in; a municipality (北京市) is its own city. */
function placeAt(path: string[], level: 'province' | 'city'): Place | undefined {
  const places = path.map((_, i) => gazetteer().byPath(path.slice(0, i + 1)));
  return places.find((p) => p?.level === level)
    ?? (level === 'city' && places[0] && places[1]?.level === 'county' ? places[0] : undefined);
}

/** The frame with its scope made a region (or none, for 全国), or the answer saying what is missing. */
export function withScope(ctx: Ctx, f: Frame): { frame: Frame } | { answer: Answer } {
  const level = f.cues.map((c) => SCOPE_LEVEL[c]).find(Boolean);
  if (!level) return { frame: f };
  if (level === 'country') return { frame: f.bodies.length === 1 ? { ...f, regions: [] } : f };
  if (f.bodies.length === 1 && !f.regions.length) {
    const b = ctx.index.byId(f.bodies[0]);
    const place = b ? placeAt(b.region, level) : undefined;
    if (!place) return { answer: answer('not_found', M.scopeUnknown(b?.name ?? '', LEVEL_WORD[level])) };
    return { frame: { ...f, regions: [place] } };
  }
  if (!f.bodies.length && !f.regions.length) return { answer: answer('not_found', M.scopeWhich(LEVEL_WORD[level])) };
  return { frame: f };
}
