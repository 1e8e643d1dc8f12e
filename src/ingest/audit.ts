/** The auditor's checks (rules 1–7 of report-format.md) as findings with evidence; nothing is ever "fixed". */
import { deadlineFor } from '../domain/bodyKinds.js';
import type { Cell, Finding, NarrativeClaim, ParsedReport } from './report.js';
import {
  ALL_APPLICATION_ROWS, APPLICANT_COLUMNS, APPLICANT_COLUMN_LABELS, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_GROUP_LABELS,
} from './template.js';

type Get = (table: Cell['table'], row: string, col: string) => Cell | undefined;

const indexCells = (cells: Cell[]): Get => {
  const m = new Map(cells.map((c) => [`${c.table}.${c.row}.${c.col}`, c]));
  return (t, r, c) => m.get(`${t}.${r}.${c}`);
};
const present = (cells: Cell[], table: Cell['table'], row: string) => cells.some((c) => c.table === table && c.row === row && c.status !== 'missing');

/** sum over cells; null when any is unknown */
const total = (cs: (Cell | undefined)[]): number | null => {
  let s = 0;
  for (const c of cs) { if (!c || c.value === null) return null; s += c.value; }
  return s;
};

export function auditTables(cells: Cell[]): Finding[] {
  const get = indexCells(cells);
  const out: Finding[] = [];
  const app = (row: string, col: string) => get('applications', row, col);
  const otherRows = present(cells, 'applications', 'other_total') ? ['other_total'] : ['other_overdue_correction', 'other_overdue_fee', 'other_other'];
  const resultRows = ALL_APPLICATION_ROWS.filter((d) => d.group || d.key === 'granted' || d.key === 'partial').map((d) => d.key)
    .filter((k) => !k.startsWith('other_')).concat(otherRows);

  APPLICANT_COLUMNS.forEach((col, ci) => {
    // rule 1
    const lhs = total([app('new_received', col), app('carried_over', col)]);
    const rhs = total([app('total_processed', col), app('carried_forward', col)]);
    if (lhs !== null && rhs !== null && lhs !== rhs) {
      out.push({ rule: 'identity_1', severity: 'warning', message: `表三「${APPLICANT_COLUMN_LABELS[ci]}」列：一 + 二 = ${lhs}，而 三（七）总计 + 四 = ${rhs}，两者不等`, excerpt: app('total_processed', col)?.excerpt, page: app('total_processed', col)?.page, cells: [`applications.new_received.${col}`, `applications.carried_over.${col}`, `applications.total_processed.${col}`, `applications.carried_forward.${col}`] });
    }
    // rule 3
    const parts = total(resultRows.map((r) => app(r, col)));
    const t7 = app('total_processed', col)?.value ?? null;
    if (parts !== null && t7 !== null && parts !== t7) {
      out.push({ rule: 'identity_3', severity: 'warning', message: `表三「${APPLICANT_COLUMN_LABELS[ci]}」列：各办理结果相加为 ${parts}，而（七）总计为 ${t7}`, excerpt: app('total_processed', col)?.excerpt, page: app('total_processed', col)?.page, cells: [`applications.total_processed.${col}`] });
    }
  });
  // rule 2
  for (const def of ALL_APPLICATION_ROWS) {
    if (!present(cells, 'applications', def.key)) continue;
    const six = total(APPLICANT_COLUMNS.slice(0, 6).map((c) => app(def.key, c)));
    const t = app(def.key, 'total')?.value ?? null;
    if (six !== null && t !== null && six !== t) {
      out.push({ rule: 'identity_2', severity: 'warning', message: `表三「${def.label}」行：六类申请人相加为 ${six}，而总计为 ${t}`, excerpt: app(def.key, 'total')?.excerpt, page: app(def.key, 'total')?.page, cells: [`applications.${def.key}.*`] });
    }
  }
  // rule 4
  REVIEW_GROUPS.forEach((g, gi) => {
    const parts = total(REVIEW_COLUMNS.slice(0, 4).map((c) => get('review_litigation', g, c)));
    const t = get('review_litigation', g, 'total');
    if (parts !== null && t && t.value !== null && parts !== t.value) {
      out.push({ rule: 'identity_4', severity: 'warning', message: `表四「${REVIEW_GROUP_LABELS[gi]}」：维持 + 纠正 + 其他 + 尚未审结 = ${parts}，而总计为 ${t.value}`, excerpt: t.excerpt, page: t.page, cells: [`review_litigation.${g}.*`] });
    }
  });
  return out;
}

