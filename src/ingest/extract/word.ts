/**
 * Legacy Word 97–2003 `.doc` (an OLE2 compound file) to lines, through word-extractor.
 *
 * word-extractor's own text loses the table structure: cell marks become tabs, and a row end is found only
 * when the row's paragraph properties sit in the paragraph table itself. Those too big for it are stored
 * in the Data stream (sprmPHugePapx), which it does not read: in the LibreOffice-made fixture the rows of
 * the two wide tables (applications, review/litigation) run together into one line, their row ends looking
 * like empty cells. Here the paragraph properties are read in full instead: a row end becomes ROW, a
 * paragraph or line break inside a cell CELL_BREAK, and the body splits into running text and table rows.
 */
import type { Readable } from 'node:stream';
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { DocLine, ExtractedDoc } from '../doc.js';
import { Rejection } from '../errors.js';
import { nfkc } from '../normalize.js';
import { splitTextLine } from './text.js';

/** Noncharacters: never in a document's own text, kept by word-extractor's clean-up and by NFKC. */
const ROW = '\ufdd0';
const CELL_BREAK = '\ufdd1';

const reason = (e: unknown) =>
  e instanceof RangeError ? 'a part of it points outside its data'
    : e instanceof TypeError ? 'its internal structure is inconsistent'
      : (e as Error)?.message ?? String(e);
const damaged = (why: string) => new Rejection('corrupt', `is a damaged Word .doc file (${why})`);

/** Reads from the file's bytes; a read past the end gives zeros and is remembered (never an error in a stream). */
class BytesReader implements OleCompoundDoc.Reader {
  pastEnd = false;
  constructor(private readonly buf: Buffer) {}
  read(target: Buffer, offset: number, length: number, position: number): Promise<Buffer> {
    target.fill(0, offset, offset + length);
    if (!Number.isSafeInteger(position) || position < 0 || position >= this.buf.length) this.pastEnd = true;
    else this.buf.copy(target, offset, position, Math.min(this.buf.length, position + length));
    return Promise.resolve(target);
  }
}

/** The OLE2 reader with a sanity check of the header and sector chains that cannot loop. */
class CheckedCompoundDoc extends OleCompoundDoc {
  constructor(reader: BytesReader, private readonly size: number) { super(reader); }
  protected override _readMSAT(): Promise<void> {
    const h = this._header;
    const sectors = Math.ceil(this.size / 512) + 1;
    if (![512, 4096].includes(h.secSize) || h.shortSecSize !== 64 || h.shortStreamMax !== 4096) throw new Error('bad compound file header');
    if (h.SATSize < 1 || h.SATSize > sectors || h.MSATSize < 0 || h.MSATSize > sectors || h.SSATSize < 0 || h.SSATSize > sectors) throw new Error('bad sector table size');
    return super._readMSAT();
  }
  protected override _readSAT(): Promise<void> { return super._readSAT().then(() => noLoops(this._SAT)); }
  protected override _readSSAT(): Promise<void> { return super._readSSAT().then(() => noLoops(this._SSAT)); }
}

function noLoops(t: OleCompoundDoc.AllocationTable): void {
  t.getSecIdChain = (start: number) => {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id > -1; id = t._table[id]) {
      if (seen.has(id) || id >= t._table.length) throw new Error('a sector chain loops or leaves the file');
      seen.add(id);
      chain.push(id);
    }
    return chain;
  };
}

interface ParaProps { depth: number; rowEnd: boolean }

const SPRM_IN_TABLE = 0x2416;
const SPRM_TTP = 0x2417;
const SPRM_ITAP = 0x6649; // table depth: above 1 a table inside a cell, whose rows end in sprmPFInnerTtp
const SPRM_HUGE_PAPX = 0x6646;

/** Walk a grpprl (MS-DOC 2.6), with the two operands whose size is not in their first byte; stops at a bad one. */
function readSprms(g: Buffer, at: number, props: ParaProps & { huge?: number }): void {
  while (at + 3 <= g.length) {
    const sprm = g.readUInt16LE(at);
    at += 2;
    const spra = sprm >> 13;
    let size: number;
    if (sprm === 0xd608 || sprm === 0xd606) size = g.readUInt16LE(at) + 1; // sprmTDefTable: a 2-byte cb
    else if (sprm === 0xc615 && g[at] === 255) { // sprmPChgTabs, long form
      const del = g[at + 1] ?? 0;
      size = 3 + 4 * del + 3 * (g[at + 2 + 4 * del] ?? 0);
    } else size = spra === 6 ? g[at] + 1 : [1, 1, 2, 4, 2, 2, 0, 3][spra];
    if (at + size > g.length) break;
    if (sprm === SPRM_IN_TABLE && g[at] & 1) props.depth = Math.max(props.depth, 1);
    else if (sprm === SPRM_TTP && g[at] & 1) { props.rowEnd = true; props.depth = Math.max(props.depth, 1); }
    else if (sprm === SPRM_ITAP) props.depth = g.readInt32LE(at);
    else if (sprm === SPRM_HUGE_PAPX) props.huge = g.readUInt32LE(at);
    at += size;
  }
}

