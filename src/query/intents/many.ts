/**
 * What rankings and totals share: the bodies a question runs over (a region's, the named ones, every body of the
 * year) and the year used, each body's figure (one cell, a metric or a rate), the fact a shown row states, and why
 * a body has no figure.
 */
import { answer, type Answer } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import type { ReportRef } from '../../store/store.js';
import { metric, metricKeys, RATIOS, singleCell } from '../metrics.js';
import { storedRateKey } from '../../domain/rates.js';
import { printedValue } from '../facts/values.js';
import { fact, inventory, value, warnings, type Ctx, type Fact } from './common.js';
import { byPlace, inTier, TIER_KINDS, TIER_LABEL, tierOf } from './levels.js';
import { rateCells, rateOf, ratioAnswer, ratioKeys, ratioValue } from './ratio.js';

export const SHOWN = 10;

/** Bodies a ranking or a total runs over (ids, with their names: read when needed), and the year used. */
export interface Pop { bodies: () => Named[]; year: number; note: string }

export function population(ctx: Ctx, f: Frame): Pop | { answer: Answer } {
  const named = f.bodies.length > 1 ? f.bodies : null;
  if (!named && f.regions.length && !f.regions.some((p) => ctx.index.hasBodiesIn(p))) {
    return { answer: answer('not_found', `${M.noBodiesIn(f.regions.map((p) => p.name))}\n${inventory(ctx)}`) };
  }
  let year = [...new Set(f.years)][0];
  let note = '';
  if (!year) {
    year = named ? Math.max(0, ...named.flatMap((id) => ctx.data.yearsOf(id)))
      : f.regions.length ? Math.max(0, ...f.regions.map((p) => ctx.index.latestYearIn(p))) : ctx.data.latestYear();
    note = M.yearAssumed(year);
  }
  // a region's bodies with a report of the year: one index join, not a look-up per body
  let ids = named ? named.filter((id) => ctx.data.report(id, year))
    : f.regions.length ? inRegions(ctx, f, year) : undefined;
  // 各区县, 各部门: the bodies of one tier only
  const tier = tierOf(f);
  if (tier) {
    const inIt = (id: number) => inTier(ctx.index.byId(id), tier);
    // every body of the year: those of the tier's kinds by SQL, then a government's place level
    ids = ids ? ids.filter(inIt) : ctx.data.bodiesOfYearOfKinds(year, TIER_KINDS[tier]).filter((id) => !byPlace(tier)
      || inIt(id));
  }
  if (ids && !ids.length && ctx.data.countOfYear(year)) {
    // reports of the year exist, none of the bodies or places asked about
    const who = named ? named.map((id) => ctx.index.byId(id)?.name ?? '')
      : [`${f.regions.map((p) => p.name).join('、')}${tier ? `的${TIER_LABEL[tier]}` : ''}`];
    return { answer: answer('not_found', `${M.noReportsOfYearIn(year, who)}\n${inventory(ctx)}`) };
  }
  if (ids ? !ids.length : !ctx.data.countOfYear(year)) {
    return {
      answer: answer('not_found', `${M.noReportsOfYear(year, year >= ctx.now.getUTCFullYear())}\n${inventory(ctx)}`),
    };
  }
  let bodies: Named[] | undefined;
  return { bodies: () => (bodies ??= ids ? withNames(ctx, ids) : wholeYear(ctx, year)), year, note };
}

const inRegions = (ctx: Ctx, f: Frame, year: number) =>
  [...new Set(f.regions.flatMap((p) => ctx.index.idsInPlaceOfYear(p, year)))].sort((a, b) => a - b);

