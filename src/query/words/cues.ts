/** Words that say what kind of answer is wanted (compare, rank, change, list, audit …) and relative years. */
import type { Cue, Word } from './types.js';

const w = (surfaces: string, word: Word): [string, Word][] => surfaces.split('|').map((s) => [s, word]);

const FEE_WORDS = '依申请公开收费|信息公开收费|政府信息公开收费|公开收费|申请收费|收取信息处理费|信息公开费用|公开费用'.split('|');
/** Topics the prose words otherwise: searched for as the report prints them (依申请公开收费 → 信息处理费). */
export const TOPIC_TERMS: Record<string, string> = Object.fromEntries(FEE_WORDS.map((s) => [s, '信息处理费']));
const POINTS = '几个百分点|多少个百分点|多少百分点|百分点|高几个百分点|低几个百分点|差几个百分点'.split('|');

export const CUE_WORDS: [string, Word][] = [
  // applications as such: a question about them with no row named asks for the new ones (新收)
  ...w('申请|的申请|申请的|申请件|申请案件|政府信息公开申请|信息公开申请|公开申请|依申请公开|依申请', { k: 'cue', id: 'apply' }),
  // who applied: the columns' word, no row of its own
  ...w('申请人|申请人类别|申请主体|申请人类型', { k: 'filler' }),
  // intents
  ...w('对比|比较|相比|谁多|谁少|谁的|谁|哪个多|哪个少|差多少|差距|和|与|跟|同|比', { k: 'cue', id: 'compare' }),
  // 它的公开率 after a ranking: the body it named first
  ...w('它|它的|该单位|该单位的|这个单位|这个单位的|这家单位|那个单位|那个单位的|此单位|这家|那家', { k: 'cue', id: 'that_body' }),
  // 甲是乙的几倍: the first figure over the second
  ...w('几倍|多少倍|倍数|的几倍|的多少倍', { k: 'cue', id: 'times' }),
  // 公开率哪个高: which of the bodies named is higher (or lower)
  ...w('哪个高|哪个低|谁高|谁低|谁更高|谁更低|哪个更高|哪个更低|更高|更低|较高|较低|高|低', { k: 'cue', id: 'compare' }),
  ...w('差多少|差距|相差|多多少|少多少|多出|多了多少|少了多少|差了多少|高多少|低多少|差值', { k: 'cue', id: 'difference' }),
  // 公开率高几个百分点: the difference of two rates, in percentage points (as the answer states it)
  ...POINTS.flatMap((s) => [[s, { k: 'cue', id: 'difference' }], [s, { k: 'cue', id: 'points' }]] as [string, Word][]),
  ...w('多几件|少几件|多几个|少几个|多几次|少几次|多几条|少几条|差几件|差几个', { k: 'cue', id: 'difference' }),
  ...w('最多|最高|最大|第一|最大的|最多的|前三|前五|前十|前几|排名前', { k: 'cue', id: 'rank_desc' }),
  ...w('最少|最低|最小|倒数', { k: 'cue', id: 'rank_asc' }),
  ...w('排名|排行|排序|排位|名次|排一下|排个序|排排|排列|排个名|排出来|从高到低|由高到低|从多到少|从大到小|降序', { k: 'cue', id: 'rank' }),
  ...w('从低到高|由低到高|从少到多|从小到大|升序|倒数第一|倒数几名|倒数前三|垫底', { k: 'cue', id: 'rank_asc' }),
  ...w('前三名|前五名|前十名|前几名|前两名|第一名|头名|榜首', { k: 'cue', id: 'rank_desc' }),
  // where one body stands in a ranking (番禺排第几)
  ...w('排第几|排第几名|排名第几|排在第几|排在第几名|排在第几位|第几名|第几位|排多少名|排名多少|位列第几|位居第几|处于第几|'
    + '排第几位|排名怎么样|排名如何|排在什么位置|排名处于什么位置|第几|排几|排多少|排名多少位|排在多少', { k: 'cue', id: 'position' }),
  // the scope of a ranking around the body named (番禺在全市排第几: among its city's bodies; 全国: every body on file)
  ...w('全国|全国范围|全国范围内|在全国|全国各地|全国各单位|全国所有单位|全国的单位', { k: 'cue', id: 'nationwide' }),
  ...w('全省|省内|本省|全省范围|全省范围内|在省内|全省各单位|全省所有单位|全自治区|自治区内', { k: 'cue', id: 'province_wide' }),
  ...w('全市|市内|本市|全市范围|全市范围内|在市内|全市各单位|全市所有单位|全州|州内', { k: 'cue', id: 'city_wide' }),
  // 倒数第几: a place counted from the fewest
  ...w('倒数第几|倒数第几名|倒数第几位|倒数排第几', { k: 'cue', id: 'position' }),
  ...w('倒数第几|倒数第几名|倒数第几位|倒数排第几', { k: 'cue', id: 'rank_asc' }),
  ...w('一共|共计|合计|总共|加起来|总计|加上|加|累计|总和|总数|相加|加在一起|加一块', { k: 'cue', id: 'sum' }),
  ...w('变化|增加|减少|增长|下降|增减|同比|环比|多了|少了|涨|降|增幅|降幅|增长率|变动|多收|少收', { k: 'cue', id: 'change' }),
  ...w('提高|降低|上升|提升|升高|多还是少|增加还是减少|增还是减|是增是减|升还是降|高还是低', { k: 'cue', id: 'change' }),
  ...w('多收|少收', { k: 'cue', id: 'receive' }),
  // narrative words that contain table words (收费 in 收费通知, 公开 in 主动公开 …)
  ...w('收费通知|信息处理费|处理费|主动公开|门户网站|政府网站|网站|浏览量|访问量|公众号|微信|微博|新闻发布会|发布会|政策解读|解读|培训|留言|热线|信箱', { k: 'topic' }),
  // how long things take: no table has it (平均办理时间 is no average of a figure)
  ...w('时间|时长|用时|天数|耗时|多久|多长时间|办理时间|答复时间|办理时长|办理天数|答复天数|处理时间|办理周期|'
    + '什么时候|什么时间|何时|哪天|几天|哪一天', { k: 'topic' }),
  // kinds of information the prose counts (主动公开政府工作报告3条, 其中概况类信息发布45条)
  ...w('政府公报|公报|政务新媒体|新媒体|视频号|抖音|头条号|公开专栏|公开栏|在线访谈|访谈|意见征集|征求意见|听证会|座谈会', { k: 'topic' }),
  ...w('政府工作报告|常务会议|政府会议|工作动态|政务动态|概况类|预决算', { k: 'topic' }),
  // notices sent are counted in the prose; the table row is of applications whose fee went unpaid
  ...w('发出收费通知|发收费通知|寄发收费通知|下发收费通知|收费通知书', { k: 'topic' }),
  // the fee of disclosure on request (信息处理费), not 行政事业性收费 (the body's fees at large, table 二)
  ...FEE_WORDS.map((s): [string, Word] => [s, { k: 'topic' }]),
  // what the applications asked about: no table sorts them by subject
  ...w('哪类|哪一类|哪几类|什么类型|哪种类型|哪些类型|什么内容|哪方面|哪些方面|什么领域|哪个领域', { k: 'topic' }),

  ...w('比上一年|比上年|较上年|较上一年|比去年|较去年|同上一年|与上一年|和上一年', { k: 'cue', id: 'prev_year' }),
  ...w('趋势|历年|每年|逐年|走势|这几年|各年|所有年份|全部年份|所有年度|全部年度|各个年份|各年度', { k: 'cue', id: 'trend' }),
  ...w('哪些报告|什么报告|报告列表|有哪些单位|哪些单位|哪些机关|哪些年份|有哪些年|收录|数据库里|库里|都有哪些|有什么报告|有哪些报告|'
    + '列出|报告清单|所有报告|全部报告|多少份报告|几份报告|几年的报告|哪几年|哪些年度', { k: 'cue', id: 'list' }),
  ...w('一致吗|是否一致|一致不一致|对得上|有没有问题|有问题吗|数据问题|勾稽|核对|审核|校验|有没有错|错误|异常|矛盾|不一致|有误|对不上|'
    + '有没有数据问题|审计|有什么问题|什么问题|有问题|问题吗|数据质量|准确吗|可靠吗', { k: 'cue', id: 'audit' }),
  ...w('哪天发布|何时发布|什么时候发布|发布日期|发布时间|哪天公布|何时公布|什么时候公布|公布日期|按时发布|按时公布|是否按时|及时发布|哪一天发布', { k: 'cue', id: 'published' }),
  ...w('什么时间发布|什么时间公布|什么时间发的|啥时候发布|啥时候发的|什么时候发的|几时发布|哪年哪月发布', { k: 'cue', id: 'published' }),
  ...w('落款日期|落款时间|落款|成文日期|印发日期|签发日期|发布的日期|哪天出的|什么时候出的|哪天印发', { k: 'cue', id: 'published' }),
  ...w('是否按期|按期发布|按期公布|按期|法定期限|期限|截止日期|最晚|是否逾期|有没有逾期|超期了吗|按规定时间|规定期限|发布期限', { k: 'cue', id: 'deadline' }),
  ...w('没有印发布日期|没印发布日期|未印发布日期|没有发布日期|没写发布日期|没有落款日期|没有落款|缺发布日期|没有日期|没写日期|未注明日期', { k: 'cue', id: 'no_date' }),
  ...w('逾期发布|逾期公布|超期发布|晚发布|迟发布|没按时发布|未按时发布|没有按时发布|没按期发布|未按期发布|逾期的|超期的|迟交', { k: 'cue', id: 'late' }),
  ...w('存在的主要问题|存在问题|主要问题|存在的问题|不足之处|改进情况|改进措施|整改|存在哪些问题|存在什么问题|'
    + '存在的不足|存在哪些不足|有哪些不足|工作中的问题|哪些问题', { k: 'cue', id: 'problems' }),
  ...w('帮助|怎么用|如何使用|你能做什么|能问什么|使用说明|help|你好|您好', { k: 'cue', id: 'help' }),
  ...w('所有单位|全部单位|各单位|所有机关|各机关|全部机关|各地|全部|所有|各个单位|每个单位|所有报告|全部报告', { k: 'cue', id: 'all_bodies' }),
  // one tier of bodies (各区县: the district and county governments), each also all of the tier's bodies
  ...w('各区|各县|各区县|各县区|各县市区|各县（市、区）|各县(市、区)|各区县政府|各区政府|各县政府|各县级政府|区县政府|县区政府|'
    + '区县|县区|每个区县|每个县|每个区', { k: 'cue', id: 'each_county' }),
  ...w('各市|各地市|各地级市|各设区市|各市政府|地级市政府|各地级市政府|每个市|每个地级市', { k: 'cue', id: 'each_city' }),
  ...w('各乡镇街道|各镇街|各乡镇（街道）|各乡镇(街道)|乡镇街道|每个乡镇街道', { k: 'cue', id: 'each_town' }),
  ...w('各街道|各街道办|各街道办事处|每个街道', { k: 'cue', id: 'each_street' }),
  ...w('各乡镇|各镇|各乡|每个乡镇|每个镇', { k: 'cue', id: 'each_township' }),
  ...w('各部门|各局|各委办局|各职能部门|市直部门|区直部门|县直部门|市直各部门|区直各部门|县直各部门', { k: 'cue', id: 'each_department' }),
  ...w('哪个单位|哪个机关|哪个区|哪家|哪个部门|哪一个|哪个', { k: 'cue', id: 'which' }),
  // the figures or bodies just shown (两个加起来, 这三个谁最多)
  ...w('两个|两者|二者|两项|这两个|这两项|两个数|两数|俩|这俩|两家|这两家|三个|这三个|这几个|这几家|这些|它们|这两个单位|这几个单位|这三个单位|这三家',
    { k: 'cue', id: 'these' }),
  // 洪泽哪一年收到申请最多: the body's years in order, not the bodies of a place
  ...w('哪一年|哪年|哪个年份|哪个年度|哪一年度|哪年度|哪些年份|哪几年|哪一个年度|哪些年', { k: 'cue', id: 'which_year' }),
  ...w('上半年|下半年|季度|一季度|二季度|三季度|四季度|本月|上月|上个月|这个月', { k: 'cue', id: 'subyear' }),
  // an average over bodies (各单位平均) or over a body's years (近三年平均每年); per month or day is not in a report
  ...w('平均|平均每个单位|平均每家|平均每个|平均每家单位|均值|平均值|平均数|平均下来|平均一下', { k: 'cue', id: 'average' }),
  ...w('平均每年|年均|每年平均|年平均', { k: 'cue', id: 'average_years' }),
  // figures no report has: per head (no population in a report), other statistics than a sum or a mean
  ...w('人均|每人|每万人|每千人|每十万人|中位数|中位|中值|众数|方差|标准差', { k: 'topic' }),
  ...w('平均每月|每月平均|月均|平均每个月|平均每天|每天平均|日均|平均每周|周均|每月|每天|每周', { k: 'cue', id: 'subyear' }),
  ...w('最新|最近一年|最近一次|最新一年|最近一份|最新一份|最近的一份|最新的一份|最近的|最新的', { k: 'cue', id: 'latest' }),
  ...w('各|分别|各自|各多少|原因|构成|明细|具体情况|分别是|都有哪些情形|哪些情形|细分', { k: 'cue', id: 'each' }),
  ...w('报告|年报|年度报告|报告情况|主要数据|主要数字|概况|基本情况|数据', { k: 'cue', id: 'report' }),
  // relative years (longest match keeps 上年结转 a metric)
  ...w('今年|今年度', { k: 'relyear', offset: 0 }),
  ...w('当年|那年|那一年|同年|这一年|本年度', { k: 'ctxyear', offset: 0 }),
  ...w('去年|上年|上年度|去年度', { k: 'relyear', offset: -1 }),
  // counted from the year the chat is about (from today when there is none)
  ...w('前一年|上一年|上一年度|再前一年|前一年度', { k: 'ctxyear', offset: -1 }),
  ...w('后一年|下一年|次年|第二年|后一年度|下一年度', { k: 'ctxyear', offset: 1 }),
  // 2020年的下一份报告: the report of the year after (the answer names the years on file when there is none)
  ...w('下一份|后一份|下一期|之后一份', { k: 'ctxyear', offset: 1, instead: true }),
  ...w('上一份|前一份|上一期|之前一份', { k: 'ctxyear', offset: -1, instead: true }),
  ...w('前年', { k: 'relyear', offset: -2 }),
  ...w('两年前|二年前', { k: 'relyear', offset: -2 }),
  ...w('三年前', { k: 'relyear', offset: -3 }),
  ...w('四年前', { k: 'relyear', offset: -4 }),
  ...w('五年前', { k: 'relyear', offset: -5 }),
  ...w('六年前', { k: 'relyear', offset: -6 }),
  ...w('大前年', { k: 'relyear', offset: -3 }),
];

