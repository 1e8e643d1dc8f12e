/**
 * Years in a question: 2024, 2024年度, 24年, 2020至2024年, 近三年, 2020年和2024年 (relative words come from the lexicon
 * scan); and how many bodies a ranking lists (前5名, 最多的3个), which like a year is digits the words do not explain.
 */
import { smallNumber } from '../../domain/normalText.js';

export interface YearSpan {
  start: number; end: number; years?: number[]; range?: [number, number]; lastN?: number;
  /** How many a ranking lists (前5名): not a year. */
  count?: number;
  /** The place in a ranking asked for (第二名, 排第3, 第二多): not a year. */
  nth?: number;
  /** The order a place says (第二多: from the most; 第二少: from the fewest). */
  nthOrder?: 'asc' | 'desc';
}

const NUM = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** What a count of bodies follows (最多的5个, 倒数3名) and is followed by; the words around it are read as words. */
const COUNT_AFTER = '(?<=(?:最多|最少|最高|最低|最大|最小|倒数|排名|排前|靠前|靠后)的?)';
const COUNT_UNIT = '(?:个|家|名|位)';
const count = (m: RegExpExecArray) => {
  const n = smallNumber(m[1]);
  return n && n <= 50 ? { years: [], count: n } : null;
};

const nth = (m: RegExpExecArray) => {
  const n = smallNumber(m[1] ?? m[2] ?? m[3] ?? m[5]);
  // 第二少, 第二低: counted from the fewest
  const fromLast = m[4] !== undefined && /[少低小]/.test(m[4]);
  if (!n || n > 1000) return null;
  return { years: [], nth: n, ...(m[4] ? { nthOrder: fromLast ? 'asc' : 'desc' } as const : {}) };
};
const BEFORE_NTH = '(?:排名?|排行|排在|位列|位居)';
const NTH_NUM = '(\\d{1,4}|[一二两三四五六七八九十]{1,3})';

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<YearSpan, 'start' | 'end'> | null }[] = [
  { re: /(20\d{2})年?度?(?:至|到|-|—|~|～)(20\d{2})年?度?/g, read: (m) => ({ range: [Number(m[1]), Number(m[2])] }) },
  // 22-24年, 22到24年
  { re: /(?<![\d.])([1-4]\d)年?(?:至|到|-|—|~|～)([1-4]\d)年度?/g,
    read: (m) => ({ range: [2000 + Number(m[1]), 2000 + Number(m[2])] }) },
  // 近三年, 过去5年, 前两年; 前一年 / 这一年 is one year, read from the lexicon (counted from the chat's year)
  { re: /(近|最近|过去|前|这)(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?年/g, read: (m) => {
    const n = smallNumber(m[2]);
    if (!n || n > 30 || (n === 1 && (m[1] === '前' || m[1] === '这'))) return null;
    return { lastN: n };
  } },
  // 两年一共, 三年来: the last years on file, as 近两年 (not 两年前, 第二年, 三年级)
  { re: /(?<![第近最过去前这上下后\d一二三四五六七八九十])(两|三|四|五)(?:个)?年(?!前|后|以|之|度|半|多|级|内)/g,
    read: (m) => ({ lastN: smallNumber(m[1])! }) },
  // 2025年发布的年报: the year the report came out, about the year before (not 2024年发布的信息, a year's own output)
  { re: /(20\d{2})年(?:初|1月|一月)?(?:发布|公布|印发|出)的(?=.{0,8}(?:年报|报告))/g,
    read: (m) => ({ years: [Number(m[1]) - 1] }) },
  // 前5名, 前十个 (前两年 is a year span above, 前一份 a word of the lexicon); 最多的5个, 倒数3名
  { re: new RegExp(`前${NUM}${COUNT_UNIT}?(?!${COUNT_UNIT}?(?:年|月|份|期|\\d))`, 'g'), read: count },
  { re: new RegExp(`${COUNT_AFTER}${NUM}${COUNT_UNIT}`, 'g'), read: count },
  // 第二名, 排第3位, 倒数第二, 第二多: a place of a ranking (第二年 is a year word of the lexicon)
  { re: new RegExp(`${BEFORE_NTH}?第${NTH_NUM}(?:名|位)|(?:${BEFORE_NTH}|(?<=倒数))第${NTH_NUM}`
    + `|第${NTH_NUM}(多|高|少|低|大|小)|^第${NTH_NUM}(?=呢|[？?]?$)`, 'g'), read: nth },
  // 2024, 2024年; not a count (2000件, 2015条, 2023万元), but a year before 个人, 起诉, 项目, 多少
  { re: /(?<![\d.])(20\d{2})(?!\d|\.\d|件|条|个(?!人)|次|份|项(?!目)|人次|元|万|家|起(?!诉)|%|多(?!少)|余)(?:年度|年)?/g,
    read: (m) => ({ years: [Number(m[1])] }) },
  { re: /(?<![\d.])([1-4]\d)年(?!代)/g, read: (m) => ({ years: [2000 + Number(m[1])] }) },
];

export function findYears(text: string): YearSpan[] {
  const spans: YearSpan[] = [];
  const taken = (a: number, b: number) => spans.some((s) => a < s.end && b > s.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index, end = m.index + m[0].length;
      if (taken(start, end)) continue;
      const v = p.read(m);
      if (v) spans.push({ start, end, ...v });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Blank out the year spans so the word scan does not see their digits. */
export function maskSpans(text: string, spans: { start: number; end: number }[]): string {
  const chars = [...text];
  // spans index UTF-16 code units; questions are BMP text after normalisation
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = ' ';
  return chars.join('');
}