function withNames(ctx: Ctx, ids: number[]): Named[] {
  const names = ctx.index.namesOf(ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}
/** Every body with a report of the year, named (read once until the reports change). */
export const wholeYear = (ctx: Ctx, year: number) =>
  ctx.data.memo(`bodies:${year}`, () => withNames(ctx, ctx.data.bodiesOfYear(year)));

/** A body of a ranking: its id and name (what a row and the file show; a shown row reads the body in full). */
export interface Named { id: number; name: string }

/** A body's figure in a ranking or a total: enough to order and add; what is shown is read again in full. */
export interface Row extends Named { reportId: number; year: number; value: number; label: string; unit: string }
/** The report of a row (read when shown). */
export const refOf = (ctx: Ctx, x: Row): ReportRef => ctx.data.report(x.id, x.year)!;

/** A rate or a share: a quotient of each report's cells, ranked and compared as such, never added up. */
export const isRate = (f: Frame) => Boolean(f.ratio);

/** From this many bodies on, a ranking or total is taken from the whole year's figures, computed once. */
const WHOLE_YEAR_FROM = 200;

/**
 * The metric (or rate) for every body of a population, and the bodies that have no figure. A large population
 * is read from the whole year's rows (kept until the reports change), a small one computed for itself; both the
 * same way, from a slice of the year's cells (one index range per cell, not each report's table).
 */
export function valuesOver(ctx: Ctx, f: Frame, pop: Pop): { rows: Row[]; none: Row[] } {
  const what = JSON.stringify(['rows', pop.year, f.ratio ?? null, f.metrics[0] ?? null, f.applicant ?? 'total']);
  // the whole year (every body, by id): one cell's values as SQLite reads them, else computed
  const whole = () => ctx.data.memo(what, () => {
    const sorted = rankedBySql(ctx, f, pop.year);
    const byId = (a: Row, b: Row) => a.id - b.id;
    return sorted ? { rows: sorted.rows.sort(byId), none: sorted.none }
      : computeRows(ctx, f, wholeYear(ctx, pop.year), pop.year);
  });
  if (!f.regions.length && f.bodies.length <= 1 && !tierOf(f)) return whole();
  if (pop.bodies().length < WHOLE_YEAR_FROM) return computeRows(ctx, f, pop.bodies(), pop.year);
  const all = ctx.data.memo(`${what}:byBody`, () => {
    const { rows, none } = whole();
    return { rows: new Map(rows.map((x) => [x.id, x])), none: new Map(none.map((x) => [x.id, x])) };
  });
  const rows: Row[] = [], none: Row[] = [];
  for (const b of pop.bodies()) {
    const x = all.rows.get(b.id);
    if (x) rows.push(x);
    else {
      const n = all.none.get(b.id);
      if (n) none.push(n);
    }
  }
  return { rows, none };
}

export function computeRows(ctx: Ctx, f: Frame, bodies: Named[], year: number): { rows: Row[]; none: Row[] } {
  const sliced: Ctx = { ...ctx, slice: ctx.data.slice(year, keysOf(f)) };
  const rows: Row[] = [], none: Row[] = [];
  // a metric that is one cell (most rankings): its value is the cell's, without the general reading
  const one = oneCell(f);
  const def = one ? metric(f.metrics[0])! : null;
  // a rate of one-cell operands (公开率): from the slice's cells, without the general reading of each
  const rate = isRate(f) ? rateCells(f) : null;
  for (const body of bodies) {
    const r = ctx.data.report(body.id, year)!;
    const add = (v: number | null, label: string, unit: string) => (v === null ? none : rows)
      .push({ id: body.id, name: body.name, reportId: r.id, year, value: v ?? 0, label, unit });
    if (one && def) add(printedValue(sliced.slice!.cell(one, r.id)), def.label, def.unit);
    else if (rate) add(rateOf(rate, (key) => printedValue(sliced.slice!.cell(key, r.id))), rate.label, '%');
    else if (isRate(f)) { const v = ratioValue(sliced, f, r); add(v.value, v.label, '%'); }
    else { const v = value(sliced, r, f.metrics[0], f.applicant); add(v.value, v.label, v.unit); }
  }
  return { rows, none };
}

/**
 * The fact a shown row states, read from the report's own cells with the lines they came from (value() reads the
 * metric's cells by primary key, without the slice).
 */
/** A row shown, as a fact, with the findings that touch its cells (named by the body). */
export function shownWithWarnings(ctx: Ctx, f: Frame, x: Row): { fact: Fact; warnings: string[] } {
  const r = refOf(ctx, x);
  const body = ctx.index.byId(x.id)!;
  const named = (ws: string[]) => ws.map((w) => `${body.name}：${w}`);
  if (isRate(f)) {
    const a = ratioAnswer(ctx, { ...f, bodies: [body.id] }, body, r, '');
    return { fact: a.facts[0] ?? shownFact(ctx, f, x), warnings: named(a.warnings) };
  }
  const v = value(ctx, r, f.metrics[0], f.applicant);
  const shown = v.value !== null ? fact(body, r, f.metrics[0], v, v.value, f.applicant) : shownFact(ctx, f, x);
  return { fact: shown, warnings: named(warnings(ctx, r, v.cells)) };
}

export function shownFact(ctx: Ctx, f: Frame, x: Row): Fact {
  const body = ctx.index.byId(x.id)!;
  const r = refOf(ctx, x);
  if (isRate(f)) {
    const a = ratioAnswer(ctx, { ...f, bodies: [body.id] }, body, r, '');
    if (a.facts[0]) return a.facts[0];
  } else {
    const v = value(ctx, r, f.metrics[0], f.applicant);
    if (v.value !== null) return fact(body, r, f.metrics[0], v, v.value, f.applicant);
  }
  // not reached while figures follow cells (their triggers): the whole table has no value either
  return fact(body, r, f.metrics[0] ?? f.ratio!, { value: x.value, cells: [], label: x.label, unit: x.unit });
}

/** A metric that is one cell of the table (most rankings and totals), or null. */
export const oneCell = (f: Frame) => (isRate(f) ? null : singleCell(f.metrics[0], f.applicant));

/** For a metric of one cell: the cell, and the row of a body's value of it as SQLite read it. */
export function cellRows(f: Frame, year: number) {
  const key = oneCell(f);
  const def = key ? metric(f.metrics[0]) : null;
  if (!key || !def) return null;
  const row = (id: number, name: string, reportId: number, value: number): Row =>
    ({ id, name, reportId, year, value, label: def.label, unit: def.unit });
  return { key, row };
}

/**
 * What SQLite ranks for a frame: one cell's rows, or a stored rate's (公开率 of the whole table, as the store keeps
 * it for each report: src/domain/rates.ts); else null (computed).
 */
export function rankRows(f: Frame, year: number) {
  const one = cellRows(f, year);
  if (one) return one;
  const def = f.ratio && f.ratio !== 'share' && rateCells(f) ? RATIOS[f.ratio] : null;
  const key = def ? storedRateKey(def.id) : null;
  if (!def || !key) return null;
  const row = (id: number, name: string, reportId: number, value: number): Row =>
    ({ id, name, reportId, year, value, label: def.label, unit: '%' });
  return { key, row };
}

/** Every body of the year with its value of one cell or a stored rate (by SQLite), and those without it after. */
export function rankedBySql(ctx: Ctx, f: Frame, year: number): { rows: Row[]; none: Row[] } | null {
  const one = rankRows(f, year);
  if (!one) return null;
  const { key, row } = one;
  const at = { key, year };
  const rows = ctx.data.figures.ranks.top(at, 'desc', -1).map(([id, reportId, v, name]) => row(id, name, reportId, v));
  const none = ctx.data.figures.ranks.unranked(at, rows.length, -1).rows
    .map(([id, reportId, name]) => row(id, name, reportId, 0));
  return { rows, none };
}

const keysOf = (f: Frame) => (isRate(f) ? ratioKeys(f) : metricKeys(f.metrics[0], f.applicant));

/** Why the first few bodies have no figure (read in full: the reason cites what the report prints). */
export function skippedText(ctx: Ctx, f: Frame, none: Row[], n = none.length): string {
  if (!none.length) return '';
  const names = none.slice(0, 10).map((x) =>
    (isRate(f) ? x.name : `${x.name}（${value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason}）`));
  return `\n${M.notCounted(names, n)}`;
}

/** The years a question names: listed, or a range (2023到2024年). */
export const namedYears = (f: Frame): number[] => {
  const ys = new Set(f.years);
  if (f.range) for (let y = f.range[0]; y <= f.range[1]; y++) ys.add(y);
  return [...ys].sort((a, b) => a - b);
};

