/**
 * Deterministic mutations of fixture PDFs for the robustness tests: bytes flipped in the file or inside a stream,
 * bytes changed inside a decompressed page content stream, and digits of the printed text changed (the glyph
 * codes of a digit swapped for another digit's, through the font's ToUnicode map). Streams are inflated and
 * deflated with node:zlib; a stream that no longer fits its place is appended as an incremental update.
 */
import { constants, deflateSync, inflateSync } from 'node:zlib';

/** Runs of a property (FUZZ_RUNS overrides every default, for long fuzzing) and fast-check's seed (FUZZ_SEED). */
export function fuzzOptions(byDefault: number): { numRuns: number; seed?: number } {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: Number(process.env.FUZZ_RUNS) || byDefault, ...(Number.isInteger(seed) ? { seed } : {}) };
}
/** A test's time limit for its runs at `msPerRun` each (generous: a loaded machine), at least a minute. */
export const fuzzTimeout = (byDefault: number, msPerRun: number): number =>
  Math.max(60_000, fuzzOptions(byDefault).numRuns * msPerRun * 4);

/** mulberry32: the same seed gives the same mutations on every machine. */
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(a: readonly T[]): T } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (a) => a[int(a.length)] };
}
type Rng = ReturnType<typeof rng>;

interface PdfObj { num: number; dict: string; start?: number; end?: number }

/** The file's objects by number (the last definition wins), with the byte range of each stream's data. */
export function pdfObjects(buf: Buffer): Map<number, PdfObj> {
  const s = buf.toString('latin1');
  const objs = new Map<number, PdfObj>();
  const re = /(\d+)\s+\d+\s+obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index + m[0].length;
    const endobj = s.indexOf('endobj', at);
    const stream = s.indexOf('stream', at);
    if (stream < 0 || (endobj >= 0 && endobj < stream)) {
      objs.set(+m[1], { num: +m[1], dict: s.slice(at, endobj < 0 ? undefined : endobj) });
      continue;
    }
    const start = stream + 6 + (s.startsWith('\r\n', stream + 6) ? 2 : 1);
    const endstream = s.indexOf('endstream', start);
    if (endstream < 0) break;
    objs.set(+m[1], { num: +m[1], dict: s.slice(at, stream), start, end: endstream });
    re.lastIndex = endstream;
  }
  for (const o of objs.values()) { // a stream's exact end from its /Length (direct or a reference)
    if (o.start === undefined) continue;
    const ref = /\/Length\s+(\d+)\s+\d+\s+R/.exec(o.dict);
    const direct = /\/Length\s+(\d+)/.exec(o.dict)?.[1];
    const len = Number(ref ? /^\s*(\d+)/.exec(objs.get(+ref[1])?.dict ?? '')?.[1] : direct);
    if (Number.isFinite(len) && o.start + len <= o.end!) o.end = o.start + len;
  }
  return objs;
}

const flate = (o: PdfObj) => o.start !== undefined && /\/FlateDecode/.test(o.dict) && !/DecodeParms/.test(o.dict);
function inflate(buf: Buffer, o: PdfObj): string | null {
  try {
    return inflateSync(buf.subarray(o.start, o.end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    return null;
  }
}

/** A font's ToUnicode map: code (hex, upper case) → text, and the code width in hex digits. */
interface CodeMap { width: number; text: Map<string, string> }
function parseCMap(cmap: string): CodeMap {
  const width = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1].length ?? 2;
  const text = new Map<string, string>();
  const hex = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  const code = (n: number) => n.toString(16).toUpperCase().padStart(width, '0');
  for (const b of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, c, u] of b[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) text.set(c.toUpperCase(), hex(u));
  }
  for (const b of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo, hi, u] of b[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(u, 16);
      for (let n = parseInt(lo, 16); n <= parseInt(hi, 16) && n - parseInt(lo, 16) < 256; n++) {
        text.set(code(n), String.fromCharCode(first + n - parseInt(lo, 16)));
      }
    }
  }
  return { width, text };
}

