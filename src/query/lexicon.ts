/**
 * The domain's words as data: what people type → what it means. One longest-match scan over all of these
 * (plus body and place names built from the store and the gazetteer) reads a question.
 */

export type Applicant = 'natural_person' | 'commercial' | 'research' | 'public_interest' | 'legal_service' | 'other' | 'total' | 'legal_person';
export type ReviewGroup = 'review' | 'litigation' | 'litigation_direct' | 'litigation_after_review';
export type ReviewCol = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';
export type Ratio = 'open_rate' | 'completion_rate' | 'review_correction_rate' | 'litigation_correction_rate' | 'review_upheld_rate' | 'share';
export type Cue =
  | 'receive' | 'compare' | 'rank_desc' | 'rank_asc' | 'rank' | 'sum' | 'change' | 'trend' | 'list' | 'audit' | 'published'
  | 'problems' | 'help' | 'all_bodies' | 'which' | 'and' | 'subyear' | 'question' | 'prev_year' | 'latest' | 'fee_amount' | 'report' | 'each' | 'difference';

export type Word =
  | { k: 'metric'; id: string }
  | { k: 'col'; id: Applicant }
  | { k: 'rgroup'; id: ReviewGroup }
  | { k: 'rcol'; id: ReviewCol }
  | { k: 'doc'; id: 'rules' | 'normative_documents' }
  | { k: 'docop'; id: 'issued' | 'repealed' | 'in_force' }
  | { k: 'ratio'; id: Ratio }
  | { k: 'cue'; id: Cue }
  | { k: 'relyear'; offset: number }
  /** Narrative words: they keep shorter table words inside them from matching, and stay search keywords. */
  | { k: 'topic' };

const w = (surfaces: string, word: Word): [string, Word][] => surfaces.split('|').map((s) => [s, word]);

