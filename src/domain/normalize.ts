/** Text normalisation shared by every extractor and parser. Pure functions only. */
import { memoize } from './memo.js';

/**
 * CJK Radicals Supplement code points that PDF producers (Chromium among them) emit for ordinary characters;
 * NFKC leaves these alone, unlike the Kangxi radicals.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻓': '长', '⻔': '门', '⻢': '马', '⻅': '见', '⻛': '风', '⻉': '贝', '⻋': '车', '⻚': '页', '⻜': '飞',
  '⻬': '齐', '⻄': '西', '⺟': '母', '⻘': '青', '⻝': '食', '⻥': '鱼', '⻦': '鸟', '⻰': '龙', '⻳': '龟', '⻩': '黄',
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尢', '⺐': '尢', '⺓': '幺', '⺔': '彐',
  '⺕': '彐', '⺞': '歺', '⺢': '水', '⺣': '火', '⺤': '爪', '⺥': '爪', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王',
  '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺳': '网', '⺶': '羊',
  '⺷': '羊', '⺹': '耂', '⺺': '肀', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤',
  '⻃': '西', '⻆': '角', '⻇': '角', '⻈': '讠', '⻊': '足', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻑': '長',
  '⻒': '镸', '⻕': '門', '⻖': '阝', '⻗': '雨', '⻙': '韦', '⻟': '食', '⻠': '饣', '⻡': '首', '⻣': '骨', '⻤': '鬼',
  '⻧': '鹵', '⻨': '麦', '⻪': '黾', '⻭': '齿', '⻮': '齒', '⻯': '龍', '⻱': '龜', '⻲': '亀',
};
const RADICAL_RE = /[\u2e80-\u2eff]/g;

/** NFKC (Kangxi radicals → CJK, full-width digits → ASCII), radical-supplement look-alikes, unified whitespace. */
export function nfkc(s: string): string {
  return s.normalize('NFKC').replace(RADICAL_RE, (ch) => RADICALS[ch] ?? ch).replace(/[\u00a0\u3000\u200b\ufeff]/g, ' ');
}

/**
 * A label reduced to its significant characters: no whitespace, no punctuation or brackets. Labels repeat (the
 * template's phrases, every report's row labels): each is reduced once.
 */
export const labelKey = memoize((s: string): string =>
  nfkc(s).replace(/[\s()（）【】\[\]、.．,，:：;；“”"'‘’《》〈〉<>|_\-—–·•]/g, ''));

/** Texts printed in a cell that mean "nothing here" but are not a number. */
const BLANKISH = new Set(['', '/', '／', '—', '–', '-', '－', '——', '--', '\\', '无', '空']);

export function isBlankish(raw: string): boolean {
  return BLANKISH.has(raw.replace(/\s+/g, ''));
}

/** A number as printed in a table cell: "1,774", "620.50", "620.50 万元", "7730.28". */
const NUMBER_CELL = /^[+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[+-]?\d+(\.\d+)?$/;
const UNIT_SUFFIX = /\s*(万元|元|件|条|个|次|项|份|人次|万条|%)$/;

export function parseNumberCell(raw: string): number | null {
  const t = nfkc(raw).trim().replace(UNIT_SUFFIX, '');
  if (!NUMBER_CELL.test(t)) return null;
  const v = Number(t.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

export function isNumberCell(raw: string): boolean {
  return parseNumberCell(raw) !== null;
}

/** Collapse runs of whitespace for display. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
