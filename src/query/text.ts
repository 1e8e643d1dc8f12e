/** Question text: Traditional → Simplified (opencc-js), NFKC, Chinese-digit years, no whitespace. */
import * as OpenCC from 'opencc-js';
import { nfkc } from '../ingest/normalize.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** Taiwan phrasing that character conversion leaves: fixed here, as data. */
const PHRASES: [RegExp, string][] = [[/资讯/g, '信息'], [/申请书/g, '申请']];
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', 'O': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function normalizeQuestion(q: string): string {
  let s = nfkc(q).slice(0, 2000);
  s = toSimplified(s);
  for (const [re, to] of PHRASES) s = s.replace(re, to);
  s = s.replace(/\s+/g, '');
  // years written in Chinese digits: 二〇二四年 → 2024年, 二四年 → 24年
  s = s.replace(/[〇○零O一二三四五六七八九]{2,4}(?=年)/g, (m) => [...m].map((c) => CN_DIGIT[c] ?? c).join(''));
  return s.toLowerCase();
}

/** 1–99 written in Chinese, for 前三 / 近五年 / 前十名. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return SMALL[s] ?? null;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? SMALL[m[1]] : 1) * 10 + (m[2] ? SMALL[m[2]] : 0) : null;
}
