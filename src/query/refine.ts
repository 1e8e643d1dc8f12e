/**
 * Before any figure is looked up: a body that is not on file, a part of a year, or a word that was not read
 * and could change the figure each stop the answer with the reason — never a neighbour's figure, never a
 * figure chosen by a default in place of the words the question used.
 */
import type { BodyInfo } from './bodies.js';
import { answer, type Answer } from './answer.js';
import type { Frame, Intent } from './frame.js';
import { inventory, type Ctx } from './intents/common.js';
import { helpText, shortForm } from './intents/help.js';
import { narrativeFacts, narrativeAnswer } from './intents/narrative.js';
import { M } from './messages.js';
import { metric, RATIOS } from './metrics.js';
import { MAX_QUESTION_CHARS } from '../domain/normalText.js';
import { beyondTables } from './limits.js';
import { many } from './read/intent.js';
import { sameUnitKind } from './words/index.js';

/** Intents that state figures: an unread word stops them. */
const FIGURES = new Set<Intent>(['lookup', 'rank', 'total', 'compare', 'change', 'trend', 'card']);

function unknownBody(ctx: Ctx, f: Frame): Answer {
  const u = f.unknownBodies[0];
  if (u.counterparts.length) {
    const opts = u.counterparts.map((id) => ctx.index.byId(id)!)
      .map((b) => ({ id: `body:${b.id}`, label: b.name, question: f.text }));
    return answer('clarify', M.counterpart(u.typed, opts.map((o) => o.label)), [], [], opts);
  }
  // a few bodies of the place with reports (read one by one until there are six: a province holds thousands)
  const near: BodyInfo[] = [];
  for (const id of u.near) {
    const b = ctx.index.byId(id);
    if (b?.years.length) near.push(b);
    if (near.length >= 6) break;
  }
  const hint = near.length && u.place ? M.nearHint(u.place.name, near.map((b) => b.name)) : inventory(ctx);
  return answer('not_found', `${M.unknownBody(u.typed)}\n${hint}`);
}

/** What the question can be answered for without its unread words. */
function withoutUnknown(ctx: Ctx, f: Frame): string {
  const who = f.bodies.map((id) => shortForm(ctx.index, ctx.index.byId(id)!)).join('、');
  const what = f.ratio && f.ratio !== 'share'
    ? RATIOS[f.ratio].label
    : f.metrics.map((m) => metric(m)?.label ?? m).join('、');
  const year = f.years.length ? `${f.years.join('、')}年` : '';
  return `${who}${year}${what || '表格中的数字'}`;
}

const tableOf = (m: string) =>
  (m.startsWith('review.') ? 'review' : m.startsWith('active.') ? 'active' : 'applications');
const CONJUNCTION = /和|与|及|以及|、|，|,|还有|分别|各|加|跟|同|并/;

/** Figures of two tables named together with no "and" between them: one inside the other, which no table has. */
function crossTables(f: Frame): boolean {
  return f.metrics.length > 1 && new Set(f.metrics.map(tableOf)).size > 1 && !CONJUNCTION.test(f.text)
    && !f.cues.includes('each') && !f.cues.includes('sum');
}

/**
 * A table figure in another kind of unit than the question asks (收到的信息处理费有多少万元 read as 新收申请, in 件):
 * the question is about something else, whatever the words matched.
 */
function otherUnit(f: Frame): { label: string; unit: string } | null {
  if (!f.unit || f.ratio) return null;
  for (const m of f.metrics) {
    const def = metric(m);
    if (def && !sameUnitKind(def.unit, f.unit)) return { label: def.label, unit: def.unit };
    // 公开了多少条政府信息: 条 counts information published, not applications (件)
    if (def && f.unit === '条' && /^(applications|group)\./.test(m)) return { label: def.label, unit: def.unit };
  }
  return null;
}

/** The answer that stops a question before its handler, or null to go on. */
export function refine(ctx: Ctx, f: Frame, tooLong?: number): Answer | null {
  if (tooLong) return answer('unsupported', M.tooLong(tooLong, MAX_QUESTION_CHARS));
  if (!f.text) return answer('unsupported', `${M.askSomething}\n${helpText(ctx.index)}`);
  if (f.unknownBodies.length) return unknownBody(ctx, f);
  // 鼓楼区各单位: which 鼓楼区 is meant, never the first one found
  if (f.ambiguousPlaces.length) {
    return answer('not_found', M.whichPlace(f.ambiguousPlaces.map((p) => p.path.join(''))));
  }
  // 一共多少 / 相差多少 / 谁多 with nothing to add up, set apart or compare (earlier turns' figures are not kept)
  const cues = f.cues.filter((c) => c !== 'these');
  const asks = cues.length > 0 && cues.every((c) => ['sum', 'difference', 'compare', 'times'].includes(c));
  const how = asks
    ? (['sum', 'difference', 'compare'] as const).find((c) => cues.includes(c)) ?? 'difference' : undefined;
  if (f.intent === 'unknown' && how && !f.metrics.length && !f.bodies.length) {
    return answer('not_found', M.whichFigures(how));
  }
  if (f.subYear && (f.metrics.length || f.ratio)) return answer('not_found', M.subYear);
  // 番禺占广东省的比例: a body's share of a region's total is not a share within its own report
  const named = f.bodies.length > 0 || f.ambiguous !== null;
  if (f.ratio === 'share' && named && (f.regions.length > 0 || many(f))) {
    return answer('not_found', M.shareOfRegion);
  }
  const beyond = beyondTables(f);
  if (beyond) return answer('not_found', beyond);
  if (crossTables(f)) return answer('not_found', M.crossTables(f.metrics.map((m) => metric(m)?.label ?? m)));
  const other = otherUnit(f);
  if (other) return answer('not_found', M.otherUnit(f.unit!, other.label, other.unit));
  // a subject of the prose beside a table figure (留言办理了多少条): the figure may be about something else
  const prose = f.metrics.length > 0 || (!!f.ratio && f.ratio !== 'share') ? f.topics : [];
  if (!f.unknown.length && !prose.length) return null;
  if (FIGURES.has(f.intent) || f.intent === 'unknown') {
    // the words may be the report's own prose ("门户网站发布信息"): a number bound to them in the text answers
    const body = f.bodies.length === 1 ? ctx.index.byId(f.bodies[0]) : undefined;
    // only when no table figure was named: a named figure with a word not read, or with a subject of the
    // prose beside it (网站收到多少申请), is never answered from the text, whose number is about the subject alone
    if (body && f.intent !== 'unknown' && f.wantsNumber && !f.metrics.length && !f.ratio) {
      const years = f.years.length ? f.years : body.years.slice(-1);
      const r = years.length === 1 ? ctx.data.report(body.id, years[0]) : undefined;
      const read = r && narrativeFacts(ctx, f, body, r);
      if (r && read && read.facts.length) return narrativeAnswer(ctx, f, body, r, '', read);
    }
    if (f.intent === 'unknown') return answer('unsupported', `${M.notUnderstood(f.unknown)}\n${helpText(ctx.index)}`);
    if (!f.unknown.length) return answer('not_found', M.proseNoNumber(prose, withoutUnknown(ctx, f)));
    return answer('not_found', M.unknownWordsNoNumber(f.unknown, withoutUnknown(ctx, f)));
  }
  return null;
}
