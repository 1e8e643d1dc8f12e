/**
 * Many bodies at once: a ranking (the top ten and how many there are, 前三名, 倒数, 从高到低) and a total over a
 * region or all bodies, each with its caveat (reports of governments may contain their departments').
 */
import { answer, fmt, sourceLine, type Answer, type AnswerTable } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import type { ReportRef } from '../../store/store.js';
import { metric, metricKeys, singleCell } from '../metrics.js';
import { regionKey } from '../../domain/bodyNames.js';
import { printedValue } from '../facts/values.js';
import { fact, inventory, value, type Ctx, type Fact } from './common.js';
import { ratioAnswer, ratioKeys, ratioValue } from './ratio.js';

const SHOWN = 10;

/** Bodies a ranking or a total runs over (ids, with their names: read when needed), and the year used. */
interface Pop { bodies: () => Named[]; year: number; note: string }

function population(ctx: Ctx, f: Frame): Pop | { answer: Answer } {
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
  const ids = named ? named.filter((id) => ctx.data.report(id, year))
    : f.regions.length ? inRegions(ctx, f, year) : undefined;
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
const wholeYear = (ctx: Ctx, year: number) =>
  ctx.data.memo(`bodies:${year}`, () => withNames(ctx, ctx.data.bodiesOfYear(year)));

/** A body of a ranking: its id and name (what a row and the file show; a shown row reads the body in full). */
interface Named { id: number; name: string }

/** A body's figure in a ranking or a total: enough to order and add; what is shown is read again in full. */
interface Row extends Named { reportId: number; year: number; value: number; label: string; unit: string }
/** The report of a row (read when shown). */
const refOf = (ctx: Ctx, x: Row): ReportRef => ctx.data.report(x.id, x.year)!;

const isRate = (f: Frame) => Boolean(f.ratio && f.ratio !== 'share');

/** From this many bodies on, a ranking or total is taken from the whole year's figures, computed once. */
const WHOLE_YEAR_FROM = 200;

/**
 * The metric (or rate) for every body of a population, and the bodies that have no figure. A large population
 * is read from the whole year's rows (kept until the reports change), a small one computed for itself; both the
 * same way, from a slice of the year's cells (one index range per cell, not each report's table).
 */
function valuesOver(ctx: Ctx, f: Frame, pop: Pop): { rows: Row[]; none: Row[] } {
  const what = JSON.stringify(['rows', pop.year, f.ratio ?? null, f.metrics[0] ?? null, f.applicant ?? 'total']);
  // the whole year (every body, by id): one cell's values as SQLite reads them, else computed
  const whole = () => ctx.data.memo(what, () => {
    const sorted = rankedBySql(ctx, f, pop.year);
    const byId = (a: Row, b: Row) => a.id - b.id;
    return sorted ? { rows: sorted.rows.sort(byId), none: sorted.none }
      : computeRows(ctx, f, wholeYear(ctx, pop.year), pop.year);
  });
  if (!f.regions.length && f.bodies.length <= 1) return whole();
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

function computeRows(ctx: Ctx, f: Frame, bodies: Named[], year: number): { rows: Row[]; none: Row[] } {
  const sliced: Ctx = { ...ctx, slice: ctx.data.slice(year, keysOf(f)) };
  const rows: Row[] = [], none: Row[] = [];
  // a metric that is one cell (most rankings): its value is the cell's, without the general reading
  const one = oneCell(f);
  const def = one ? metric(f.metrics[0])! : null;
  for (const body of bodies) {
    const r = ctx.data.report(body.id, year)!;
    const add = (v: number | null, label: string, unit: string) => (v === null ? none : rows)
      .push({ id: body.id, name: body.name, reportId: r.id, year, value: v ?? 0, label, unit });
    if (one && def) add(printedValue(sliced.slice!.cell(one, r.id)), def.label, def.unit);
    else if (isRate(f)) { const v = ratioValue(sliced, f, r); add(v.value, v.label, '%'); }
    else { const v = value(sliced, r, f.metrics[0], f.applicant); add(v.value, v.label, v.unit); }
  }
  return { rows, none };
}

/**
 * The fact a shown row states, read from the report's own cells with the lines they came from (value() reads the
 * metric's cells by primary key, without the slice).
 */
function shownFact(ctx: Ctx, f: Frame, x: Row): Fact {
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
const oneCell = (f: Frame) => (isRate(f) ? null : singleCell(f.metrics[0], f.applicant));

/** For a metric of one cell: the cell, and the row of a body's value of it as SQLite read it. */
function cellRows(f: Frame, year: number) {
  const key = oneCell(f);
  const def = key ? metric(f.metrics[0]) : null;
  if (!key || !def) return null;
  const row = (id: number, name: string, reportId: number, value: number): Row =>
    ({ id, name, reportId, year, value, label: def.label, unit: def.unit });
  return { key, row };
}

/** Every body of the year ranked by one cell, ordered by SQLite; the bodies without a printed value after. */
function rankedBySql(ctx: Ctx, f: Frame, year: number): { rows: Row[]; none: Row[] } | null {
  const one = cellRows(f, year);
  if (!one) return null;
  const { key, row } = one;
  const order = f.order === 'asc' ? 'asc' : 'desc';
  const ranked = ctx.data.figures.ranked(key, year, order);
  const names = ctx.index.namesOf(ranked.map((x) => x[0]));
  const rows = ranked.map(([id, reportId, v]) => row(id, names.get(id) ?? '', reportId, v));
  // the bodies without the cell, read only when the year has more reports than printed values
  const none = ctx.data.countOfYear(year) === rows.length ? []
    : ctx.data.figures.unprinted(key, year).map(([id, reportId, name]) => row(id, name, reportId, 0));
  return { rows, none };
}

const keysOf = (f: Frame) => (isRate(f) ? ratioKeys(f) : metricKeys(f.metrics[0], f.applicant));

/** Why the first few bodies have no figure (read in full: the reason cites what the report prints). */
function skippedText(ctx: Ctx, f: Frame, none: Row[]): string {
  if (!none.length) return '';
  const names = none.slice(0, 10).map((x) =>
    (isRate(f) ? x.name : `${x.name}（${value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason}）`));
  return `\n${M.notCounted(names)}`;
}

export function rank(ctx: Ctx, f: Frame): Answer {
  // a ranking is of one year: of several named, the latest, and the answer says so
  const years = namedYears(f);
  if (years.length > 1) {
    const a = rank(ctx, { ...f, years: [years[years.length - 1]], range: undefined });
    return { ...a, text: `${M.rankOneYear(years)}\n${a.text}` };
  }
  // 广州市排第几: a place is no body of its own; its bodies can be ranked
  if (f.cues.includes('position') && f.bodies.length !== 1) {
    return answer('not_found', M.positionOfWhich(f.regions.map((p) => p.name)));
  }
  // a figure of the prose (网站访问量): each report words it its own way, nothing to rank it by; no figure at all:
  // which one is meant
  if (!f.metrics.length && !f.ratio) {
    return answer('unsupported', f.keywords.length ? M.rankNeedsTable : M.rankWhichFigure);
  }
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const whole = !f.regions.length && f.bodies.length <= 1;
  const ordered = () => {
    // every body of the year and one cell: SQLite orders the year's printed values (an index range)
    const sorted = whole ? rankedBySql(ctx, f, pop.year) : null;
    if (sorted) return { ...sorted, tables: new Map<string, AnswerTable>() };
    const { rows, none } = whole ? computeRows(ctx, f, pop.bodies(), pop.year) : valuesOver(ctx, f, pop);
    rows.sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value));
    return { rows, none, tables: new Map<string, AnswerTable>() };
  };
  // every body of a year, in order, and its file are kept with the year's figures (asked again, nothing is redone)
  const key = JSON.stringify(
    ['ranked', pop.year, f.ratio ?? null, f.metrics[0] ?? null, f.applicant ?? 'total', f.order]);
  const { rows, none, tables } = whole ? ctx.data.memo(key, ordered) : ordered();
  if (!rows.length) {
    const why = (x: Row) => (isRate(f) ? M.noRate : value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason);
    const names = none.slice(0, 10).map((x) => `${x.name}（${why(x) ?? M.ownNoFigure}）`);
    return answer('not_found', M.nothingToCompare(names));
  }
  const shown = rows.slice(0, f.topN ?? SHOWN).map((x) => shownFact(ctx, f, x));
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allBodies;
  const pct = shown[0].unit === '%';
  const most = pct ? (f.order === 'asc' ? '最低' : '最高') : (f.order === 'asc' ? '最少' : '最多');
  const head = M.rankHead(pop.year, region, shown[0].label, most, shown[0].org, fmt(shown[0].value, shown[0].unit),
    pop.note);
  const place = places(rows, shown.length);
  const lines = shown.map((x, i) => `${place[i]}. ${x.org} ${fmt(x.value, x.unit)}`);
  const more = rows.length > shown.length ? `\n${M.rankMore(shown.length, rows.length)}${M.rankFile}` : '';
  const own = f.bodies.length === 1 ? ownPlace(ctx, f, rows, none, pop.year) : null;
  const facts = own?.fact && !shown.some((x) => x.org === own.fact!.org) ? [...shown, own.fact] : shown;
  const a = answer('answered', `${head}${own ? `\n${own.line}` : ''}\n${lines.join('\n')}${more}`
    + `${skippedText(ctx, f, none)}\n${M.rankCaveat}\n${sourceLine(own?.fact ?? shown[0])}`, facts);
  // the whole ranking as a file, when more bodies than are shown
  if (rows.length > shown.length) {
    const label = shown[0].label;
    a.table = tables.get(label) ?? rankTable(pop.year, label, rows);
    tables.set(label, a.table);
  }
  return a;
}

/**
 * Where the body the question names stands: its place (1 + the bodies ahead of it; equal values share a place)
 * among all ranked, and its fact; or why it is not ranked.
 */
function ownPlace(ctx: Ctx, f: Frame, rows: Row[], none: Row[], year: number): { line: string; fact?: Fact } {
  const id = f.bodies[0];
  const name = ctx.index.byId(id)?.name ?? '';
  const at = rows.find((x) => x.id === id);
  if (!at) {
    const skipped = none.find((x) => x.id === id);
    if (!skipped && ctx.data.report(id, year)) return { line: M.ownOutside(name, f.regions.map((p) => p.name)) };
    const why = !skipped ? M.ownNoReport
      : (!isRate(f) && value(ctx, refOf(ctx, skipped), f.metrics[0], f.applicant).reason) || M.ownNoFigure;
    return { line: M.ownUnranked(name, year, why) };
  }
  const ahead = rows.filter((x) => (f.order === 'asc' ? x.value < at.value : x.value > at.value)).length;
  const fact = shownFact(ctx, f, at);
  const line = M.ownRank(fact.org, ahead + 1, rows.length, fmt(fact.value, fact.unit), f.order === 'asc');
  return { line, fact };
}

/** The places of the first `n` rows: equal values share the place of the first of them (1, 2, 2, 4). */
function places(rows: Row[], n = rows.length): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i > 0 && rows[i].value === rows[i - 1].value ? out[i - 1] : i + 1);
  return out;
}

