/** Why a file was refused; the message completes "<file> …" and is meant for people. */
export type RejectionCode =
  | 'unsupported_type' | 'empty' | 'corrupt' | 'encrypted' | 'needs_ocr' | 'bad_font'
  | 'not_a_report' | 'incomplete' | 'too_large' | 'timeout' | 'legacy_doc' | 'internal';

export class Rejection extends Error {
  constructor(readonly code: RejectionCode, message: string) {
    super(message);
    this.name = 'Rejection';
  }
}
