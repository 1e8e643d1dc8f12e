/**
 * Is a span of text a body's name? Spans come from the structure around a title or a preamble; here they are
 * cleaned of the words around them and judged by the organisation-word lexicon and the gazetteer.
 */
import {
  type BodyKind, NOT_NAME_ENDINGS, NOT_NAME_LEADS, NOT_NAME_WORDS, ORG_WORDS, PLACE_SUFFIXES, PREAMBLE_CUES,
  PUBLISHER_FIELDS, TITLE_FIELDS, TRAILING_CUES,
} from '../../domain/orgWords.js';
import { gazetteer } from '../gazetteer.js';

/** Characters that end a name on its left: punctuation, quotes, separators of web pages. */
export const NAME_BOUNDARY = /[《〈<「『“"'‘：:，,。、；;#|｜】\]>＞»/\\_—\-–•\n？?！!…*＊]/;
/** Characters a name is made of. */
const NAME_CHARS = /^[\u3400-\u9fff\u{20000}-\u{2ffff}（）()·]+$/u;

const byLength = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
const LEAD_LABELS = byLength([...TITLE_FIELDS, ...PUBLISHER_FIELDS, '正文', '打印', '全文', '题目', '原标题', '附件']);
const CUES = byLength(PREAMBLE_CUES.filter((c) => c.length > 1));
const TRAIL = byLength(TRAILING_CUES);
const ORG_SUFFIXES = byLength(ORG_WORDS.map((w) => w.word));
const PLACES = byLength(PLACE_SUFFIXES);
const LEVEL = '(?:省|市|县|区|州|盟|旗|自治区|乡|镇|街道)';
/** "我区", "本机关", "全市", "各部门": a body referring to itself or to many, not a name. */
const NOT_NAME_LEAD = new RegExp(`^(?:${NOT_NAME_LEADS.join('|')})`);
const NOT_NAME_END = new RegExp(`(?:${NOT_NAME_ENDINGS.join('|')})$`);
/** "区政府办公室", "市统计局", "自治区信访局": a level word without its place — a name relative to its reader. */
const LEVEL_LEAD = new RegExp(`^${LEVEL}`);

/** Starts with a place the gazetteer knows (市中区…, 镇江市…, 乡宁县… begin with a level word too). */
function startsWithPlace(name: string): boolean {
  const gz = gazetteer();
  for (let k = Math.min(12, name.length); k >= 2; k--) if (gz.lookup(name.slice(0, k)).length) return true;
  return false;
}
const relative = (name: string) => LEVEL_LEAD.test(name) && !startsWithPlace(name);

/** Remove what stands around a name in a span: field labels, preamble verbs, 关于, a trailing 的. */
export function cleanName(span: string): string {
  let s = span;
  // the name starts after the last boundary character
  for (let i = s.length - 1; i >= 0; i--) if (NAME_BOUNDARY.test(s[i])) { s = s.slice(i + 1); break; }
  for (let again = true; again;) {
    again = false;
    const label = LEAD_LABELS.find((l) => s.startsWith(l) && s.length > l.length + 1);
    if (label) { s = s.slice(label.length); again = true; }
  }
  // the name stands before a verb ("某某县人民政府编制了…") or after one ("特编制…", "现公布…")
  const trailing = TRAIL.find((c) => s.endsWith(c) && s.length - c.length >= 2);
  if (trailing) s = s.slice(0, -trailing.length);
  let cut = -1;
  for (const c of CUES) {
    const at = s.lastIndexOf(c);
    if (at >= 0 && at + c.length > cut) cut = at + c.length;
  }
  if (cut > 0 && s.length - cut >= 2) s = s.slice(cut);
  s = s.replace(/^(?:关于|对于|有关|是|为|由|即|的|度|·)+/, '').replace(/(?:关于|的|年度|年|·)+$/, '');
  return s;
}

export interface NameJudgement {
  ok: boolean;
  /** The name ends in an organisation or place word, or the gazetteer knows it. */
  known: boolean;
  /** The name only makes sense to its reader (区政府办公室): no place of its own. */
  relative: boolean;
  /** Nothing but organisation words (园艺场, 办公室, 高新区管委会). */
  generic: boolean;
  /** The kind of its final organisation word, when it has one. */
  kind: BodyKind | null;
  why?: string;
}

/** The organisation word a name ends with (longest), after a bracketed second name is set aside. */
export function orgWordOf(name: string): string | null {
  const core = name.replace(/[（(][^（）()]*[）)]$/, '');
  return ORG_SUFFIXES.find((w) => core.endsWith(w)) ?? PLACES.find((w) => core.endsWith(w)) ?? null;
}

/** The name without its final organisation word is itself only organisation words ("高新区管委会", "办公室"). */
function generic(name: string): boolean {
  let s = name.replace(/[（(][^（）()]*[）)]$/, '');
  for (let guard = 0; guard < 6 && s; guard++) {
    const w = ORG_SUFFIXES.find((x) => s.endsWith(x));
    if (!w) break;
    s = s.slice(0, -w.length).replace(/(?:人民)?政府$/, '');
  }
  return s.length === 0 || /^(?:省|市|县|区|州|乡|镇|自治区|党工委|人民)$/.test(s);
}

/** A name cut by a line break ("国家税务总局南京市税 / 务局2023年…"): less than two characters before its word. */
export function fragmentary(name: string): boolean {
  const w = orgWordOf(name);
  return !w || [...name].length - [...w].length < 2;
}

/** Judge a cleaned span: a name, or why not. */
export function judgeName(name: string): NameJudgement {
  const no = (why: string): NameJudgement =>
    ({ ok: false, known: false, relative: false, generic: false, kind: null, why });
  const len = [...name].length;
  if (len < 2 || len > 40) return no('length');
  if (!NAME_CHARS.test(name)) return no('characters');
  if (NOT_NAME_LEAD.test(name) && !startsWithPlace(name)) return no('refers to itself or to many');
  if (NOT_NAME_END.test(name)) return no('names a group of bodies');
  if (NOT_NAME_WORDS.some((w) => name.includes(w))) return no('a phrase, not a name');
  if (/^[（(]|[（(][^）)]*$/.test(name)) return no('brackets');
  const places = gazetteer().lookup(name).length > 0;
  const word = orgWordOf(name);
  const kind = word ? ORG_WORDS.find((w) => w.word === word)?.kind ?? 'government' : null;
  if (!word && !places) return { ok: true, known: false, relative: false, generic: false, kind };
  return { ok: true, known: true, relative: relative(name), generic: !places && generic(name), kind };
}