/** word-extractor's .doc extractor, with paragraph properties read in full (the Data stream too). */
class TableAwareExtractor extends WordOleExtractor {
  constructor(private readonly data: Buffer) { super(); }

  protected override writeParagraphProperties(wd: Buffer, table: Buffer): void {
    const fc = wd.readUInt32LE(0x0102);
    const lcb = wd.readUInt32LE(0x0106);
    if (lcb < 12) return;
    const plc = table.subarray(fc, fc + lcb);
    if (plc.length !== lcb) throw new Error('paragraph table out of range');
    const n = (lcb - 4) / 8;
    const chars = this._pieces.map((p) => p.text.split(''));
    for (let i = 0; i < n; i++) {
      const pn = plc.readUInt32LE((n + 1) * 4 + i * 4) & 0x3fffff;
      const fkp = wd.subarray(pn * 512, pn * 512 + 512);
      if (fkp.length !== 512) throw new Error('paragraph properties out of range');
      const crun = fkp[511];
      for (let j = 0; j < crun; j++) {
        const start = fkp.readUInt32LE(j * 4);
        const end = fkp.readUInt32LE(j * 4 + 4);
        const bx = fkp[(crun + 1) * 4 + j * 13] * 2;
        if (bx === 0) continue;
        const cb = fkp[bx];
        const grpprl = cb ? fkp.subarray(bx + 1, bx + 2 * cb) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp[bx + 1]);
        const props: ParaProps & { huge?: number } = { depth: 0, rowEnd: false };
        readSprms(grpprl, 2, props); // after the style index
        if (props.huge !== undefined && props.huge + 2 <= this.data.length) {
          const size = this.data.readUInt16LE(props.huge);
          readSprms(this.data.subarray(props.huge + 2, props.huge + 2 + size), 0, props);
        }
        if (props.depth > 0) this.markParagraph(chars, start, end, props);
      }
    }
    this._pieces.forEach((p, k) => { p.text = chars[k].join(''); });
  }

  /** Inside a table: a row end (of the outermost table) becomes ROW; breaks inside a cell become CELL_BREAK. */
  private markParagraph(chars: string[][], start: number, end: number, props: ParaProps): void {
    const at: [number, number][] = [];
    this._pieces.forEach((p, k) => {
      const from = Math.max(start, p.startFilePos);
      const to = Math.min(end, p.startFilePos + p.size);
      for (let fc = from; fc < to; fc += p.bpc) at.push([k, (fc - p.startFilePos) / p.bpc]);
    });
    at.forEach(([k, i], n) => {
      const ch = chars[k][i];
      if (ch === undefined || ch === '\x00') return; // deleted text stays deleted
      const last = n === at.length - 1;
      if (props.depth > 1) {
        // a table inside a cell is read as that cell's text
        if (/[\r\x07\x0b\x0c]/.test(ch)) chars[k][i] = CELL_BREAK;
        else if (ch === '\t') chars[k][i] = ' ';
      } else if (props.rowEnd && last) chars[k][i] = ROW;
      else if (/[\r\x0b\x0c]/.test(ch)) chars[k][i] = CELL_BREAK;
      else if (ch === '\t') chars[k][i] = ' ';
    });
  }
}

const streamBytes = (s: Readable) => new Promise<Buffer>((resolve, reject) => {
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  s.on('error', reject);
  s.on('end', () => resolve(Buffer.concat(chunks)));
});

/** What a compound file that is not a Word document is, from its streams. */
async function notWord(ole: OleCompoundDoc): Promise<Rejection> {
  const has = async (name: string) => (await streamBytes(ole.stream(name))).length > 0;
  if (await has('EncryptedPackage')) return new Rejection('encrypted', 'is a password-protected Office file: save it without a password first');
  if (await has('Workbook') || await has('Book')) return new Rejection('unsupported_type', 'is an Excel workbook (.xls), not a report document (PDF, DOC, DOCX, HTML or text)');
  if (await has('PowerPoint Document')) return new Rejection('unsupported_type', 'is a PowerPoint file (.ppt), not a report document (PDF, DOC, DOCX, HTML or text)');
  return new Rejection('unsupported_type', 'is an OLE2 compound file but not a Word document (it has no WordDocument stream)');
}

