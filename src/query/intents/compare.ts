/** Bodies side by side: one figure for two or more bodies (and their difference when asked), or report cards. */
import { answer, fmt, sourceLine, type Answer } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { CARD } from '../metrics.js';
import { fact, value, warnings, whichBody, yearsFor, type Ctx, type Fact } from './common.js';
import { ratioAnswer } from './ratio.js';
import { trend } from './series.js';
import type { ReportRef } from '../../store/store.js';

export function compare(ctx: Ctx, f: Frame): Answer {
  if (f.bodies.length <= 1) return trend(ctx, f);
  // one of the bodies named fits several: ask, rather than compare without it
  if (f.ambiguous) {
    const who = whichBody(ctx, f);
    if ('answer' in who) return who.answer;
  }
  const rows: Fact[] = [];
  const notes: string[] = [], warns: string[] = [];
  for (const id of f.bodies) {
    const body = ctx.index.byId(id)!;
    const ys = yearsFor(ctx, { ...f, years: f.years.slice(0, 1) }, body);
    if ('answer' in ys) { notes.push(ys.answer.text.split('\n')[0]); continue; }
    const r = ctx.data.report(id, ys.years[0])!;
    if (f.ratio) {
      const a = ratioAnswer(ctx, { ...f, bodies: [id] }, body, r, '');
      if (a.facts[0]) rows.push(a.facts[0]); else notes.push(a.text.split('\n')[0]);
      warns.push(...a.warnings.map((w) => `${body.name}：${w}`));
      continue;
    }
    const m = f.metrics[0];
    if (!m) return answer('not_found', M.whichFigure);
    const v = value(ctx, r, m, f.applicant);
    if (v.value === null) { notes.push(M.noValue(body.name, r.year, v.label, v.reason!)); continue; }
    rows.push(fact(body, r, m, v, v.value, f.applicant));
    warns.push(...warnings(ctx, r, v.cells).map((w) => `${body.name}：${w}`));
  }
  if (rows.length < 2) return answer('not_found', M.nothingToCompare(notes));
  if (f.order === 'desc') rows.sort((a, b) => b.value - a.value);
  if (f.order === 'asc') rows.sort((a, b) => a.value - b.value);
  // the first is more only when it is: equal figures are said to be equal
  const tie = rows.length > 1 && rows[0].value === rows[1].value && rows[0].unit === rows[1].unit;
  const head = tie ? M.compareEqual(rows.length) : M.compareHead(f.order ? rows[0].org : null, f.order === 'desc',
    rows[0].unit === '%');
  // 甲比乙多多少: the difference between the first two, after them
  const [a, b] = rows;
  const asksDiff = (f.cues.includes('difference') || f.cues.includes('change')) && rows.length === 2
    && a.unit === b.unit;
  const diff: Fact | null = asksDiff
    ? { ...a, metric: `difference:${a.metric}`, label: `${a.org}与${b.org}的${a.label}之差`,
      value: Math.abs(a.value - b.value) }
    : null;
  const diffLine = diff
    ? `\n${M.differs(diff.unit === '%' ? M.points((diff.value * 100).toFixed(2)) : fmt(diff.value, diff.unit))}`
    : '';
  // 一共多少 over several bodies or years: their sum, when they are counts of one unit (a rate does not add up)
  const adds = f.cues.includes('sum') && rows.every((x) => x.unit === a.unit) && a.unit !== '%';
  const sum: Fact | null = adds
    ? { ...a, org: rows.map((x) => x.org).filter((o, i, all) => all.indexOf(o) === i).join('、'),
      metric: `sum:${a.metric}`, label: `${a.label}合计`, value: rows.reduce((t, x) => t + x.value, 0) }
    : null;
  const sumLine = sum ? `\n${M.summed(fmt(sum.value, sum.unit))}` : '';
  // 甲是乙的几倍: in the order named, of two counts of one unit, never of a rate
  const times = f.cues.includes('times') && rows.length === 2 && a.unit === b.unit && a.unit !== '%' && b.value
    ? { ...a, metric: `times:${a.metric}`, label: `${a.org}${a.label}是${b.org}的倍数`, unit: '倍',
      value: Math.round((a.value / b.value) * 100) / 100 } : null;
  const timesLine = times ? `\n${M.timesOf(a.org, b.org, String(times.value), times.value !== a.value / b.value)}` : '';
  const lines = rows.map((x) => `· ${x.org} ${x.year} 年 ${fmt(x.value, x.unit)}`).join('\n');
  const said = notes.length ? `\n${notes.join('\n')}` : '';
  const text = `${head}（${rows[0].label}）：\n${lines}${diffLine}${sumLine}${timesLine}${said}`
    + `\n${rows.map(sourceLine).join('\n')}`;
  return answer('answered', text, [...rows, ...(diff ? [diff] : []), ...(sum ? [sum] : []), ...(times ? [times] : [])],
    warns);
}

/** /compare 甲 乙 [年份]: the report cards side by side. */
export function compareCards(ctx: Ctx, f: Frame): Answer {
  const cols: { body: BodyInfo; r: ReportRef }[] = [];
  for (const id of f.bodies.slice(0, 4)) {
    const body = ctx.index.byId(id)!;
    const ys = yearsFor(ctx, { ...f, years: f.years.slice(0, 1) }, body);
    if ('answer' in ys) return ys.answer;
    cols.push({ body, r: ctx.data.report(body.id, ys.years[ys.years.length - 1])! });
  }
  const facts: Fact[] = [];
  const lines = [M.compareCard(cols.map((c) => `${c.body.name}（${c.r.year}）`))];
  for (const item of CARD) {
    const vs = cols.map((c) => value(ctx, c.r, item.metric));
    if (vs.every((v) => v.value === null)) continue;
    lines.push(`· ${vs[0].label}：${vs.map((v) => (v.value === null ? '—' : fmt(v.value, v.unit))).join(' / ')}`);
    vs.forEach((v, i) => { if (v.value !== null) facts.push(fact(cols[i].body, cols[i].r, item.metric, v, v.value)); });
  }
  return answer('answered', lines.join('\n'), facts);
}
