/**
 * A ranking of many bodies (the top ten and how many there are, 前三名, 倒数, 从高到低; where a named body
 * stands), with its caveat (reports of governments may contain their departments') and the whole list as a file.
 */
import { answer, fmt, sourceLine, type Answer, type AnswerTable } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { value, whichBody, type Ctx, type Fact } from './common.js';
import {
  SHOWN, isRate, namedYears, population, refOf, shownFact, shownWithWarnings, skippedText, type Pop, type Row,
} from './many.js';
import { withScope } from './scope.js';
import { overLabel, tierOf } from './levels.js';
import { ranking, type Ranking } from './ranked.js';

export function rank(ctx: Ctx, f: Frame): Answer {
  // a ranking is of one year: of several named, the latest, and the answer says so
  const years = namedYears(f);
  if (years.length > 1) {
    const a = rank(ctx, { ...f, years: [years[years.length - 1]], range: undefined });
    return { ...a, text: `${M.rankOneYear(years)}\n${a.text}` };
  }
  // 南沙区排第几 with the government and its office on file: which one is asked about, never dropped
  if (f.ambiguous) {
    const w = whichBody(ctx, f);
    if ('answer' in w) return w.answer;
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
  const scoped = withScope(ctx, f);
  if ('answer' in scoped) return scoped.answer;
  return ranked(ctx, scoped.frame);
}

function ranked(ctx: Ctx, f: Frame): Answer {
  const pop = population(ctx, f);
  if ('answer' in pop) return pop.answer;
  const r = ranking(ctx, f, pop, Math.max(f.topN ?? SHOWN, f.nth ?? 0));
  if (!r.top.length) {
    const why = (x: Row) => (isRate(f) ? M.noRate : value(ctx, refOf(ctx, x), f.metrics[0], f.applicant).reason);
    const names = r.none.map((x) => `${x.name}（${why(x) ?? M.ownNoFigure}）`);
    return answer('not_found', M.nothingToCompare(names));
  }
  const read = r.top.slice(0, f.topN ?? SHOWN).map((x) => shownWithWarnings(ctx, f, x));
  const shown = read.map((x) => x.fact);
  // 武江、金林和协作办谁最多: among the bodies named, not every body on file
  const region = f.bodies.length > 1 ? M.namedBodies(f.bodies.length) : overLabel(f, M.allBodies);
  const pct = shown[0].unit === '%';
  const most = pct ? (f.order === 'asc' ? '最低' : '最高') : (f.order === 'asc' ? '最少' : '最多');
  if (f.nth && f.nth > r.n) return answer('not_found', M.nthBeyond(pop.year, f.nth, r.n));
  // 武江收到申请最多吗: a place with one body is no ranking (the body is not the most of all for it)
  const itsOwn = f.regions.length === 1 && !tierOf(f) && !f.cues.includes('all_bodies')
    && shown[0].org.includes(f.regions[0].name);
  if (r.n === 1 && itsOwn && !f.bodies.length) {
    return answer('not_found', M.rankOfOne(pop.year, region, shown[0].org));
  }
  const place = places(r.top);
  const nth = f.nth ? nthPlace(ctx, f, r, place, region, pop) : null;
  // equal first values are all first: none is named alone as the most
  const first = place.filter((p) => p === 1).length;
  const head = nth?.head ?? (first > 1
    ? M.rankHeadTie(pop.year, region, shown[0].label, most, shown.slice(0, Math.min(first, 3)).map((x) => x.org),
      first, first === r.top.length && r.n > r.top.length, fmt(shown[0].value, shown[0].unit), pop.note)
    : M.rankHead(pop.year, region, shown[0].label, most, shown[0].org, fmt(shown[0].value, shown[0].unit), pop.note));
  const lines = shown.map((x, i) => `${place[i]}. ${x.org} ${fmt(x.value, x.unit)}`);
  const more = r.n > shown.length ? `\n${M.rankMore(shown.length, r.n)}${M.rankFile}` : '';
  const own = f.bodies.length === 1 ? ownPlace(ctx, f, r, pop.year) : null;
  // the body at the place asked for first; a named body's own fact after the rows when it is not among them
  const lead = nth?.facts ?? [];
  const rows = [...lead, ...shown.filter((x) => !lead.some((y) => y.org === x.org))];
  const facts = own?.fact && !rows.some((x) => x.org === own.fact!.org) ? [...rows, own.fact] : rows;
  const skipped = skippedText(ctx, f, r.none, r.noneN);
  const source = sourceLine(lead[0] ?? own?.fact ?? shown[0]);
  const a = answer('answered', `${head}${own ? `\n${own.line}` : ''}\n${lines.join('\n')}${more}`
    + `${skipped}\n${M.rankCaveat}\n${source}`, facts, read.flatMap((x) => x.warnings));
  // the whole ranking as a file, when more bodies than are shown (its rows read when the file is made)
  if (r.n > shown.length) a.table = rankTable(pop.year, shown[0].label, r.all);
  // 它的… next: the body named first, or the one body at the place asked for (after a tie, none: which is asked)
  if (first === 1 && !f.nth) a.lead = r.top[0].id;
  if (nth?.ids.length === 1) a.lead = nth.ids[0];
  return a;
}

/**
 * Where the body the question names stands: its place (1 + the bodies ahead of it; equal values share a place)
 * among all ranked, and its fact; or why it is not ranked.
 */
function ownPlace(ctx: Ctx, f: Frame, r: Ranking, year: number): { line: string; fact?: Fact } {
  const id = f.bodies[0];
  const name = ctx.index.byId(id)?.name ?? '';
  const s = r.standing(id);
  if ('outside' in s) return { line: M.ownOutside(name, f.regions.map((p) => p.name)) };
  if ('noReport' in s) return { line: M.ownUnranked(name, year, M.ownNoReport) };
  if ('skipped' in s) {
    const why = (!isRate(f) && value(ctx, refOf(ctx, s.skipped), f.metrics[0], f.applicant).reason)
      || M.ownNoFigure;
    return { line: M.ownUnranked(name, year, why) };
  }
  const fact = shownFact(ctx, f, s.at);
  const line = M.ownRank(fact.org, s.ahead + 1, r.n, fmt(fact.value, fact.unit), f.order === 'asc');
  return { line, fact };
}

/**
 * The body (or the bodies, tied) at the place asked for (排名第二的是谁, 倒数第三名), as the answer's first line; or
 * the bodies tied at the place before it, when the tie skips it (1, 2, 2, 4 has no third).
 */
function nthPlace(ctx: Ctx, f: Frame, r: Ranking, place: number[], region: string, pop: Pop) {
  const n = f.nth!;
  const at = r.top.filter((_, i) => place[i] === n);
  if (!at.length) {
    const before = Math.max(...place.filter((p) => p < n));
    const tied = r.top.filter((_, i) => place[i] === before).map((x) => shownFact(ctx, f, x));
    return { head: M.nthTied(pop.year, n, before, tied.map((x) => x.org)), facts: tied, ids: [] };
  }
  const facts = at.map((x) => shownFact(ctx, f, x));
  const head = M.nthHead(pop.year, region, facts[0].label, n, f.order === 'asc', facts.map((x) => x.org),
    fmt(facts[0].value, facts[0].unit), pop.note);
  return { head, facts, ids: at.map((x) => x.id) };
}

/** The places of the first `n` rows: equal values share the place of the first of them (1, 2, 2, 4). */
function places(rows: Row[], n = rows.length): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i > 0 && rows[i].value === rows[i - 1].value ? out[i - 1] : i + 1);
  return out;
}

/** The whole ranking as a file: its rows are read and placed when the file is made, once. */
function rankTable(year: number, label: string, all: () => Row[]): AnswerTable {
  let rows: (string | number)[][] | undefined;
  const make = () => {
    const xs = all();
    const pct = xs[0]?.unit === '%';
    const place = places(xs);
    return xs.map((x, i) =>
      [place[i], x.name, x.year, pct ? Number((x.value * 100).toFixed(2)) : x.value, pct ? '%' : x.unit]);
  };
  return {
    name: `${year}-${label}.csv`,
    header: ['名次', '单位', '年份', label, '计量单位'],
    get rows() { return (rows ??= make()); },
  };
}