export async function docToDoc(buf: Buffer): Promise<ExtractedDoc> {
  const reader = new BytesReader(buf);
  const ole = new CheckedCompoundDoc(reader, buf.length);
  const truncated = () => damaged(`it ends at byte ${buf.length}, before the parts it points to`);
  let wd: Buffer;
  try {
    await ole.read();
    wd = await streamBytes(ole.stream('WordDocument'));
  } catch (e) {
    throw reader.pastEnd ? truncated() : damaged(reason(e));
  }
  if (reader.pastEnd) throw truncated();
  if (wd.length === 0) throw await notWord(ole);
  if (wd.length < 0x200 || ![0xa5ec, 0xa5dc].includes(wd.readUInt16LE(0))) throw damaged('its WordDocument stream has no Word file header');
  const nFib = wd.readUInt16LE(2);
  if (nFib < 0xc0) throw new Rejection('legacy_doc', `is a Word 6.0/95 file (format ${nFib}, older than Word 97): save it as DOCX or PDF first`);
  const flags = wd.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new Rejection('encrypted', 'is a password-protected Word .doc file');

  let body: string;
  let meta: Record<string, string> = {};
  try {
    const data = await streamBytes(ole.stream('Data'));
    const doc = await new TableAwareExtractor(data).extractWordDocument(ole, wd);
    body = doc.getBody({ filterUnicode: false }); // keep "—" and curly quotes as written
    meta = summaryInfo(await streamBytes(ole.stream('\u0005SummaryInformation')));
  } catch (e) {
    throw reader.pastEnd ? truncated() : damaged(reason(e));
  }
  if (reader.pastEnd) throw truncated();

  const lines = bodyLines(body);
  if (!lines.length) {
    if (flags & 0x0008) throw new Rejection('needs_ocr', 'is a Word .doc file with pictures but no text (scanned pages?): it needs OCR');
    throw new Rejection('empty', 'is a Word .doc file with no text');
  }
  return { kind: 'doc', pages: 1, lines, meta: { Format: 'Word 97-2003 (.doc)', ...meta } };
}

const cellText = (s: string) => nfkc(s.replaceAll(CELL_BREAK, ' ')).replace(/\s+/g, ' ').trim();

/** Body text → lines: paragraphs (tabs split them, as in text files) and table rows (their cells exactly). */
export function bodyLines(body: string): DocLine[] {
  const lines: DocLine[] = [];
  let lineNo = 0;
  let tableNo = 0;
  let rows: string[][] = [];
  const pushText = (raw: string) => {
    const t = nfkc(raw.replaceAll(CELL_BREAK, ' '));
    if (t.trim()) lines.push({ page: 1, line: ++lineNo, cells: splitTextLine(t) });
  };
  const closeTable = () => {
    if (!rows.length) return;
    const width = Math.max(...rows.map((r) => r.length));
    if (width < 2) {
      // a one-column table is a frame around text: its paragraphs are running text
      for (const [cell] of rows) for (const part of cell.split(CELL_BREAK)) pushText(part);
    } else {
      tableNo++;
      for (const r of rows) lines.push({ page: 1, line: ++lineNo, cells: r.map(cellText), grid: { table: tableNo, width } });
    }
    rows = [];
  };
  for (const [all, text, end] of body.matchAll(/([^\n\ufdd0]*)([\n\ufdd0]|$)/g)) {
    if (all === '') continue;
    // each cell ends in its cell mark (a tab by now), the row in its row mark
    if (end === ROW) rows.push(text.replace(/\t$/, '').split('\t'));
    else { closeTable(); pushText(text); }
  }
  closeTable();
  return lines;
}

/** Title and dates from the SummaryInformation property set ([MS-OLEPS]); nothing when it is missing or odd. */
function summaryInfo(b: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    if (b.length < 48 || b.readUInt16LE(0) !== 0xfffe) return out;
    const sec = b.readUInt32LE(44);
    const count = b.readUInt32LE(sec + 4);
    const props = new Map<number, number>();
    for (let i = 0; i < Math.min(count, 64); i++) props.set(b.readUInt32LE(sec + 8 + i * 8), sec + b.readUInt32LE(sec + 12 + i * 8));
    const cpAt = props.get(1);
    const codePage = cpAt !== undefined && b.readUInt16LE(cpAt) === 2 ? b.readUInt16LE(cpAt + 4) : 1252;
    const str = (id: number): string | undefined => {
      const at = props.get(id);
      if (at === undefined) return undefined;
      const type = b.readUInt16LE(at);
      const len = b.readUInt32LE(at + 4);
      if (type === 0x1e) {
        const bytes = b.subarray(at + 8, at + 8 + len);
        const enc = codePage === 65001 ? 'utf-8' : codePage === 1200 ? 'utf-16le' : codePage === 936 ? 'gb18030' : codePage === 950 ? 'big5' : `windows-${codePage}`;
        try { return new TextDecoder(enc).decode(bytes).replace(/\0.*$/s, '').trim(); } catch { return undefined; }
      }
      if (type === 0x1f) return b.subarray(at + 8, at + 8 + len * 2).toString('utf16le').replace(/\0.*$/s, '').trim();
      if (type === 0x40) {
        const ticks = b.readBigUInt64LE(at + 4);
        if (ticks === 0n) return undefined;
        const ms = Number(ticks / 10000n) - 11644473600000;
        return ms > 0 ? new Date(ms).toISOString() : undefined;
      }
      return undefined;
    };
    const keep: [string, number][] = [['Title', 2], ['Subject', 3], ['Creator', 0x12], ['CreationDate', 0x0c], ['ModDate', 0x0d]];
    for (const [key, id] of keep) {
      const v = str(id);
      if (v) out[key] = nfkc(v);
    }
  } catch {
    // metadata is a bonus: a damaged property set is ignored
  }
  return out;
}
