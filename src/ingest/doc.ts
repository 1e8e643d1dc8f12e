/**
 * The one shape every extractor produces: the document as an ordered list of lines.
 * A line is either running text (one cell) or a table row (its cells, blanks kept).
 */
export interface DocLine {
  /** 1-based page (text inputs: 1, or the form-feed page). */
  page: number;
  /** 1-based line number in the source text, or the row index within the page's tables. */
  line: number;
  /** The cells of this line. Running text has one cell; a tab/pipe-separated line or table row has many. */
  cells: string[];
  /** Set for rows of a real table grid (PDF ruling lines, HTML/DOCX tables): column positions are exact. */
  grid?: { table: number; width: number };
}

export interface ExtractedDoc {
  kind: 'pdf' | 'doc' | 'docx' | 'html' | 'text';
  pages: number;
  lines: DocLine[];
  /** Producer or other metadata worth keeping. */
  meta: Record<string, string>;
}

export const lineText = (l: DocLine): string => l.cells.filter((c) => c.trim() !== '').join(' ').trim();
