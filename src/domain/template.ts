/**
 * The national report templates as data: canonical row keys (those of ../shared/expected), the phrases
 * that identify each printed row, and the columns. Nothing here runs logic; the parser reads it.
 */
export type Format = '2021' | '2019';
export type TableId = 'active' | 'applications' | 'review_litigation';

export const APPLICANT_COLUMNS = [
  'natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other', 'total',
] as const;
export const APPLICANT_COLUMN_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
export const REVIEW_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const REVIEW_GROUP_LABELS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
export const REVIEW_COLUMN_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export interface AppRowDef {
  key: string;
  /** Printed label, for display. */
  label: string;
  /** Phrases (compared after labelKey()) any of which identifies the row. */
  phrases: string[];
  /** Group for sums (identity 3). */
  group?: 'denied' | 'unavailable' | 'rejected' | 'other';
}

const row = (key: string, label: string, phrases: string[], group?: AppRowDef['group']): AppRowDef =>
  ({ key, label, phrases, group });

const HEAD: AppRowDef[] = [
  row('new_received', '一、本年新收政府信息公开申请数量', ['本年新收', '新收政府信息公开申请']),
  row('carried_over', '二、上年结转政府信息公开申请数量', ['上年结转']),
  row('granted', '（一）予以公开', ['予以公开']),
  row('partial', '（二）部分公开', ['部分公开']),
  row('denied_state_secret', '（三）不予公开 1.属于国家秘密', ['国家秘密'], 'denied'),
  row('denied_law_prohibited', '（三）不予公开 2.其他法律行政法规禁止公开', ['法律行政法规禁止公开', '禁止公开'], 'denied'),
  row('denied_three_safety', '（三）不予公开 3.危及“三安全一稳定”', ['三安全一稳定', '三安全'], 'denied'),
  row('denied_third_party', '（三）不予公开 4.保护第三方合法权益', ['第三方合法权益', '保护第三方'], 'denied'),
  row('denied_internal', '（三）不予公开 5.属于三类内部事务信息', ['内部事务'], 'denied'),
  row('denied_process', '（三）不予公开 6.属于四类过程性信息', ['过程性信息'], 'denied'),
  row('denied_enforcement_file', '（三）不予公开 7.属于行政执法案卷', ['行政执法案卷'], 'denied'),
  row('denied_admin_query', '（三）不予公开 8.属于行政查询事项', ['行政查询事项'], 'denied'),
  row('unavailable_not_held', '（四）无法提供 1.本机关不掌握相关政府信息', ['不掌握相关政府信息', '本机关不掌握'], 'unavailable'),
  row('unavailable_needs_creation', '（四）无法提供 2.没有现成信息需要另行制作', ['另行制作', '没有现成信息'], 'unavailable'),
  row('unavailable_unclear', '（四）无法提供 3.补正后申请内容仍不明确', ['仍不明确', '补正后申请内容'], 'unavailable'),
  row('rejected_complaint', '（五）不予处理 1.信访举报投诉类申请', ['信访举报投诉'], 'rejected'),
  row('rejected_duplicate', '（五）不予处理 2.重复申请', ['重复申请'], 'rejected'),
  row('rejected_publication', '（五）不予处理 3.要求提供公开出版物', ['公开出版物'], 'rejected'),
  row('rejected_excessive', '（五）不予处理 4.无正当理由大量反复申请', ['大量反复申请'], 'rejected'),
  row('rejected_confirm', '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '重新出具已获取信息'], 'rejected'),
];
const OTHER_SPLIT: AppRowDef[] = [
  row('other_overdue_correction', '（六）其他处理 1.申请人无正当理由逾期不补正', ['逾期不补正', '无正当理由逾期'], 'other'),
  row('other_overdue_fee', '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用', ['收费通知', '缴纳费用'], 'other'),
  row('other_other', '（六）其他处理 3.其他', ['3其他'], 'other'),
];
const OTHER_ONE: AppRowDef[] = [row('other_total', '（六）其他处理', ['其他处理'])];
const TAIL: AppRowDef[] = [
  row('total_processed', '（七）总计', ['七总计']),
  row('carried_forward', '四、结转下年度继续办理', ['结转下年度', '下年度继续办理']),
];

/**
 * The two printed layouts of table B: （六）其他处理 with three sub-rows, or as one row
 * (2019 template, some 2021 reports).
 */
export const APPLICATION_LAYOUTS: { name: 'split' | 'one'; rows: AppRowDef[] }[] = [
  { name: 'split', rows: [...HEAD, ...OTHER_SPLIT, ...TAIL] },
  { name: 'one', rows: [...HEAD, ...OTHER_ONE, ...TAIL] },
];

export const ALL_APPLICATION_ROWS: AppRowDef[] = [...HEAD, ...OTHER_SPLIT, ...OTHER_ONE, ...TAIL];

/** Table A (第二十条) per template: row key, identifying phrases, the value columns in printed order. */
export interface ActiveRowDef {
  key: string; label: string; phrases: string[]; columns: string[]; columnLabels: string[];
}

export const ACTIVE_ROWS: Record<Format, ActiveRowDef[]> = {
  '2021': [
    {
      key: 'rules', label: '规章', phrases: ['规章'],
      columns: ['issued', 'repealed', 'in_force'], columnLabels: ['本年制发件数', '本年废止件数', '现行有效件数'],
    },
    {
      key: 'normative_documents', label: '行政规范性文件', phrases: ['规范性文件'],
      columns: ['issued', 'repealed', 'in_force'], columnLabels: ['本年制发件数', '本年废止件数', '现行有效件数'],
    },
    { key: 'licensing', label: '行政许可', phrases: ['行政许可'], columns: ['decisions'], columnLabels: ['本年处理决定数量'] },
    { key: 'penalty', label: '行政处罚', phrases: ['行政处罚'], columns: ['decisions'], columnLabels: ['本年处理决定数量'] },
    { key: 'coercion', label: '行政强制', phrases: ['行政强制'], columns: ['decisions'], columnLabels: ['本年处理决定数量'] },
    { key: 'fees', label: '行政事业性收费', phrases: ['行政事业性收费'], columns: ['amount_10k_yuan'], columnLabels: ['本年收费金额（万元）'] },
  ],
  '2019': [
    {
      key: 'rules', label: '规章', phrases: ['规章'],
      columns: ['new_made', 'new_published', 'total_published'], columnLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    },
    {
      key: 'normative_documents', label: '规范性文件', phrases: ['规范性文件'],
      columns: ['new_made', 'new_published', 'total_published'], columnLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    },
    {
      key: 'licensing', label: '行政许可', phrases: ['行政许可'],
      columns: ['prev_items', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'],
    },
    {
      key: 'other_services', label: '其他对外管理服务事项', phrases: ['其他对外管理服务事项', '对外管理服务'],
      columns: ['prev_items', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'],
    },
    {
      key: 'penalty', label: '行政处罚', phrases: ['行政处罚'],
      columns: ['prev_items', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'],
    },
    {
      key: 'coercion', label: '行政强制', phrases: ['行政强制'],
      columns: ['prev_items', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'],
    },
    {
      key: 'fees', label: '行政事业性收费', phrases: ['行政事业性收费'],
      columns: ['prev_items', 'change'], columnLabels: ['上一年项目数量', '本年增/减'],
    },
    {
      key: 'procurement', label: '政府集中采购', phrases: ['政府集中采购'],
      columns: ['items', 'amount_10k_yuan'], columnLabels: ['采购项目数量', '采购总金额（万元）'],
    },
  ],
};

/** Section headings (after labelKey), in document order; a heading is a short line holding one of these. */
export const SECTION_HEADINGS: {
  id: 'overview' | 'active' | 'applications' | 'review' | 'problems' | 'other';
  phrases: string[];
}[] = [
  { id: 'overview', phrases: ['总体情况'] },
  { id: 'active', phrases: ['主动公开政府信息情况'] },
  { id: 'applications', phrases: ['收到和处理政府信息公开申请', '依申请公开政府信息情况', '政府信息公开申请情况'] },
  { id: 'review', phrases: ['政府信息公开行政复议', '行政复议行政诉讼', '行政复议及行政诉讼', '行政复议和行政诉讼', '被申请行政复议'] },
  { id: 'problems', phrases: ['存在的主要问题', '主要问题及改进', '存在问题及改进', '政府信息公开工作存在的主要问题'] },
  { id: 'other', phrases: ['其他需要报告的事项'] },
];


/** How answers and findings name the three tables. */
export const TABLE_TITLES: Record<TableId, string> = {
  active: '表二（主动公开政府信息情况）',
  applications: '表三（收到和处理政府信息公开申请情况）',
  review_litigation: '表四（行政复议、行政诉讼情况）',
};
