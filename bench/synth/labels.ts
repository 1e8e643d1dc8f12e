/** The printed labels of the national templates' tables, as the reports print them (data for the renderer). */

/** Table B rows: the group cell (三、本年度办理结果 and its （三）不予公开 …) and the row's own label. */
export const APPLICATION_LABELS: Record<string, { group?: string; sub?: string; label: string }> = {
  new_received: { label: '一、本年新收政府信息公开申请数量' },
  carried_over: { label: '二、上年结转政府信息公开申请数量' },
  granted: { group: '三、本年度办理结果', label: '（一）予以公开' },
  partial: { group: '三、本年度办理结果', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  denied_state_secret: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '1.属于国家秘密' },
  denied_law_prohibited: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  denied_three_safety: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  denied_third_party: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '4.保护第三方合法权益' },
  denied_internal: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '5.属于三类内部事务信息' },
  denied_process: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '6.属于四类过程性信息' },
  denied_enforcement_file: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '7.属于行政执法案卷' },
  denied_admin_query: { group: '三、本年度办理结果', sub: '（三）不予公开', label: '8.属于行政查询事项' },
  unavailable_not_held: { group: '三、本年度办理结果', sub: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  unavailable_needs_creation: { group: '三、本年度办理结果', sub: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  unavailable_unclear: { group: '三、本年度办理结果', sub: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  rejected_complaint: { group: '三、本年度办理结果', sub: '（五）不予处理', label: '1.信访举报投诉类申请' },
  rejected_duplicate: { group: '三、本年度办理结果', sub: '（五）不予处理', label: '2.重复申请' },
  rejected_publication: { group: '三、本年度办理结果', sub: '（五）不予处理', label: '3.要求提供公开出版物' },
  rejected_excessive: { group: '三、本年度办理结果', sub: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  rejected_confirm: { group: '三、本年度办理结果', sub: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  other_overdue_correction: {
    group: '三、本年度办理结果', sub: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  other_overdue_fee: {
    group: '三、本年度办理结果', sub: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  other_other: { group: '三、本年度办理结果', sub: '（六）其他处理', label: '3.其他' },
  other_total: { group: '三、本年度办理结果', label: '（六）其他处理' },
  total_processed: { group: '三、本年度办理结果', label: '（七）总计' },
  carried_forward: { label: '四、结转下年度继续办理' },
};

export const APPLICANT_HEADER = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  top: ['申请人情况'],
  second: ['自然人', '法人或其他组织', '总计'],
  third: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
};

export const REVIEW_HEADER = {
  groups: ['行政复议', '行政诉讼'],
  litigation: ['未经复议直接起诉', '复议后起诉'],
  columns: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
};

/** Table A per template: the 第二十条 item headings, the header columns and the rows (key, label). */
export const ACTIVE_GROUPS: Record<'2021' | '2019', { item: string; header: string[]; rows: [string, string][] }[]> = {
  '2021': [
    {
      item: '第二十条第（一）项', header: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [['rules', '规章'], ['normative_documents', '行政规范性文件']],
    },
    { item: '第二十条第（五）项', header: ['本年处理决定数量'], rows: [['licensing', '行政许可']] },
    { item: '第二十条第（六）项', header: ['本年处理决定数量'], rows: [['penalty', '行政处罚'], ['coercion', '行政强制']] },
    { item: '第二十条第（八）项', header: ['本年收费金额（单位：万元）'], rows: [['fees', '行政事业性收费']] },
  ],
  '2019': [
    {
      item: '第二十条第（一）项', header: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [['rules', '规章'], ['normative_documents', '规范性文件']],
    },
    {
      item: '第二十条第（五）项', header: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [['licensing', '行政许可'], ['other_services', '其他对外管理服务事项']],
    },
    { item: '第二十条第（六）项', header: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['penalty', '行政处罚'], ['coercion', '行政强制']] },
    { item: '第二十条第（八）项', header: ['上一年项目数量', '本年增/减'], rows: [['fees', '行政事业性收费']] },
    { item: '第二十条第（九）项', header: ['采购项目数量', '采购总金额'], rows: [['procurement', '政府集中采购']] },
  ],
};

export const HEADINGS = {
  overview: '一、总体情况',
  active: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** Roads of an address: common names that name no place. */
export const ROADS = ['人民路', '解放路', '建设路', '府前路', '行政路', '政通路', '文明路', '和平路', '幸福路', '团结路', '胜利路', '新华路'];
