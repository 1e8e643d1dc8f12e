/**
 * One body, one year: the figures asked for, each on its own line with where it stands in the report; added
 * up only when the question asks for a sum, and never across units; a group with its rows when asked 各多少.
 */
import type { ReportRef } from '../../store/store.js';
import { answer, combined, fmt, sourceLine, type Answer } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { GROUP_ROWS } from '../metrics.js';
import { echo, fact, value, warnings, withReport, yearsFor, type Ctx, type Fact } from './common.js';
import { ratioAnswer } from './ratio.js';
import { trend } from './series.js';
import { whereOf } from './where.js';

function lookupOne(ctx: Ctx, f: Frame, body: BodyInfo, r: ReportRef, note: string): Answer {
  // 办结率和公开率: each rate, one after the other
  if (f.ratio && f.ratio !== 'share' && f.ratios.length > 1) {
    // 诉讼纠错率: the rate the frame read (of litigation), not the word's own (of review)
    const litigation = f.parts.groups.some((g) => g !== 'review');
    const rates = [...new Set(f.ratios.map((x) =>
      (x === 'review_correction_rate' && litigation ? 'litigation_correction_rate' as const : x)))];
    return combined(rates.map((x) => ratioAnswer(ctx, { ...f, ratio: x }, body, r, note)));
  }
  // 自然人和企业的公开率: the rate of each column named
  if (f.ratio && f.ratio !== 'share' && f.applicants.length > 1) {
    return combined(f.applicants.map((a) => ratioAnswer(ctx, { ...f, applicant: a, applicants: [a] }, body, r, note)));
  }
  if (f.ratio) return ratioAnswer(ctx, f, body, r, note);
  const group = f.cues.includes('each') && f.metrics.length === 1 && GROUP_ROWS[f.metrics[0]];
  const ids = group ? [f.metrics[0], ...GROUP_ROWS[f.metrics[0]](r, ctx.data.cells(r.id))] : f.metrics;
  // several columns named: each column of each figure is a figure of its own
  const cols = f.applicants.length > 1 ? f.applicants : [f.applicant];
  const values = ids.flatMap((m) => cols.map((col) => ({ id: m, col, v: value(ctx, r, m, col) })));
  const missing = values.find((x) => x.v.value === null);
  if (missing) {
    return answer('not_found', `${M.noValue(body.name, r.year, missing.v.label, missing.v.reason!)}${echo(f)}`);
  }
  const facts = values.map((x) => fact(body, r, x.id, x.v, x.v.value!, x.col));
  const warn = warnings(ctx, r, values.flatMap((x) => x.v.cells));
  const where = (x: Fact) => M.answered(whereOf(x.metric, (x.column as never) ?? f.applicant, r.format));
  const sources = [...new Set(facts.map(sourceLine))].slice(0, 6).join('\n');
  if (group) {
    const [head, ...parts] = facts;
    // 最多的原因: the parts in order, the largest first
    const rows = f.order ? [...parts].sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value))
      : parts;
    const lines = rows.map((x) => `· ${x.label} ${fmt(x.value, x.unit)}`);
    const text = `${M.groupHead(body.name, r.year, head.label, fmt(head.value, head.unit))}${note}${echo(f)}`
      + `\n${lines.join('\n')}\n${sources}`;
    return answer('answered', text, facts, warn);
  }
  if (facts.length === 1) {
    const x = facts[0];
    const text = `${M.lookup(body.name, r.year, x.label, fmt(x.value, x.unit))}${note}${echo(f)}${where(x)}`
      + `\n${sourceLine(x)}`;
    return answer('answered', text, facts, warn);
  }
  // several figures: each on its own line; a sum only when asked for, and only in one unit
  const lines = facts.map((x) => `· ${x.label} ${fmt(x.value, x.unit)}${where(x)}`);
  const units = new Set(facts.map((x) => x.unit));
  // 新收和结转合计，办结多少，结转下年多少: the sum is one clause's, not of every figure the question names
  const oneClause = !/[，,；;。？?]./.test(f.text.replace(/[？?。]+$/, ''));
  if (f.wantsSum && units.size === 1 && (oneClause || facts.length <= 2)) {
    const sum = facts.reduce((s, x) => s + x.value, 0);
    const label = facts.map((x) => x.label).join(' + ');
    const total: Fact = { ...facts[0], metric: facts.map((x) => x.metric).join('+'), label, value: sum,
      excerpt: facts.map((x) => x.excerpt).join(' / ') };
    const text = `${M.sum(body.name, r.year, label, fmt(sum, facts[0].unit))}${note}${echo(f)}`
      + `\n${lines.join('\n')}\n${sources}`;
    return answer('answered', text, [total, ...facts], warn);
  }
  // 办结数和新收数差多少: the first named less the second, said with both
  if (f.cues.includes('difference') && facts.length === 2 && units.size === 1 && facts[0].unit !== '%') {
    const [a, b] = facts;
    const d = a.value - b.value;
    const diff: Fact = { ...a, metric: `difference:${a.metric}-${b.metric}`, label: `${a.label}与${b.label}之差`,
      value: d };
    const head = M.diffOfTwo(body.name, r.year, a.label, b.label, d >= 0, fmt(Math.abs(d), a.unit));
    const text = `${head}${note}${echo(f)}`
      + `\n${lines.join('\n')}\n${sources}`;
    return answer('answered', text, [diff, ...facts], warn);
  }
  const why = !f.wantsSum ? '' : units.size > 1 ? M.noSumAcrossUnits : M.noSumAcrossClauses;
  const head = `${M.several(body.name, r.year)}${note}${echo(f)}${why}`;
  return answer('answered', `${head}\n${lines.join('\n')}\n${sources}`, facts, warn);
}

export function lookup(ctx: Ctx, f: Frame): Answer {
  return withReport((c, fr, body, r, note) => {
    const ys = yearsFor(c, fr, body);
    if (!('answer' in ys) && ys.years.length > 1) return trend(c, fr);
    return lookupOne(c, fr, body, r, note);
  })(ctx, f);
}
