/**
 * Table words and cues → the frame's metric, column, ratio, cues and relative years. Rows of table 三 and its
 * groups, table 四 by group × outcome, table 二 by document × operation; a group and one of its own rows name
 * the row; 复议 and 诉讼 named apart are two figures.
 */
import type { Frame, MetricParts } from '../frame.js';
import { groupOf } from '../metrics.js';
import { TIER_OF, type Cue, type ReviewCol, type ReviewGroup, type Word } from '../words/index.js';

const has = (f: Frame, c: Cue) => f.cues.includes(c);

const FIGURE_KINDS = new Set<Word['k']>(['metric', 'rgroup', 'rcol', 'doc', 'docop']);
/** A word that names a table figure: a row, a group, a table 四 column, a document or its operation, 收到/申请. */
export const namesFigure = (w: Word) => FIGURE_KINDS.has(w.k)
  || (w.k === 'cue' && (w.id === 'receive' || w.id === 'apply'));

/** The table words among `words`: rows, groups, a table 四 column, a document and its operation. */
export function collectParts(words: Word[]): MetricParts {
  const parts: MetricParts = { rows: [], groups: [] };
  for (const w of words) {
    if (w.k === 'metric') parts.rows.push(w.id);
    else if (w.k === 'rgroup') parts.groups.push(w.id);
    else if (w.k === 'rcol') {
      parts.rcol = w.id;
      if (!parts.rcols?.includes(w.id)) parts.rcols = [...parts.rcols ?? [], w.id];
    }
    else if (w.k === 'doc') {
      parts.doc = w.id;
      if (!parts.docs?.includes(w.id)) parts.docs = [...parts.docs ?? [], w.id];
    }
    else if (w.k === 'docop') {
      parts.docop = w.id;
      if (!parts.docops?.includes(w.id)) parts.docops = [...parts.docops ?? [], w.id];
    }
  }
  return parts;
}

/** Table 四's columns in the table's order. */
const RCOL_ORDER: ReviewCol[] = ['upheld', 'corrected', 'other', 'pending', 'concluded', 'total'];

/** Read the words (not names, not fillers) of a question into the frame. */
export function readWords(f: Frame, words: Word[], thisYear: number): void {
  const parts = collectParts(words);
  const yearsNamed = [...f.years];
  for (const w of words) {
    if (w.k === 'cue' && !f.cues.includes(w.id)) {
      f.cues.push(w.id);
      // 各区县, 各部门: over the bodies of a tier, as 各单位 says
      if (TIER_OF[w.id] && !f.cues.includes('all_bodies')) f.cues.push('all_bodies');
      // 年均: an average, over the years
      if (w.id === 'average_years' && !f.cues.includes('average')) f.cues.push('average');
    }
    else if (w.k === 'relyear') { f.relYears.push(w.offset); f.years.push(thisYear + w.offset); }
    // 2024年…上一年: a year before the year named, not before this one (nor the chat's)
    else if (w.k === 'ctxyear' && yearsNamed.length) {
      if (w.instead) f.years = f.years.filter((y) => !yearsNamed.includes(y));
      f.years.push(Math.max(...yearsNamed) + w.offset);
      if (w.instead) f.nextReport = w.offset < 0 ? -1 : 1;
    }
    else if (w.k === 'ctxyear') {
      f.ctxYears.push(w.offset);
      f.years.push(thisYear + w.offset);
      if (w.instead) f.nextReport = w.offset < 0 ? -1 : 1;
    }
    else if (w.k === 'col' && !f.applicants.includes(w.id)) f.applicants.push(w.id);
    // 无法提供占办结的比例: after 占 and a row, a rate word names the whole of a share, not another rate
    else if (w.k === 'ratio') {
      if (w.id !== 'share' && !f.ratios.includes(w.id)) f.ratios.push(w.id);
      const whole = f.ratio === 'share' && parts.rows.length > 0;
      f.ratio = whole || (f.ratio && f.ratio !== 'share') ? f.ratio : w.id;
    }
  }
  // 法人或其他组织 is the five columns after 自然人: the columns inside it are not named apart
  if (f.applicants.includes('legal_person')) {
    f.applicants = ['legal_person', ...f.applicants.filter((a) => a === 'natural_person')];
  }
  f.applicant = f.applicants[0];
  // 增长百分之几: the percentage asked is the change's, not a share
  const ratioWords = words.filter((w) => w.k === 'ratio');
  if (has(f, 'change') && ratioWords.length && ratioWords.every((w) => w.k === 'ratio' && w.percent)) {
    f.ratio = undefined;
    f.ratios = [];
  }
  if (has(f, 'latest')) f.latest = true;
  // 本年增减 of a table 二 row is that row's column, not a change between years
  if (parts.docop === 'change' && parts.rows.some((r) => r.startsWith('active.'))) {
    f.cues = f.cues.filter((c) => c !== 'change');
  }
  f.wantsSum = has(f, 'sum');
  // 其他: inside 其他处理 it names the group's row 3.其他; elsewhere the applicant column 其他
  if (has(f, 'other_word')) {
    const g = parts.rows.indexOf('group.other');
    if (g >= 0) parts.rows[g] = 'applications.other_other';
    // 复议结果其他的: beside 复议 or 诉讼 it is the column 其他结果
    else if (parts.groups.length && !parts.rcol) { parts.rcol = 'other'; parts.rcols = ['other']; }
    // 维持、纠正、其他、尚未审结: among table 四's columns, the column 其他结果 (in the table's order)
    else if (parts.rcol) {
      parts.rcols = RCOL_ORDER.filter((c) => c === 'other' || parts.rcols?.includes(c));
    }
    else if (!f.applicants.length) { f.applicants = ['other']; f.applicant = 'other'; }
  }
  f.parts = parts;
  // 行政诉讼的纠错率: the rate of suits, not of 复议
  if (f.ratio === 'review_correction_rate' && parts.groups.length && parts.groups.every((g) => g === 'litigation')) {
    f.ratio = 'litigation_correction_rate';
    f.ratios = f.ratios.map((r) => (r === 'review_correction_rate' ? 'litigation_correction_rate' : r));
  }
  f.metrics = metricsOf(f, parts);
  // a column, an outcome or an operation alone is not a figure named: a follow-up keeps the chat's row
  const named = parts.rows.length > 0 || parts.groups.length > 0 || !!parts.doc || !!f.ratio
    || has(f, 'receive') || has(f, 'apply');
  f.metricDefaulted = f.metrics.length > 0 && !named;
}

