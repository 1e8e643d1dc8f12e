/**
 * Readers of the opening: each finds where a report names its body and year in one kind of structure — the
 * title (one line or split over lines, year before or after the name, or after the report words), a field of
 * the web page (标题：, 发布机构：), a preamble sentence (特编制/现公布《…》), a contact sentence (请与…联系), the
 * subject of the overview's first sentence. Each returns candidates; choose.ts decides.
 */
import { AFTER_TITLE, PUBLISHER_FIELDS, SUBJECT_CUES } from '../../domain/orgWords.js';
import { cpIndex, type Head, isLineStart, lineAt, printedSpan } from './head.js';
import { cleanName, fragmentary, judgeName, NAME_BOUNDARY, type NameJudgement } from './names.js';

export type Source =
  | 'title' | 'quoted' | 'preamble' | 'meta' | 'publisher' | 'contact' | 'author' | 'subject' | 'cited';

export interface Candidate {
  /** The name as printed (simplified only where the text was Traditional: see `norm`). */
  org: string;
  /** The name in simplified characters. */
  norm: string;
  year: number | null;
  source: Source;
  /** Document line the name is on. */
  line: number;
  /** Offset in the head text. */
  at: number;
  judged: NameJudgement;
}

const YEAR = '((?:19|20)\\d{2})';
/** The report words, with the year where some titles print it (信息公开工作2025年度报告). */
const REPORT_WORDS = new RegExp(
  `(?:(?<!人民)政府|政务)?信息公开(?:工作)?的?(?:${YEAR}年?度?)?`
  + '(?:年度报告|年度工作报告|工作年度报告|工作报告|报告|年报|年度工作情况)', 'g');
/** What follows the report words when they name another document (…年度报告编制工作的通知, …报告格式). */
const NOT_THIS_REPORT = /^(?:的?编制|编写|报送|格式|有关|工作的通知|的通知|通知|发布工作|模板|汇总|专栏|栏目|目录|指南|要点|说明|事项|工作情况|情况)/;
/** What may follow the report words when they name this report: the end of the line, punctuation, a verb. */
const THIS_REPORT_FOLLOWS = new RegExp(`^(?:[^\\u3400-\\u9fff]|${AFTER_TITLE.join('|').replace(/[()]/g, '\\$&')})`);
const endsHere = (head: Head, end: number) => end >= head.text.length || isLineStart(head, end)
  || (THIS_REPORT_FOLLOWS.test(head.text.slice(end, end + 4)) && !NOT_THIS_REPORT.test(head.text.slice(end, end + 8)));
const SEPARATORS = /[|｜\-—_]/;
const YEAR_BEFORE = new RegExp(`${YEAR}年?度?$`);
const NAME_CHAR = /[\u3400-\u9fff\ud800-\udfff（）()·]/;

const yearOf = (s: string | undefined) => (s ? Number(s) : null);

/** The name span ending at `end` (exclusive), walking left over name characters within one line. */
function nameSpanBefore(head: Head, end: number): { from: number; to: number } {
  let from = end;
  while (from > 0 && end - from < 60) {
    if (isLineStart(head, from) && from < end) break;
    const ch = head.text[from - 1];
    if (!NAME_CHAR.test(ch) || NAME_BOUNDARY.test(ch)) break;
    from--;
  }
  return { from, to: end };
}

/** A name span, cleaned and judged, as a candidate. */
function candidate(head: Head, from: number, to: number, year: number | null, source: Source): Candidate | null {
  const raw = head.text.slice(from, to);
  const norm = cleanName(raw);
  const idx = norm ? raw.lastIndexOf(norm) : -1;
  if (idx < 0) return null;
  const start = from + idx;
  to = start + norm.length;
  const judged = judgeName(norm);
  // names print their brackets full-width (a converter's NFKC may have narrowed them)
  const org = printedSpan(head, start, to).replace(/\(/g, '（').replace(/\)/g, '）');
  return { org, norm, year, source, line: lineAt(head, start), at: start, judged };
}