function rankTable(year: number, label: string, rows: Row[]): AnswerTable {
  const pct = rows[0].unit === '%';
  const place = places(rows);
  return {
    name: `${year}-${label}.csv`,
    header: ['名次', '单位', '年份', label, '计量单位'],
    rows: rows.map((x, i) =>
      [place[i], x.name, x.year, pct ? Number((x.value * 100).toFixed(2)) : x.value, pct ? '%' : x.unit]),
  };
}

/**
 * A total of one cell over every report of the year or of one region, by SQLite: count and sum, and the first
 * bodies with and without the cell (by id); null for a metric of several cells, or several regions or bodies.
 */
function totalBySql(ctx: Ctx, f: Frame, year: number): { n: number; sum: number; rows: Row[]; none: Row[] } | null {
  const one = cellRows(f, year);
  // bodies known only in memory (a read-only database) are not in the index a region is read from
  if (!one || f.bodies.length > 1 || f.regions.length > 1 || (f.regions.length && ctx.index.partial)) return null;
  const { key, row } = one;
  const region = f.regions[0] ? regionKey(f.regions[0].path) : undefined;
  const t = ctx.data.figures.totals.total(key, year, region, EXCERPT);
  return {
    n: t.n, sum: t.sum, rows: t.printed.map(([id, reportId, v, name]) => row(id, name, reportId, v)),
    none: t.absent.map(([id, reportId, name]) => row(id, name, reportId, 0)),
  };
}
/** Bodies named in a total's excerpt. */
const EXCERPT = 20;

