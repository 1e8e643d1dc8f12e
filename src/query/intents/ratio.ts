/**
 * Derived figures as facts with their formula and parts: 公开率, 办结率, 纠错率, 维持率, a column's share of its
 * row, a result's share of 办理结果总计.
 */
import type { ReportRef } from '../../store/store.js';
import { answer, fmt, sourceLine, type Answer } from '../answer.js';
import type { BodyInfo } from '../bodies.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { metricKeys, RATIOS, RESULT_METRIC, type RatioDef } from '../metrics.js';
import type { Applicant } from '../words/index.js';
import { fact, value, warnings, type Ctx, type Fact } from './common.js';

type Side = { id: string; col?: Applicant };
/** What a rate question divides: a share's part and whole, or a defined ratio's sums of metrics. */
type Operands =
  | { kind: 'share'; part: Side; whole: Side; name: (part: string, whole: string) => string }
  | { kind: 'ratio'; def: RatioDef };

function operands(f: Frame): Operands {
  if (f.ratio === 'share' && (!f.applicant || f.applicant === 'total') && f.metrics[0]
    && RESULT_METRIC.test(f.metrics[0])) {
    // 予以公开的比例: a result's share of all results (办理结果总计)
    return { kind: 'share', part: { id: f.metrics[0] }, whole: { id: 'applications.total_processed' },
      name: (p) => `${p}占办理结果总计的比例` };
  }
  if (f.ratio === 'share') {
    const m = f.metrics[0] ?? 'applications.new_received';
    const col = f.applicant && f.applicant !== 'total' ? f.applicant : 'natural_person';
    return { kind: 'share', part: { id: m, col }, whole: { id: m }, name: (p) => `${p}占比` };
  }
  return { kind: 'ratio', def: RATIOS[f.ratio!] };
}

/** Every cell a rate question may read (for a ranking's slice). */
export function ratioKeys(f: Frame): string[] {
  const o = operands(f);
  const sides: Side[] = o.kind === 'share' ? [o.part, o.whole] : [...o.def.num, ...o.def.den].map(([id]) => ({ id }));
  return [...new Set(sides.flatMap((s) => metricKeys(s.id, s.col)))];
}

/** The rate's value alone (a ranking orders by it): null where the answer would say there is none. */
export function ratioValue(ctx: Ctx, f: Frame, r: ReportRef): { value: number | null; label: string } {
  const o = operands(f);
  if (o.kind === 'share') {
    const part = value(ctx, r, o.part.id, o.part.col), whole = value(ctx, r, o.whole.id, o.whole.col);
    const ok = part.value !== null && whole.value !== null && whole.value !== 0;
    return { value: ok ? part.value! / whole.value! : null, label: o.name(part.label, whole.label) };
  }
  const sum = (xs: [string, number][]) => {
    let s = 0;
    for (const [id, sign] of xs) {
      const v = value(ctx, r, id).value;
      if (v === null) return null;
      s += sign * v;
    }
    return s;
  };
  const n = sum(o.def.num), d = sum(o.def.den);
  return { value: n === null || d === null || d === 0 ? null : n / d, label: o.def.label };
}

/** A share: part ÷ whole, with both as facts after the ratio. */
function share(ctx: Ctx, body: BodyInfo, r: ReportRef, note: string, o: Extract<Operands, { kind: 'share' }>): Answer {
  const { part: p, whole: w } = o;
  const part = value(ctx, r, p.id, p.col), whole = value(ctx, r, w.id, w.col);
  if (part.value === null || whole.value === null || whole.value === 0) {
    return answer('not_found', M.ratioNone(body.name, r.year, '比例', part.reason ?? whole.reason ?? M.zeroDenominator));
  }
  const v = part.value / whole.value;
  const name = o.name(part.label, whole.label);
  const f: Fact = { ...fact(body, r, `share:${p.id}:${p.col ?? 'total'}`, part, v), label: name, unit: '%' };
  const text = `${M.ratio(body.name, r.year, name, fmt(v, '%'))}${note}\n= ${part.label} ${part.value} ÷ `
    + `${whole.label} ${whole.value}\n${sourceLine(f)}`;
  return answer('answered', text,
    [f, fact(body, r, p.id, part, part.value, p.col), fact(body, r, w.id, whole)],
    warnings(ctx, r, [...part.cells, ...whole.cells]));
}

export function ratioAnswer(ctx: Ctx, f: Frame, body: BodyInfo, r: ReportRef, note: string): Answer {
  const o = operands(f);
  if (o.kind === 'share') return share(ctx, body, r, note, o);
  const def = o.def;
  const side = (parts: [string, number][]) => parts.map(([id, sign]) => ({ id, sign, v: value(ctx, r, id) }));
  const num = side(def.num), den = side(def.den);
  const bad = [...num, ...den].find((x) => x.v.value === null);
  if (bad) return answer('not_found', M.ratioNone(body.name, r.year, def.label, `${bad.v.label}——${bad.v.reason}`));
  const total = (xs: typeof num) => xs.reduce((s, x) => s + x.sign * x.v.value!, 0);
  const n = total(num), d = total(den);
  if (d === 0) return answer('not_found', M.ratioNone(body.name, r.year, def.label, M.zeroDenominator));
  const v = n / d;
  const parts = [...num, ...den];
  const main: Fact = { ...fact(body, r, def.id, parts[0].v, v), label: def.label, unit: '%' };
  const formula = `公式：${def.formula} = ${n} ÷ ${d}\n其中：${parts.map((x) => `${x.v.label} ${x.v.value}`).join('，')}`;
  const sources = [...new Set(parts.map((x) => sourceLine(fact(body, r, x.id, x.v))))].join('\n');
  const text = `${M.ratio(body.name, r.year, def.label, fmt(v, '%'))}${note}\n${formula}\n${sources}`;
  return answer('answered', text, [main, ...parts.map((x) => fact(body, r, x.id, x.v, x.v.value!))],
    warnings(ctx, r, parts.flatMap((x) => x.v.cells)));
}
