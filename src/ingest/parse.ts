/** ExtractedDoc → ParsedReport: title, template, the three tables, narrative, findings. Throws Rejection. */
import type { DocLine, ExtractedDoc } from './doc.js';
import { lineText } from './doc.js';
import { auditDeadline, auditNarrative, auditTables } from './audit.js';
import { completeTables, titleRejection } from './completeness.js';
import { expandAbbreviation } from './gazetteer.js';
import { correctPlaceName, placeBody } from './place.js';
import { narrativeClaims, passages } from './narrative.js';
import { applyOverride, overrideFindings } from './override.js';
import type { Finding, ParsedReport } from './report.js';
import { bodyKind } from '../domain/bodyKinds.js';
import { findPublished } from './published.js';
import { findSections, sectionLines } from './sections.js';
import { findBodyYear } from './title/index.js';
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

export interface ParseOptions {
  fileName: string;
  /** The body and year an admin gave for the file: they replace what the title says. */
  body?: string;
  year?: number;
  /** The host the file was downloaded from: tells same-name places apart (placeBody). */
  source?: string;
}

export function parseReport(doc: ExtractedDoc, opts: ParseOptions): ParsedReport {
  const lines = doc.lines;
  const spans = findSections(lines);
  const allText = lines.map(lineText).join('\n');
  const firstTable = spans.find((s) => s.id !== 'overview')?.start;
  const search = findBodyYear(lines, firstTable, doc.meta);
  // an admin may give only what is missing: the body for a year-only title, the year for a name without one
  const { partial } = search;
  const found = search.found ? { org: search.found.name, year: search.found.year, line: search.found.line }
    : opts.body && partial.year !== undefined ? { org: opts.body, year: partial.year, line: 0 }
      : opts.year && partial.name ? { org: partial.name, year: opts.year, line: partial.line ?? 0 } : null;
  const title = applyOverride(found, opts);
  const findings: Finding[] = [];

  // table B: its section, else from the first line that looks like its header
  const bStart = spans.find((s) => s.id === 'applications');
  const bLines = bStart ? sectionLines(lines, spans, 'applications') : linesFrom(lines, lines.findIndex((l) => /申请人情况|本年新收/.test(lineText(l))));
  const b = applicationsTable(bLines.length ? bLines : lines);
  const cSpan = spans.find((s) => s.id === 'review');
  const cRow = (cSpan ? reviewRow(sectionLines(lines, spans, 'review')) : null) ?? reviewRow(bStart ? lines.slice(bStart.end) : lines);
  if (!title) throw titleRejection(lines, b.matched, !!cRow, search.missing);
  const printedTitle = search.found ? { org: search.found.org, year: search.found.year, line: search.found.line } : null;
  findings.push(...overrideFindings(printedTitle, opts));

  let org = title.org;
  const printed = opts.body?.trim() || search.found?.org || partial.org || org;
  const fixed = opts.body ? null : correctPlaceName(org, allText);
  if (fixed) {
    findings.push({ rule: 'name_corrected', severity: 'info', message: `标题中的「${fixed.from}」不是行政区划名称，按相差一个字的「${fixed.to}」读取`, excerpt: lineText(lines[title.line]) });
    org = fixed.to + org.slice(fixed.from.length);
  }
  const expanded = opts.body ? null : expandAbbreviation(org);
  const aliases = [...(expanded ? [org] : []), ...(opts.body ? [] : search.found?.aliases ?? [])];
  if (expanded) org = expanded;

  const format = detectFormat(lines, title.year);
  const aLines = spans.find((s) => s.id === 'active') ? sectionLines(lines, spans, 'active') : lines.slice(0, lines.indexOf(bLines[0]));
  const a = activeTable(aLines, format);

  const ps = passages(lines, spans);
  const claims = narrativeClaims(ps);
  const reviewClaim = claims.find((c) => c.metric === 'review')?.value;
  const tables = completeTables(format, a, b, cRow ? reviewTable(cRow, reviewClaim) : null);
  const cells = tables.cells;
  const published = findPublished(lines, title.year);
  const orgKind: ParsedReport['orgKind'] = bodyKind(org);

  findings.push(...tables.findings);
  findings.push(...auditTables(cells));
  findings.push(...auditNarrative(cells, claims));
  findings.push(...auditDeadline({ published: published?.date, orgKind, year: title.year }));
  return {
    org, orgPrinted: printed, aliases, year: title.year, format, published: published?.date, orgKind, pages: doc.pages,
    ...placeBody(org, allText, { source: opts.source }), cells, passages: ps, claims, findings,
  };
}