/** Titles and sentences naming this report: "<name>[关于]<year>年…报告", "<year>年<name>…报告", "<name>…工作<year>年度报告". */
export function reportTitles(head: Head, meta = false, narrativeFrom = Infinity):
  { cands: Candidate[]; years: { year: number; at: number }[] } {
  const cands: Candidate[] = [];
  const years: { year: number; at: number }[] = [];
  for (const m of head.text.matchAll(REPORT_WORDS)) {
    const end = m.index! + m[0].length;
    if (!endsHere(head, end)) continue;
    let e = m.index!;
    let left = head.text.slice(Math.max(0, e - 60), e);
    let year = yearOf(m[1]);
    const y = YEAR_BEFORE.exec(left.replace(/的$/, ''));
    if (y) { year ??= Number(y[1]); e -= y[0].length + (left.endsWith('的') ? 1 : 0); left = head.text.slice(0, e); }
    if (left.endsWith('关于')) e -= 2;
    // "某某局 | 2023年政府信息公开工作年度报告": the name before a separator
    if (e > 0 && SEPARATORS.test(head.text[e - 1]) && nameSpanBefore(head, e).from === e) e--;
    // a title whose name stands on the line above: "某某县人民政府 / 2023年政府信息公开 / 工作年度报告";
    // the whole line must be the name
    let span = nameSpanBefore(head, e);
    const above = isLineStart(head, e) && span.from < span.to;
    if (above && !isLineStart(head, span.from)) continue;
    if (!above) span = joinBrokenName(head, span);
    // the year before the name: "2022年度某某局政府信息公开…"
    const lead = /^(?:年度|年)/.exec(head.text.slice(span.from, span.to));
    if (lead && /\d{4}$/.test(head.text.slice(0, span.from))) {
      year ??= Number(head.text.slice(span.from - 4, span.from));
      span.from += lead[0].length;
    }
    const cited = cpIndex(head, m.index!) >= narrativeFrom;
    if (year !== null && !cited) years.push({ year, at: m.index! });
    const c = candidate(head, span.from, span.to, year, 'title');
    if (!c || !c.judged.ok || (above && c.norm !== head.text.slice(span.from, span.to))) continue;
    c.source = meta ? 'meta' : cited ? 'cited' : sourceOf(head, span.from, c.at);
    cands.push(c);
  }
  return { cands, years };
}

/**
 * A name broken over two lines: the fragment on the title's line is joined to the whole line before it when
 * the fragment is no name alone and the joined name is printed elsewhere on the page (a 来源 field, a preamble).
 */
function joinBrokenName(head: Head, span: { from: number; to: number }): { from: number; to: number } {
  if (span.from === 0 || !isLineStart(head, span.from)) return span;
  const prev = nameSpanBefore(head, span.from);
  if (prev.from === span.from || !isLineStart(head, prev.from)) return span;
  const part = cleanName(head.text.slice(span.from, span.to));
  const joined = head.text.slice(prev.from, span.to);
  if (!fragmentary(part) && judgeName(part).ok) return span;
  const elsewhere = head.text.slice(0, prev.from).includes(joined) || head.text.slice(span.to).includes(joined);
  return elsewhere && judgeName(joined).known ? { from: prev.from, to: span.to } : span;
}

/** Where a name stands: at the start of a line (a title), in quotes (a cited title), or in a sentence. */
function sourceOf(head: Head, spanFrom: number, at: number): Source {
  if (head.text[spanFrom - 1] === '《' || head.text[at - 1] === '《') return 'quoted';
  if (isLineStart(head, spanFrom) || isLineStart(head, at)) return 'title';
  const before = head.text.slice(Math.max(0, spanFrom - 1), spanFrom);
  return before === ':' || before === '：' || before === '|' || before === '#' ? 'title' : 'preamble';
}

/** "发布机构：某某局", "来源：某某局" on the page around the report; read from the lines with their spaces. */
export function publisherFields(lines: { i: number; text: string }[]): Candidate[] {
  const out: Candidate[] = [];
  const re = new RegExp(`(?:${PUBLISHER_FIELDS.join('|')})\\s*[:：]?\\s*\\|?\\s*([^\\s|:：,，;；]{2,40})`, 'g');
  for (const l of lines) {
    for (const m of l.text.matchAll(re)) {
      const norm = cleanName(m[1]);
      const judged = judgeName(norm);
      if (!judged.ok || !judged.known || judged.relative || judged.generic) continue;
      out.push({ org: norm, norm, year: null, source: 'publisher', line: l.i, at: 0, judged });
    }
  }
  return out;
}

const CUE_RE = SUBJECT_CUES.slice().sort((a, b) => b.length - a.length).join('|');
const SENTENCE_READERS: { source: Source; re: RegExp }[] = [
  { source: 'contact', re: /(?:请与|请联系|直接与|可与|请致电|请向)([\u4e00-\u9fff（）()]{2,40}?)(?:联系|联络|咨询|反映)/g },
  { source: 'author', re: /(?:报告|年报)(?:是|系)?由([\u4e00-\u9fff（）()]{2,40}?)(?:负责)?(?:编制|编写|制作|汇总|撰写)/g },
  {
    source: 'subject',
    re: new RegExp(`(?:^|[，,。；;：:\\n])(?:\\d{4}年(?:以来|度|上半年)?[，,]?)?([\\u4e00-\\u9fff（）()]{2,40}?)(?=${CUE_RE})`, 'g'),
  },
];

/** Names in sentences: who to contact, who compiled the report, who is the subject of the overview. */
export function sentenceNames(head: Head): Candidate[] {
  const out: Candidate[] = [];
  for (const { source, re } of SENTENCE_READERS) {
    for (const m of head.text.matchAll(re)) {
      const from = m.index! + m[0].indexOf(m[1]);
      const to = from + m[1].length;
      const c = candidate(head, from, to, null, source);
      if (c?.judged.ok && c.judged.known && !c.judged.relative && !c.judged.generic) out.push(c);
    }
  }
  return out;
}

/** Offsets of the head as a code-point line index, for callers that need the line of a year. */
export const yearLine = (head: Head, at: number) => head.lineOf[cpIndex(head, at)] ?? 0;
