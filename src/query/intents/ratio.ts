/**
 * Derived figures as facts with their formula and parts: 公开率, 办结率, 纠错率, 维持率, a column's share of its
 * row, a result's share of 办理结果总计.
 */
import type { ReportRef } from '../../store/store.js';
import { answer, fmt, sourceLine, type Answer } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { applicantLabel, groupOf, metricKeys, RATIOS, RESULT_METRIC, singleCell, type RatioDef } from '../metrics.js';
import type { Applicant } from '../words/index.js';
import { fact, value, warnings, type Ctx, type Fact, type Value } from './common.js';

type Side = { id: string; col?: Applicant };
/** What a rate question divides: a share's part and whole, or a defined ratio's sums of metrics. */
type Operands =
  | { kind: 'share'; part: Side; whole: Side }
  | { kind: 'ratio'; def: RatioDef; col?: Applicant }
  | { kind: 'unclear'; why: string };
const unclear = (why: string): Operands => ({ kind: 'unclear', why });

/** The whole of a part when the question names none: a reason's or a table 四 outcome's group; a result's 办结. */
function wholeOf(part: string): string | undefined {
  // 行政执法案卷占比: a reason's share is of its group (不予公开), as an outcome's is of its group (复议)
  const group = groupOf(part);
  if (group) return group;
  if (RESULT_METRIC.test(part)) return 'applications.total_processed';
  const review = /^review\.(\w+)\.(upheld|corrected|other|pending|concluded)$/.exec(part);
  if (review) return `review.${review[1]}.total`;
  if (/^review\.litigation_(direct|after_review)\.total$/.test(part)) return 'review.litigation.total';
  return undefined;
}

function operands(f: Frame): Operands {
  const col = f.applicant && f.applicant !== 'total' ? f.applicant : undefined;
  // 自然人公开率: the rate of one applicant column (limits.ts stops it for a rate of table 四)
  if (f.ratio !== 'share') return { kind: 'ratio', def: RATIOS[f.ratio!], ...(col ? { col } : {}) };
  const named = f.share ?? {};
  const part = named.part ?? (named.whole ? f.metrics.find((m) => m !== named.whole) : f.metrics[0]);
  // 予以公开和部分公开占办结: a share of several parts is not one part's
  if (named.several) return unclear(M.shareSeveral);
  // 行政许可占行政处罚: the rows of table 二 are no parts of one another
  if ([part, named.whole].some((m) => m?.startsWith('active.'))) return unclear(M.shareOfActive);
  if (col) return columnShare(col, named, part);
  if (!part) return unclear(M.sharePartOf);
  const whole = named.whole ?? wholeOf(part);
  if (!whole || whole === part) return unclear(M.shareWholeOf);
  return { kind: 'share', part: { id: part }, whole: { id: whole } };
}

/**
 * A share with an applicant column: within the column (自然人中予以公开的比例, …占自然人办结的比例: part and whole
 * alike), or the column's share of its row (自然人占新收申请的比例); of a result with no whole, either reading is
 * possible, and with another row named beside the column too.
 */
function columnShare(col: Applicant, named: NonNullable<Frame['share']>, part: string | undefined): Operands {
  const whole = named.whole;
  if (part && named.wholeColumn && part !== whole) {
    const w = whole ?? wholeOf(part);
    if (w && w !== part) return { kind: 'share', part: { id: part, col }, whole: { id: w, col } };
  }
  const ofRow = !whole || !named.part || whole === part;
  if (!ofRow || (part && RESULT_METRIC.test(part) && !whole)) return unclear(M.shareColumnAndRow);
  const m = named.part ?? whole ?? part ?? 'applications.new_received';
  return { kind: 'share', part: { id: m, col }, whole: { id: m } };
}

/** A rate whose every operand is one cell (公开率, 纠错率): its label and cells, [key, sign, in the numerator]. */
export interface RateCells { label: string; cells: { key: string; sign: number; num: boolean }[] }
export function rateCells(f: Frame): RateCells | null {
  const o = operands(f);
  if (o.kind !== 'ratio' || o.col) return null;
  const cells: RateCells['cells'] = [];
  for (const [list, num] of [[o.def.num, true], [o.def.den, false]] as const) {
    for (const [id, sign] of list) {
      const key = singleCell(id);
      if (!key) return null;
      cells.push({ key, sign, num });
    }
  }
  return { label: o.def.label, cells };
}
/** The rate from its cells' printed values, as compute() has it: none when a cell is not printed or d is 0. */
export function rateOf(r: RateCells, read: (key: string) => number | null): number | null {
  let n = 0, d = 0;
  for (const c of r.cells) {
    const v = read(c.key);
    if (v === null) return null;
    if (c.num) n += c.sign * v;
    else d += c.sign * v;
  }
  return d === 0 ? null : n / d;
}

