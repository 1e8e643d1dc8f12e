/**
 * Question text and body names, normalised the same way: NFKC, Traditional → Simplified (opencc-js), Taiwan
 * phrasing, bidi/control/zero-width characters and NUL removed, Chinese-digit years in Arabic, no whitespace,
 * lower case. A name stored with 乾 and a question typed with 乾 meet in the same form.
 */
import * as OpenCC from 'opencc-js';
import { nfkc } from './normalize.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** Taiwan phrasing that character conversion leaves: fixed here, as data. */
const PHRASES: [RegExp, string][] = [[/资讯/g, '信息'], [/申请书/g, '申请']];
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', 'O': '0', 一: '1', 二: '2', 三: '3', 四: '4',
  五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Characters that carry no text: controls, NUL, bidi marks and isolates, zero-width joiners, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The longest question read; a longer text is refused with a message, never cut into another question. */
export const MAX_QUESTION_CHARS = 300;

/** Normalise a name or any short text (no length limit). */
export function normalizeText(q: string): string {
  let s = nfkc(q).replace(INVISIBLE, '');
  s = toSimplified(s);
  for (const [re, to] of PHRASES) s = s.replace(re, to);
  s = s.replace(/\s+/g, '');
  // years written in Chinese digits: 二〇二四年 → 2024年, 二四年 → 24年
  s = s.replace(/[〇○零O一二三四五六七八九]{2,4}(?=年)/g, (m) => [...m].map((c) => CN_DIGIT[c] ?? c).join(''));
  // 二〇二四 without 年: a year of this century written in digits
  s = s.replace(/二[〇○零O][一二三四五六七八九〇○零O]{2}/g, (m) => [...m].map((c) => CN_DIGIT[c] ?? c).join(''));
  return s.toLowerCase();
}

/** A question: normalised, or too long to read as one question. */
export function normalizeQuestion(q: string): { text: string; tooLong: boolean; length: number } {
  const stripped = String(q ?? '').replace(INVISIBLE, '');
  const length = [...stripped.replace(/\s+/g, '')].length;
  if (length > MAX_QUESTION_CHARS) return { text: '', tooLong: true, length };
  return { text: countsInDigits(normalizeText(stripped)), tooLong: false, length };
}

/**
 * A count written in Chinese before its unit, in Arabic digits: 一千七百七十四件 → 1774件, 三万元 → 3万元. Only a
 * well-formed number with a 十, 百, 千 or 万 in it (二十件, not 二件 nor 第二); not after 几, 数, 上 or 好 (几十件 and
 * 上百件 are no numbers) and not before 多, 余 or 来 (二十多件 is not 20).
 */
const CN_COUNT = /(?<![几数上好多一二两三四五六七八九十百千万零〇])([一二两三四五六七八九十百千万零〇]{2,})(?=(?:件|条|个|次|份|项|人次|元|万元|家|起|%))/g;
function countsInDigits(s: string): string {
  return s.replace(CN_COUNT, (m: string, _n: string, at: number) => {
    // 三万元: the unit is 万元 (as the fees are printed), the number 3
    const unit = m.endsWith('万') && s[at + m.length] === '元' ? '万' : '';
    const rest = unit ? m.slice(0, -1) : m;
    const n = unit && rest.length === 1 ? SMALL[rest] ?? null : chineseCount(rest);
    return n === null ? m : `${n}${unit}`;
  });
}
const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** 一千七百七十四 → 1774, 两万三千 → 23000, 十五 → 15; null when not a well-formed number. */
export function chineseCount(s: string): number | null {
  if (!/[十百千万]/.test(s) || /[一二两三四五六七八九]{2}|[十百千万][十百千]|万万/.test(s)) return null;
  let total = 0, section = 0, digit: number | null = null;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') { digit = null; continue; }
    if (SMALL[ch] !== undefined && ch !== '十') { digit = SMALL[ch]; continue; }
    if (ch === '万') { total += (section + (digit ?? 0)) * 10000; section = 0; digit = null; continue; }
    // 十 alone (十五) is one ten; 百 and 千 need their digit
    if (digit === null && ch !== '十') return null;
    section += (digit ?? 1) * MULTIPLIER[ch];
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/** 1–99 written in Chinese, for 前三 / 近五年 / 前十名. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return SMALL[s] ?? null;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? SMALL[m[1]] : 1) * 10 + (m[2] ? SMALL[m[2]] : 0) : null;
}
