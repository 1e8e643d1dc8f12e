/** Intent → handler: one file each, registered here. */
import { combined } from '../answer.js';
import type { Frame, Intent } from '../frame.js';
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

/**
 * 番禺和洪泽的公开率和办结率, 洪泽历年新收申请和予以公开: a handler of one figure, asked several rates or several
 * figures (not added up, set apart or divided), answers each in turn rather than the first alone.
 */
const eachFigure = (one: Handler): Handler => (ctx, f) => {
  const rates = f.ratio && f.ratio !== 'share' ? [...new Set([f.ratio, ...f.ratios])] : [];
  const apart = !f.cues.some((c) => c === 'sum' || c === 'difference' || c === 'times');
  const frames: Frame[] = !apart ? []
    : rates.length > 1 ? rates.map((r) => ({ ...f, ratio: r, ratios: [r] }))
    : !f.ratio && f.metrics.length > 1 ? f.metrics.map((m) => ({ ...f, metrics: [m] })) : [];
  return frames.length ? combined(frames.map((x) => one(ctx, x))) : one(ctx, f);
};

/** 收到几件申请以及年报发布日期: the date, and the figure asked beside it (never the date alone). */
const withFigure = (one: Handler): Handler => (ctx, f) => {
  if (!f.metrics.length || !f.wantsNumber || f.bodies.length !== 1) return one(ctx, f);
  const figure: Frame = { ...f, intent: 'lookup', cues: f.cues.filter((c) => c !== 'published' && c !== 'report') };
  return combined([one(ctx, f), lookup(ctx, figure)]);
};

export const HANDLERS: Partial<Record<Intent, Handler>> = {
  help, list, rank, total, lookup, narrative, card, problems,
  compare: eachFigure(compare), change: eachFigure(change), trend: eachFigure(trend),
  audit: orAll(audit),
  published: withFigure(orAll(published)),
};
