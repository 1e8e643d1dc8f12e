/**
 * Questions about reports rather than figures: what is on file, what the audit found, when a report was
 * published and whether that met its legal deadline, the problems it names, its report card.
 */
import { deadlineFor, deadlineSummary } from '../../domain/bodyKinds.js';
import type { ReportRef } from '../../store/store.js';
import { answer, fmt, type Answer } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { CARD } from '../metrics.js';
import { absentCardLine } from '../missing.js';
import { fact, inventory, value, withReport, type Ctx, type Fact } from './common.js';
import { ratioAnswer } from './ratio.js';
import type { TableId } from '../../domain/template.js';

export function list(ctx: Ctx, f: Frame): Answer {
  const years = [...new Set(f.years)];
  // the reports of those years (all when none), read at once and grouped by body
  const byBody = new Map<number, number[]>();
  const named = new Set(f.bodies);
  for (const r of ctx.data.reports(years)) {
    if (named.size && !named.has(r.body_id)) continue;
    const ys = byBody.get(r.body_id);
    if (ys) ys.push(r.year); else byBody.set(r.body_id, [r.year]);
  }
  const yearsOf = (id: number) => byBody.get(id) ?? [];
  const bodies = [...byBody.keys()];
  if (!bodies.length) return answer('not_found', `${M.noReportsFor(years)}\n${inventory(ctx)}`);
  const lines = bodies.slice(0, 50).map((id) => ctx.index.byId(id)!)
    .map((b) => `· ${b.name}：${yearsOf(b.id).join('、')} 年${b.region.length ? `（${b.region.join(' › ')}）` : ''}`);
  const count = bodies.reduce((n, id) => n + yearsOf(id).length, 0);
  const more = bodies.length > 50 ? `\n${M.rankMore(50, bodies.length)}` : '';
  return answer('answered', `${M.listHead(years, bodies.length, count)}\n${lines.join('\n')}${more}`);
}

export const audit = withReport((ctx, _f, body, r, note) => {
  const all = ctx.data.findings(r.id);
  const serious = all.filter((x) => x.severity !== 'info');
  if (!serious.length) {
    return answer('answered',
      `${M.auditClean(body.name, r.year, note)}${all.length ? `\n${M.auditNotes(all.map((x) => x.message))}` : ''}`);
  }
  const lines = serious.map((x, i) =>
    `${i + 1}. ${x.message}${x.excerpt ? `\n   原文：「${x.excerpt}」${x.page ? `（第${x.page}页）` : ''}` : ''}`);
  return answer('answered', `${M.auditFound(body.name, r.year, note, serious.length)}\n${lines.join('\n')}`);
});

/** Every report on file (in the region, of the year): findings, or publication against the deadline. */
export function overAll(ctx: Ctx, f: Frame): Answer {
  const inRegion = f.regions.length ? new Set(f.regions.flatMap((p) => ctx.index.idsInPlace(p))) : null;
  const years = new Set(f.years);
  const reports = ctx.data.reports([...years]).filter((r) => !inRegion || inRegion.has(r.body_id));
  if (!reports.length) return answer('not_found', `${M.noMatchingReports}\n${inventory(ctx)}`);
  const name = (r: ReportRef) => `${ctx.index.byId(r.body_id)?.name ?? ''} ${r.year} 年`;
  if (f.intent === 'published') {
    const state = (r: ReportRef) => {
      const d = deadlineFor(ctx.index.byId(r.body_id)?.name ?? '', r.year);
      if (!r.published) return { late: false, none: true, text: M.publishedNoDate };
      const late = r.published > d.date;
      return {
        late, none: false, text: late ? M.publishedLate(r.published, d.rule, d.date) : M.publishedOnTime(r.published),
      };
    };
    if (f.cues.includes('no_date')) {
      return answer('answered', M.noDateList(reports.filter((r) => state(r).none).map(name)));
    }
    // the reports that print no date are said apart: whether they were late cannot be told
    if (f.cues.includes('late')) {
      const undated = reports.filter((r) => state(r).none).length;
      return answer('answered', `${M.lateList(reports.filter((r) => state(r).late).map(name))}`
        + `${undated ? `\n${M.lateUnknown(undated, reports.length)}` : ''}`);
    }
    const lines = reports.map((r) => `· ${name(r)}：${state(r).text}`);
    return answer('answered', `${M.publishedAll(deadlineSummary())}\n${lines.join('\n')}`);
  }
  const rows = reports.map((r) => ({ r, n: ctx.data.findings(r.id).filter((x) => x.severity !== 'info') }));
  const bad = rows.filter((x) => x.n.length);
  const lines = bad.map((x) =>
    `· ${name(x.r)}：${x.n.length} 个问题——${x.n.map((m) => m.message).join('；').slice(0, 160)}`);
  const ok = rows.filter((x) => !x.n.length).map((x) => name(x.r));
  const clean = ok.length ? `\n${M.auditAllClean(ok)}` : '';
  return answer('answered',
    `${M.auditAll(rows.length, bad.length)}\n${lines.join('\n') || '（无）'}${clean}\n${M.auditAllHint}`);
}

export const published = withReport((_ctx, _f, body, r, note) => {
  const d = deadlineFor(body.name, r.year);
  const limit = M.limit(d.rule, d.date);
  if (!r.published) return answer('answered', M.publishedNone(body.name, r.year, note, limit));
  const verdict = r.published <= d.date ? M.onTime(limit) : M.late(limit);
  return answer('answered', M.publishedOne(body.name, r.year, note, r.published, verdict));
});

export const problems = withReport((ctx, _f, body, r, note) => {
  const ps = ctx.data.passages(r.id).filter((p) => p.section === 'problems');
  if (!ps.length) return answer('not_found', M.problemsNone(body.name, r.year));
  const where = `（${r.source_file}${ps[0].page ? ` 第${ps[0].page}页` : ''}）`;
  return answer('answered', `${M.problems(body.name, r.year, note)}\n${ps.map((p) => p.text).join('\n')}\n${where}`);
});

export const card = withReport((ctx, f, body, r, note) => {
  const facts: Fact[] = [];
  const lines: string[] = [M.cardHead(body.name, r.year, note)];
  let group = '';
  const absent = new Set<TableId>();
  for (const item of CARD) {
    const v = value(ctx, r, item.metric);
    if (v.value === null) {
      if (v.absent && !absent.has(v.absent)) {
        absent.add(v.absent); lines.push(`【${item.group}】${absentCardLine(v.absent)}`);
      }
      continue;
    }
    if (item.group !== group) { group = item.group; lines.push(`【${group}】`); }
    lines.push(`· ${v.label} ${fmt(v.value, v.unit)}`);
    facts.push(fact(body, r, item.metric, v, v.value));
  }
  const rate = ratioAnswer(ctx, { ...f, ratio: 'open_rate', metrics: [] }, body, r, '');
  if (rate.facts[0]) lines.push(M.cardOpenRate(rate.facts[0].value));
  lines.push(M.cardAudit(ctx.data.findings(r.id).filter((x) => x.severity !== 'info').length));
  lines.push(M.cardPublished(r.published));
  lines.push(M.source(r.source_file));
  return answer('answered', lines.join('\n'), facts);
});
