/**
 * Every Chinese sentence of the answers, in one table. Handlers say which message and with what; the words
 * are here, so they can be read, reviewed and changed in one place.
 */
import { cnDate, fmt } from './answer.js';

const list = (xs: string[]) => xs.join('、');

export const M = {
  // ----- reading the question
  askSomething: '请提出一个问题。',
  tooLong: (n: number, max: number) => `问题太长（${n} 字），我一次只读一个不超过 ${max} 字的问题。请只问一个问题，例如「某单位2024年收到多少申请」。`,
  notUnderstood: (words: string[]) => `没有读懂“${list(words)}”。`,
  unknownWordsNoNumber: (words: string[], what: string) =>
    `问题中的“${list(words)}”我没有读懂，它可能改变要查的数字，所以不给出数字。可以查的是：${what}。`,
  proseNoNumber: (words: string[], what: string) =>
    `问题中的“${list(words)}”不是表格里的项目，表格中的数字可能不是所问的，所以不给出数字。可以查的是：${what}；`
    + `或只问“${list(words)}”，从报告正文中找。`,
  whichFigures: (how: 'sum' | 'difference' | 'compare') => {
    const [verb, word] = { sum: ['相加', '一共多少'], difference: ['相减', '相差多少'], compare: ['比较', '谁多'] }[how];
    return `请在一句话里说明要${verb}的是哪几个单位、哪一年的哪个数字，例如“番禺和洪泽2024年予以公开${word}”。`;
  },
  outOfScope: '这个问题不在年度报告的范围内，或者没有读懂。',
  crossTables: (labels: string[]) =>
    `年度报告的模板没有把“${list(labels)}”交叉统计的数字（例如表三的申请结果中有多少后来被复议），所以不给出数字。可以分别问其中每一项。`,
  whichBody: '请说明是哪个单位。',
  whichOne: '有几个单位符合，请问是哪一个？',
  guessed: (typed: string, name: string) => `（按“${name}”理解“${typed}”）`,
  otherUnit: (asked: string, label: string, unit: string) =>
    `问题问的是以“${asked}”计的数字，而读到的“${label}”以“${unit}”计，可能不是所问的内容，所以不给出数字。`
    + '可以换个说法，或直接问表格中的项目。',
  subYear: '年度报告只有全年数字，没有上半年、季度或月份的数据。可以问全年的数字。',
  // ----- bodies and years
  noBodyReport: (name: string) => `库中没有${name}的年度报告。`,
  unknownBody: (typed: string) => `库中没有${typed}的报告。`,
  nearHint: (place: string, names: string[]) => `${place}在库中的有：${list(names)}。`,
  counterpart: (typed: string, names: string[]) =>
    `库中没有${typed}的报告。政府和政府办公室是不同的机关；是否要查${list(names)}？`,
  noneOnFile: (name: string) => `${name}没有年度报告在库中。`,
  noYears: (name: string, missing: number[], future: number[], onFile: number[]) =>
    `库中没有${name} ${missing.join('、')} 年的年度报告；`
    + `${future.length ? `${future.join('、')} 年度报告要到次年才发布，` : ''}库中有：${onFile.join('、')} 年。`,
  noYearsInRange: (name: string, onFile: number[]) => `${name}在这段时间没有年度报告；库中有：${onFile.join('、')} 年。`,
  latestYear: (y: number) => `（未指定年份，按最新的 ${y} 年度报告）`,
  inventory: (items: string[], more: number) => `库中现有：${items.join('；')}${more > 0 ? `；另有 ${more} 个单位` : ''}`,
  emptyLibrary: '库中还没有报告。管理员可以用 npm run -s cli -- ingest <文件> 添加，或在 Telegram 里发送报告文件。',
  // ----- values
  noSuchItem: '没有这一项',
  cellUnreadable: (unreadable: boolean, raw: string) =>
    `报告中这一格${unreadable ? '无法确定地读出' : '是空白，且不能按 0 计'}（原文：${raw || '空白'}）`,
  rowsUnread: (rows: string[]) =>
    `报告的表格中未能读出${rows.map((x) => `“${x}”`).join('、')}${rows.length > 1 ? '这几行' : '这一行'}，无法给出`,
  notInTemplate: (year: number, label: string) => `${year} 年的报告模板中没有“${label}”这一项`,
  findingWarning: (message: string, excerpt: string | null) =>
    `注意：${message}${excerpt && !message.includes(excerpt.replace(/^行政复议、行政诉讼：/, '')) ? `（原文：${excerpt}）` : ''}`,
  blanksAsZero: (n: number) => `说明：用到的格中有 ${n} 个在报告里印成空白，按 0 计（该行或该列的合计与之相符）。`,
  noValue: (org: string, year: number, label: string, reason: string) => `${org} ${year} 年：${label}——${reason}。`,
  answered: (where: string) => `（所答：${where}）`,
  // ----- look-ups
  lookup: (org: string, year: number, label: string, value: string) => `${org} ${year} 年${label} ${value}`,
  several: (org: string, year: number) => `${org} ${year} 年：`,
  groupHead: (org: string, year: number, label: string, value: string) => `${org} ${year} 年${label} ${value}，其中：`,
  sum: (org: string, year: number, labels: string, value: string) => `${org} ${year} 年${labels}合计 ${value}`,
  noSumAcrossClauses: '（问题里分几处问了几个数字，不把它们全部相加；要相加的请放在一句里问）',
  noSumAcrossUnits: '（单位不同的数字不相加）',
  ratio: (org: string, year: number, label: string, value: string) => `${org} ${year} 年${label} ${value}`,
  ratioNone: (org: string, year: number, label: string, why: string) => `${org} ${year} 年无法计算${label}：${why}。`,
  zeroDenominator: '分母为 0',
  share: (part: string, whole: string) => `${part}占${whole}`,
  // ----- series
  whichFigure: '要看哪一项数字？例如「某单位历年收到多少申请」。',
  nearestReport: (from: number, y: number, before: boolean) =>
    `（库中 ${from} 年${before ? '之前' : '之后'}最近的一份是 ${y} 年度报告）`,
  trendHead: (org: string, label: string) => `${org} ${label}：`,
  bestYears: (org: string, label: string, most: string, years: number[], value: string, n: number) =>
    `${org}库中 ${n} 年的报告里，${label}${most}的是 ${years.join('、')} 年（${value}）`,
  changeLine: (org: string, label: string, y1: number, v1: string, y0: number, v0: string, up: boolean, d: string,
    pct: string) =>
    `${org} ${label}：${y1} 年 ${v1}，${y0} 年 ${v0}，${up ? '增加' : '减少'} ${d}${pct}`,
  points: (d: string) => `${d} 个百分点`,
  // ----- comparisons, rankings, totals
  compareHead: (org: string | null, more: boolean, rate = false) =>
    (org ? `${org}${rate ? (more ? '更高' : '更低') : more ? '更多' : '更少'}` : '对比如下'),
  summed: (v: string) => `合计 ${v}`,
  compareEqual: (n: number) => (n === 2 ? '两者相同' : '前两位相同'),
  differs: (d: string) => `相差 ${d}`,
  compareCard: (names: string[]) => `对比：${names.join(' / ')}`,
  twoBodies: '请给出两个单位，例如：/compare 单位甲 单位乙 2024',
  nothingToCompare: (why: string[]) => `没有可比较的数字。${why.join('；')}`,
  rankHead: (year: number, region: string, label: string, most: string, org: string, value: string, note: string) =>
    `${year} 年${region}${label}${most}的是 ${org}（${value}）${note}`,
  rankHeadTie: (year: number, region: string, label: string, most: string, orgs: string[], n: number, more: boolean,
    value: string, note: string) => `${year} 年${region}${label}${most}的有${more ? '至少' : ''} ${n} 个单位并列`
    + `（${value}）：${orgs.join('、')}${n > orgs.length || more ? ' 等' : ''}${note}`,
  nthHead: (year: number, region: string, label: string, nth: number, fromLast: boolean, orgs: string[], value: string,
    note: string) => `${year} 年${region}${label}${fromLast ? '倒数' : ''}第 ${nth} 名是 ${orgs.join('、')}（${value}`
    + `${orgs.length > 1 ? '，并列' : ''}）${note}`,
  nthTied: (year: number, nth: number, place: number, orgs: string[]) =>
    `${year} 年这个排名没有第 ${nth} 名：${orgs.join('、')} 并列第 ${place} 名。`,
  rankOfOne: (year: number, place: string, org: string) => `${year} 年${place}只有 ${org} 一个单位的报告，`
    + `无法排名；要看它在全部单位中的位置，可以问「${org}${year}年…排第几」。`,
  nthBeyond: (year: number, nth: number, n: number) => `${year} 年这个排名只有 ${n} 个单位，没有第 ${nth} 名。`,
  scopeUnknown: (org: string, level: string) => `不知道${org}属于哪个${level}，不能在全${level}范围内排名。`,
  scopeWhich: (level: string) => `“全${level}”要说是哪个${level}：例如「广东省2024年各单位收到申请排名」，`
    + `或「某区政府2024年收到申请在全${level}排第几」。`,
  rankMore: (shown: number, all: number) => `（共 ${all} 个单位，显示前 ${shown} 个）`,
  rankFile: '，完整列表见所附文件',
  ownRank: (org: string, place: number, all: number, value: string, fromLast: boolean) =>
    `${org}${fromLast ? '倒数' : '排'}第 ${place} 名（共 ${all} 个单位）：${value}`,
  ownUnranked: (org: string, year: number, why: string) => `${org}不在这个排名里：${year} 年${why}`,
  ownNoReport: '没有它的报告',
  noRate: '算不出这个比率：分母为 0 或缺数字',
  pairedApart: (years: boolean) => `问题里${years ? '各单位问的年份不同' : '各单位（或各年份）问的数字不同'}，`
    + '一次回答会把它们混在一起，所以不给出数字：请分开问，如「番禺2024年新收申请」「洪泽2023年予以公开」，或用逗号分开各问一句。',
  timesOf: (a: string, b: string, x: string, rounded: boolean) => `${a}是${b}的 ${x} 倍${rounded ? '（四舍五入到两位小数）' : ''}`,
  diffOfTwo: (org: string, year: number, a: string, b: string, more: boolean, d: string) =>
    `${org} ${year} 年${a}比${b}${more ? '多' : '少'} ${d}`,
  claimSeveral: '回答里有几个数字，请对照下面各项自行核对。',
  claimSame: (said: string) => `✔ 与问题所说的 ${said} 一致。`,
  claimRounded: (actual: string) => `（报告中是 ${actual}，四舍五入到所说的位数）`,
  claimNotChange: '问题所说的是变化量，下面的回答不是变化量，请对照自行核对。',
  changeBy: (up: boolean, v: string) => `${up ? '增加' : '减少'} ${v}`,
  moreThan: (a: string, b: string, more: boolean, v: string) => `${a}比${b}${more ? '多' : '少'} ${v}`,
  claimDiffers: (said: string, actual: string) => `✘ 与问题所说的 ${said} 不一致：报告中是 ${actual}。`,
  claimOtherUnit: (said: string, actual: string) => `问题所说的 ${said} 与报告的数字（${actual}）单位不同，无法直接核对。`,
  sumOverlaps: '这几项数字有重叠（例如新收申请里包括了后来予以公开的，办结总数里包括了各项结果），相加会重复计算，所以不给出合计：可以分别问各项。',
  negatedFigure: '问题问的是“没有…”“不是…”的数量，年报表格没有这一项，所以不给出数字：可以问表格里的数字本身（如予以公开、办结、结果纠正），再自行相减。',
  noColumnsThere: (col: string) => `年报只有依申请公开的表格（表三）按申请人分类；这一项没有“${col}”一栏，所以不给出数字。`,
  noRateOfSuitKind: '纠错率、维持率只对行政复议和行政诉讼（两类合计）计算；一类诉讼的比率没有定义，所以不给出数字：可以问它的各项结果数。',
  pointsOfCount: '“百分点”是两个比率（如公开率）之差；所问的是件数，没有百分点可言，所以不给出数字：可以问“增长百分之几”或“相差多少件”。',
  rateOfApplications: (rate: string) => `${rate}只对依申请公开的申请（表三）计算；所问的表二、表四项目没有${rate}，`
    + '所以不给出数字：可以问这一项的数字本身，或问依申请公开的公开率、办结率、复议纠错率。',
  rateOfEach: '比率按各单位分别计算，不把各单位的数字相加后再算（政府的报告可能已包含其部门，相加会重复计算）；各单位如下：',
  rankThenCompute: '排名之后再相减或相除，一次问不了：请先问排名（如「…最少的是谁」），再问两个单位相差多少或是几倍。',
  rateOfReviews: '纠错率、维持率只对行政复议、行政诉讼（表四）计算；所问的项目没有这一比率，所以不给出数字：可以问行政复议纠错率或行政诉讼纠错率。',
  sumThenDifference: '先把几个单位相加、再与另一个相减，一次问不了：请先问几个单位一共多少，再问相差多少。',
  rankOneFigure: '一次只能按一个数字排名：请先问「…最多的是谁」，再问那个单位的另一个数字。',
  shareSeveral: '比例的一边有几项数字，所以不给出数字：请一次问一项占多少，如「予以公开占办结的比例」。',
  shareOfActive: '表二的各项（行政许可、行政处罚、收费等）互不包含，它们之间的比例没有意义，所以不给出数字。',
  shareWholeOf: '没有说明占什么的比例，所以不给出数字：请说出整体，如「予以公开占新收申请的比例」「行政复议中纠正的占比」。',
  sharePartOf: '没有说明是哪个数字占的比例，所以不给出数字：请说出部分和整体，如「予以公开占办结的比例」。',
  shareColumnAndRow: '申请人类别和另一项数字一起问比例，可能有几种算法，所以不给出数字：请分别问，如「自然人占新收申请的比例」。',
  shareOfRegion: '一个单位占一个地区（或全部单位）的比例还不能直接算：可以分别问这个单位的数字和「某地区各单位一共…」的合计。',
  rankWhichFigure: '排名要说按哪个数字排，例如「某区2024年收到申请排第几」「2024年各单位公开率排名」。',
  rankOneYear: (years: number[]) => `排名一次按一个年份：下面是 ${years[years.length - 1]} 年的；`
    + `${years.slice(0, -1).join('、')} 年请另问。`,
  yearsTotal: (years: number[], value: string) => `${years.join('、')} 年合计 ${value}（各年合计相加）`,
  rankNeedsTable: '排名只能按年报表格里的数字（如新收申请、公开率、行政复议）；这个数字来自报告正文，各单位写法不一，不能排名。',
  ownNoFigure: '它的报告没有这个数字',
  ownOutside: (org: string, regions: string[]) => `${org}不在${regions.join('、') || '这个范围'}内，不在这个排名里`,
  positionOfWhich: (regions: string[]) => `${regions.length ? `${regions.join('、')}是地区，不是一个单位：` : ''}`
    + '“排第几”要问一个单位（例如「某区政府2024年收到申请排第几」）；地区里的单位可以问「某市各单位收到申请排名」。',
  notCounted: (xs: string[], n: number) =>
    `未计入${n > xs.length ? `（共 ${n} 个，列出前 ${xs.length} 个）` : ''}：${xs.join('；')}`,
  rankCaveat: '说明：区政府的报告可能已包含其下属部门，跨层级排名仅供参考。',
  totalHead: (year: number, region: string, n: number, label: string, value: string, note: string) =>
    `${year} 年${region}（${n} 份报告）${label}合计 ${value}${note}`,
  averageHead: (year: number, region: string, n: number, label: string, avg: string, sum: string, rounded: boolean,
    note: string) => `${year} 年${region}（${n} 份报告）${label}平均每个单位 ${avg}（合计 ${sum} ÷ ${n}`
    + `${rounded ? '，保留两位小数' : ''}）${note}`,
  yearsAverage: (years: number[], avg: string, sum: string, rounded: boolean) =>
    `${years.join('、')} 年平均每年 ${avg}（合计 ${sum} ÷ ${years.length}${rounded ? '，保留两位小数' : ''}）`,
  noReportYear: (year: number) => `${year} 年：没有报告（平均只算有数字的年份）`,
  averageOfRate: '比率不能直接平均（各单位、各年的分母不同）：可以问各单位的比率排名，或某个单位每年的比率。',
  averageCaveat: '说明：这是各报告数字的简单平均；政府的报告可能已包含其部门的数字。',
  totalCaveat: '说明：这是各报告数字直接相加；政府的报告可能已包含其部门的数字，可能重复计算。',
  nothingToAdd: (why: string[]) => `没有可相加的数字。${why.join('；')}`,
  whichPlace: (places: string[]) => `有几个地方叫这个名字：${places.join('、')}。请在问题里写出是哪一个（例如加上所在的市）。`,
  noBodiesIn: (places: string[]) => `库中没有${places.join('、')}的单位。`,
  noReportsOfYear: (year: number, future: boolean) => `库中没有 ${year} 年的报告${future ? '（年度报告次年才发布）' : ''}。`,
  noReportsOfYearIn: (year: number, who: string[]) => `库中没有${who.join('、')}的 ${year} 年报告。`,
  yearAssumed: (year: number) => `（未指定年份，按 ${year} 年）`,
  allBodies: '库中各单位',
  namedBodies: (n: number) => `所问的 ${n} 个单位中`,
  allReports: '库中所有单位',
  // ----- list, audit, publication, problems
  listHead: (years: number[], bodies: number, reports: number) =>
    `库中${years.length ? ` ${years.join('、')} 年` : ''}共有 ${bodies} 个单位的 ${reports} 份年度报告：`,
  noReportsFor: (years: number[]) => `库中没有 ${years.join('、')} 年的报告。`,
  auditClean: (org: string, year: number, note: string) => `${org} ${year} 年报告${note}：表三、表四的勾稽关系均成立，叙述中的数字与表格一致，未发现问题。`,
  auditNotes: (xs: string[]) => `备注：${xs.join('；')}`,
  auditFound: (org: string, year: number, note: string, n: number) => `${org} ${year} 年报告${note}发现 ${n} 个问题：`,
  auditAll: (n: number, bad: number) => `审核了 ${n} 份报告，其中 ${bad} 份发现问题：`,
  auditAllClean: (names: string[]) => `未发现问题：${names.join('、')}`,
  auditAllHint: '用“某单位某年报告的数据一致吗”查看证据。',
  noMatchingReports: '没有符合条件的报告。',
  publishedAll: (rule: string) => `各报告的发布情况（${rule}）：`,
  publishedNoDate: '未印发布日期，无法判断',
  publishedOnTime: (d: string) => `${cnDate(d)}发布，按时`,
  publishedLate: (d: string, rule: string, deadline: string) => `${cnDate(d)}发布，晚于${rule}的期限 ${cnDate(deadline)}`,
  publishedNone: (org: string, year: number, note: string, limit: string) =>
    `${org} ${year} 年报告${note}中没有印出发布日期（落款日期），无法判断是否按时发布（${limit}）。`,
  publishedOne: (org: string, year: number, note: string, d: string, verdict: string) =>
    `${org} ${year} 年度报告${note}的发布日期（落款日期）是 ${cnDate(d)}，${verdict}。`,
  limit: (rule: string, deadline: string) => `法定期限：${rule}的期限 ${cnDate(deadline)}`,
  onTime: (limit: string) => `在${limit}之前，按时发布`,
  late: (limit: string) => `晚于${limit}，逾期发布`,
  noDateList: (names: string[]) => `以下报告没有印出发布日期：${names.length ? names.join('、') : '（无）'}`,
  lateUnknown: (n: number, of: number) => `另有 ${n} 份报告（共 ${of} 份）没有印出发布日期，是否逾期无法判断。`,
  lateList: (names: string[]) => `以下报告逾期发布：${names.length ? names.join('、') : '（无）'}`,
  problemsNone: (org: string, year: number) => `${org} ${year} 年报告中没有找到“存在的主要问题及改进情况”部分。`,
  problems: (org: string, year: number, note: string) => `${org} ${year} 年报告${note}“存在的主要问题及改进情况”：`,
  // ----- narrative
  narrativeNone: (org: string, year: number, words: string[], number: boolean) =>
    `${org} ${year} 年报告中没有找到“${list(words)}”${number ? '的数字' : ''}。`,
  narrativeNoNumber: (org: string, year: number, words: string[]) =>
    `${org} ${year} 年报告正文提到了“${list(words)}”，但没有在同一句里给出它的数字：`,
  narrative: (org: string, year: number, note: string, label: string, value: string) =>
    `${org} ${year} 年报告正文${note}：${label} ${value}`,
  narrativeSeveral: (org: string, year: number, note: string) => `${org} ${year} 年报告正文${note}中有几处相关的数字：`,
  fromText: '（来自报告正文，不是表格）',
  related: (org: string, year: number, note: string) => `${org} ${year} 年报告${note}中的相关内容：`,
  // ----- report card
  cardHead: (org: string, year: number, note: string) => `${org} ${year} 年度报告${note}`,
  cardAudit: (n: number) => `【审核】${n ? `发现 ${n} 个问题，用 /audit 查看` : '未发现问题'}`,
  cardPublished: (d: string | null) => `【发布日期】${d ? cnDate(d) : '报告中未印出'}`,
  cardOpenRate: (v: number) => `· 公开率 ${fmt(v, '%')}（(予以公开 + 部分公开) ÷ 办理结果总计）`,
  source: (file: string) => `来源：${file}`,
  usage: (u: string) => `用法：${u}`,
};
