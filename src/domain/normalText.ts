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
  return s.toLowerCase();
}

/** A question: normalised, or too long to read as one question. */
export function normalizeQuestion(q: string): { text: string; tooLong: boolean; length: number } {
  const stripped = String(q ?? '').replace(INVISIBLE, '');
  const length = [...stripped.replace(/\s+/g, '')].length;
  if (length > MAX_QUESTION_CHARS) return { text: '', tooLong: true, length };
  return { text: normalizeText(stripped), tooLong: false, length };
}

/** 1–99 written in Chinese, for 前三 / 近五年 / 前十名. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return SMALL[s] ?? null;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? SMALL[m[1]] : 1) * 10 + (m[2] ? SMALL[m[2]] : 0) : null;
}