/** The metric ids a frame's parts name (also used when a follow-up replaces one part). */
export function metricsOf(f: Pick<Frame, 'ratio' | 'applicant' | 'cues' | 'keywords'>, parts: MetricParts): string[] {
  const metrics = [...parts.rows];
  let groups = tableCGroups(parts.groups);
  let rcol = parts.rcol;
  let ratio = f.ratio;
  if (ratio === 'review_correction_rate' && groups.some((g) => g !== 'review')) ratio = 'litigation_correction_rate';
  if (ratio === 'review_upheld_rate') rcol = undefined;
  if (ratio && ratio !== 'share' && !metrics.length) { groups = []; rcol = undefined; }
  if (!groups.length && rcol && !metrics.length) groups = ['review'];
  // 纠正加维持: each column named is a figure; one column (or none) is the group's one figure
  const cols = rcol && (parts.rcols?.length ?? 0) > 1 ? parts.rcols! : [rcol ?? 'total'];
  for (const g of groups) for (const c of cols) metrics.push(`review.${g}.${c}`);
  // 2019 template: 行政许可 上一年项目数量 / 本年增减 — the row's own columns
  const rowOp = parts.docop === 'prev_items' || parts.docop === 'change';
  const activeRow = metrics.findIndex((m) => /^active\.[a-z_]+$/.test(m));
  if (activeRow >= 0 && rowOp) metrics[activeRow] = `${metrics[activeRow]}.${parts.docop}`;
  // an operation alone (制发了几件) is about 规范性文件 only when no other word says what it is about
  else if (parts.doc || (parts.docop && !f.keywords.length)) {
    // 规章和规范性文件的制发、废止: each document with each operation
    const docs = parts.docs?.length ? parts.docs : [parts.doc];
    const ops = parts.docops?.length ? parts.docops : [parts.docop];
    for (const doc of docs) for (const docop of ops) metrics.push(activeMetric({ ...parts, doc, docop }));
  }
  // a group and one of its own rows: the row is meant (因保护第三方合法权益不予公开)
  const rows = metrics.filter((m) => m.startsWith('applications.'));
  let out = metrics.filter((m) => !(m.startsWith('group.') && rows.some((r) => groupOf(r) === m)));
  const cues = f.cues;
  const asksApplications = cues.includes('receive') || cues.includes('apply');
  if (!out.some((m) => m.startsWith('applications.') || m.startsWith('group.')) && asksApplications && !out.length) {
    out.push('applications.new_received');
  }
  if (!out.length && f.applicant && ratio !== 'share') out.push('applications.new_received');
  if (ratio === 'share' && !out.length) out.push('applications.new_received');
  out = [...new Set(out)];
  return out;
}

/** Table 二: a document row and an operation; an operation alone is about 规范性文件, a row alone about 现行有效. */
function activeMetric(parts: MetricParts): string {
  const doc = parts.doc;
  const op = parts.docop;
  // 2019 template columns of the licensing-type rows: 上一年项目数量, 本年增/减
  if (op === 'prev_items' || op === 'change') return `active.${doc ?? 'licensing'}.${op}`;
  return `active.${doc ?? 'normative_documents'}.${op ?? 'in_force'}`;
}

/**
 * Table C groups named in a question: 复议 and 诉讼 named apart are two groups; a group and its own narrower
 * kind name the narrower one ("行政诉讼未经复议直接起诉"); 复议后起诉 is one phrase in the lexicon, so one group.
 */
function tableCGroups(found: ReviewGroup[]): ReviewGroup[] {
  const set = new Set(found);
  if (set.has('litigation_direct') || set.has('litigation_after_review')) set.delete('litigation');
  return [...set];
}