/** Every cell a rate question may read (for a ranking's slice). */
export function ratioKeys(f: Frame): string[] {
  const o = operands(f);
  if (o.kind === 'unclear') return [];
  const sides: Side[] = o.kind === 'share' ? [o.part, o.whole]
    : [...o.def.num, ...o.def.den].map(([id]) => ({ id, col: o.col }));
  return [...new Set(sides.flatMap((s) => metricKeys(s.id, s.col)))];
}

type Part = { id: string; col?: Applicant; sign: number; v: Value };
/** The rate's parts and value, once for an answer and for a ranking: value null where there is none. */
type Computed = { o: Operands; parts: Part[]; value: number | null; label: string; n: number; d: number };

function compute(ctx: Ctx, f: Frame, r: ReportRef): Computed {
  const o = operands(f);
  if (o.kind === 'unclear') return { o, parts: [], value: null, label: '比例', n: 0, d: 0 };
  const read = (id: string, sign: number, col?: Applicant): Part => ({ id, col, sign, v: value(ctx, r, id, col) });
  const parts = o.kind === 'share'
    ? [read(o.part.id, 1, o.part.col), read(o.whole.id, 1, o.whole.col)]
    : [...o.def.num, ...o.def.den].map(([id, sign]) => read(id, sign, o.col));
  const nums = o.kind === 'share' ? parts.slice(0, 1) : parts.slice(0, o.def.num.length);
  const dens = o.kind === 'share' ? parts.slice(1) : parts.slice(o.def.num.length);
  const total = (xs: Part[]) => xs.reduce((t, x) => t + x.sign * (x.v.value ?? 0), 0);
  const n = total(nums), d = total(dens);
  const ok = parts.every((x) => x.v.value !== null) && d !== 0;
  const label = o.kind === 'share' ? `${parts[0].v.label}占${parts[1].v.label}的比例`
    : `${o.col ? applicantLabel(o.col) : ''}${o.def.label}`;
  return { o, parts, value: ok ? n / d : null, label, n, d };
}

/** The rate's value alone (a ranking orders by it): null where the answer would say there is none. */
export function ratioValue(ctx: Ctx, f: Frame, r: ReportRef): { value: number | null; label: string } {
  const c = compute(ctx, f, r);
  return { value: c.value, label: c.label };
}

/** A share: part ÷ whole, with both as facts after the ratio. */
function share(ctx: Ctx, body: BodyInfo, r: ReportRef, note: string, c: Computed): Answer {
  const [{ id: pid, col, v: part }, { id: wid, v: whole }] = c.parts;
  if (c.value === null) {
    return answer('not_found', M.ratioNone(body.name, r.year, '比例', part.reason ?? whole.reason ?? M.zeroDenominator));
  }
  const f: Fact = { ...fact(body, r, `share:${pid}:${col ?? 'total'}`, part, c.value), label: c.label, unit: '%' };
  const text = `${M.ratio(body.name, r.year, c.label, fmt(c.value, '%'))}${note}\n= ${part.label} ${part.value} ÷ `
    + `${whole.label} ${whole.value}\n${sourceLine(f)}`;
  return answer('answered', text,
    [f, fact(body, r, pid, part, part.value!, col), fact(body, r, wid, whole)],
    warnings(ctx, r, [...part.cells, ...whole.cells]));
}

export function ratioAnswer(ctx: Ctx, f: Frame, body: BodyInfo, r: ReportRef, note: string): Answer {
  const c = compute(ctx, f, r);
  if (c.o.kind === 'unclear') return answer('not_found', c.o.why);
  if (c.o.kind === 'share') return share(ctx, body, r, note, c);
  const { def, col } = c.o;
  const bad = c.parts.find((x) => x.v.value === null);
  if (bad) return answer('not_found', M.ratioNone(body.name, r.year, c.label, `${bad.v.label}——${bad.v.reason}`));
  // 分母为 0: the cells it is made of, and what the audit found in them (a 总计 0 beside outcomes that are not)
  if (c.value === null) {
    const dens = c.parts.slice(def.num.length).map((x) => `${x.v.label} ${x.v.value}`).join('，');
    return answer('not_found', M.ratioNone(body.name, r.year, c.label, `${M.zeroDenominator}（${dens}）`), [],
      warnings(ctx, r, c.parts.flatMap((x) => x.v.cells)));
  }
  const id = col ? `${def.id}:${col}` : def.id;
  const main: Fact = { ...fact(body, r, id, c.parts[0].v, c.value), label: c.label, unit: '%' };
  const formula = `公式：${def.formula} = ${c.n} ÷ ${c.d}\n其中：`
    + c.parts.map((x) => `${x.v.label} ${x.v.value}`).join('，');
  const sources = [...new Set(c.parts.map((x) => sourceLine(fact(body, r, x.id, x.v))))].join('\n');
  const text = `${M.ratio(body.name, r.year, c.label, fmt(c.value, '%'))}${note}\n${formula}\n${sources}`;
  return answer('answered', text, [main, ...c.parts.map((x) => fact(body, r, x.id, x.v, x.v.value!, col))],
    warnings(ctx, r, c.parts.flatMap((x) => x.v.cells)));
}
