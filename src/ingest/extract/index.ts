/** One entry point for every input type: detect from content, extract to lines. */
import { detectKind } from '../detect.js';
import type { ExtractedDoc } from '../doc.js';
import { Rejection } from '../errors.js';
import { docxToDoc, htmlToDoc } from './html.js';
import { pdfToDoc } from './pdf.js';
import { textToDoc } from './text.js';
import { docToDoc } from './word.js';
import { decodeText } from '../detect.js';

export interface ExtractLimits { maxPages: number }

export async function extractFile(buf: Buffer, limits: ExtractLimits): Promise<ExtractedDoc> {
  const kind = detectKind(buf);
  switch (kind) {
    case 'pdf': return pdfToDoc(buf, limits);
    case 'docx':
      try { return await docxToDoc(buf); } catch (e) { throw new Rejection('corrupt', `is a damaged DOCX file (${(e as Error).message})`); }
    case 'html': return htmlToDoc(decodeText(buf) ?? '');
    case 'text': return textToDoc(decodeText(buf) ?? '');
    case 'empty': throw new Rejection('empty', 'is empty (0 bytes)');
    case 'doc': return docToDoc(buf);
    case 'image': throw new Rejection('needs_ocr', 'is an image: it needs OCR, not a PDF/DOC/DOCX/HTML/text report');
    case 'json': throw new Rejection('unsupported_type', 'is JSON data, not a report document (PDF, DOC, DOCX, HTML or text)');
    default: throw new Rejection('unsupported_type', `is not a PDF, DOC, DOCX, HTML or text file (detected: ${kind})`);
  }
}
