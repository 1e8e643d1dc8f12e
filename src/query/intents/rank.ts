/**
 * Many bodies at once: a ranking (the top ten and how many there are, 前三名, 倒数, 从高到低) and a total over a
 * region or all bodies, each with its caveat (reports of governments may contain their departments').
 */
import { answer, fmt, sourceLine, type Answer, type AnswerTable } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import type { ReportRef } from '../../store/store.js';
import { metricKeys } from '../metrics.js';
import { fact, inventory, value, type Ctx, type Fact } from './common.js';
import { ratioAnswer, ratioKeys, ratioValue } from './ratio.js';

const SHOWN = 10;

/** Bodies a ranking or a total runs over, and the year used. */
function population(ctx: Ctx, f: Frame): { bodies: BodyInfo[]; year: number; note: string } | { answer: Answer } {
  let bodies = ctx.index.bodies;
  if (f.regions.length) bodies = f.regions.flatMap((p) => ctx.index.inPlace(p));
  if (f.bodies.length > 1) bodies = f.bodies.map((id) => ctx.index.byId(id)!);
  if (!bodies.length) {
    return { answer: answer('not_found', `${M.noBodiesIn(f.regions.map((p) => p.name))}\n${inventory(ctx)}`) };
  }
  let year = [...new Set(f.years)][0];
  let note = '';
  if (!year) {
    year = Math.max(0, ...bodies.flatMap((b) => b.years));
    note = M.yearAssumed(year);
  }
  const withReport = bodies.filter((b) => b.years.includes(year));
  if (!withReport.length) {
    return {
      answer: answer('not_found', `${M.noReportsOfYear(year, year >= ctx.now.getUTCFullYear())}\n${inventory(ctx)}`),
    };
  }
  return { bodies: withReport, year, note };
}

/** A body's figure in a ranking or a total: enough to order and add; what is shown is read again in full. */
interface Row { body: BodyInfo; r: ReportRef; value: number; label: string; unit: string }

const isRate = (f: Frame) => Boolean(f.ratio && f.ratio !== 'share');

/** From this many bodies on, a ranking or total is taken from the whole year's figures, computed once. */
const WHOLE_YEAR_FROM = 200;

/**
 * The metric (or rate) for every body of a population, and the bodies that have no figure. A large population
 * is read from the whole year's rows (kept until the reports change), a small one computed for itself; both the
 * same way, from a slice of the year's cells (one index range per cell, not each report's table).
 */
function valuesOver(ctx: Ctx, f: Frame, pop: { bodies: BodyInfo[]; year: number }): { rows: Row[]; none: Row[] } {
  if (pop.bodies.length < WHOLE_YEAR_FROM) return computeRows(ctx, f, pop.bodies, pop.year);
  const what = JSON.stringify(['rows', pop.year, f.ratio ?? null, f.metrics[0] ?? null, f.applicant ?? 'total']);
  const all = ctx.data.memo(what, () => {
    const { rows, none } = computeRows(ctx, f, ctx.index.bodies.filter((b) => b.years.includes(pop.year)), pop.year);
    const byBody = new Map<number, { x: Row; has: boolean }>();
    for (const x of rows) byBody.set(x.body.id, { x, has: true });
    for (const x of none) byBody.set(x.body.id, { x, has: false });
    return byBody;
  });
  const rows: Row[] = [], none: Row[] = [];
  for (const b of pop.bodies) {
    const e = all.get(b.id);
    if (e) (e.has ? rows : none).push(e.x);
  }
  return { rows, none };
}

function computeRows(ctx: Ctx, f: Frame, bodies: BodyInfo[], year: number): { rows: Row[]; none: Row[] } {
  const keys = isRate(f) ? ratioKeys(f) : metricKeys(f.metrics[0], f.applicant);
  const sliced: Ctx = { ...ctx, slice: ctx.data.slice(year, keys) };
  const rows: Row[] = [], none: Row[] = [];
  for (const body of bodies) {
    const r = ctx.data.report(body.id, year)!;
    if (isRate(f)) {
      const v = ratioValue(sliced, f, r);
      (v.value === null ? none : rows).push({ body, r, value: v.value ?? 0, label: v.label, unit: '%' });
      continue;
    }
    const v = value(sliced, r, f.metrics[0], f.applicant);
    (v.value === null ? none : rows).push({ body, r, value: v.value ?? 0, label: v.label, unit: v.unit });
  }
  return { rows, none };
}

