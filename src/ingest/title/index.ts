/**
 * The body and the year of a report, from the structure of its opening: every reader proposes names, the
 * strongest structure wins (a title line over a cited title over a preamble sentence over the page's fields
 * over the narrative), and the year comes from the title, else from the reporting period, else from the text.
 */
import type { DocLine } from '../doc.js';
import { buildHead, type Head, traditionalShare } from './head.js';
import { type Candidate, publisherFields, reportTitles, sentenceNames, type Source } from './readers.js';
import { lineText } from '../doc.js';

export interface TitleFound {
  /** The body's name as printed. */
  org: string;
  /** The same name in simplified characters. */
  name: string;
  year: number;
  /** Document line of the name. */
  line: number;
  source: Source;
  /** Fuller names the report gives the same body (洪江区沅江路街道办事处 for a title's 沅江路街道). */
  aliases: string[];
  /** How the year was found when the title does not print it. */
  yearFrom: 'title' | 'period' | 'text';
}

export interface TitleSearch {
  found: TitleFound | null;
  missing: ('body' | 'year')[];
  /** What was found when one of the two is missing (an admin may supply the other). */
  partial: { org?: string; name?: string; line?: number; year?: number };
}

/** Sources in the order of trust; a title cited in the narrative ('cited') is another report's and never chosen. */
const ORDER: Source[] = ['title', 'quoted', 'preamble', 'meta', 'publisher', 'subject', 'contact', 'author'];
/** Kinds whose bare organisation word is no name (办公室, 人民政府, 管委会), even in a title. */
const NEEDS_OWN_NAME = new Set(['office', 'government', 'department', 'street', 'zone', 'township']);
const PERIOD = /(?:统计期限|统计时限|统计期间|统计时间|数据统计|统计数据|数据期限|期限|时间段|期间)[^。]{0,16}?((?:19|20)\d{2})年1月1日/;
const TEXT_YEAR = /((?:19|20)\d{2})年(?:度|以来|[，,]|全年|共|我|本)/g;

function accepted(c: Candidate): boolean {
  const j = c.judged;
  if (!j.ok || !j.known) return false;
  if (c.source === 'title') return !(j.generic && j.kind && NEEDS_OWN_NAME.has(j.kind));
  return !j.generic;
}

/** The most trusted group of candidates; in a title group the name repeated most, then the last one. */
function pick(cands: Candidate[]): Candidate | null {
  for (const src of ORDER) {
    const group = cands.filter((c) => c.source === src && accepted(c));
    if (!group.length) continue;
    if (src === 'title') {
      const count = (c: Candidate) => group.filter((g) => g.norm === c.norm && g.year === c.year).length;
      return group.reduce((best, c) => (count(c) >= count(best) ? c : best));
    }
    // in sentences the fullest form wins (北京市西城区政务服务管理局 over 西城区政务服务管理局)
    return group.reduce((best, c) => (c.norm.length > best.norm.length && c.norm.endsWith(best.norm) ? c : best));
  }
  return null;
}

/**
 * A fuller name of the same body: the short name with its places before it (淮安市洪泽区人民政府 for
 * 洪泽区人民政府), or a town's or street's name with its office word after it (…沅江路街道办事处 for
 * 沅江路街道). A longer name with another organisation word (洪泽区人民政府办公室) is another body.
 */
function sameBodyLonger(full: string, short: string): boolean {
  if (full.length <= short.length) return false;
  if (full.endsWith(short)) return true;
  const town = /(?:街道|镇|乡|苏木)$/.test(short);
  const core = town ? full.replace(/(?:办事处|人民政府|政府)$/, '') : full;
  return core !== full && core.endsWith(short);
}

function mode(xs: number[]): number | null {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best: number | null = null;
  for (const [x, k] of n) if (best === null || k > n.get(best)! || (k === n.get(best)! && x > best)) best = x;
  return best;
}

/**
 * Offset in the head where the overview's text begins (after "一、总体情况"): titles cited from there on are
 * other reports' (last year's, the city's), not this one's.
 */
function overviewAt(lines: DocLine[], end: number, head: Head): number {
  const i = lines.slice(0, end).findIndex((l) => /^\s*(?:#+\s*)?一\s*[、.．]\s*总体情况/.test(lineText(l)));
  const s = i < 0 ? undefined : head.starts.find((x) => x.line >= i);
  return s ? s.at : Infinity;
}

/** The lines worth reading: the opening up to the first table, at most 150 lines. */
function headEnd(lines: DocLine[], firstTable: number | undefined): number {
  return Math.min(lines.length, firstTable !== undefined && firstTable > 0 ? firstTable : 150, 150);
}

export function findBodyYear(lines: DocLine[], firstTable?: number, meta: Record<string, string> = {}): TitleSearch {
  const end = headEnd(lines, firstTable);
  const head = buildHead(lines, 0, end);
  const titles = reportTitles(head, false, overviewAt(lines, end, head));
  const metaTitle = meta.title ?? meta.Title;
  const metaHead: Head | null = metaTitle ? buildHead([{ page: 1, line: 1, cells: [metaTitle] }], 0, 1) : null;
  const metaCands = metaHead ? reportTitles(metaHead, true).cands.map((c) => ({ ...c, line: 0 })) : [];
  const raw = lines.slice(0, end).map((l, i) => ({ i, text: lineText(l) }));
  const sentences = sentenceNames(buildHead(lines, 0, end, '\n'));
  const cands = [...titles.cands, ...metaCands, ...publisherFields(raw), ...sentences];
  const chosen = pick(cands);

  let year = chosen?.year ?? cands.find((c) => c.year !== null && c.norm === chosen?.norm)?.year ?? null;
  let yearFrom: TitleFound['yearFrom'] = 'title';
  if (year === null && titles.years.length) year = titles.years[titles.years.length - 1].year;
  if (year === null) {
    const p = PERIOD.exec(head.text);
    if (p) { year = Number(p[1]); yearFrom = 'period'; }
  }
  if (year === null) {
    year = mode([...head.text.matchAll(TEXT_YEAR)].map((m) => Number(m[1])));
    yearFrom = 'text';
  }
  const missing: TitleSearch['missing'] = [];
  if (!chosen) missing.push('body');
  if (year === null) missing.push('year');
  if (!chosen || year === null) {
    const partial = chosen ? { org: chosen.org, name: chosen.norm, line: chosen.line } : year !== null ? { year } : {};
    return { found: null, missing, partial };
  }
  const aliases = [...new Set(cands.filter((c) => accepted(c) && c.judged.known && !c.judged.relative
    && sameBodyLonger(c.norm, chosen.norm)).map((c) => c.norm))];
  // a simplified report keeps its name as printed (乾安县 stays 乾安县); a Traditional one is read simplified
  const name = traditionalShare(head) > 0.03 ? chosen.norm : chosen.org.replace(/（/g, '(').replace(/）/g, ')');
  return {
    found: { org: chosen.org, name, year, line: chosen.line, source: chosen.source, aliases, yearFrom },
    missing,
    partial: {},
  };
}
