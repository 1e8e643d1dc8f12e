/** Text normalisation shared by every extractor and parser. Pure functions only. */

/** NFKC (Kangxi radicals → CJK, full-width digits → ASCII) plus unified whitespace. */
export function nfkc(s: string): string {
  return s.normalize('NFKC').replace(/[\u00a0\u3000\u200b\ufeff]/g, ' ');
}

/** A label reduced to its significant characters: no whitespace, no punctuation or brackets. */
export function labelKey(s: string): string {
  return nfkc(s).replace(/[\s()（）【】\[\]、.．,，:：;；“”"'‘’《》〈〉<>|_\-—–·•]/g, '');
}

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