/** The fact a shown row states, read from the report's own cells (with the line it came from). */
function shownFact(ctx: Ctx, f: Frame, x: Row): Fact {
  if (isRate(f)) {
    const a = ratioAnswer(ctx, { ...f, bodies: [x.body.id] }, x.body, x.r, '');
    return a.facts[0] ?? { ...fact(x.body, x.r, f.ratio!, { value: x.value, cells: [], label: x.label, unit: '%' }) };
  }
  const v = value(ctx, x.r, f.metrics[0], f.applicant);
  return fact(x.body, x.r, f.metrics[0], v, v.value ?? x.value, f.applicant);
}

/** Why the first few bodies have no figure (read in full: the reason cites what the report prints). */
function skippedText(ctx: Ctx, f: Frame, none: Row[]): string {
  if (!none.length) return '';
  const names = none.slice(0, 10).map((x) =>
    (isRate(f) ? x.body.name : `${x.body.name}（${value(ctx, x.r, f.metrics[0], f.applicant).reason}）`));
  return `\n${M.notCounted(names)}`;
}

export function rank(ctx: Ctx, f: Frame): Answer {
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const { rows, none } = valuesOver(ctx, f, pop);
  if (!rows.length) return answer('not_found', M.nothingToCompare(none.slice(0, 10).map((x) => x.body.name)));
  rows.sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value));
  const shown = rows.slice(0, f.topN ?? SHOWN).map((x) => shownFact(ctx, f, x));
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allBodies;
  const pct = shown[0].unit === '%';
  const most = pct ? (f.order === 'asc' ? '最低' : '最高') : (f.order === 'asc' ? '最少' : '最多');
  const head = M.rankHead(pop.year, region, shown[0].label, most, shown[0].org, fmt(shown[0].value, shown[0].unit),
    pop.note);
  const lines = shown.map((x, i) => `${i + 1}. ${x.org} ${fmt(x.value, x.unit)}`);
  const more = rows.length > shown.length ? `\n${M.rankMore(shown.length, rows.length)}${M.rankFile}` : '';
  const a = answer('answered',
    `${head}\n${lines.join('\n')}${more}${skippedText(ctx, f, none)}\n${M.rankCaveat}\n${sourceLine(shown[0])}`, shown);
  // the whole ranking as a file, when more bodies than are shown
  if (rows.length > shown.length) a.table = rankTable(pop.year, shown[0].label, rows);
  return a;
}

function rankTable(year: number, label: string, rows: Row[]): AnswerTable {
  const pct = rows[0].unit === '%';
  return {
    name: `${year}-${label}.csv`,
    header: ['名次', '单位', '年份', label, '计量单位'],
    rows: rows.map((x, i) =>
      [i + 1, x.body.name, x.r.year, pct ? Number((x.value * 100).toFixed(2)) : x.value, pct ? '%' : x.unit]),
  };
}

export function total(ctx: Ctx, f: Frame): Answer {
  if (isRate(f)) return rank(ctx, f); // a rate does not add up across bodies
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const { rows, none } = valuesOver(ctx, f, pop);
  if (!rows.length) {
    return answer('not_found', M.nothingToAdd(none.slice(0, 10).map((x) => `${x.body.name}（${
      value(ctx, x.r, f.metrics[0], f.applicant).reason}）`)));
  }
  const sum = rows.reduce((s, x) => s + x.value, 0);
  const shown = rows.slice(0, SHOWN).map((x) => shownFact(ctx, f, x));
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allReports;
  const t: Fact = { ...shown[0], org: region, metric: `sum:${shown[0].metric}`, label: `${shown[0].label}合计`,
    value: sum, excerpt: rows.slice(0, 20).map((x) => `${x.body.name} ${fmt(x.value, x.unit)}`).join('；') };
  const head = M.totalHead(pop.year, region, rows.length, shown[0].label, fmt(sum, shown[0].unit), pop.note);
  const lines = shown.map((p) => `· ${p.org} ${fmt(p.value, p.unit)}`);
  const more = rows.length > SHOWN ? `\n${M.rankMore(SHOWN, rows.length)}` : '';
  return answer('answered', `${head}\n${lines.join('\n')}${more}${skippedText(ctx, f, none)}\n${M.totalCaveat}`,
    [t, ...shown]);
}
