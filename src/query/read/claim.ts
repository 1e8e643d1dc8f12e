/**
 * A figure the question states and asks to be checked (番禺2024年收到申请1774件对吗): the number, with its unit,
 * when the question ends by asking yes or no. A number stated otherwise (超过100件的单位, 被复议63件，其中…) is not
 * a claim, and stays a word not read.
 */
const CHECK = /(对吗|对不对|是吗|是不是|吗|准确吗|属实吗|没错吧|对吧|对么|是吧|是么|是真的吗|真的假的|正确吗|没说错吧|没记错吧)[？?。！!]*$/;
/** …收到17件申请？ / 核实一下：…42225件: a figure stated and asked about, with no question word of its own. */
const ASKED = /[？?]$/;
const MORE_CLAUSES = /[，,；;。]/;
const QUESTION_WORD = /多少|几|哪|什么|怎么|如何|是否|啥|谁/;
const VERIFY = /^(请|帮我|帮忙)?(核实|核对|确认|查证)(一下)?[:：，,]/;
/** The question opens by asking to verify what follows (核实一下：…). */
export const verifies = (text: string) => VERIFY.test(text);
const STATED = /(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|件|条|个|次|份|项|人次|元|%|％)(?![\d])/g;

/**
 * `digits`: the number as printed, the word the question would otherwise not have read. `change`: the number is
 * said of a change (增长了74件, 下降了1343件, 相差1679件), and which way; without it, of the figure itself.
 */
export interface Claim { value: number; unit: string; digits: string; change?: 'up' | 'down' | 'either'; at: number }

/** 多收了74件, 少办结了3件: the verb between the way and the number. */
const VERB = '(?:收到?|办结?|办理|处理|处罚|公开|发布|受理|复议|起诉)?';
/** Words right before a number that say it is a change, and which way. */
const CHANGE_WORDS: [RegExp, NonNullable<Claim['change']>][] = [
  [new RegExp(`(增长|增加|提高|上升|升高|多出|涨|升|多)${VERB}了?$`), 'up'],
  [new RegExp(`(减少|下降|降低|下滑|减|降|少)${VERB}了?$`), 'down'],
  [/(相差|差了|差|变化了|变化|变动了|变动)$/, 'either'],
];

/** The one figure stated in a yes-or-no question, or none (none stated, or several). */
export function claimOf(text: string): Claim | undefined {
  // …？ alone asks about the figure stated only in a question of one clause (…1774件申请，其中自然人？ asks another)
  const asked = ASKED.test(text) && !QUESTION_WORD.test(text) && !MORE_CLAUSES.test(text.replace(/[？?]+$/, ''));
  if (!CHECK.test(text) && !asked && !VERIFY.test(text)) return undefined;
  const stated = [...text.matchAll(STATED)];
  if (stated.length !== 1) return undefined;
  const [, digits, unit] = stated[0];
  const before = text.slice(0, stated[0].index);
  const change = CHANGE_WORDS.find(([re]) => re.test(before))?.[1];
  const at = stated[0].index;
  return { value: Number(digits), unit: unit.replace('％', '%'), digits, at, ...(change ? { change } : {}) };
}
