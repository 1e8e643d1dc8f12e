/**
 * The words a body's name is made of, as data: the organisation word its name ends with (and what kind of body
 * that makes it), and the words that are not names. Readers of titles, preambles and questions build their
 * patterns from these lists.
 */

/** What kind of body a name denotes; the deadline and the identity rules depend on it. */
export type BodyKind =
  | 'government'   // a people's government, or a bare place standing for it (上海市, 保康县, 某某旗)
  | 'office'       // a government's general office (办公室, 办公厅)
  | 'department'   // a department or agency of a government (局, 委员会, 厅 …)
  | 'township'     // a town or township government (镇, 乡, 苏木)
  | 'street'       // a sub-district office (街道, 街道办事处)
  | 'zone'         // a development zone and its committee (开发区, 管委会)
  | 'institution'  // a public institution (中心, 馆, 站, 院)
  | 'customs'      // 海关
  | 'corps'        // 兵团 and its divisions (兵团, 师)
  | 'farm'         // state farms (农场, 林场, 园艺场) and the corps' regiments (团, 团场)
  | 'other';

/**
 * Organisation words a name ends with, longest match wins; `kind` is what the name denotes. Place words
 * (省, 市, 县 …) are not here: a name ending in a place is the place's government (see PLACE_SUFFIXES).
 */
export const ORG_WORDS: { word: string; kind: BodyKind }[] = [
  ...['人民政府', '政府', '行政公署', '行署'].map((word) => ({ word, kind: 'government' as const })),
  ...['人民政府办公室', '人民政府办公厅', '政府办公室', '政府办公厅', '政府办', '管委会办公室', '管理委员会办公室']
    .map((word) => ({ word, kind: 'office' as const })),
  ...['街道办事处', '街道办', '街道', '办事处', '街道党工委']
    .map((word) => ({ word, kind: 'street' as const })),
  ...['镇人民政府', '乡人民政府', '苏木人民政府', '镇政府', '乡政府', '镇', '乡', '苏木', '嘎查', '民族乡', '民族苏木']
    .map((word) => ({ word, kind: 'township' as const })),
  ...['管委会', '管理委员会', '开发区', '高新区', '新区', '园区', '工业园', '产业园', '实验区', '试验区', '片区', '示范区',
    '合作区', '保税区', '度假区', '风景区', '景区', '经济区', '功能区', '集聚区', '港区', '综保区', '工作委员会']
    .map((word) => ({ word, kind: 'zone' as const })),
  ...['局', '厅', '委员会', '委', '办公室', '办', '署', '处', '部', '分局', '支队', '大队', '总队', '队', '所', '科', '室',
    '监狱', '银行', '法院', '检察院', '联合会', '协会', '学会', '商会', '公司', '集团',
    // departments whose names end like a zone's committee
    '监督管理委员会', '城市管理委员会', '城乡建设管理委员会', '建设和管理委员会']
    .map((word) => ({ word, kind: 'department' as const })),
  ...['红十字会', '基金会', '工会', '会', '中心', '分中心', '馆', '站', '院', '台', '社', '学校', '大学', '学院', '医院', '研究所', '研究院', '公园', '保护区',
    '艺术团', '歌舞团', '剧团']
    .map((word) => ({ word, kind: 'institution' as const })),
  ...['海关'].map((word) => ({ word, kind: 'customs' as const })),
  ...['兵团', '师'].map((word) => ({ word, kind: 'corps' as const })),
  // a corps regiment (第一师十团) is a 团场, a farm at a township's level
  ...['农场', '林场', '园艺场', '牧场', '渔场', '场', '团场', '总场', '分场', '团']
    .map((word) => ({ word, kind: 'farm' as const })),
];

/** The level words of places: a name ending in one of them is a place (and stands for its government). */
export const PLACE_SUFFIXES = [
  '特别行政区', '自治区', '自治州', '自治县', '自治旗', '省', '市', '县', '区', '州', '盟', '旗', '地区', '林区', '特区',
];

