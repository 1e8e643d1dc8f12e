/** One body over the years: a figure year by year (trend), and its change between two years (rates in points). */
import { answer, fmt, mean, sourceLine, type Answer } from '../answer.js';
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
    if (f.ratio) {
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

const asksFigure = (f: Frame) => f.metrics.length > 0 || !!f.ratio;

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
  if (f.cues.includes('average') && f.ratio) return answer('not_found', M.averageOfRate);
  const { facts, notes, warns } = series(ctx, f, body, years);
  if (!facts.length) return answer('not_found', `${body.name}：${notes.join('；')}`);
  if (f.cues.includes('average')) {
    const now = ctx.now.getUTCFullYear();
    const asked = f.range ? span(f.range[0], f.range[1]) : f.lastN ? span(now - f.lastN, now - 1) : years;
    const missing = asked.filter((y) => !years.includes(y));
    return averageOfYears(body, f, facts, [...missing.map((y) => M.noReportYear(y)), ...notes], warns);
  }
  const lines = facts.map((x, i) => {
    const prev = facts[i - 1];
    const d = prev ? x.value - prev.value : null;
    const pct = prev?.value && x.unit !== '%' ? `，${d! >= 0 ? '+' : ''}${((d! / prev.value) * 100).toFixed(1)}%` : '';
    return `· ${x.year} 年 ${fmt(x.value, x.unit)}`
      + `${d !== null ? `（${d >= 0 ? '+' : ''}${delta(d, x.unit)}${pct}）` : ''}`;
  });
  const tail = `${notes.length ? `\n${notes.join('\n')}` : ''}\n${facts.map(sourceLine).join('\n')}`;
  // 2023年和2024年加起来: the years' sum, said as such (of the years that have the figure)
  const sum = sumOfYears(f, facts);
  const summed = sum ? `\n${M.yearsTotal(facts.map((x) => x.year), fmt(sum.value, sum.unit))}` : '';
  const head = f.cues.includes('which_year') && f.order ? bestYears(body, f, facts) : '';
  const times = timesOfYears(f, facts);
  return answer('answered',
    `${head}${M.trendHead(body.name, facts[0].label)}${echo(f)}\n${lines.join('\n')}${summed}`
      + `${times ? `\n${times.line}` : ''}${tail}`,
    [...(sum ? [sum] : []), ...facts, ...(times ? [times.fact] : [])], warns);
}

/** 2024年是2023年的几倍: the first year named over the second, of counts of one unit (a rate has no 倍数). */
function timesOfYears(f: Frame, facts: Fact[]): { fact: Fact; line: string } | null {
  const counts = facts.every((x) => x.unit !== '%' && x.unit === facts[0].unit);
  if (!f.cues.includes('times') || facts.length !== 2 || !counts) return null;
  const named = [...new Set(f.years)];
  const [a, b] = named.length === 2 ? named.map((y) => facts.find((x) => x.year === y)) : [facts[1], facts[0]];
  if (!a || !b || !b.value) return null;
  const v = Math.round((a.value / b.value) * 100) / 100;
  const fact: Fact = { ...a, metric: `times:${a.metric}`, label: `${a.year}年是${b.year}年的倍数`, unit: '倍', value: v };
  return { fact, line: M.timesOf(`${a.year} 年`, `${b.year} 年`, String(v), v !== a.value / b.value) };
}

/** 哪一年最多: the years of the highest (or lowest) value, named before the years in order. */
function bestYears(body: BodyInfo, f: Frame, facts: Fact[]): string {
  const asc = f.order === 'asc';
  const best = facts.reduce((m, x) => (asc ? Math.min(m, x.value) : Math.max(m, x.value)), facts[0].value);
  const years = facts.filter((x) => x.value === best).map((x) => x.year);
  const pct = facts[0].unit === '%';
  const most = pct ? (asc ? '最低' : '最高') : (asc ? '最少' : '最多');
  return `${M.bestYears(body.name, facts[0].label, most, years, fmt(best, facts[0].unit), facts.length)}\n`;
}

function sumOfYears(f: Frame, facts: Fact[]): Fact | null {
  if (!f.wantsSum || facts.length < 2 || facts.some((x) => x.unit === '%' || x.unit !== facts[0].unit)) return null;
  const last = facts[facts.length - 1];
  return { ...last, metric: `sum:${last.metric}`, label: `${last.label}合计`,
    value: facts.reduce((s, x) => s + x.value, 0) };
}

const span = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);

/**
 * 近三年平均每年: the mean of the years that have the figure (each year and its line shown); a year without it
 * (or without a report) is said, and the mean is of the years that have it.
 */
function averageOfYears(body: BodyInfo, f: Frame, facts: Fact[], notes: string[], warns: string[]): Answer {
  const sum = facts.reduce((s, x) => s + x.value, 0);
  const m = mean(sum, facts.length);
  const unit = facts[0].unit;
  const avg: Fact = { ...facts[facts.length - 1], metric: `avg:${facts[0].metric}`, label: `${facts[0].label}年平均`,
    value: m.value };
  const line = M.yearsAverage(facts.map((x) => x.year), fmt(m.value, unit), fmt(sum, unit), m.rounded);
  const each = facts.map((x) => `· ${x.year} 年 ${fmt(x.value, x.unit)}`).join('\n');
  const tail = `${notes.length ? `\n${notes.join('\n')}` : ''}\n${facts.map(sourceLine).join('\n')}`;
  return answer('answered', `${M.trendHead(body.name, facts[0].label)}${echo(f)}\n${line}\n${each}${tail}`,
    [avg, ...facts], warns);
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
