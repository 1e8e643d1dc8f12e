/** Why a file was refused; the message completes "<file> …" and is meant for people. */
export type RejectionCode =
  | 'unsupported_type' | 'empty' | 'corrupt' | 'encrypted' | 'needs_ocr' | 'bad_font'
  | 'not_a_report' | 'incomplete' | 'no_title' | 'too_large' | 'timeout' | 'out_of_memory' | 'crashed'
  | 'legacy_doc' | 'internal';

export class Rejection extends Error {
  constructor(readonly code: RejectionCode, message: string) {
    super(message);
    this.name = 'Rejection';
  }
}

/**
 * Failures that are no verdict on the file (the reader timed out, crashed or ran out of memory, or failed
 * unexpectedly): they are not remembered as refusals, so the file is tried again at the next start or ingest.
 */
const TRANSIENT: ReadonlySet<string> = new Set<RejectionCode>(['timeout', 'out_of_memory', 'crashed', 'internal']);
export const isTransient = (code: string | undefined): boolean => code !== undefined && TRANSIENT.has(code);