/** The tier of bodies a word ranks or adds up (各区县: the district and county governments). */
export type Tier = 'county' | 'city' | 'town' | 'street' | 'township' | 'department';
export const TIER_OF: Partial<Record<Cue, Tier>> = {
  each_county: 'county', each_city: 'city', each_town: 'town', each_street: 'street', each_township: 'township',
  each_department: 'department',
};

/** The level of place a scope word ranks among: the body's own country, province or city. */
export const SCOPE_LEVEL: Partial<Record<Cue, 'country' | 'province' | 'city'>> = {
  nationwide: 'country', province_wide: 'province', city_wide: 'city',
};

export const STOP_PHRASES = [
  '是多少', '有多少', '多少', '是什么', '是哪些', '有哪些', '怎么样', '如何', '请问', '一共', '总共', '报告', '年报', '年度报告', '政府信息公开工作', '情况',
];

/**
 * What a unit measures: a figure answers 多少<unit> only in a unit of the same kind. Counts are one kind (件, 条,
 * 次, 期: 处罚了多少次 asks the 件 of the table); people another (参与培训人数累计达100余人次 answers 多少人, and
 * 579727 次 does not answer 浏览人次); money another (件 never answers 多少万元).
 */
const KINDS: Record<string, string[]> = {
  count: ['件', '条', '篇', '个', '份', '项', '家', '宗', '起', '部', '万条', '万篇', '次', '万次', '期', '场'],
  people: ['人次', '人', '万人'],
  money: ['元', '万元'],
  rate: ['%'],
};
export const UNIT_KINDS: Record<string, string> =
  Object.fromEntries(Object.entries(KINDS).flatMap(([kind, units]) => units.map((u) => [u, kind])));
