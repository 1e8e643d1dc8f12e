/** ExtractedDoc → ParsedReport: title, template, the three tables, narrative, findings. Throws Rejection. */
import type { DocLine, ExtractedDoc } from './doc.js';
import { lineText } from './doc.js';
import { Rejection } from './errors.js';
import { auditDeadline, auditNarrative, auditTables } from './audit.js';
import { expandAbbreviation, gazetteer } from './gazetteer.js';
import { narrativeClaims, passages } from './narrative.js';
import type { Finding, ParsedReport } from './report.js';
import { findPublished, findSections, findTitle, findTitleWithoutYear, orgAbove, sectionLines } from './sections.js';
import { activeTable, applicationsTable, reviewRow, reviewTable } from './tables.js';
import type { Format } from './template.js';

const OLD_TEMPLATE_HEADERS = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/;

function detectFormat(lines: DocLine[], year: number): Format {
  const text = lines.slice(0, 400).map(lineText).join('');
  if (OLD_TEMPLATE_HEADERS.test(text)) return '2019';
  if (/本年制发件数|现行有效件数|本年处理决定数量/.test(text)) return '2021';
  return year <= 2020 ? '2019' : '2021';
}

/** Lines from `start` (clamped to the document) to its end. */
function linesFrom(lines: DocLine[], start: number): DocLine[] {
  return lines.slice(Math.max(0, start));
}

export interface ParseOptions { fileName: string }

export function parseReport(doc: ExtractedDoc, opts: ParseOptions): ParsedReport {
  const lines = doc.lines;
  const spans = findSections(lines);
  const allText = lines.map(lineText).join('\n');
  const title = findTitle(lines, spans) ?? findTitleWithoutYear(lines, spans);
  const findings: Finding[] = [];

  // table B: its section, else from the first line that looks like its header
  const bStart = spans.find((s) => s.id === 'applications');
  const bLines = bStart ? sectionLines(lines, spans, 'applications') : linesFrom(lines, lines.findIndex((l) => /申请人情况|本年新收/.test(lineText(l))));
  const b = applicationsTable(bLines.length ? bLines : lines);
  const cSpan = spans.find((s) => s.id === 'review');
  const cRow = (cSpan ? reviewRow(sectionLines(lines, spans, 'review')) : null) ?? reviewRow(bStart ? lines.slice(bStart.end) : lines);
  if (!title || b.matched < 12 || !cRow) {
    const what = [
      !title ? 'no report title (「…年政府信息公开工作年度报告」)' : '',
      b.matched < 12 ? `table 三 has ${b.matched} of 25 rows` : '',
      !cRow ? 'table 四 (行政复议/行政诉讼) was not found' : '',
    ].filter(Boolean).join('; ');
    if (!title && b.matched === 0 && !cRow) throw new Rejection('not_a_report', `is not a 政府信息公开工作年度报告: ${what}`);
    throw new Rejection('incomplete', `is not a complete report: ${what}`);
  }

  let org = title.org;
  if (/^(?:\d{4}年度?)?(政府)?信息公开/.test(org) || org.length < 3) org = orgAbove(lines, title.line) ?? org;
  const gz = gazetteer();
  const fixed = gz.correct(org, allText, opts.fileName);
  if (fixed) {
    findings.push({ rule: 'name_corrected', severity: 'info', message: `标题中的「${fixed.from}」不是行政区划名称，按相差一个字的「${fixed.to}」读取`, excerpt: lineText(lines[title.line]) });
    org = fixed.to + org.slice(fixed.from.length);
  }
  const expanded = expandAbbreviation(org);
  const aliases = expanded ? [org] : [];
  if (expanded) org = expanded;

  const format = detectFormat(lines, title.year);
  const aLines = spans.find((s) => s.id === 'active') ? sectionLines(lines, spans, 'active') : lines.slice(0, lines.indexOf(bLines[0]));
  const a = activeTable(aLines, format);

  const ps = passages(lines, spans);
  const claims = narrativeClaims(ps);
  const reviewClaim = claims.find((c) => c.metric === 'review')?.value;
  const c = reviewTable(cRow, reviewClaim);
  const cells = [...a.cells, ...b.cells, ...c.cells];
  const published = findPublished(lines, title.year);
  const orgKind: ParsedReport['orgKind'] = /人民政府$/.test(org) ? 'government' : 'department';

  findings.push(...a.findings, ...b.findings, ...c.findings);
  findings.push(...auditTables(cells));
  findings.push(...auditNarrative(cells, claims));
  findings.push(...auditDeadline({ published: published?.date, orgKind, year: title.year }));
  return {
    org, aliases, year: title.year, format, published: published?.date, orgKind, pages: doc.pages,
    region: gz.resolve(org, allText.slice(0, 5000)), cells, passages: ps, claims, findings,
  };
}
