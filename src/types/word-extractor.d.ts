/**
 * Types for word-extractor 1.0.4 (it ships none). Besides the public entry, src/ingest/extract/word.ts
 * subclasses two internal classes (the OLE2 reader and the Word 97 extractor) to read table structure the
 * public API loses; those declarations cover only what it touches, and hold for the pinned version only.
 */
declare module 'word-extractor' {
  namespace WordExtractor {
    interface TextOptions { filterUnicode?: boolean }
    /** The extracted parts of a Word file. filterUnicode (default true) folds curly quotes and dashes to ASCII. */
    interface Document {
      getBody(options?: TextOptions): string;
      getFootnotes(options?: TextOptions): string;
      getEndnotes(options?: TextOptions): string;
      getHeaders(options?: TextOptions & { includeFooters?: boolean }): string;
      getFooters(options?: TextOptions): string;
      getAnnotations(options?: TextOptions): string;
      getTextboxes(options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
    }
  }
  class WordExtractor {
    extract(source: string | Buffer): Promise<WordExtractor.Document>;
  }
  export = WordExtractor;
}

declare module 'word-extractor/lib/ole-compound-doc.js' {
  import type { Readable } from 'node:stream';
  namespace OleCompoundDoc {
    interface Reader { read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer> }
    interface AllocationTable { _table: number[]; getSecIdChain(startSecId: number): number[] }
    interface Header { secSize: number; shortSecSize: number; SATSize: number; MSATSize: number; SSATSize: number; shortStreamMax: number }
  }
  /** An OLE2 compound file; a missing stream reads as no bytes. */
  class OleCompoundDoc {
    constructor(reader: OleCompoundDoc.Reader);
    read(): Promise<OleCompoundDoc>;
    stream(name: string): Readable;
    protected _header: OleCompoundDoc.Header;
    protected _SAT: OleCompoundDoc.AllocationTable;
    protected _SSAT: OleCompoundDoc.AllocationTable;
    protected _readMSAT(): Promise<void>;
    protected _readSAT(): Promise<void>;
    protected _readSSAT(): Promise<void>;
  }
  export = OleCompoundDoc;
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { Document } from 'word-extractor';
  import type OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
  namespace WordOleExtractor {
    /** One run of the piece table: text at file positions [startFilePos, startFilePos + size), bpc bytes a character. */
    interface Piece { startCp: number; endCp: number; startFilePos: number; size: number; bpc: 1 | 2; text: string; length: number }
  }
  /** The Word 97–2003 (.doc) extractor behind WordExtractor. */
  class WordOleExtractor {
    protected _pieces: WordOleExtractor.Piece[];
    /** Reads the table stream and builds the document; `buffer` is the WordDocument stream. */
    extractWordDocument(document: OleCompoundDoc, buffer: Buffer): Promise<Document>;
    /** Called once the pieces are read; marks paragraph properties into the pieces' text. */
    protected writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
  export = WordOleExtractor;
}