/** The years a question names: listed, or a range (2023到2024年). */
const namedYears = (f: Frame): number[] => {
  const ys = new Set(f.years);
  if (f.range) for (let y = f.range[0]; y <= f.range[1]; y++) ys.add(y);
  return [...ys].sort((a, b) => a - b);
};

/** A total over several years: each year's total, and their sum said as such (never one year for all). */
function totalOfYears(ctx: Ctx, f: Frame, years: number[]): Answer {
  const each = years.map((y) => total(ctx, { ...f, years: [y], range: undefined }));
  const sums = each.map((a) => a.facts[0]).filter((x): x is Fact => Boolean(x));
  const all = sums.length === years.length && sums.every((x) => x.unit === sums[0].unit)
    ? `\n${M.yearsTotal(years, fmt(sums.reduce((s, x) => s + x.value, 0), sums[0].unit))}` : '';
  const status = each.some((a) => a.status === 'answered') ? 'answered' : each[0].status;
  return answer(status, `${each.map((a) => a.text).join('\n\n')}${all}`, each.flatMap((a) => a.facts));
}

export function total(ctx: Ctx, f: Frame): Answer {
  if (isRate(f)) return rank(ctx, f); // a rate does not add up across bodies
  const years = namedYears(f);
  if (years.length > 1) return totalOfYears(ctx, f, years);
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const bySql = totalBySql(ctx, f, pop.year);
  const { rows, none } = bySql ?? valuesOver(ctx, f, pop);
  if (!rows.length) {
    return answer('not_found', M.nothingToAdd(none.slice(0, 10).map((x) => `${x.name}（${
      value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason}）`)));
  }
  const { n, sum } = bySql ?? { n: rows.length, sum: rows.reduce((s, x) => s + x.value, 0) };
  const shown = rows.slice(0, SHOWN).map((x) => shownFact(ctx, f, x));
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allReports;
  const t: Fact = { ...shown[0], org: region, metric: `sum:${shown[0].metric}`, label: `${shown[0].label}合计`,
    value: sum, excerpt: rows.slice(0, EXCERPT).map((x) => `${x.name} ${fmt(x.value, x.unit)}`).join('；') };
  const head = M.totalHead(pop.year, region, n, shown[0].label, fmt(sum, shown[0].unit), pop.note);
  const lines = shown.map((p) => `· ${p.org} ${fmt(p.value, p.unit)}`);
  const more = n > SHOWN ? `\n${M.rankMore(SHOWN, n)}` : '';
  return answer('answered', `${head}\n${lines.join('\n')}${more}${skippedText(ctx, f, none)}\n${M.totalCaveat}`,
    [t, ...shown]);
}
