/**
 * Words that carry no content of their own: politeness, particles, question words, units, the domain's
 * generic nouns. The scan explains every character of a question; these are the ones that need no reading.
 * Anything neither here nor in another lexicon is an unknown word, and an unknown word never gets a number.
 */
const list = (s: string) => s.split('|');

export const FILLERS: string[] = [
  ...list('库中|库内|数据库中|库中的|本库|库存的'),
  // politeness and address
  ...list('请问|请|问一下|问下|想问|想问一下|想知道|我想知道|我想问|麻烦|麻烦问一下|帮我|帮我查|帮我查一下|帮忙|查一下|查查|查询|看一下|看看'),
  ...list('告诉我|你好|您好|谢谢|劳驾|一下|下|能否|能不能|可以|可否|请告诉我|给我|说说|说一下|了解一下|知道'),
  // particles and function words
  ...list('的|了|吗|呢|吧|啊|呀|么|嘛|哦|喔|哈|啦|咧|哇|嘞|呗|之|地|得|着|过|也|都|还|又|就|才|再|已|已经|曾|共|均|总'),
  ...list('是|为|有|在|于|从|到|向|对|给|被|把|由|以|按|按照|根据|其|其中|当中|之中|中|里|里面|内|以内|方面|这|那|这个|那个'),
  ...list('那么|这些|那些|这么|那么多|此|该|个|上|下来|出来|起来|一|一个|一些|些|呢么|来|去|要|会|能|可|将|所|所有的'),
  // question words
  ...list('多少|几|几个|几件|几次|几项|几条|几份|几篇|几起|几宗|几家|多大|多高|多少个|多少件|多少次|多少条|是多少|有多少|有几'),
  ...list('什么|啥|怎么|怎样|怎么样|如何|是否|有没有|是不是|多|少|有无|几何|多么|吗？|哪|哪里|何|呢？'),
  // units and counters
  ...list('件|条|次|项|份|篇|起|宗|家|人次|万元|元|万|个数|数|数量|数目|数字|件数|个|次数|总量|量|回|例|笔|单'),
  // the domain's generic nouns and verbs
  ...list('政府信息公开|信息公开|政府信息|政务公开|公开工作|公开|信息'),
  ...list('年度报告里|报告里|报告中|年报里|年报中|表格|表中|表里|表格里|统计|统计的|情况|方面的'),
  ...list('工作|年度|年份|这一年|那一年|当年度|全年|一年|整年|全年度|期间|时候|时|截至|截止|年底|年末'),
  // the template's own column words, read as part of the row they follow (行政处罚处理决定数量, 收费金额)
  ...list('决定|处理决定|处理决定数|处理决定数量|决定数|决定数量|本年处理决定数量|金额|数额|总金额|金额数|件数是|总数是|决定书'),
  // connectives and classifiers a question wraps a row's name in (因为…不予公开, 信访类, 其他申请人那一栏)
  ...list('因为|因|由于|而|被|属于|属|类|这类|那类|一类|此类|等|或|或者|及|以及|相关|涉及|有关|方面|那一栏|一栏|栏|那列|列|那一列|这一列'),
  ...list('那一项|这一项|一项|那一行|这一行|行|那栏|该栏|该项|那个数|这个数|具体|到底|究竟|大概|大约|一共有|总共有|分别是|现在|目前|截至目前'),
  ...list('所谓|叫做|叫|称为|也就是|即|就是|算|算是|当作|作为|情形|情况下|的情况|这种|那种|这样的|那样的|案子|案件|件事|事项|单位是'),
  ...list('做了|做出|作出|作了|给出|给了|出了|有了|搞了|弄了|办了|办理了|进行了|开展了|完成了|处理的|受理的|接到|接到了|碰到'),
  ...list('转到|转至|要办|要处理|待办|办理|单位|除以|乘以|减去|项目|类别|种类|换成|换|改成|改为|换一个|收了|花了|花费'),
  // who is asking and why: the asker, the report as a document, the purpose (never the figure)
  ...list('我|我们|你|你们|您|他|他们|她|它|咱|咱们|人|有人|被人|别人|大家|老百姓的|本人|自己|我想|我要|我是|想|想要|需要|要|用|要用'),
  // the asker's own role, said of themselves (我是记者); a role said of applicants (有几个是记者) is no filler
  ...list('我是记者|我是报社记者|我是媒体记者|作为记者|我是学生|我是研究生|我在写论文|我在写毕业论文|写毕业论文用|写论文用'),
  ...list('我在做研究|做研究用|我在写报告|写材料用|督查要用|审计用|核实|核对|核对用|复核|核查'),
  ...list('想核实|想核对|确认一下|确认|准数|准确数|准确|具体数|给个准数|给个数|给个|报个数|算出来|算一下|算算|计算|按|按照|照|依'),
  ...list('年报|年报上|年报里|报告上|报告里面|那份|这份|那份报告|这份年报|报表|表二|表三|表四|报表二|报表三|报表四|那一格|这一格|格|一格'),
  ...list('印的|印的是|写的|写着|写的是|怎么写的|填的|填的是|显示|显示的|上面|上面写|里写|载明|列明|列出的|统计表|表格上'),
  // glue of spoken questions
  ...list('那边|这边|那里|这里|所以|但是|可是|然后|接着|还是|还有|并且|而且|同时|先|后|再|又|全|全都|都加上|全加上|加一起|一起'),
  ...list('咋样|咋|啥|啥样|什么样|多不多|有木有|木有|没有|没|不|是吗|对吗|对不对|呗|嘛|哎|喂|嗯|诶|额|呃|唉|好|好的|行|行吗'),
  ...list('底|年底|年末|年初|到年底|截至年底|剩|还剩|剩下|剩多少|留|留下|留下来|拖|拖到|结果|结果是|原因|理由|理由是|种|各种'),
  ...list('提|提的|提了|交|交的|递交|来|来的|过来|找|找到|引起|引发|导致|造成|因此|由此|东西|事|事情|内容|材料|手上|手里|认定|被认定'),
  ...list('报|钱|完全|全部都|办的|要办的|新|本年|本年度的|当年的|报告年度|年度内|全年共|这一年里|一年里|一年内|%|÷|−|×|－|＋|＝'),
  // asking whether a figure stated is right (1774件，真的吗; …没错吧)
  ...list('真的吗|是真的吗|真的假的|真的|没错吧|没错吗|没错|对吧|对么|可对|属实吗|属实|准确吗|正确吗|没说错吧|没记错吧|是吧|是么|听说|据说|我听说|有人说|只|只有|就只'),
  // a correction or a turn of a chat: what follows is the follow-up (我说的是2023年的, 不对，我问的是部分公开, 再看番禺)
  ...list('我说的是|我问的是|我指的是|我是说|我是问|我的意思是|我要的是|我想问的是|不对|不是这个|说错了|搞错了|弄错了|再看|再看看|再查|再查查'),
  // punctuation and symbols
  ...list('？|?|！|!|，|,|。|.|、|：|:|；|;|“|”|"|\'|‘|’|（|）|(|)|《|》|【|】|[|]|…|—|-|~|～|·|/|\\|=|+|*|#|@|&|%'),
];

/**
 * One-character fillers that also end nouns (简报, 清单, 表格): right after a word nothing explains, they are its
 * last character (编发扶贫简报多少期 asks of 扶贫简报), not a filler.
 */
export const NOUN_ENDS = '报钱单格栏';

/** Words that deny the figure after them (没有被公开的申请), and the words that may stand between (被, 得到). */
export const NEGATORS = ['没有', '没', '未', '不是', '并非', '非', '未被', '没被', '未能', '没能', '不算', '不计', '除了', '除去',
  '不含', '不包括', '扣除', '去掉', '排除'];
export const NEGATION_BRIDGE = ['被', '有', '得到', '获得', '能', '予', '的', '给'];
/** A negator after these asks yes or no (有没有, 是不是), it denies nothing. */
export const ASKS_YES_NO = ['有', '是'];