/** Rule 5: figures stated in the narrative against the tables. */
export function auditNarrative(cells: Cell[], claims: NarrativeClaim[]): Finding[] {
  const get = indexCells(cells);
  const out: Finding[] = [];
  const v = (t: Cell['table'], r: string, c: string) => get(t, r, c)?.value ?? null;
  for (const claim of claims) {
    let table: number | null = null;
    let alt: number | null = null;
    let what = '';
    let ids: string[] = [];
    if (claim.metric === 'applications') {
      table = v('applications', 'new_received', 'total');
      const carried = v('applications', 'carried_over', 'total');
      alt = table !== null && carried !== null ? table + carried : null;
      what = '本年新收申请数';
      ids = ['applications.new_received.total'];
    } else if (claim.metric === 'review') {
      table = v('review_litigation', 'review', 'total');
      what = '行政复议总计';
      ids = ['review_litigation.review.total'];
    } else {
      const a = v('review_litigation', 'litigation_direct', 'total'), b = v('review_litigation', 'litigation_after_review', 'total');
      table = a !== null && b !== null ? a + b : null;
      what = '行政诉讼总计（直接起诉+复议后起诉）';
      ids = ['review_litigation.litigation_direct.total', 'review_litigation.litigation_after_review.total'];
    }
    if (table === null || claim.value === table || claim.value === alt) continue;
    out.push({ rule: 'narrative_mismatch', severity: 'warning', message: `正文说 ${claim.value}，而表格中的${what}为 ${table}`, excerpt: claim.sentence, page: claim.page, cells: ids });
  }
  return out;
}

/**
 * Rule 6: published by the deadline of the body's kind (bodyKinds.ts): 31 March for a county-or-higher
 * government's own report, 31 January for departments, offices, 乡镇, 街道 and the rest.
 */
export function auditDeadline(r: Pick<ParsedReport, 'published' | 'orgKind' | 'year'>): Finding[] {
  if (!r.published) return [{ rule: 'deadline', severity: 'info', message: '报告中没有印出发布日期，无法核对是否按时发布' }];
  const d = deadlineFor(r.orgKind, r.year);
  if (r.published > d.date) {
    return [{ rule: 'deadline', severity: 'warning', message: `发布日期 ${r.published} 晚于${d.rule}的期限 ${d.date}` }];
  }
  return [];
}

/** Rule 7: last year's 结转下年度 = this year's 上年结转; last year's 现行有效 + 制发 − 废止 ≈ this year's 现行有效. */
export function auditAcrossYears(prev: { year: number; cells: Cell[] }, cur: { year: number; cells: Cell[] }): Finding[] {
  if (prev.year !== cur.year - 1) return [];
  const gp = indexCells(prev.cells), gc = indexCells(cur.cells);
  const out: Finding[] = [];
  APPLICANT_COLUMNS.forEach((col, ci) => {
    const a = gp('applications', 'carried_forward', col)?.value ?? null;
    const b = gc('applications', 'carried_over', col);
    if (a !== null && b && b.value !== null && a !== b.value) {
      out.push({ rule: 'across_years', severity: 'warning', message: `「${APPLICANT_COLUMN_LABELS[ci]}」列：${prev.year} 年结转下年度 ${a}，而 ${cur.year} 年上年结转 ${b.value}`, excerpt: b.excerpt, page: b.page, cells: [`applications.carried_over.${col}`] });
    }
  });
  for (const row of ['rules', 'normative_documents']) {
    const before = gp('active', row, 'in_force')?.value ?? null;
    const issued = gc('active', row, 'issued')?.value ?? null, repealed = gc('active', row, 'repealed')?.value ?? null;
    const now = gc('active', row, 'in_force');
    if (before === null || issued === null || repealed === null || !now || now.value === null) continue;
    const want = before + issued - repealed;
    if (want !== now.value) out.push({ rule: 'across_years_soft', severity: 'info', message: `${row === 'rules' ? '规章' : '规范性文件'}：${prev.year} 年现行有效 ${before} + 本年制发 ${issued} − 废止 ${repealed} = ${want}，而 ${cur.year} 年现行有效为 ${now.value}（修订、自然失效可能造成差异）`, excerpt: now.excerpt, page: now.page });
  }
  return out;
}

