/** File type detection from content (magic bytes and a look at the text), never from the extension. */
export type FileKind = 'pdf' | 'docx' | 'html' | 'text' | 'json' | 'doc' | 'zip' | 'image' | 'empty' | 'binary';

const startsWith = (buf: Buffer, sig: number[], at = 0) => sig.every((b, i) => buf[at + i] === b);

export function detectKind(buf: Buffer): FileKind {
  if (buf.length === 0) return 'empty';
  const head = buf.subarray(0, 1024);
  // PDF: "%PDF-" may follow a little junk; readers accept it within the first 1 KB.
  if (head.includes(Buffer.from('%PDF-'))) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const probe = buf.subarray(0, Math.min(buf.length, 65536)).toString('latin1');
    return probe.includes('word/') || probe.includes('[Content_Types].xml') ? 'docx' : 'zip';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) || startsWith(buf, [0xff, 0xd8, 0xff]) || startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return 'image';
  const text = decodeText(buf.subarray(0, 8192));
  if (text === null) return 'binary';
  if (/<(!doctype\s+html|html|head|body|table|meta|div|p)[\s>]/i.test(text)) return 'html';
  if (/^\s*[{[]/.test(text) && looksLikeJson(buf)) return 'json';
  return 'text';
}

const badShare = (s: string) => {
  const bad = (s.match(/\ufffd/g) ?? []).length;
  const ctrl = (s.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  return (bad + ctrl) / Math.max(1, s.length);
};

/**
 * Decode text: UTF-8 (BOM-aware, UTF-16 BOMs too), else GB18030 (a superset of GBK and GB2312, which many
 * government sites and Windows tools still write); null when the bytes are neither.
 */
export function decodeText(buf: Buffer): string | null {
  if (startsWith(buf, [0xff, 0xfe])) return buf.subarray(2).toString('utf16le');
  if (startsWith(buf, [0xfe, 0xff])) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const utf8 = buf.toString('utf8');
  if (badShare(utf8) <= 0.002) return utf8.replace(/^\ufeff/, '');
  const gb = new TextDecoder('gb18030').decode(buf);
  if (badShare(gb) <= 0.002 && /[\u4e00-\u9fff]/.test(gb)) return gb;
  return badShare(utf8) <= 0.01 ? utf8.replace(/^\ufeff/, '') : null;
}

function looksLikeJson(buf: Buffer): boolean {
  try { JSON.parse(buf.toString('utf8')); return true; } catch { return false; }
}
