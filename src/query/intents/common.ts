/** What every intent handler shares: the body and year a question is about, values, facts, the inventory. */
import type { CellRow, ReportRef } from '../../store/store.js';
import { answer, type Answer, type Fact } from '../answer.js';
import type { BodyIndex, BodyInfo } from '../bodies.js';
import type { ReportData } from '../facts/data.js';
import type { CellSlice } from '../facts/slice.js';
import { factOf, valueOf, warningsFor, type Value } from '../facts/values.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { metricKeys } from '../metrics.js';
import type { Applicant } from '../words/index.js';

/** `slice`: a few cells of every report of a year (a ranking, a total); values it covers are read from it. */
export interface Ctx { index: BodyIndex; data: ReportData; now: Date; slice?: CellSlice }
export type Handler = (ctx: Ctx, f: Frame) => Answer;

export const echo = (f: Frame) => f.guessed.map((g) => M.guessed(g.typed, g.name)).join('');
/** A metric of this many cells or fewer is read cell by cell before (if it has no value) the whole table. */
const BY_CELL_MAX = 12;

/**
 * A metric's value in a report: from the slice when one covers it (a ranking); else from the metric's own cells
 * (every alternative's, by primary key), which give what the whole table gives whenever there is a value; the
 * whole table only to say why there is none.
 */
export function value(ctx: Ctx, r: ReportRef, metricId: string, applicant?: Applicant): Value {
  const s = ctx.slice;
  const keys = metricKeys(metricId, applicant);
  // metricKeys gives one array per metric and column, so the slice remembers its answer by it
  if (s && s.year === r.year && s.covers(keys)) return valueOf(r, s.cells(r.id), metricId, applicant);
  if (keys.length && keys.length <= BY_CELL_MAX) {
    const v = valueOf(r, ctx.data.cellsFor(r.id, keys), metricId, applicant);
    if (v.value !== null) return v;
  }
  return valueOf(r, ctx.data.cells(r.id), metricId, applicant);
}
export const fact = factOf;
export const warnings = (ctx: Ctx, r: ReportRef, cells: CellRow[]) => warningsFor(ctx.data.findings(r.id), cells);

const INVENTORY_MAX = 8;
/** A few bodies on file (most reports first), never the whole inventory. */
export function inventory(ctx: Ctx): string {
  const on = ctx.index.mostReported(INVENTORY_MAX);
  if (!on.length) return M.emptyLibrary;
  const items = on.map((b) => `${b.name}（${b.years.join('、')}）`);
  return M.inventory(items, ctx.index.withReports() - items.length);
}

/** The body a single-body question is about, or the answer that says why there is none. */
export function whichBody(ctx: Ctx, f: Frame): { body: BodyInfo } | { answer: Answer } {
  // a name that fits several bodies is asked about, also beside a body that was clear: never dropped
  if (f.ambiguous) {
    const opts = f.ambiguous.map((id) => ctx.index.byId(id)!)
      .map((b) => ({ id: `body:${b.id}`, label: b.name, question: f.text }));
    return {
      answer: answer('clarify', `${M.whichOne}\n${opts.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`,
        [], [], opts),
    };
  }
  if (!f.bodies.length) {
    if (f.unknownPlaces.length) {
      return { answer: answer('not_found', `${M.noBodyReport(f.unknownPlaces[0].name)}\n${inventory(ctx)}`) };
    }
    if (f.intent === 'unknown' || (!f.metrics.length && !f.ratio && !f.keywords.length)) {
      return { answer: answer('unsupported', M.outOfScope) };
    }
    return { answer: answer('not_found', `${M.whichBody}\n${inventory(ctx)}`) };
  }
  return { body: ctx.index.byId(f.bodies[0])! };
}

/** Years for a body: given ones must be on file; none given → the latest on file. */
export function yearsFor(ctx: Ctx, f: Frame, body: BodyInfo): { years: number[]; note: string } | { answer: Answer } {
  const onFile = body.years;
  const thisYear = ctx.now.getUTCFullYear();
  if (!onFile.length) return { answer: answer('not_found', M.noneOnFile(body.name)) };
  let years = [...new Set(f.years)];
  if (f.range) years = onFile.filter((y) => y >= f.range![0] && y <= f.range![1]);
  else if (f.lastN) years = onFile.filter((y) => y >= thisYear - f.lastN! && y < thisYear);
  if (!years.length || f.latest) {
    if (f.range || f.lastN) return { answer: answer('not_found', M.noYearsInRange(body.name, onFile)) };
    const y = onFile[onFile.length - 1];
    return { years: [y], note: M.latestYear(y) };
  }
  // 上一份报告: the report on file nearest before (or after) the year counted from, when that year has none
  const step = f.nextReport;
  if (step && years.length === 1 && !onFile.includes(years[0])) {
    const from = years[0] - step;
    const near = onFile.filter((y) => (step < 0 ? y < from : y > from));
    if (near.length) {
      const y = step < 0 ? near[near.length - 1] : near[0];
      return { years: [y], note: M.nearestReport(from, y, step < 0) };
    }
  }
  const missing = years.filter((y) => !onFile.includes(y));
  if (missing.length) {
    const future = missing.filter((y) => y >= thisYear);
    return { answer: answer('not_found', M.noYears(body.name, missing, future, onFile)) };
  }
  return { years: years.sort((a, b) => a - b), note: '' };
}

export function reportFor(ctx: Ctx, f: Frame, body: BodyInfo): { r: ReportRef; note: string } | { answer: Answer } {
  const ys = yearsFor(ctx, f, body);
  if ('answer' in ys) return ys;
  return { r: ctx.data.report(body.id, ys.years[ys.years.length - 1])!, note: ys.note };
}

/** A single-body handler: the body and its report resolved first. */
export function withReport(fn: (ctx: Ctx, f: Frame, body: BodyInfo, r: ReportRef, note: string) => Answer): Handler {
  return (ctx, f) => {
    const who = whichBody(ctx, f);
    if ('answer' in who) return who.answer;
    const rr = reportFor(ctx, f, who.body);
    if ('answer' in rr) return rr.answer;
    return fn(ctx, f, who.body, rr.r, rr.note);
  };
}

export type { Fact, Value };
