/**
 * One entry point for every input type: detect from content, extract to lines. Each reader is loaded when a file of
 * its kind first comes (the PDF reader alone holds ~150 MB): a text report never loads pdf.js, cheerio or mammoth.
 */
import { decodeText, detectKind } from '../detect.js';
import type { ExtractedDoc } from '../doc.js';
import { Rejection } from '../errors.js';
import { textToDoc } from './text.js';

export interface ExtractLimits { maxPages: number }

/**
 * pdf.js's legacy build (core-js) replaces Array.prototype.push and JSON.parse with slower script versions for the
 * whole thread when it loads (the first PDF): they are put back, so reading and parsing after it run at full speed.
 */
async function keepNatives<T>(fn: () => Promise<T>): Promise<T> {
  const { push } = Array.prototype;
  const { parse } = JSON;
  try {
    return await fn();
  } finally {
    if (Array.prototype.push !== push) Array.prototype.push = push;
    if (JSON.parse !== parse) JSON.parse = parse;
  }
}

export async function extractFile(buf: Buffer, limits: ExtractLimits): Promise<ExtractedDoc> {
  const kind = detectKind(buf);
  switch (kind) {
    case 'pdf': return keepNatives(async () => (await import('./pdf.js')).pdfToDoc(buf, limits));
    case 'docx': {
      const { docxToDoc } = await import('./html.js');
      try {
        return await docxToDoc(buf);
      } catch (e) {
        throw new Rejection('corrupt', `is a damaged DOCX file (${(e as Error).message})`);
      }
    }
    case 'html': return (await import('./html.js')).htmlToDoc(decodeText(buf) ?? '');
    case 'text': return textToDoc(decodeText(buf) ?? '');
    case 'empty': throw new Rejection('empty', 'is empty (0 bytes)');
    case 'doc': return (await import('./word.js')).docToDoc(buf);
    case 'image': throw new Rejection('needs_ocr', 'is an image: it needs OCR, not a PDF/DOC/DOCX/HTML/text report');
    case 'json':
      throw new Rejection('unsupported_type', 'is JSON data, not a report document (PDF, DOC, DOCX, HTML or text)');
    default: throw new Rejection('unsupported_type', `is not a PDF, DOC, DOCX, HTML or text file (detected: ${kind})`);
  }
}
