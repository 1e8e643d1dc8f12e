/** Intent → handler: one file each, registered here. */
import type { Intent } from '../frame.js';
import type { Handler } from './common.js';
import { compare } from './compare.js';
import { help } from './help.js';
import { lookup } from './lookup.js';
import { narrative } from './narrative.js';
import { rank } from './rank.js';
import { audit, card, list, overAll, problems, published } from './reports.js';
import { change, trend } from './series.js';
import { total } from './total.js';

/** Audit and publication questions that name no body run over every report (of the region, of the year). */
const orAll = (one: Handler): Handler => (ctx, f) =>
  (!f.bodies.length && !f.ambiguous && !f.unknownPlaces.length && !f.unknownBodies.length
    ? overAll(ctx, f) : one(ctx, f));

export const HANDLERS: Partial<Record<Intent, Handler>> = {
  help, list, rank, total, compare, change, trend, lookup, narrative, card, problems,
  audit: orAll(audit),
  published: orAll(published),
};