/**
 * Words a name never starts with: pronouns and collective words (我区, 本机关, 全市, 各部门); a place that starts
 * with one of them (本溪市, 全椒县) is still a name.
 */
export const NOT_NAME_LEADS = ['我', '本', '全', '各', '该', '此', '上级', '下级', '所属', '有关', '相关', '其他', '一图', '图解',
  '部分', '多个', '若干', '各地'];

/** Words that end a group of bodies, not one (市直部门, 县直单位, 区政府各部门, 乡镇（街道）). */
export const NOT_NAME_ENDINGS = ['部门', '单位', '机关', '乡镇（街道）', '乡镇(街道)', '各级', '系统', '网站', '网', '平台', '专栏',
  '栏目', '公众号', '客户端', '微博', '热线', '窗口'];

/** Words that make a span a phrase, not a name (现将…, 根据…, 关于做好…). */
export const NOT_NAME_WORDS = [
  '现将', '现予', '根据', '依据', '按照', '关于做好', '做好', '编制', '编写', '公布', '发布', '印发', '通知', '要求', '条例',
  '报告如下', '如下', '汇总', '工作要点', '指南', '目录', '年报', '报告', '信息公开', '情况', '进行', '开展', '全文',
  '读懂', '解读', '征集', '意见建议', '主动公开', '依申请', '首页', '当前位置', '打印', '字号',
];

/**
 * Words of a preamble that stand right before the body's name ("特编制某某2023年…报告", "现公布《某某…》"):
 * the name starts after the last of them.
 */
export const PREAMBLE_CUES = [
  '特编制', '现编制', '编制了', '编制完成了', '编制完成', '编制', '特制定', '制定', '现公布', '现予公布', '予以公布', '公布了',
  '公布', '现发布', '发布了', '发布', '现将', '现印发', '印发', '特发布', '现公开', '公开', '形成', '撰写', '制作',
  '本报告是', '本报告为', '本报告由', '本年度报告由', '本年报由', '由', '是', '为', '即', '的',
];

/** Verbs that follow the body's name right before the report's year ("某某县人民政府编制了2024年…报告"). */
export const TRAILING_CUES = ['编制了', '编制完成了', '编制完成', '编制', '特编制', '制作了', '制作', '发布了', '发布', '公布了', '公布',
  '形成了', '撰写了', '撰写', '起草了', '完成了'];

/** Words that follow the body as the subject of the overview's first sentence ("2022年，某某管委会坚持…"). */
export const SUBJECT_CUES = [
  '坚持', '认真', '严格', '深入', '全面', '按照', '始终', '紧紧', '紧扣', '进一步', '持续', '积极', '高度', '扎实', '切实',
  '围绕', '不断', '着力', '聚焦', '结合', '依据', '根据', '深化', '强化', '加强', '贯彻', '落实', '以习近平', '在', '共',
  '依法', '主动', '继续', '准确', '牢固', '大力', '稳步', '立足', '对标', '把', '将', '通过', '高标准', '坚决',
];

/** Labels of the fields web pages print above a report (发布机构：某某局). */
export const PUBLISHER_FIELDS = ['发布机构', '发文机关', '发布单位', '来源单位', '信息来源', '来源', '供稿单位', '供稿', '所属机构'];
export const TITLE_FIELDS = ['标题', '题目', '名称', '名 称', '文件名称', '信息名称'];

/**
 * What may follow a report's title on the same line when a converter ran the title into the text after it:
 * the first section, the preamble's first words, the page's fields.
 */
export const AFTER_TITLE = [
  '一、', '（一）', '(一)', '根据', '依据', '按照', '本报告', '本年度报告', '本年报', '为', '发布时间', '发布日期', '来源',
  '索引号', '时间', '日期', '作者', '浏览', '字号', '打印', '予以', '进行', '现予', '如下', '全文', '正式', '发布', '公布',
];
