/**
 * A ranking's rows, as the answer uses them: the first rows in order, how many bodies are ranked, the first
 * bodies without a figure, where a named body stands, and the whole list for the file (made only when the file
 * is). One cell or a stored rate (公开率, src/domain/rates.ts) over a year or one region is read by SQLite (an
 * index range, the first rows by LIMIT, counts); another rate or a metric of several cells is computed for every
 * body and kept with the year's figures.
 */
import type { Frame } from '../frame.js';
import { regionKey } from '../../domain/bodyNames.js';
import type { RankScope } from '../../store/figuresRank.js';
import { value, type Ctx } from './common.js';
import { tierOf } from './levels.js';
import { computeRows, isRate, rankRows, valuesOver, type Pop, type Row } from './many.js';
import { ratioValue } from './ratio.js';

/** A body named in the question, in the ranking: its row and the bodies ahead of it; or why it is not. */
export type Standing = { at: Row; ahead: number } | { skipped: Row } | { outside: true } | { noReport: true };

export interface Ranking {
  /** The first rows in order (as many as asked for). */
  top: Row[];
  /** Bodies ranked. */
  n: number;
  /** The first bodies (by id) whose report has no figure, and how many there are. */
  none: Row[];
  noneN: number;
  standing(id: number): Standing;
  /** Every ranked body in order (for the file). */
  all(): Row[];
}

/** Bodies without a figure listed by name. */
const NONE_LISTED = 10;

/** The ranking of a frame over its population: by SQL when it can be, else computed. */
export function ranking(ctx: Ctx, f: Frame, pop: Pop, first: number): Ranking {
  return bySql(ctx, f, pop, first) ?? computed(ctx, f, pop, first);
}

const orderOf = (f: Frame) => (f.order === 'asc' ? 'asc' : 'desc');

/** One cell or a stored rate over every body of the year, or over one region's: SQLite orders, counts and places. */
function bySql(ctx: Ctx, f: Frame, pop: Pop, first: number): Ranking | null {
  const one = rankRows(f, pop.year);
  const place = f.regions[0];
  // named bodies (番禺和顺德谁多), several regions, or bodies known only in memory: computed
  // a tier (各区县) is a list of bodies: computed over it
  if (!one || f.bodies.length > 1 || f.regions.length > 1 || (place && ctx.index.partial) || tierOf(f)) return null;
  const { key, row } = one;
  const at: RankScope = { key, year: pop.year, region: place ? regionKey(place.path) : undefined };
  const ranks = ctx.data.figures.ranks;
  const order = orderOf(f);
  const toRow = ([id, reportId, v, name]: [number, number, number, string]) => row(id, name, reportId, v);
  const n = ranks.count(at);
  const none = ranks.unranked(at, n, NONE_LISTED);
  return {
    top: ranks.top(at, order, first).map(toRow), n,
    none: none.rows.map(([id, reportId, name]) => row(id, name, reportId, 0)), noneN: none.n,
    standing(id) {
      const r = ctx.data.report(id, pop.year);
      if (!r) return { noReport: true };
      const b = ctx.index.byId(id);
      if (at.region && !(b && regionKey(b.region).startsWith(at.region))) return { outside: true };
      const v = isRate(f) ? ratioValue(ctx, f, r) : value(ctx, r, f.metrics[0], f.applicant);
      const x = row(id, b?.name ?? '', r.id, v.value ?? 0);
      return v.value === null ? { skipped: x } : { at: x, ahead: ranks.ahead(at, order, v.value) };
    },
    all: () => ranks.top(at, order, -1).map(toRow),
  };
}

/** Every body's figure computed (a rate, a metric of several cells, named bodies), sorted in memory. */
function computed(ctx: Ctx, f: Frame, pop: Pop, first: number): Ranking {
  const whole = !f.regions.length && f.bodies.length <= 1 && !tierOf(f);
  const sorted = () => {
    const { rows, none } = whole ? computeRows(ctx, f, pop.bodies(), pop.year) : valuesOver(ctx, f, pop);
    rows.sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value) || a.reportId - b.reportId);
    return { rows, none };
  };
  const key = JSON.stringify(
    ['ranked', pop.year, f.ratio ?? null, f.metrics[0] ?? null, f.applicant ?? 'total', f.order]);
  // every body of a year in order is kept with the year's figures (asked again, nothing is redone)
  const { rows, none } = whole ? ctx.data.memo(key, sorted) : sorted();
  const asc = f.order === 'asc';
  return {
    top: rows.slice(0, first), n: rows.length, none: none.slice(0, NONE_LISTED), noneN: none.length,
    standing(id) {
      const at = rows.find((x) => x.id === id);
      if (at) return { at, ahead: rows.filter((x) => (asc ? x.value < at.value : x.value > at.value)).length };
      const skipped = none.find((x) => x.id === id);
      if (skipped) return { skipped };
      return ctx.data.report(id, pop.year) ? { outside: true } : { noReport: true };
    },
    all: () => rows,
  };
}