/** Do two units measure the same kind of thing (unknown units only themselves)? */
export const sameUnitKind = (a: string, b: string) => a === b
  // 多少万 asks a figure counted in ten thousands: 万元, 万条
  || (a === '万' && b.startsWith('万')) || (b === '万' && a.startsWith('万'))
  || (UNIT_KINDS[a] !== undefined && UNIT_KINDS[a] === UNIT_KINDS[b]);

/** Nouns that ask for a unit (浏览人次是多少, 培训人数有多少, 金额多少): the unit they ask. */
export const UNIT_NOUNS: Record<string, string> = {
  人次: '人次', 人数: '人', 次数: '次', 条数: '条', 件数: '件', 篇数: '篇', 期数: '期', 场次: '场', 金额: '元',
};

/**
 * Topics that also name a table or a row of the template (表二 主动公开政府信息情况; 表三 其他处理 2.申请人逾期未按收费
 * 通知要求缴纳费用, the fee being the 信息处理费): beside those figures (`of`) they are the figure's own words. Beside
 * another figure they are the prose's subject; `instead`: figures the topic's words replace (信息处理费收了多少钱 is the
 * fee the prose states, not 行政事业性收费, the body's fees at large).
 */
/** A cue that makes a table figure beside it the prose's subject (依申请公开收了多少费: the 信息处理费, not 行政事业性收费). */
export const CUE_TOPICS: { cue: Cue; metric: string; topic: string }[] = [
  { cue: 'apply', metric: 'active.fees', topic: '信息处理费' },
];
const OTHER_HANDLING = /^(applications\.other_|group\.other)/;
export const TABLE_TOPICS: Record<string, { of: RegExp; instead?: string[] }> = {
  主动公开: { of: /^active\./ },
  收费通知: { of: OTHER_HANDLING },
  信息处理费: { of: OTHER_HANDLING, instead: ['active.fees'] },
  处理费: { of: OTHER_HANDLING, instead: ['active.fees'] },
};

/** Units a question may ask for ("多少篇") and the units of stated figures. */
export const UNITS = [
  '万元', '人次', '万条', '万次', '元', '件', '条', '篇', '次', '个', '期', '场', '份', '项', '人', '家', '宗', '起', '部', '万',
];
