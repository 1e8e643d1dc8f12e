/**
 * Many bodies at once: a ranking (the top ten and how many there are, 前三名, 倒数, 从高到低) and a total over a
 * region or all bodies, each with its caveat (reports of governments may contain their departments').
 */
import { answer, fmt, sourceLine, type Answer, type AnswerTable } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { fact, inventory, value, type Ctx, type Fact } from './common.js';
import { ratioAnswer } from './ratio.js';

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

/** The metric (or rate) for every body of a population, and who had no figure and why. */
function valuesOver(
  ctx: Ctx, f: Frame, pop: { bodies: BodyInfo[]; year: number },
): { facts: Fact[]; skipped: string[] } {
  const facts: Fact[] = [];
  const skipped: string[] = [];
  for (const b of pop.bodies) {
    const r = ctx.data.report(b.id, pop.year)!;
    if (f.ratio && f.ratio !== 'share') {
      const a = ratioAnswer(ctx, { ...f, bodies: [b.id] }, b, r, '');
      if (a.facts[0]) facts.push(a.facts[0]); else skipped.push(b.name);
      continue;
    }
    const v = value(ctx, r, f.metrics[0], f.applicant);
    if (v.value === null) skipped.push(`${b.name}（${v.reason}）`);
    else facts.push(fact(b, r, f.metrics[0], v, v.value, f.applicant));
  }
  return { facts, skipped };
}

export function rank(ctx: Ctx, f: Frame): Answer {
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const { facts: rows, skipped } = valuesOver(ctx, f, pop);
  if (!rows.length) return answer('not_found', M.nothingToCompare(skipped));
  rows.sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value));
  const shown = rows.slice(0, f.topN ?? SHOWN);
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allBodies;
  const pct = shown[0].unit === '%';
  const most = pct ? (f.order === 'asc' ? '最低' : '最高') : (f.order === 'asc' ? '最少' : '最多');
  const head = M.rankHead(pop.year, region, shown[0].label, most, shown[0].org, fmt(shown[0].value, shown[0].unit),
    pop.note);
  const lines = shown.map((x, i) => `${i + 1}. ${x.org} ${fmt(x.value, x.unit)}`);
  const more = rows.length > shown.length ? `\n${M.rankMore(shown.length, rows.length)}${M.rankFile}` : '';
  const skip = skipped.length ? `\n${M.notCounted(skipped.slice(0, 10))}` : '';
  const a = answer('answered', `${head}\n${lines.join('\n')}${more}${skip}\n${M.rankCaveat}\n${sourceLine(shown[0])}`,
    shown);
  // the whole ranking as a file, when more bodies than are shown
  if (rows.length > shown.length) a.table = rankTable(pop.year, rows);
  return a;
}

function rankTable(year: number, rows: Fact[]): AnswerTable {
  const pct = rows[0].unit === '%';
  return {
    name: `${year}-${rows[0].label}.csv`,
    header: ['名次', '单位', '年份', rows[0].label, '计量单位'],
    rows: rows.map((x, i) => [i + 1, x.org, x.year, pct ? Number((x.value * 100).toFixed(2)) : x.value, pct ? '%' : x.unit]),
  };
}

export function total(ctx: Ctx, f: Frame): Answer {
  if (f.ratio && f.ratio !== 'share') return rank(ctx, f); // a rate does not add up across bodies
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const { facts: parts, skipped } = valuesOver(ctx, f, pop);
  if (!parts.length) return answer('not_found', M.nothingToAdd(skipped));
  const sum = parts.reduce((s, x) => s + x.value, 0);
  const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : M.allReports;
  const t: Fact = { ...parts[0], org: region, metric: `sum:${parts[0].metric}`, label: `${parts[0].label}合计`,
    value: sum, excerpt: parts.slice(0, 20).map((p) => `${p.org} ${fmt(p.value, p.unit)}`).join('；') };
  const head = M.totalHead(pop.year, region, parts.length, parts[0].label, fmt(sum, parts[0].unit), pop.note);
  const lines = parts.slice(0, SHOWN).map((p) => `· ${p.org} ${fmt(p.value, p.unit)}`);
  const more = parts.length > SHOWN ? `\n${M.rankMore(SHOWN, parts.length)}` : '';
  const skip = skipped.length ? `\n${M.notCounted(skipped.slice(0, 10))}` : '';
  return answer('answered', `${head}\n${lines.join('\n')}${more}${skip}\n${M.totalCaveat}`, [t, ...parts]);
}