/** Page content streams with the code maps of the fonts their resources name. */
function pages(buf: Buffer, objs: Map<number, PdfObj>): { contents: number[]; fonts: Map<string, CodeMap> }[] {
  const deref = (t: string, key: string): string | null => {
    const ref = new RegExp(`/${key}\\s*(\\d+)\\s+\\d+\\s+R`).exec(t);
    if (ref) return objs.get(+ref[1])?.dict ?? null;
    const at = t.indexOf(`/${key}`);
    return at >= 0 ? t.slice(at + key.length + 1) : null;
  };
  const out: { contents: number[]; fonts: Map<string, CodeMap> }[] = [];
  for (const o of objs.values()) {
    if (!/\/Type\s*\/Page(?!s)/.test(o.dict)) continue;
    const c = /\/Contents\s*(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])/.exec(o.dict);
    const contents = c ? (c[1] ? [+c[1]] : [...c[2].matchAll(/(\d+)\s+\d+\s+R/g)].map((x) => +x[1])) : [];
    let res: string | null = null;
    for (let p: PdfObj | undefined = o, hops = 0; p && !res && hops < 20; hops++) {
      res = /\/Resources/.test(p.dict) ? deref(p.dict, 'Resources') : null;
      p = objs.get(Number(/\/Parent\s+(\d+)\s+\d+\s+R/.exec(p.dict)?.[1]));
    }
    const fontDict = res ? deref(res, 'Font') : null;
    const fonts = new Map<string, CodeMap>();
    const body = fontDict ? (/^\s*<<([^]*?)>>/.exec(fontDict)?.[1] ?? fontDict) : '';
    for (const [, name, num] of body.matchAll(/\/([^\s/<>[\]()]+)\s*(\d+)\s+\d+\s+R/g)) {
      const tu = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(objs.get(+num)?.dict ?? '');
      const cm = tu ? objs.get(+tu[1]) : undefined;
      const text = cm && flate(cm) ? inflate(buf, cm) : null;
      if (text) fonts.set(name, parseCMap(text));
    }
    out.push({ contents, fonts });
  }
  return out;
}