/** Table B rows and groups (metric ids are "applications.<row>" or "group.<name>"), table A rows, cue words. */
export const WORDS: [string, Word][] = [
  // applications received and the other flow rows
  ...w('新收|新收到|收到|受理|接收|提出|申请数量|申请量|申请数|申请总量|收件|来件', { k: 'cue', id: 'receive' }),
  ...w('本年新收|本年度新收|新收申请', { k: 'metric', id: 'applications.new_received' }),
  ...w('上年结转|上年度结转|结转上年度|上一年结转|上年转来|往年结转', { k: 'metric', id: 'applications.carried_over' }),
  ...w('结转下年度|结转到下年度|结转至下年度|结转下一年|转入下年度|下年度继续办理|结转下年|顺延到下年度|结转到下一年|结转至下一年|结转|结转到|结转至|顺延', { k: 'metric', id: 'applications.carried_forward' }),
  ...w('办结|办理完毕|办理结果总计|处理总计|答复总数|已办结|办理总计|办理了|共办理|已办理|办理完成|答复了|共答复|已答复|处理了|办完', { k: 'metric', id: 'applications.total_processed' }),
  ...w('未办结|尚未办结|没办完|未办完|还没办完|没有办完|待办理|继续办理', { k: 'metric', id: 'applications.carried_forward' }),
  ...w('予以公开|同意公开|全部公开|准予公开', { k: 'metric', id: 'applications.granted' }),
  ...w('部分公开|区分处理', { k: 'metric', id: 'applications.partial' }),
  ...w('不予公开|不公开', { k: 'metric', id: 'group.denied' }),
  ...w('国家秘密|涉密|属于国家秘密', { k: 'metric', id: 'applications.denied_state_secret' }),
  ...w('法律行政法规禁止公开|禁止公开|法律法规禁止', { k: 'metric', id: 'applications.denied_law_prohibited' }),
  ...w('三安全一稳定|危及三安全一稳定|三安全', { k: 'metric', id: 'applications.denied_three_safety' }),
  ...w('第三方合法权益|保护第三方|第三方权益|涉及第三方', { k: 'metric', id: 'applications.denied_third_party' }),
  ...w('内部事务|三类内部事务信息|内部事务信息', { k: 'metric', id: 'applications.denied_internal' }),
  ...w('过程性信息|四类过程性信息|过程性', { k: 'metric', id: 'applications.denied_process' }),
  ...w('行政执法案卷|执法案卷', { k: 'metric', id: 'applications.denied_enforcement_file' }),
  ...w('行政查询事项|查询事项', { k: 'metric', id: 'applications.denied_admin_query' }),
  ...w('无法提供', { k: 'metric', id: 'group.unavailable' }),
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
  ...w('逾期未按收费通知|未缴纳费用|逾期不缴费|逾期未缴费|未按收费通知', { k: 'metric', id: 'applications.other_overdue_fee' }),
  // applicant columns
  ...w('自然人|个人|公民|群众', { k: 'col', id: 'natural_person' }),
  ...w('商业企业|企业', { k: 'col', id: 'commercial' }),
  ...w('科研机构', { k: 'col', id: 'research' }),
  ...w('社会公益组织|公益组织', { k: 'col', id: 'public_interest' }),
  ...w('法律服务机构|律所|律师事务所|律师', { k: 'col', id: 'legal_service' }),
  ...w('其他申请人|其他组织', { k: 'col', id: 'other' }),
  ...w('法人或其他组织|法人和其他组织|法人', { k: 'col', id: 'legal_person' }),
  // table C
  ...w('行政复议|复议|被复议|被申请行政复议', { k: 'rgroup', id: 'review' }),
  ...w('行政诉讼|诉讼|起诉|被起诉|被诉|被提起行政诉讼|行政应诉|应诉', { k: 'rgroup', id: 'litigation' }),
  ...w('未经复议直接起诉|直接起诉|未经复议', { k: 'rgroup', id: 'litigation_direct' }),
  ...w('复议后起诉|经复议后起诉', { k: 'rgroup', id: 'litigation_after_review' }),
  ...w('维持|结果维持|维持原', { k: 'rcol', id: 'upheld' }),
  ...w('纠正|结果纠正|纠错|被纠错|被纠正', { k: 'rcol', id: 'corrected' }),
  ...w('其他结果', { k: 'rcol', id: 'other' }),
  ...w('尚未审结|未审结|在审', { k: 'rcol', id: 'pending' }),
  // table A
  ...w('规章', { k: 'doc', id: 'rules' }),
  ...w('规范性文件|行政规范性文件|红头文件', { k: 'doc', id: 'normative_documents' }),
  ...w('制发|制定|印发|新制作|出台', { k: 'docop', id: 'issued' }),
  ...w('废止|废除|废止了', { k: 'docop', id: 'repealed' }),
  ...w('现行有效|有效的|仍有效|现行', { k: 'docop', id: 'in_force' }),
  ...w('行政许可|许可', { k: 'metric', id: 'active.licensing' }),
  ...w('行政处罚|处罚', { k: 'metric', id: 'active.penalty' }),
  ...w('行政强制|强制措施', { k: 'metric', id: 'active.coercion' }),
  ...w('行政事业性收费|事业性收费|收费金额|收费', { k: 'metric', id: 'active.fees' }),
  ...w('其他对外管理服务事项|对外管理服务事项', { k: 'metric', id: 'active.other_services' }),
  ...w('政府集中采购总金额|集中采购总金额|采购总金额|采购金额', { k: 'metric', id: 'active.procurement.amount' }),
  ...w('政府集中采购|集中采购|采购项目', { k: 'metric', id: 'active.procurement.items' }),
  // derived figures
  ...w('公开率|信息公开率', { k: 'ratio', id: 'open_rate' }),
  ...w('办结率', { k: 'ratio', id: 'completion_rate' }),
  ...w('复议纠错率|行政复议纠错率', { k: 'ratio', id: 'review_correction_rate' }),
  ...w('诉讼纠错率|行政诉讼纠错率', { k: 'ratio', id: 'litigation_correction_rate' }),
  ...w('纠错率', { k: 'ratio', id: 'review_correction_rate' }),
  ...w('维持率|复议维持率|行政复议维持率', { k: 'ratio', id: 'review_upheld_rate' }),
  ...w('占比|比例|比重|所占|占多少|百分比|占', { k: 'ratio', id: 'share' }),
  // intents
  ...w('对比|比较|相比|谁多|谁少|谁的|谁|哪个多|哪个少|差多少|差距|和|与|跟|同|比', { k: 'cue', id: 'compare' }),
  ...w('差多少|差距|相差|多多少|少多少|多出|多了多少|少了多少|差了多少|高多少|低多少|差值', { k: 'cue', id: 'difference' }),
  ...w('最多|最高|最大|第一|最大的|最多的|前三|前五|前十|前几|排名前', { k: 'cue', id: 'rank_desc' }),
  ...w('最少|最低|最小|倒数', { k: 'cue', id: 'rank_asc' }),
  ...w('排名|排行|排序|排位|名次', { k: 'cue', id: 'rank' }),
  ...w('一共|共计|合计|总共|加起来|总计|加上|加|累计|总和|总数', { k: 'cue', id: 'sum' }),
  ...w('变化|增加|减少|增长|下降|增减|同比|环比|多了|少了|涨|降|增幅|降幅|增长率|变动|多收|少收', { k: 'cue', id: 'change' }),
  ...w('多收|少收', { k: 'cue', id: 'receive' }),
  // narrative words that contain table words (收费 in 收费通知, 公开 in 主动公开 …)
  ...w('收费通知|信息处理费|处理费|主动公开|门户网站|政府网站|网站|浏览量|访问量|公众号|微信|微博|新闻发布会|发布会|政策解读|解读|培训|留言|热线|信箱', { k: 'topic' }),
  ...w('比上一年|比上年|较上年|较上一年|比去年|较去年|同上一年|与上一年|和上一年', { k: 'cue', id: 'prev_year' }),
  ...w('趋势|历年|每年|逐年|走势|这几年|各年', { k: 'cue', id: 'trend' }),
  ...w('哪些报告|什么报告|报告列表|有哪些单位|哪些单位|哪些机关|哪些年份|有哪些年|收录|数据库里|库里|都有哪些|有什么报告|有哪些报告|列出|报告清单|所有报告|全部报告|多少份报告|几份报告|几年的报告|哪几年|哪些年度', { k: 'cue', id: 'list' }),
  ...w('一致吗|是否一致|一致不一致|对得上|有没有问题|有问题吗|数据问题|勾稽|核对|审核|校验|有没有错|错误|异常|矛盾|不一致|有误|对不上|有没有数据问题|审计|有什么问题|什么问题|有问题|问题吗|数据质量|准确吗|可靠吗', { k: 'cue', id: 'audit' }),
  ...w('哪天发布|何时发布|什么时候发布|发布日期|发布时间|哪天公布|何时公布|什么时候公布|公布日期|按时发布|按时公布|是否按时|及时发布|哪一天发布', { k: 'cue', id: 'published' }),
  ...w('存在的主要问题|存在问题|主要问题|存在的问题|不足之处|改进情况|改进措施|整改|存在哪些问题|存在什么问题|存在的不足|存在哪些不足|有哪些不足|工作中的问题|哪些问题', { k: 'cue', id: 'problems' }),
  ...w('帮助|怎么用|如何使用|你能做什么|能问什么|使用说明|help|你好|您好', { k: 'cue', id: 'help' }),
  ...w('所有单位|全部单位|各单位|所有机关|各机关|全部机关|各地|各区|全部|所有|各部门|各个单位|每个单位|所有报告|全部报告', { k: 'cue', id: 'all_bodies' }),
  ...w('哪个单位|哪个机关|哪个区|哪家|哪个部门|哪一个|哪个', { k: 'cue', id: 'which' }),
  ...w('上半年|下半年|季度|一季度|二季度|三季度|四季度|本月|上月|上个月|这个月', { k: 'cue', id: 'subyear' }),
  ...w('最新|最近一年|最近一次|最新一年', { k: 'cue', id: 'latest' }),
  ...w('各|分别|各自|各多少|原因|构成|明细|具体情况|分别是|都有哪些情形|哪些情形|细分', { k: 'cue', id: 'each' }),
  ...w('报告|年报|年度报告|报告情况|主要数据|主要数字|概况|基本情况|数据', { k: 'cue', id: 'report' }),
  // relative years (longest match keeps 上年结转 a metric)
  ...w('今年|本年度|当年', { k: 'relyear', offset: 0 }),
  ...w('去年|上年|上年度|上一年度|上一年', { k: 'relyear', offset: -1 }),
  ...w('前年', { k: 'relyear', offset: -2 }),
  ...w('大前年', { k: 'relyear', offset: -3 }),
];

/** Words that carry no content for narrative search. */
export const STOP_CHARS = /[的了吗呢吧啊呀么是有在和与及或等共计约为多少几个件条篇次项份元万多少是什么哪怎样如何请问一下]/g;
export const STOP_PHRASES = ['是多少', '有多少', '多少', '是什么', '是哪些', '有哪些', '怎么样', '如何', '请问', '一共', '总共', '报告', '年报', '年度报告', '政府信息公开工作', '情况'];

/** Units a question may ask for ("多少篇") and the units of stated figures. */
export const UNITS = ['万元', '人次', '万条', '万次', '元', '件', '条', '篇', '次', '个', '期', '场', '份', '项', '人', '家', '宗', '起', '部', '万'];
