/**
 * What a question asks that the tables do not hold, though its words were all read: an applicant column of
 * table 二 or 四 (行政复议中自然人多少), a rate of one kind of suit (直接起诉纠错率), a ranking by two figures at
 * once (新收申请最多的单位公开率), a figure denied (没有被公开的). Each is stopped with the reason, never answered
 * with the nearest figure the words would give.
 */
import type { Frame } from './frame.js';
import { M } from './messages.js';
import { applicantLabel, groupOf, RESULT_METRIC, TO_HANDLE } from './metrics.js';

const TABLE_THREE = /^(applications\.|group\.)/;
const SUIT_KINDS = ['litigation_direct', 'litigation_after_review'];
const TABLE_FOUR_RATES = ['review_correction_rate', 'review_upheld_rate', 'litigation_correction_rate'];

/** The reason a question cannot be answered from the tables as asked, or null. */
export function beyondTables(f: Frame): string | null {
  if (f.negated) return M.negatedFigure;
  if (f.pairedApart) return M.pairedApart(f.pairedApart === 'years');
  const col = f.applicants.find((a) => a !== 'total');
  if (col) {
    const outside = f.metrics.some((m) => !TABLE_THREE.test(m)) || TABLE_FOUR_RATES.includes(f.ratio ?? '');
    if (outside) return M.noColumnsThere(applicantLabel(col));
  }
  // 直接起诉纠错率, 行政诉讼中维持的比例: no such rate is defined
  const suits = f.parts.groups.filter((g) => g !== 'review');
  const suitRate = suits.some((g) => SUIT_KINDS.includes(g)) || (f.ratio === 'review_upheld_rate' && suits.length > 0);
  if (TABLE_FOUR_RATES.includes(f.ratio ?? '') && suitRate) return M.noRateOfSuitKind;
  // 行政复议的公开率, 行政处罚的办结率: these rates are of the applications (table 三) only
  const ofApplications = f.ratio === 'open_rate' || f.ratio === 'completion_rate';
  const elsewhere = f.parts.groups.length > 0 || f.metrics.some((m) => m.startsWith('active.')) || !!f.parts.doc;
  if (ofApplications && elsewhere) return M.rateOfApplications(f.ratio === 'open_rate' ? '公开率' : '办结率');
  // 行政许可的纠错率, 不予公开的纠错率: the rates of table 四 are of its reviews and suits only
  const ofReviews = TABLE_FOUR_RATES.includes(f.ratio ?? '');
  if (ofReviews && (f.metrics.some((m) => !m.startsWith('review.')) || !!f.parts.doc)) return M.rateOfReviews;
  if (f.intent === 'rank' && figuresNamed(f) > 1) return M.rankOneFigure;
  // 比洪泽和武江加起来还多多少: a sum and then a difference, asked apart
  if (f.cues.includes('sum') && f.cues.includes('difference') && f.bodies.length > 2) return M.sumThenDifference;
  // 是最少的那个单位的几倍, 最多的和最少的差多少: a ranking, then arithmetic on its rows: asked apart
  if (f.intent === 'rank' && f.cues.some((c) => c === 'times' || c === 'difference')) return M.rankThenCompute;
  // 收到申请多几个百分点: points are a difference of rates; a count has none
  if (f.cues.includes('points') && !f.ratio) return M.pointsOfCount;
  if (f.wantsSum && !f.ratio && (overlapping(f.metrics) || overlappingWords(f.parts, f.text))) return M.sumOverlaps;
  return null;
}

const INPUTS = ['applications.new_received', 'applications.carried_over', TO_HANDLE];
const RESULTS = ['upheld', 'corrected', 'other'];
const JOINED = /和|与|及|加|跟|、/;
/**
 * Figures that count the same applications or cases twice when added (新收申请 + 予以公开: what was received and
 * what of it was disclosed; 办结 + 予以公开; 复议总计 + 结果纠正).
 */
function overlapping(metrics: string[]): boolean {
  if (metrics.length < 2) return false;
  const inputs = metrics.filter((m) => INPUTS.includes(m));
  const outcomes = metrics.filter((m) => !INPUTS.includes(m) && TABLE_THREE.test(m));
  if (inputs.length && outcomes.length) return true;
  if (inputs.includes(TO_HANDLE) && inputs.length > 1) return true;
  if (metrics.includes('applications.total_processed') && metrics.some((m) => RESULT_METRIC.test(m))) return true;
  // 规范性文件制发加现行有效: the documents made this year are among those in force; 制发 less 废止 is no sum
  const docs = metrics.flatMap((m) => /^active\.(rules|normative_documents)\.\w+$/.exec(m)?.[1] ?? []);
  if (new Set(docs).size < docs.length) return true;
  const reviewTotals = new Set(metrics.flatMap((m) => /^review\.(\w+)\.total$/.exec(m)?.[1] ?? []));
  return metrics.some((m) => {
    const col = /^review\.(\w+)\.(\w+)$/.exec(m);
    if (!col) return false;
    // 已审结 counts the three results: with one of them, or with the total, a case is counted twice
    const concluded = metrics.includes(`review.${col[1]}.concluded`);
    return (col[2] !== 'total' && reviewTotals.has(col[1])) || (concluded && RESULTS.includes(col[2]));
  });
}

/**
 * Words that name a figure and a part of it, which metricsOf reads as the part alone: 不予公开和行政执法案卷 (a
 * group and its own reason), 行政复议和复议纠正 (a group named twice, once with an outcome).
 */
function overlappingWords(parts: Frame['parts'], text: string): boolean {
  // 因保护第三方合法权益不予公开: a reason says its group's words too; only words joined as two figures add up
  if (!JOINED.test(text)) return false;
  // one reason beside its group (several listed with it are the group's parts: 国家秘密、过程性等全加上)
  const reasons = new Set(parts.rows.filter((r) => parts.rows.includes(groupOf(r) ?? '')));
  if (reasons.size === 1) return true;
  const twice = parts.groups.some((g, i) => parts.groups.indexOf(g) !== i);
  return twice && !!parts.rcol && parts.rcol !== 'total' && (parts.rcols?.length ?? 1) === 1;
}

/** The figures a question names: the rows and groups of its words, and its rates (a column names none). */
function figuresNamed(f: Frame): number {
  const rates = f.ratio && f.ratio !== 'share' ? new Set([f.ratio, ...f.ratios]).size : 0;
  // 因第三方权益不予公开: a reason says its group too, one figure
  const own = f.parts.rows.filter((r) => !f.parts.rows.some((x) => groupOf(x) === r));
  const rows = new Set(own).size + (f.parts.groups.length ? 1 : 0) + (f.parts.doc || f.parts.docop ? 1 : 0);
  // 收到申请最多的单位的公开率: 收到 names 新收申请 when no row of table 三 does
  const received = (f.cues.includes('receive') || f.cues.includes('apply'))
    && !f.parts.rows.some((r) => TABLE_THREE.test(r)) && rates + rows > 0 ? 1 : 0;
  return rates + rows + received;
}
