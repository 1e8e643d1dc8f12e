/**
 * Two questions in one message, the second a follow-up of the first (番禺在全市排第几？在全省呢): each is
 * answered, the second in the context of the first. Only a second part that ends in 呢 is read this way: a
 * part after the mark often completes the first (部分公开几件？洪泽区2024), and is read with it.
 */
const MARK = /[？?；;。！!]+/;
const FOLLOW_UP = /呢[？?。！!]*$/;
/** Parts of at most this many: more is read as one question. */
const MOST = 3;

export function splitFollowUps(text: string): string[] {
  const parts = text.split(MARK).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > MOST) return [text];
  const rest = text.slice(text.indexOf(parts[1]));
  const later = rest.split(MARK).map((p) => p.trim()).filter(Boolean);
  // every later part a follow-up (…呢), the first part long enough to stand alone
  if (!later.every((p) => FOLLOW_UP.test(p)) || parts[0].length < 6) return [text];
  return parts;
}

/** Where clauses of one message part: commas, semicolons, enumeration commas and sentence marks. */
const CLAUSE_MARK = /[，,；;、？?。！!]+/g;
/** A clause that leans on the figure before it (…多少，占办结的比例是多少): it is one question with it. */
const LEANS_BACK = /^(其中|这|那|它|其)?(所)?(占|比例|比重|百分比)/;
/** Clauses of at most this many figures: more is read as one question. */
const MOST_CLAUSES = 6;

/** What a clause asks, as far as splitting needs it (a question frame has these fields). */
export interface ClauseRead {
  wantsNumber: boolean;
  ratio?: string;
  metrics: string[];
  applicants: string[];
  parts: { rows: string[]; groups: string[]; doc?: string; docop?: string; rcol?: string };
  cues: string[];
  bodies: number[];
  years: number[];
}

/** The words of a clause that name a figure: a row, a group, a document or operation, a column, a rate. */
const namesFigure = (f: ClauseRead) => f.parts.rows.length > 0 || f.parts.groups.length > 0 || !!f.parts.doc
  || !!f.parts.docop || !!f.parts.rcol || !!f.ratio || f.applicants.length > 0
  || f.cues.includes('receive') || f.cues.includes('apply');
// 番禺2024年收到多少，洪泽2023年收到多少: the same figure of another body or year is another question; a clause
// that names neither is of the body and year before it
const figureKey = (f: ClauseRead, who: { bodies: number[]; years: number[] }) =>
  JSON.stringify([f.metrics, f.ratio ?? '', f.applicants, who.bodies, who.years]);

/**
 * Several figures asked clause by clause (番禺2024年收到多少申请，办结多少): each clause that asks a number and
 * names a figure of its own is a question, the later ones read in the context of the first (制发规章几件，废止几件:
 * 废止 of 规章). Words before a number asked belong to it (请问，番禺…); words after the last (…，洪泽区2024), a
 * clause naming no figure (有多少件, 比上年多多少) or the figure already asked keep the message one question.
 */
export function splitClauses(text: string, wants: RegExp, read: (clause: string) => ClauseRead): string[] {
  const spans: [number, number][] = [];
  let from = 0;
  let start = 0;
  for (const m of text.matchAll(CLAUSE_MARK)) {
    if (wants.test(text.slice(start, m.index))) { spans.push([from, m.index]); from = m.index + m[0].length; }
    start = m.index + m[0].length;
  }
  // words after the last number asked (…办结多少，洪泽区2024) may belong to every clause: one question
  if (wants.test(text.slice(start))) spans.push([from, text.length]);
  else if (text.slice(from).trim()) return [text];
  const clauses = spans.map(([a, b]) => text.slice(a, b).trim()).filter(Boolean);
  if (clauses.length < 2 || clauses.length > MOST_CLAUSES) return [text];
  if (clauses.slice(1).some((c) => LEANS_BACK.test(c))) return [text];
  const frames = clauses.map(read);
  if (!frames.every(namesFigure)) return [text];
  let who = { bodies: frames[0].bodies, years: frames[0].years };
  const keys = frames.map((f) => {
    if (f.bodies.length || f.years.length) who = { bodies: f.bodies.length ? f.bodies : who.bodies, years: f.years };
    return figureKey(f, who);
  });
  return new Set(keys).size === keys.length ? clauses : [text];
}
