/**
 * Answers from the report's text: the clause that carries the question's words and the number bound to them,
 * quoted and labelled as from the text; several equally good clauses with different numbers are all shown.
 */
import { answer, fmtFact, sourceLine, type Answer } from '../answer.js';
import type { Frame } from '../frame.js';
import { M } from '../messages.js';
import { findClauses, labelOf, searchTerms, type Found, type Hit } from '../sentences.js';
import { echo, withReport, type Ctx, type Fact } from './common.js';
import type { BodyInfo } from '../bodies.js';
import type { ReportRef } from '../../store/store.js';

/** The clauses of a report that answer a question's words (a number bound to them, when one is wanted). */
export function narrativeFacts(ctx: Ctx, f0: Frame, body: BodyInfo, r: ReportRef): { facts: Fact[]; found: Found[] } {
  // a single character is no word to find in prose (告 is in every 报告)
  const f = { ...f0, keywords: f0.keywords.filter((k) => [...k].length >= 2) };
  if (!f.keywords.length) return { facts: [], found: [] };
  const found = ctx.data.search(r.id, searchTerms(f.keywords), 12);
  // a name the question quotes is printed in the clause the number is in (not the sentence's other account's)
  // a sum asked (网站和公众号一共发布了多少条) is answered only by a clause that names all it adds up: one
  // subject's number is not the total of two
  const read = (hits: Hit[]) =>
    findClauses(hits, f.keywords, f.wantsNumber ? { unit: f.unit, listed: f.text.includes('等') } : null)
      .filter((c) => f.quoted.every((q) => c.clause.includes(q)))
      .filter((c) => !f.wantsSum || !c.number || c.whole === f.keywords.length);
  // no passage holds a whole term, or none of those that do answers (a paraphrase, 政务（工作）动态): read every
  // passage of the report, it is small
  let clauses = found.length ? read(found) : [];
  if (!clauses.length) clauses = read(ctx.data.passages(r.id));
  if (!f.wantsNumber || !clauses.length) return { facts: [], found: clauses };
  const top = clauses.filter((c) => c.score === clauses[0].score);
  const seen = new Set<number>();
  const facts: Fact[] = [];
  for (const c of top) {
    if (!c.number || seen.has(c.number.value)) continue;
    seen.add(c.number.value);
    const label = c.lead ? `${c.term}（${c.lead}）` : labelOf(c.clause, f.keywords, c.number.at, c.term);
    facts.push({ org: body.name, year: r.year, metric: 'narrative', label, value: c.number.value, unit: c.number.unit,
      ...(c.number.approx ? { approx: c.number.approx } : {}),
      excerpt: c.sentence,
      source: { file: r.source_file, ...(c.page ? { page: c.page } : {}), ...(c.line ? { line: c.line } : {}) } });
  }
  return { facts, found: clauses };
}

export const narrative = withReport((ctx, f, body, r, note) => narrativeAnswer(ctx, f, body, r, note));

/** `read`: what narrativeFacts found, when the caller has asked it already (not read twice). */
export function narrativeAnswer(ctx: Ctx, f: Frame, body: BodyInfo, r: ReportRef, note: string,
  read = narrativeFacts(ctx, f, body, r)): Answer {
  const { facts, found } = read;
  if (facts.length === 1) {
    const x = facts[0];
    const text = `${M.narrative(body.name, r.year, note, x.label, fmtFact(x))}${echo(f)}${M.fromText}`
      + `\n${sourceLine(x)}`;
    return answer('answered', text, facts);
  }
  if (facts.length > 1) {
    const lines = facts.map((x) => `· ${x.label} ${fmtFact(x)}：${sourceLine(x)}`);
    return answer('answered',
      `${M.narrativeSeveral(body.name, r.year, note)}${echo(f)}${M.fromText}\n${lines.join('\n')}`, facts);
  }
  if (!found.length) {
    return answer('not_found', `${M.narrativeNone(body.name, r.year, f.keywords, f.wantsNumber)}${echo(f)}`);
  }
  const where = `（${r.source_file}${found[0].page ? ` 第${found[0].page}页` : ''}）`;
  if (f.wantsNumber) {
    // the text speaks of it but binds no number to it: quote the sentence, state no number
    return answer('not_found', `${M.narrativeNoNumber(body.name, r.year, f.keywords)}\n「${found[0].sentence}」${where}`);
  }
  return answer('answered', `${M.related(body.name, r.year, note)}${echo(f)}\n「${found[0].sentence}」${where}`);
}
