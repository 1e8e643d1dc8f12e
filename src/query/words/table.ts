/**
 * The words of the template's tables as people type them: rows and groups of table 三, applicant columns, table
 * 四's groups and outcomes, table 二's rows and operations, derived figures. Data, read by one scan.
 */
import type { Word } from './types.js';

const w = (surfaces: string, word: Word): [string, Word][] => surfaces.split('|').map((s) => [s, word]);

/** Table B rows and groups (metric ids are "applications.<row>" or "group.<name>"), table A rows, ratios. */
export const TABLE_WORDS: [string, Word][] = [
  // applications received and the other flow rows
  ...w('收到|受理|接收|提出|提了|提交|申请数量|申请量|申请数|申请总量|收件|来件|有人申请|申请了|收申请|收的申请|收了申请|'
    + '收了几件|收了多少件|收了几个|收了多少个|一共收了几件|所收申请', { k: 'cue', id: 'receive' }),
  ...w('新收|新收到|本年新收到|新受理|新接收', { k: 'metric', id: 'applications.new_received' }),
  ...w('本年新收|本年度新收|新收申请', { k: 'metric', id: 'applications.new_received' }),
  ...w('需要办理|需办理|应办理|应当办理|需要处理|要办理的|办理总量', { k: 'metric', id: 'applications.to_handle' }),
  ...w('上年结转|上年度结转|结转上年度|上一年结转|上一年度结转|上年转来|往年结转|去年结转|前一年结转|去年转来', { k: 'metric', id: 'applications.carried_over' }),
  ...w('结转下年度|结转到下年度|结转至下年度|结转下一年|转入下年度|下年度继续办理|结转下年|顺延到下年度|结转到下一年|结转至下一年|'
    + '结转|结转到|结转至|顺延', { k: 'metric', id: 'applications.carried_forward' }),
  ...w('办结|办理完毕|办理结果总计|处理总计|答复总数|已办结|办理总计|办理了|共办理|已办理|办理完成|答复了|共答复|已答复|'
    + '处理了|办完', { k: 'metric', id: 'applications.total_processed' }),
  ...w('未办结|尚未办结|没办完|未办完|还没办完|没有办完|待办理|继续办理', { k: 'metric', id: 'applications.carried_forward' }),
  ...w('予以公开|同意公开|全部公开|准予公开|给予公开|给公开|公开了的|予以公开的|公开了|被公开|获得公开|获得予以公开|获予公开',
    { k: 'metric', id: 'applications.granted' }),
  ...w('转过来|转来|从上一年转过来|从上年转过来|上一年转过来|上年转过来|上一年留下|上年遗留|上一年没办完', { k: 'metric', id: 'applications.carried_over' }),
  ...w('(七)总计|七)总计|七总计|（七）总计|处理完|办理完|处理完毕|总计办理|办理总数|办理结果|办理结果总数|答复|'
    + '处理结果|办结数', { k: 'metric', id: 'applications.total_processed' }),
  ...w('没办完|转到下一年|转到下年|转入下一年|留到下一年|下一年继续办|转到明年|留到下一年接着办|接着办|继续办|继续办理|'
    + '拖到下一年', { k: 'metric', id: 'applications.carried_forward' }),
  // 没有公开, 未公开: what was not disclosed is more than 不予公开 (无法提供, 不予处理 …): a figure denied (negation.ts)
  ...w('被拒|拒绝公开|拒绝|不给公开|不让公开', { k: 'metric', id: 'group.denied' }),
  ...w('没公开|没有公开|未公开|未被公开|未予公开|没能公开|未办结|没办结|没有办结|未处理|没处理', { k: 'cue', id: 'negated' }),
  ...w('部分公开|区分处理', { k: 'metric', id: 'applications.partial' }),
  ...w('不予公开|不公开', { k: 'metric', id: 'group.denied' }),
  ...w('国家秘密|涉密|属于国家秘密', { k: 'metric', id: 'applications.denied_state_secret' }),
  ...w('法律行政法规禁止公开|禁止公开|法律法规禁止', { k: 'metric', id: 'applications.denied_law_prohibited' }),
  ...w('三安全一稳定|危及三安全一稳定|三安全|国家安全|公共安全|经济安全|社会稳定|危及', { k: 'metric', id: 'applications.denied_three_safety' }),
  ...w('第三方合法权益|保护第三方|第三方权益|涉及第三方|保护第三方权益|保护第三方合法权益', { k: 'metric', id: 'applications.denied_third_party' }),
  ...w('内部事务|三类内部事务信息|内部事务信息', { k: 'metric', id: 'applications.denied_internal' }),
  ...w('过程性信息|四类过程性信息|过程性', { k: 'metric', id: 'applications.denied_process' }),
  ...w('行政执法案卷|执法案卷', { k: 'metric', id: 'applications.denied_enforcement_file' }),
  ...w('行政查询事项|查询事项', { k: 'metric', id: 'applications.denied_admin_query' }),
  ...w('无法提供|没法提供|不能提供|提供不了|没办法提供', { k: 'metric', id: 'group.unavailable' }),
  ...w('不掌握|本机关不掌握|不掌握相关政府信息|信息不存在', { k: 'metric', id: 'applications.unavailable_not_held' }),
  ...w('另行制作|没有现成信息|需要另行制作|需另行制作', { k: 'metric', id: 'applications.unavailable_needs_creation' }),
  ...w('仍不明确|补正后|申请内容不明确|内容不明确', { k: 'metric', id: 'applications.unavailable_unclear' }),
  ...w('不予处理', { k: 'metric', id: 'group.rejected' }),
  ...w('信访举报投诉|信访|举报投诉|信访举报', { k: 'metric', id: 'applications.rejected_complaint' }),
  ...w('重复申请', { k: 'metric', id: 'applications.rejected_duplicate' }),
  ...w('公开出版物|出版物', { k: 'metric', id: 'applications.rejected_publication' }),
  ...w('大量反复申请|无正当理由大量反复|大量反复', { k: 'metric', id: 'applications.rejected_excessive' }),
  ...w('确认或重新出具|重新出具|要求确认', { k: 'metric', id: 'applications.rejected_confirm' }),
  ...w('其他处理', { k: 'metric', id: 'group.other' }),
  ...w('逾期不补正|无正当理由逾期不补正|不补正', { k: 'metric', id: 'applications.other_overdue_correction' }),
  ...w('逾期未按收费通知|未缴纳费用|逾期不缴费|逾期未缴费|未按收费通知|逾期不交|逾期不交费|不交费|没交费|不缴费|'
    + '逾期未交', { k: 'metric', id: 'applications.other_overdue_fee' }),
  // applicant columns
  ...w('自然人|个人|公民|群众|老百姓|普通群众|普通百姓|百姓|市民|居民|村民', { k: 'col', id: 'natural_person' }),
  ...w('商业企业|企业', { k: 'col', id: 'commercial' }),
  ...w('科研机构', { k: 'col', id: 'research' }),
  ...w('社会公益组织|公益组织', { k: 'col', id: 'public_interest' }),
  ...w('法律服务机构|律所|律师事务所|律师', { k: 'col', id: 'legal_service' }),
  ...w('其他申请人|其他组织|其他类申请人|其他类', { k: 'col', id: 'other' }),
  // 其他 alone: the applicant column, or, with 其他处理, that group's own row 3.其他 (see read/words)
  ...w('其他', { k: 'cue', id: 'other_word' }),
  ...w('法人或其他组织|法人和其他组织|法人或者其他组织|法人或其它组织|法人及其他组织|法人', { k: 'col', id: 'legal_person' }),
  // all applicants together: the 总计 column (全部申请人呢 after 自然人 asks for it, not for every body)
  ...w('全部申请人|所有申请人|全体申请人|各类申请人', { k: 'col', id: 'total' }),
  // table C
  ...w('行政复议|复议|被复议|被申请行政复议', { k: 'rgroup', id: 'review' }),
  ...w('行政诉讼|诉讼|起诉|被起诉|被诉|被提起行政诉讼|行政应诉|应诉|告到法院|告上法庭|上法院|法院', { k: 'rgroup', id: 'litigation' }),
  ...w('直接告上法庭|直接被告上法庭|直接告到法院|直接去法院|未经复议直接起诉|直接起诉|未经复议|没经过复议|没有经过复议|没经复议|'
    + '不经复议|直接被起诉|直接告|直接被告', { k: 'rgroup', id: 'litigation_direct' }),
  ...w('复议后起诉|经复议后起诉|复议后又起诉|复议后再起诉|复议完了还去法院起诉|复议之后起诉|复议后诉讼|复议后被起诉', { k: 'rgroup', id: 'litigation_after_review' }),
  ...w('被告|被告了|吃官司|打官司|告上法庭|被起诉了|成为被告', { k: 'rgroup', id: 'litigation' }),
  // 复议总数: the group and its 总计 column (复议总数加上复议纠正数 names two columns)
  ...w('复议总数|复议总计|复议案件总数|复议总件数', { k: 'rgroup', id: 'review' }),
  ...w('复议总数|复议总计|复议案件总数|复议总件数', { k: 'rcol', id: 'total' }),
  ...w('诉讼总数|诉讼总计|诉讼案件总数|诉讼总件数', { k: 'rgroup', id: 'litigation' }),
  ...w('诉讼总数|诉讼总计|诉讼案件总数|诉讼总件数', { k: 'rcol', id: 'total' }),
  ...w('维持|结果维持|维持原', { k: 'rcol', id: 'upheld' }),
  ...w('纠正|结果纠正|纠错|被纠错|被纠正', { k: 'rcol', id: 'corrected' }),
  ...w('其他结果', { k: 'rcol', id: 'other' }),
  ...w('已审结|审结|审结的|已经审结|审结了|审完|已审完|已结案|结案', { k: 'rcol', id: 'concluded' }),
  ...w('尚未审结|未审结|在审|没审结|没审完|还没审结|还没审完|没有审结|未结案|没结案|正在审理|还在审', { k: 'rcol', id: 'pending' }),
  // table A
  ...w('规章', { k: 'doc', id: 'rules' }),
  ...w('规范性文件|行政规范性文件|红头文件', { k: 'doc', id: 'normative_documents' }),
  ...w('制发|制定|印发|新制作|出台|发了|新出台|新制定|新制发|新印发|新发布', { k: 'docop', id: 'issued' }),
  ...w('废止|废除|废止了', { k: 'docop', id: 'repealed' }),
  ...w('现行有效|有效的|仍有效|现行|还有效|仍然有效|现在有效|目前有效|依然有效', { k: 'docop', id: 'in_force' }),
  // the 2019 template: 规范性文件 本年新公开数量 / 对外公开总数量; licensing-type rows 上一年项目数量 / 本年增减
  ...w('新制作数量', { k: 'docop', id: 'issued' }),
  // the 2019 template's 本年新公开数量, a column apart from 本年新制作数量
  ...w('新公开|本年新公开|新公开数量|本年新公开数量', { k: 'docop', id: 'published_new' }),
  ...w('对外公开总数量|公开总数量|对外公开总数', { k: 'docop', id: 'in_force' }),
  ...w('上一年项目数量|上年项目数量|上一年项目|上一年的项目|上年项目|上一年有几个项目|上一年项目数', { k: 'docop', id: 'prev_items' }),
  ...w('本年增/减|本年增减|本年增减数|增/减|本年增加或减少', { k: 'docop', id: 'change' }),
  ...w('行政许可|许可', { k: 'metric', id: 'active.licensing' }),
  ...w('行政处罚|处罚|罚了', { k: 'metric', id: 'active.penalty' }),
  ...w('行政强制|强制措施|强制', { k: 'metric', id: 'active.coercion' }),
  ...w('行政事业性收费|事业性收费|收费金额|收费|收了多少钱|收了多少费|收多少钱', { k: 'metric', id: 'active.fees' }),
  ...w('其他对外管理服务事项|对外管理服务事项', { k: 'metric', id: 'active.other_services' }),
  ...w('政府集中采购总金额|集中采购总金额|采购总金额|采购金额|政府集中采购金额|集中采购金额|采购的金额|采购花了',
    { k: 'metric', id: 'active.procurement.amount' }),
  ...w('政府集中采购|集中采购|采购项目', { k: 'metric', id: 'active.procurement.items' }),
  // derived figures
  ...w('公开率|信息公开率|公开比例|公开的比例|公开比率', { k: 'ratio', id: 'open_rate' }),
  ...w('办结率|办结比例|办结的比例|办结比率', { k: 'ratio', id: 'completion_rate' }),
  ...w('被纠错的比例|纠错的比例|纠错比例|纠正的比例|纠正比例|被纠正的比例', { k: 'ratio', id: 'review_correction_rate' }),
  ...w('维持的比例|维持比例|结果维持的比例', { k: 'ratio', id: 'review_upheld_rate' }),
  ...w('复议纠错率|行政复议纠错率|复议纠正率|行政复议纠正率', { k: 'ratio', id: 'review_correction_rate' }),
  ...w('诉讼纠错率|行政诉讼纠错率|诉讼纠正率|行政诉讼纠正率', { k: 'ratio', id: 'litigation_correction_rate' }),
  ...w('纠错率|纠正率|被纠错率|被纠正率', { k: 'ratio', id: 'review_correction_rate' }),
  ...w('维持率|复议维持率|行政复议维持率', { k: 'ratio', id: 'review_upheld_rate' }),
  ...w('占比|比例|比重|所占|占多少|占', { k: 'ratio', id: 'share' }),
  // words that ask for a percentage without saying of what: beside 增长 they ask the change's (增长百分之几)
  ...w('百分比|百分之几|百分之多少|几成|多少成', { k: 'ratio', id: 'share', percent: true }),
];
