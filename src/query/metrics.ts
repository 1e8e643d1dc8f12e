/**
 * The metric catalogue: every figure a question can ask for, as the cells it adds up (data, not code paths).
 * Groups without a printed row (不予公开 = its 8 reasons, …) and derived ratios are defined here too.
 */
import { ALL_APPLICATION_ROWS, APPLICANT_COLUMN_LABELS, REVIEW_COLUMN_LABELS } from '../domain/template.js';
import type { CellRow, ReportRef } from '../store/store.js';
import type { Applicant, Ratio, ReviewCol, ReviewGroup } from './words/index.js';

export interface CellRef { table: 'active' | 'applications' | 'review_litigation'; row: string; col: string }

export interface MetricDef {
  id: string;
  label: string;
  unit: string;
  /** Alternatives: the first whose cells exist in the report is used (templates differ, 其他处理 may be one row). */
  alternatives: (column: Applicant) => CellRef[][];
  /** Applicant columns apply (table B). */
  byApplicant: boolean;
}

export const APPLICANT_INDEX: Record<Exclude<Applicant, 'legal_person'>, number> = {
  natural_person: 0, commercial: 1, research: 2, public_interest: 3, legal_service: 4, other: 5, total: 6,
};
const APPLICANT_KEYS = Object.keys(APPLICANT_INDEX) as Exclude<Applicant, 'legal_person'>[];
export const applicantLabel = (a: Applicant) =>
  (a === 'legal_person' ? '法人或其他组织' : APPLICANT_COLUMN_LABELS[APPLICANT_INDEX[a]]);
const columnsOf = (a: Applicant): string[] => (a === 'legal_person' ? APPLICANT_KEYS.slice(1, 6) : [a]);

const appRows = (rows: string[]) => (a: Applicant) =>
  [rows.flatMap((row) => columnsOf(a).map((col): CellRef => ({ table: 'applications', row, col })))];

const GROUPS: Record<string, { label: string; rows: string[][] }> = {
  denied: { label: '不予公开', rows: [ALL_APPLICATION_ROWS.filter((d) => d.group === 'denied').map((d) => d.key)] },
  unavailable: {
    label: '无法提供', rows: [ALL_APPLICATION_ROWS.filter((d) => d.group === 'unavailable').map((d) => d.key)],
  },
  rejected: { label: '不予处理', rows: [ALL_APPLICATION_ROWS.filter((d) => d.group === 'rejected').map((d) => d.key)] },
  other: { label: '其他处理', rows: [['other_overdue_correction', 'other_overdue_fee', 'other_other'], ['other_total']] },
};

const APP_LABELS: Record<string, string> = {
  new_received: '新收政府信息公开申请', carried_over: '上年结转申请', granted: '予以公开', partial: '部分公开',
  total_processed: '办理结果总计（办结）', carried_forward: '结转下年度继续办理',
};

const active = (label: string, unit: string, alts: [string, string][]): Omit<MetricDef, 'id'> => ({
  label, unit, byApplicant: false, alternatives: () => alts.map(([row, col]) => [{ table: 'active', row, col }]),
});

export const TO_HANDLE = 'applications.to_handle';
const catalogue = new Map<string, MetricDef>();
/** Alternatives are data: each column's list is made once (a ranking asks for it once a report). */
const once = (f: (a: Applicant) => CellRef[][]) => {
  const made = new Map<Applicant, CellRef[][]>();
  return (a: Applicant) => { let v = made.get(a); if (!v) { v = f(a); made.set(a, v); } return v; };
};
const add = (id: string, m: Omit<MetricDef, 'id'>) =>
  catalogue.set(id, { id, ...m, alternatives: once(m.alternatives) });

