/** Where in the report a figure stands, in words: table, row and column, so a reader can see a misreading. */
import {
  ACTIVE_ROWS, ALL_APPLICATION_ROWS, APPLICANT_COLUMN_LABELS, REVIEW_COLUMN_LABELS, type Format,
} from '../../domain/template.js';
import { applicantLabel, TO_HANDLE } from '../metrics.js';
import type { Applicant } from '../words/index.js';

const GROUP_WORDS: Record<string, string> = {
  'group.denied': '（三）不予公开', 'group.unavailable': '（四）无法提供', 'group.rejected': '（五）不予处理',
  'group.other': '（六）其他处理',
};
const REVIEW: Record<string, string> = {
  review: '行政复议', litigation: '行政诉讼（未经复议直接起诉与复议后起诉两组之和）',
  litigation_direct: '行政诉讼·未经复议直接起诉', litigation_after_review: '行政诉讼·复议后起诉',
};
const REVIEW_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function whereOf(metricId: string, applicant: Applicant | undefined, format: string): string {
  const col = applicant && applicant !== 'total' ? applicantLabel(applicant) : APPLICANT_COLUMN_LABELS[6];
  const [table, row, c] = metricId.split('.');
  if (metricId === TO_HANDLE) return `表三「一、本年新收」「二、上年结转」两行之和、「${col}」列`;
  if (table === 'applications') {
    const def = ALL_APPLICATION_ROWS.find((d) => d.key === row);
    return `表三「${def?.label ?? row}」行、「${col}」列`;
  }
  if (table === 'group') return `表三「${GROUP_WORDS[metricId] ?? row}」各行之和、「${col}」列`;
  const group = `表四「${REVIEW[row] ?? row}」`;
  if (table === 'review' && c === 'concluded') return `${group}、「结果维持」「结果纠正」「其他结果」三列之和`;
  if (table === 'review') return `表四「${REVIEW[row] ?? row}」、「${REVIEW_COLUMN_LABELS[REVIEW_COLS.indexOf(c)] ?? c}」列`;
  if (table === 'active') {
    const def = ACTIVE_ROWS[format as Format]?.find((d) => d.key === row);
    const i = def ? def.columns.indexOf(c ?? def.columns[def.columns.length - 1]) : -1;
    const colLabel = def && i >= 0 ? def.columnLabels[i] : def?.columnLabels.find((l) => /决定|金额/.test(l)) ?? '';
    return `表二「${def?.label ?? row}」行${colLabel ? `、「${colLabel}」列` : ''}`;
  }
  return metricId;
}
