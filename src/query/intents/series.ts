/** One body over the years: a figure year by year (trend), and its change between two years (rates in points). */
import { answer, fmt, sourceLine, type Answer } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { echo, fact, value, warnings, whichBody, yearsFor, type Ctx, type Fact } from './common.js';
import { ratioAnswer } from './ratio.js';

/** A difference: in the figure's unit, or in percentage points between two rates. */
export const delta = (d: number, unit: string) => (unit === '%' ? M.points((d * 100).toFixed(2)) : fmt(d, unit));

/** The figure (or rate) in each year, and the years without it and why. */
export function series(ctx: Ctx, f: Frame, body: BodyInfo, years: number[]):
  { facts: Fact[]; notes: string[]; warns: string[] } {
  const facts: Fact[] = [], notes: string[] = [], warns: string[] = [];
  for (const y of years) {
    const r = ctx.data.report(body.id, y)!;
    if (f.ratio && f.ratio !== 'share') {
      const a = ratioAnswer(ctx, { ...f, bodies: [body.id] }, body, r, '');
      if (a.facts[0]) facts.push(a.facts[0]); else notes.push(`${y} 年：${a.text.split('\n')[0]}`);
      warns.push(...a.warnings.map((w) => `${y} 年：${w}`));
      continue;
    }
    const v = value(ctx, r, f.metrics[0], f.applicant);
    if (v.value === null) { notes.push(`${y} 年：${v.reason}`); continue; }
    facts.push(fact(body, r, f.metrics[0], v, v.value, f.applicant));
    // a figure whose row does not add up says so in every answer it is in, not only in a look-up
    warns.push(...warnings(ctx, r, v.cells).map((w) => `${y} 年：${w}`));
  }
  return { facts, notes, warns };
}

const asksFigure = (f: Frame) => f.metrics.length > 0 || (!!f.ratio && f.ratio !== 'share');

export function trend(ctx: Ctx, f: Frame): Answer {
  const who = whichBody(ctx, f);
  if ('answer' in who) return who.answer;
  const body = who.body;
  if (!asksFigure(f)) return answer('not_found', M.whichFigure);
  let years = body.years;
  if (f.years.length || f.range || f.lastN) {
    const ys = yearsFor(ctx, f, body);
    if ('answer' in ys) return ys.answer;
    years = ys.years;
  }
  const { facts, notes, warns } = series(ctx, f, body, years);
  if (!facts.length) return answer('not_found', `${body.name}：${notes.join('；')}`);
  const lines = facts.map((x, i) => {
    const prev = facts[i - 1];
    const d = prev ? x.value - prev.value : null;
    const pct = prev?.value && x.unit !== '%' ? `，${d! >= 0 ? '+' : ''}${((d! / prev.value) * 100).toFixed(1)}%` : '';
    return `· ${x.year} 年 ${fmt(x.value, x.unit)}`
      + `${d !== null ? `（${d >= 0 ? '+' : ''}${delta(d, x.unit)}${pct}）` : ''}`;
  });
  const tail = `${notes.length ? `\n${notes.join('\n')}` : ''}\n${facts.map(sourceLine).join('\n')}`;
  return answer('answered', `${M.trendHead(body.name, facts[0].label)}${echo(f)}\n${lines.join('\n')}${tail}`, facts,
    warns);
}

export function change(ctx: Ctx, f: Frame): Answer {
  const who = whichBody(ctx, f);
  if ('answer' in who) return who.answer;
  const body = who.body;
  if (!asksFigure(f)) return answer('not_found', M.whichFigure);
  const given = [...new Set(f.years)].sort((a, b) => a - b);
  let years: number[];
  if (given.length >= 2) years = [given[0], given[given.length - 1]];
  else {
    const last = given[0] ?? body.years[body.years.length - 1];
    years = [last - 1, last];
  }
  const ys = yearsFor(ctx, { ...f, years, ctxYears: [], range: undefined, lastN: undefined, latest: false }, body);
  if ('answer' in ys) return ys.answer;
  const { facts, notes, warns } = series(ctx, f, body, ys.years);
  if (facts.length < 2) return answer('not_found', `${body.name}：${notes.join('；')}`);
  const [a, b] = [facts[0], facts[facts.length - 1]];
  const d = b.value - a.value;
  const pct = a.value && b.unit !== '%' ? `，${d >= 0 ? '增长' : '下降'} ${Math.abs((d / a.value) * 100).toFixed(1)}%` : '';
  const diff: Fact = { ...b, metric: `change:${b.metric}`, label: `${b.label}（${b.year} 年较 ${a.year} 年）变化`, value: d };
  const text = M.changeLine(body.name, b.label, b.year, fmt(b.value, b.unit), a.year, fmt(a.value, a.unit), d >= 0,
    delta(Math.abs(d), b.unit), pct);
  return answer('answered', `${text}${echo(f)}\n${[b, a].map(sourceLine).join('\n')}`, [diff, b, a], warns);
}
