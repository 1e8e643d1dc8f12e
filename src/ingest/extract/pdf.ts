/** PDF with a text layer: pdf-parse loads it (pdf.js cMaps configured), pdf.js gives items and rulings. */
import { createRequire } from 'node:module';
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocLine, ExtractedDoc } from '../doc.js';
import { nfkc } from '../normalize.js';
import { buildGrids, gridRows, joinLines, rulings, type TextItem } from './grid.js';
import { Rejection } from '../errors.js';

const pdfjsRoot = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
const CMAPS = `${pdfjsRoot}cmaps/`;
const FONTS = `${pdfjsRoot}standard_fonts/`;
/**
 * Fonts stay fonts: under Node pdf.js otherwise turns every glyph into a drawing path (half the reading time).
 * They are "attached" to this stand-in document, whose style sheet takes the rule and does nothing with it.
 */
const NO_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}
interface PdfDoc { numPages: number; getPage(n: number): Promise<PdfPage> }

export interface PdfLimits {
  maxPages: number;
  /** Ignore ruling lines (what a borderless table gives): every line is read as loose text. For tests. */
  ignoreRulings?: boolean;
}

export async function pdfToDoc(buf: Buffer, limits: PdfLimits): Promise<ExtractedDoc> {
  const parser = new PDFParse({ data: new Uint8Array(buf), cMapUrl: CMAPS, cMapPacked: true, standardFontDataUrl: FONTS, verbosity: 0,
    disableFontFace: false, ownerDocument: NO_DOCUMENT } as never);
  try {
    let doc: PdfDoc;
    let meta: Record<string, string> = {};
    try {
      const info = await parser.getInfo();
      const i = (info.info ?? {}) as Record<string, unknown>;
      for (const k of ['Producer', 'Creator', 'CreationDate', 'ModDate', 'Title']) if (typeof i[k] === 'string' && i[k]) meta[k] = i[k] as string;
      doc = await (parser as unknown as { load(): Promise<PdfDoc> }).load();
    } catch (e) {
      throw classify(e);
    }
    if (doc.numPages > limits.maxPages) throw new Rejection('too_large', `has ${doc.numPages} pages (limit ${limits.maxPages})`);
    const lines: DocLine[] = [];
    let tableNo = 0;
    let textChars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const { page, tc, ol } = await readPage(doc, n);
      const items: TextItem[] = [];
      for (const raw of tc.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (typeof raw.str !== 'string' || !raw.transform) continue;
        const s = nfkc(raw.str);
        if (s.trim() === '') continue;
        textChars += s.trim().length;
        const x0 = raw.transform[4], y = raw.transform[5];
        items.push({ s, x0, x1: x0 + (raw.width ?? 0), y, h: raw.height || Math.abs(raw.transform[3]) || 10 });
      }
      const { H, V } = limits.ignoreRulings ? { H: [], V: [] } : rulings(ol.fnArray, ol.argsArray, OPS as never);
      const { grids, loose } = buildGrids(H, V, items);
      const entries: { y: number; line: Omit<DocLine, 'line'> }[] = [];
      for (const l of joinLines(loose, true)) entries.push({ y: l.y, line: { page: n, cells: l.text.split('\t').map((c) => c.trim()) } });
      for (const g of grids) {
        if (!g.cells.some((c) => c.items.length)) continue; // a box or frame with no text is not a table
        if (g.cols < 2) {
          // a page frame or text box: its content is running text
          for (const l of joinLines(g.cells.flatMap((c) => c.items), true)) entries.push({ y: l.y, line: { page: n, cells: l.text.split('\t').map((c) => c.trim()) } });
          continue;
        }
        tableNo++;
        for (const row of gridRows(g)) {
          entries.push({ y: row.y, line: { page: n, cells: row.cells, grid: { table: tableNo, width: g.cols } } });
        }
      }
      entries.sort((a, b) => b.y - a.y);
      entries.forEach((e, i) => lines.push({ ...e.line, line: i + 1 }));
      page.cleanup();
    }
    if (textChars < 20) throw new Rejection('needs_ocr', `has ${doc.numPages} page(s) but no text layer (a scan): it needs OCR`);
    if (!looksLikeText(lines)) throw new Rejection('bad_font', 'has a text layer that does not decode to readable Chinese (fonts without a usable character mapping)');
    return { kind: 'pdf', pages: doc.numPages, lines, meta };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** One page's text and drawing operators; a page pdf.js cannot decode (a damaged stream) makes the file damaged. */
async function readPage(doc: PdfDoc, n: number) {
  try {
    const page = await doc.getPage(n);
    const [tc, ol] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    return { page, tc, ol };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Rejection('corrupt', `is a damaged PDF: page ${n} cannot be read (${why})`);
  }
}

/** Decoded text of a Chinese report is mostly CJK ideographs; broken font mappings give Latin-1 soup or private-use code points. */
function looksLikeText(lines: DocLine[]): boolean {
  const all = lines.map((l) => l.cells.join('')).join('').replace(/\s/g, '');
  if (!all.length) return false;
  const cjk = (all.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const odd = (all.match(/[\ue000-\uf8ff\u0080-\u00ff\ufffd]/g) ?? []).length;
  return cjk / all.length > 0.2 && odd / all.length < 0.2;
}

function classify(e: unknown): Error {
  if (e instanceof Rejection) return e;
  if (e instanceof PasswordException) return new Rejection('encrypted', 'is password-protected: it needs the password to be opened');
  if (e instanceof InvalidPDFException) return new Rejection('corrupt', `is not a readable PDF (${(e as Error).message})`);
  if (e instanceof FormatError) return new Rejection('corrupt', `is a damaged PDF (${(e as Error).message})`);
  const msg = e instanceof Error ? e.message : String(e);
  return new Rejection('corrupt', `could not be read as PDF (${msg})`);
}