for (const def of ALL_APPLICATION_ROWS) {
  add(`applications.${def.key}`, {
    label: APP_LABELS[def.key] ?? def.label.replace(/^（[一二三四五六七]）/, ''), unit: '件', byApplicant: true,
    alternatives: appRows([def.key]),
  });
}
for (const [g, v] of Object.entries(GROUPS)) {
  add(`group.${g}`, {
    label: v.label, unit: '件', byApplicant: true, alternatives: (a) => v.rows.map((rows) => appRows(rows)(a)[0]),
  });
}
// 需要办理的申请: what the year had to handle, 新收 + 上年结转 (办结率's denominator; the template prints no such row)
add(TO_HANDLE, {
  label: '本年需办理申请（新收 + 上年结转）', unit: '件', byApplicant: true, alternatives: appRows(['new_received', 'carried_over']),
});
add('active.licensing', active('行政许可处理决定数量', '件', [['licensing', 'decisions']]));
add('active.penalty', active('行政处罚处理决定数量', '件', [['penalty', 'decisions']]));
add('active.coercion', active('行政强制处理决定数量', '件', [['coercion', 'decisions']]));
add('active.fees', active('行政事业性收费金额', '万元', [['fees', 'amount_10k_yuan']]));
add('active.other_services', active('其他对外管理服务事项处理决定数量', '件', [['other_services', 'decisions']]));
add('active.procurement.amount', active('政府集中采购总金额', '万元', [['procurement', 'amount_10k_yuan']]));
add('active.procurement.items', active('政府集中采购项目数量', '个', [['procurement', 'items']]));
// the 2019 template's columns of the licensing-type rows
const ROW_LABEL: Record<string, string> = {
  licensing: '行政许可', other_services: '其他对外管理服务事项', penalty: '行政处罚', coercion: '行政强制', fees: '行政事业性收费',
};
for (const [row, label] of Object.entries(ROW_LABEL)) {
  add(`active.${row}.prev_items`, active(`${label}上一年项目数量`, '个', [[row, 'prev_items']]));
  add(`active.${row}.change`, active(`${label}本年增/减`, '个', [[row, 'change']]));
}
const DOC_LABEL = { rules: '规章', normative_documents: '行政规范性文件' } as const;
const DOC_OP: Record<string, { label: string; cols: string[] }> = {
  issued: { label: '本年制发件数', cols: ['issued', 'new_made'] },
  // 2019 template only: 本年新公开数量 (the 2021 template has no such column: not stated, never another column)
  published_new: { label: '本年新公开数量', cols: ['new_published'] },
  repealed: { label: '本年废止件数', cols: ['repealed'] },
  in_force: { label: '现行有效件数', cols: ['in_force', 'total_published'] },
};
for (const doc of ['rules', 'normative_documents'] as const) {
  for (const [op, v] of Object.entries(DOC_OP)) {
    add(`active.${doc}.${op}`, active(`${DOC_LABEL[doc]}${v.label}`, '件', v.cols.map((c) => [doc, c])));
  }
}

const REVIEW_GROUP_LABEL: Record<ReviewGroup, string> = {
  review: '行政复议', litigation: '行政诉讼', litigation_direct: '行政诉讼（未经复议直接起诉）', litigation_after_review: '行政诉讼（复议后起诉）',
};
const REVIEW_COLS: ReviewCol[] = ['upheld', 'corrected', 'other', 'pending', 'total'];
const CONCLUDED = ['upheld', 'corrected', 'other'];
for (const g of Object.keys(REVIEW_GROUP_LABEL) as ReviewGroup[]) {
  const groups = g === 'litigation' ? ['litigation_direct', 'litigation_after_review'] : [g];
  REVIEW_COLS.forEach((c, i) => {
    add(`review.${g}.${c}`, {
      label: `${REVIEW_GROUP_LABEL[g]}${c === 'total' ? '总计' : REVIEW_COLUMN_LABELS[i]}`, unit: '件', byApplicant: false,
      alternatives: () => [groups.map((row): CellRef => ({ table: 'review_litigation', row, col: c }))],
    });
  });
  // 已审结: the three results' cells added (the template prints no such column)
  add(`review.${g}.concluded`, {
    label: `${REVIEW_GROUP_LABEL[g]}已审结`, unit: '件', byApplicant: false,
    alternatives: () => [groups.flatMap((row) =>
      CONCLUDED.map((col): CellRef => ({ table: 'review_litigation', row, col })))],
  });
}

export const metric = (id: string): MetricDef | undefined => catalogue.get(id);
/** Every metric of the catalogue. */
export const metricIds = (): string[] => [...catalogue.keys()];

/** Every cell (table.row.col) a metric may read for a column, over all its alternatives. */
export function metricKeys(id: string, applicant: Applicant = 'total'): string[] {
  const k = `${id}|${applicant}`;
  let keys = KEYS.get(k);
  if (!keys) {
    const def = metric(id);
    const refs = def ? def.alternatives(def.byApplicant ? applicant : 'total').flat() : [];
    keys = [...new Set(refs.map((r) => `${r.table}.${r.row}.${r.col}`))];
    if (def) KEYS.set(k, keys);
  }
  return keys;
}
const KEYS = new Map<string, string[]>();

/** Each alternative's cells as table.row.col keys, made once per metric and column. */
export function alternativeKeys(id: string, col: Applicant): string[][] {
  const k = `${id}|${col}`;
  let lists = ALT_KEYS.get(k);
  if (!lists) {
    lists = (metric(id)?.alternatives(col) ?? []).map((alt) => alt.map((r) => `${r.table}.${r.row}.${r.col}`));
    ALT_KEYS.set(k, lists);
  }
  return lists;
}
const ALT_KEYS = new Map<string, string[][]>();

/** The one cell a metric is, for a column (行政处罚, 新收申请 of a column), or null when it adds or chooses cells. */
export function singleCell(id: string, applicant: Applicant = 'total'): string | null {
  const def = metric(id);
  if (!def) return null;
  const lists = alternativeKeys(id, def.byApplicant ? applicant : 'total');
  return lists.length === 1 && lists[0].length === 1 ? lists[0][0] : null;
}

