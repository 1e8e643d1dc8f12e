/**
 * The opening of a report as one searchable string: each line normalised character for character (NFKC,
 * Traditional → Simplified, years in Chinese digits → Arabic, spaces dropped), so a match in the normalised
 * text maps back to the characters the report printed and to its line.
 */
import * as OpenCC from 'opencc-js';
import type { DocLine } from '../doc.js';
import { lineText } from '../doc.js';
import { nfkc } from '../normalize.js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', 'Ｏ': '0', 一: '1', 二: '2', 三: '3', 四: '4',
  五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** One character of the normalised text: what it is, what was printed, which line it came from. */
export interface Head {
  /** Normalised text of the lines, joined without separators (a title may run over lines). */
  text: string;
  /** The printed character (NFKC, spaces dropped) at each position of `text`. */
  printed: string[];
  /** Index into the document's lines of each position of `text`. */
  lineOf: number[];
  /** Start offset in `text` of each head line, and that line's index in the document. */
  starts: { at: number; line: number }[];
}

const simplifyCache = new Map<string, string>();
function simplifyChar(ch: string): string {
  const known = simplifyCache.get(ch);
  if (known !== undefined) return known;
  const conv = t2s(ch);
  const s = [...conv].length === 1 ? conv : ch;
  simplifyCache.set(ch, s);
  return s;
}

/** Years in Chinese digits (二〇二四, 二○二四) become Arabic; the length stays the same. */
function arabicYears(chars: string[]): string[] {
  const s = chars.join('');
  const out = [...chars];
  for (const m of s.matchAll(/[〇○零Ｏ一二三四五六七八九]{4}(?=年)/g)) {
    const start = [...s.slice(0, m.index)].length;
    [...m[0]].forEach((c, k) => { out[start + k] = CN_DIGIT[c] ?? c; });
  }
  return out;
}

/**
 * Build the head from document lines `from` (inclusive) to `to` (exclusive); `sep` joins the lines ("" lets a
 * title run over lines, "\n" keeps sentences apart).
 */
export function buildHead(lines: DocLine[], from: number, to: number, sep: '' | '\n' = ''): Head {
  const printed: string[] = [];
  const norm: string[] = [];
  const lineOf: number[] = [];
  const starts: Head['starts'] = [];
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    const shown: string[] = [];
    const chars: string[] = [];
    for (const c of lineText(lines[i])) {
      const n = nfkc(c);
      if (!n.trim()) continue;
      const one = [...n].length === 1 ? n : c;
      chars.push(one);
      // full-width brackets, digits and punctuation are kept as printed; radicals and compatibility forms are not
      shown.push(/^[\x21-\x7e]$/.test(one) ? c : one);
    }
    if (!chars.length) continue;
    if (sep && norm.length) { norm.push(sep); printed.push(sep); lineOf.push(i); }
    starts.push({ at: norm.length, line: i });
    const simple = arabicYears(chars.map(simplifyChar));
    for (let k = 0; k < chars.length; k++) { norm.push(simple[k]); printed.push(shown[k]); lineOf.push(i); }
  }
  return { text: norm.join(''), printed, lineOf, starts };
}

/**
 * Offsets in `head.text` are UTF-16; `printed`/`lineOf` are per code point. Rare characters outside the BMP
 * (some place names use them) would shift the two; this maps a UTF-16 offset to a code-point index.
 */
export function cpIndex(head: Head, at: number): number {
  let cp = 0;
  for (let i = 0; i < at && i < head.text.length; i++) {
    const c = head.text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) cp++;
  }
  return cp;
}

/** The printed form of `head.text.slice(from, to)`. */
export function printedSpan(head: Head, from: number, to: number): string {
  return head.printed.slice(cpIndex(head, from), cpIndex(head, to)).join('');
}

/** The document line where offset `at` of the head lies. */
export function lineAt(head: Head, at: number): number {
  return head.lineOf[Math.min(head.lineOf.length - 1, cpIndex(head, at))] ?? 0;
}

/** Is offset `at` the start of a line of the head? */
export function isLineStart(head: Head, at: number): boolean {
  return head.starts.some((s) => s.at === cpIndex(head, at));
}

/**
 * The share of CJK characters that Traditional → Simplified conversion changed. A simplified text scores
 * near 0 (only characters like 乾 that conversion maps anyway); a Traditional one scores well above.
 */
export function traditionalShare(head: Head): number {
  let cjk = 0, changed = 0;
  const chars = [...head.text];
  chars.forEach((c, i) => {
    if (!/[\u4e00-\u9fff]/.test(c)) return;
    cjk++;
    if (head.printed[i] !== c && !/^\d$/.test(c)) changed++;
  });
  return cjk ? changed / cjk : 0;
}
