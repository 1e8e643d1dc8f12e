/** Plain text and Markdown: lines, split into cells by tabs or by Markdown pipes. */
import type { DocLine, ExtractedDoc } from '../doc.js';
import { nfkc } from '../normalize.js';

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function splitTextLine(raw: string): string[] {
  if (PIPE_ROW.test(raw)) {
    return raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  }
  if (raw.includes('\t')) return raw.split('\t').map((c) => c.trim());
  return [raw.trim()];
}

export function textToDoc(text: string, kind: ExtractedDoc['kind'] = 'text'): ExtractedDoc {
  const lines: DocLine[] = [];
  let page = 1;
  const rawLines = nfkc(text).replace(/\r\n?/g, '\n').split('\n');
  rawLines.forEach((raw, i) => {
    const pageBreaks = raw.split('\f');
    pageBreaks.forEach((part, j) => {
      if (j > 0) page++;
      if (part.trim() === '' || PIPE_RULE.test(part)) return;
      lines.push({ page, line: i + 1, cells: splitTextLine(part) });
    });
  });
  return { kind, pages: page, lines, meta: {} };
}