/** Derived figures: numerator and denominator as sums of metrics (sign −1 subtracts). */
export interface RatioDef {
  id: Ratio; label: string; formula: string; num: [string, number][]; den: [string, number][];
}
export const RATIOS: Record<Exclude<Ratio, 'share'>, RatioDef> = {
  open_rate: {
    id: 'open_rate', label: '公开率', formula: '(予以公开 + 部分公开) ÷ 办理结果总计',
    num: [['applications.granted', 1], ['applications.partial', 1]], den: [['applications.total_processed', 1]],
  },
  completion_rate: {
    id: 'completion_rate', label: '办结率', formula: '办理结果总计 ÷ (本年新收 + 上年结转)',
    num: [['applications.total_processed', 1]],
    den: [['applications.new_received', 1], ['applications.carried_over', 1]],
  },
  review_correction_rate: {
    id: 'review_correction_rate', label: '行政复议纠错率', formula: '结果纠正 ÷ (总计 − 尚未审结)',
    num: [['review.review.corrected', 1]], den: [['review.review.total', 1], ['review.review.pending', -1]],
  },
  review_upheld_rate: {
    id: 'review_upheld_rate', label: '行政复议维持率', formula: '结果维持 ÷ (总计 − 尚未审结)',
    num: [['review.review.upheld', 1]], den: [['review.review.total', 1], ['review.review.pending', -1]],
  },
  litigation_correction_rate: {
    id: 'litigation_correction_rate', label: '行政诉讼纠错率', formula: '结果纠正 ÷ (总计 − 尚未审结)，两类诉讼合计',
    num: [['review.litigation.corrected', 1]], den: [['review.litigation.total', 1], ['review.litigation.pending', -1]],
  },
};

/** The figures of a report card (/report) and of a side-by-side comparison (/compare). */
export const CARD: { metric: string; group: string }[] = [
  { metric: 'applications.new_received', group: '表三 依申请' },
  { metric: 'applications.carried_over', group: '表三 依申请' },
  { metric: 'applications.granted', group: '表三 依申请' },
  { metric: 'applications.partial', group: '表三 依申请' },
  { metric: 'group.denied', group: '表三 依申请' },
  { metric: 'group.unavailable', group: '表三 依申请' },
  { metric: 'group.rejected', group: '表三 依申请' },
  { metric: 'group.other', group: '表三 依申请' },
  { metric: 'applications.total_processed', group: '表三 依申请' },
  { metric: 'applications.carried_forward', group: '表三 依申请' },
  { metric: 'review.review.total', group: '表四 复议诉讼' },
  { metric: 'review.review.corrected', group: '表四 复议诉讼' },
  { metric: 'review.litigation.total', group: '表四 复议诉讼' },
  { metric: 'review.litigation.corrected', group: '表四 复议诉讼' },
  { metric: 'active.normative_documents.issued', group: '表二 主动公开' },
  { metric: 'active.normative_documents.in_force', group: '表二 主动公开' },
  { metric: 'active.licensing', group: '表二 主动公开' },
  { metric: 'active.penalty', group: '表二 主动公开' },
  { metric: 'active.coercion', group: '表二 主动公开' },
  { metric: 'active.fees', group: '表二 主动公开' },
];

/** The rows of a group as printed in a report (其他处理 may be one row or three). */
export const GROUP_ROWS: Record<string, (r: ReportRef, cells: Map<string, CellRow>) => string[]> = Object.fromEntries(
  (['denied', 'unavailable', 'rejected', 'other'] as const).map((g) => [
    `group.${g}`,
    (_r: ReportRef, cells: Map<string, CellRow>) => ALL_APPLICATION_ROWS
      .filter((d) => d.group === g && cells.get(`applications.${d.key}.total`)?.status !== 'missing'
        && cells.has(`applications.${d.key}.total`))
      .map((d) => `applications.${d.key}`),
  ]),
);

/** Table B results (rows and groups), whose share of 办理结果总计 a question may ask. */
const GROUP_PREFIX: [string, string][] = [['applications.denied_', 'group.denied'],
  ['applications.unavailable_', 'group.unavailable'], ['applications.rejected_', 'group.rejected'],
  ['applications.other_', 'group.other']];
/** The group (不予公开, 无法提供, …) a reason row of table 三 belongs to; other_total is the group's own row. */
export const groupOf = (row: string): string | undefined =>
  (row === 'applications.other_total' ? undefined : GROUP_PREFIX.find(([p]) => row.startsWith(p))?.[1]);
export const RESULT_METRIC = /^(applications\.(granted|partial|denied_|unavailable_|rejected_|other_)|group\.)/;