/** Replace one stream's data: in place when the new data fits (padded), else as an incremental update. */
function replaceStream(buf: Buffer, o: PdfObj, data: Buffer): Buffer | null {
  const z = deflateSync(data, { level: 9 });
  const room = o.end! - o.start!;
  if (z.length <= room) {
    const out = Buffer.from(buf);
    z.copy(out, o.start!);
    out.fill(0x0a, o.start! + z.length, o.end!);
    return out;
  }
  const s = buf.toString('latin1');
  if (/\/Encrypt\b/.test(s)) return null;
  const root = [...s.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  const prev = [...s.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
  const size = Math.max(...[...s.matchAll(/\/Size\s+(\d+)/g)].map((m) => +m[1]), o.num + 1);
  if (!root || !prev) return null;
  const dict = o.dict.replace(/\/Length\s+\d+(\s+\d+\s+R)?/, `/Length ${z.length}`);
  const head = Buffer.from(`\n${o.num} 0 obj\n${dict.trim()}\nstream\n`, 'latin1');
  const objAt = buf.length + 1;
  const xrefAt = buf.length + head.length + z.length + '\nendstream\nendobj\n'.length;
  const entry = `${String(objAt).padStart(10, '0')} 00000 n \n`;
  const tail = `\nendstream\nendobj\nxref\n0 1\n0000000000 65535 f \n${o.num} 1\n${entry}`
    + `trailer\n<</Size ${size}/Root ${root}/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([buf, head, z, Buffer.from(tail, 'latin1')]);
}

export type MutationKind = 'file-bytes' | 'stream-bytes' | 'content-bytes' | 'digits';
export interface Mutation { kind: MutationKind; buf: Buffer; note: string }

const flip = (buf: Buffer, r: Rng, from: number, to: number, n: number): number[] => {
  const at: number[] = [];
  for (let k = 0; k < n && to > from; k++) { const i = from + r.int(to - from); buf[i] ^= 1 + r.int(255); at.push(i); }
  return at;
};

/** Digit glyphs of the text shown in one content stream, as positions in the inflated text. */
interface DigitSite { at: number; font: CodeMap; digit: string; run: string }
function digitSites(content: string, fonts: Map<string, CodeMap>): DigitSite[] {
  const sites: DigitSite[] = [];
  let font: CodeMap | undefined;
  for (const m of content.matchAll(/\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>/g)) {
    if (m[1] !== undefined) { font = fonts.get(m[1]); continue; }
    if (!font || (content[m.index - 1] === '<') || content[m.index + m[0].length] === '>') continue;
    const hex = m[2].replace(/\s/g, '').toUpperCase();
    if (hex.length !== m[2].length) continue;
    const codes = hex.match(new RegExp(`.{${font.width}}`, 'g')) ?? [];
    const run = codes.map((c) => font!.text.get(c) ?? '?').join('');
    codes.forEach((c, k) => {
      const t = font!.text.get(c);
      if (t && /^\d$/.test(t)) sites.push({ at: m.index + 1 + k * font!.width, font: font!, digit: t, run });
    });
  }
  return sites;
}

/** One mutation of `buf` chosen by `seed`; null when the file has nothing this kind can change. */
export function mutatePdf(buf: Buffer, kind: MutationKind, seed: number): Mutation | null {
  const r = rng(seed);
  const objs = pdfObjects(buf);
  const streams = [...objs.values()].filter((o) => o.start !== undefined && o.end! > o.start!);
  if (kind === 'file-bytes') {
    const out = Buffer.from(buf);
    const at = flip(out, r, 0, out.length, 1 + r.int(4));
    return at.length ? { kind, buf: out, note: `bytes flipped at ${at.join(', ')}` } : null;
  }
  const ps = pages(buf, objs);
  const content = ps.flatMap((p) => p.contents.map((n) => ({ o: objs.get(n), fonts: p.fonts })))
    .filter((c): c is { o: PdfObj; fonts: Map<string, CodeMap> } => !!c.o && flate(c.o));
  if (kind === 'stream-bytes') {
    if (!streams.length) return null;
    const o = r.next() < 0.6 && content.length ? r.pick(content).o : r.pick(streams);
    const out = Buffer.from(buf);
    const at = flip(out, r, o.start!, o.end!, 1 + r.int(3));
    return { kind, buf: out, note: `obj ${o.num}: compressed bytes flipped at ${at.join(', ')}` };
  }
  const cands = content.map((c) => ({ ...c, text: inflate(buf, c.o) })).filter((c) => c.text !== null);
  if (!cands.length) return null;
  if (kind === 'content-bytes') {
    const c = r.pick(cands);
    const t = Buffer.from(c.text!, 'latin1');
    const n = 1 + r.int(3);
    for (let k = 0; k < n; k++) t[r.int(t.length)] = 0x20 + r.int(95);
    const out = replaceStream(buf, c.o, t);
    return out && { kind, buf: out, note: `obj ${c.o.num}: ${n} byte(s) of the inflated content changed` };
  }
  // digits: prefer runs that are numbers by themselves (table cells), then any digit of the text
  const sites = cands.flatMap((c) => digitSites(c.text!, c.fonts).map((s) => ({ ...s, c })));
  const cells = sites.filter((s) => /^\d+$/.test(s.run));
  const pool = cells.length && r.next() < 0.8 ? cells : sites;
  if (!pool.length) return null;
  const edits = new Map<PdfObj, { text: string; notes: string[] }>();
  for (let k = 1 + (r.next() < 0.3 ? 1 : 0); k > 0; k--) {
    const s = r.pick(pool);
    const others = [...s.font.text].filter(([, t]) => /^\d$/.test(t) && t !== s.digit);
    if (!others.length) continue;
    const [code, digit] = r.pick(others);
    const e = edits.get(s.c.o) ?? { text: s.c.text!, notes: [] };
    e.text = e.text.slice(0, s.at) + code + e.text.slice(s.at + code.length);
    e.notes.push(`「${s.run}」: a ${s.digit} became ${digit}`);
    edits.set(s.c.o, e);
  }
  let out: Buffer | null = buf;
  for (const [o, e] of edits) {
    out = out && replaceStream(out, pdfObjects(out).get(o.num) ?? o, Buffer.from(e.text, 'latin1'));
  }
  const notes = [...edits].map(([o, e]) => `obj ${o.num}: ${e.notes.join('; ')}`).join('; ');
  return out && edits.size ? { kind, buf: out, note: notes } : null;
}

