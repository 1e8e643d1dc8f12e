/** A total of one figure over a region or every body, per year and over several years, with its caveat. */
import { answer, combined, fmt, mean, type Answer } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { regionKey } from '../../domain/bodyNames.js';
import { value, type Ctx, type Fact } from './common.js';
import {
  SHOWN, cellRows, isRate, namedYears, population, refOf, shownWithWarnings, skippedText, valuesOver, type Row,
} from './many.js';
import { overLabel, tierOf } from './levels.js';
import { rank } from './rank.js';
import { withScope } from './scope.js';

/**
 * A total of one cell over every report of the year or of one region, by SQLite: count and sum, and the first
 * bodies with and without the cell (by id); null for a metric of several cells, or several regions or bodies.
 */
function totalBySql(ctx: Ctx, f: Frame, year: number): { n: number; sum: number; rows: Row[]; none: Row[] } | null {
  const one = cellRows(f, year);
  // bodies known only in memory (a read-only database) are not in the index a region is read from
  if (!one || f.bodies.length > 1 || f.regions.length > 1 || (f.regions.length && ctx.index.partial)
    || tierOf(f)) return null;
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

/** A total over several years: each year's total, and their sum said as such (never one year for all). */
function totalOfYears(ctx: Ctx, f: Frame, years: number[]): Answer {
  const each = years.map((y) => total(ctx, { ...f, years: [y], range: undefined }));
  const sums = each.map((a) => a.facts[0]).filter((x): x is Fact => Boolean(x));
  // averages of several years are said year by year, never added up
  const all = !averaged(f) && sums.length === years.length && sums.every((x) => x.unit === sums[0].unit)
    ? `\n${M.yearsTotal(years, fmt(sums.reduce((s, x) => s + x.value, 0), sums[0].unit))}` : '';
  return combined(each, all);
}

const averaged = (f: Frame) => f.cues.includes('average');

export function total(ctx: Ctx, f: Frame): Answer {
  if (isRate(f) && averaged(f)) return answer('not_found', M.averageOfRate);
  // a rate does not add up across bodies: each body's, in order, said so
  if (isRate(f)) {
    const a = rank(ctx, f);
    return a.status === 'answered' ? { ...a, text: `${M.rateOfEach}\n${a.text}` } : a;
  }
  const named = namedYears(f);
  // 历年所有单位…合计: each year on file, and their sum (not the latest year alone)
  const years = !named.length && f.cues.includes('trend') ? ctx.data.years() : named;
  if (years.length > 1) return totalOfYears(ctx, f, years);
  const scoped = withScope(ctx, f);
  if ('answer' in scoped) return scoped.answer;
  return totalOf(ctx, scoped.frame);
}

function totalOf(ctx: Ctx, f: Frame): Answer {
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const bySql = totalBySql(ctx, f, pop.year);
  const { rows, none } = bySql ?? valuesOver(ctx, f, pop);
  if (!rows.length) {
    return answer('not_found', M.nothingToAdd(none.slice(0, 10).map((x) => `${x.name}（${
      value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason}）`)));
  }
  const { n, sum } = bySql ?? { n: rows.length, sum: rows.reduce((s, x) => s + x.value, 0) };
  const read = rows.slice(0, SHOWN).map((x) => shownWithWarnings(ctx, f, x));
  const shown = read.map((x) => x.fact);
  const warns = read.flatMap((x) => x.warnings);
  const region = overLabel(f, M.allReports);
  const t: Fact = { ...shown[0], org: region, metric: `sum:${shown[0].metric}`, label: `${shown[0].label}合计`,
    value: sum, excerpt: rows.slice(0, EXCERPT).map((x) => `${x.name} ${fmt(x.value, x.unit)}`).join('；') };
  const lines = shown.map((p) => `· ${p.org} ${fmt(p.value, p.unit)}`);
  const more = n > SHOWN ? `\n${M.rankMore(SHOWN, n)}` : '';
  const body = `${lines.join('\n')}${more}${skippedText(ctx, f, none)}`;
  if (averaged(f)) {
    const m = mean(sum, n);
    const avg: Fact = { ...t, metric: `avg:${shown[0].metric}`, label: `${shown[0].label}平均`, value: m.value };
    const head = M.averageHead(pop.year, region, n, shown[0].label, fmt(m.value, shown[0].unit),
      fmt(sum, shown[0].unit), m.rounded, pop.note);
    return answer('answered', `${head}\n${body}\n${M.averageCaveat}`, [avg, t, ...shown], warns);
  }
  const head = M.totalHead(pop.year, region, n, shown[0].label, fmt(sum, shown[0].unit), pop.note);
  return answer('answered', `${head}\n${body}\n${M.totalCaveat}`, [t, ...shown], warns);
}
