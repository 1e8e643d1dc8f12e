/**
 * The question-answering engine: read a question into a frame (read/), merge it with the chat's context,
 * stop it where a word or a body cannot be answered for (refine), and run the intent's handler (intents/).
 * One engine per store; contexts per chat.
 */
import type { Store } from '../store/store.js';
import { answer, combined, type Answer } from './answer.js';
import { BodyIndex, type BodyInfo } from './bodies.js';
import { ChatContexts, mergeWithContext, movesOnly } from './context.js';
import { ReportData } from './facts/data.js';
import type { Frame } from './frame.js';
import { compareCards } from './intents/compare.js';
import { inventory, type Ctx } from './intents/common.js';
import { helpText } from './intents/help.js';
import { HANDLERS } from './intents/registry.js';
import { audit, card } from './intents/reports.js';
import { M } from './messages.js';
import { decideIntent } from './read/intent.js';
import { Lexicon } from './read/lexicon.js';
import { parseQuestion, WANTS_NUMBER } from './read/parse.js';
import { refine } from './refine.js';
import { checkClaim } from './claim.js';
import { splitClauses, splitFollowUps } from './split.js';

export interface AskOptions {
  chat?: string;
  now?: Date;
  /** the body chosen from a clarifying question */
  bodyId?: number;
}

const USAGE = { report: '/report 单位 年份', audit: '/audit 单位 年份', compare: '/compare 单位甲 单位乙 年份' };

export class QueryEngine {
  private index!: BodyIndex;
  private lex!: Lexicon;
  private readonly data: ReportData;
  readonly contexts = new ChatContexts(30 * 60_000);

  constructor(private readonly store: Store, private readonly clock: () => Date = () => new Date()) {
    this.data = new ReportData(store);
    this.build();
  }

  private build(): void {
    this.index = new BodyIndex(this.store, (id) => this.data.yearsOf(id));
    this.index.sync();
    this.lex = new Lexicon(this.index);
  }

  /** Re-read bodies and reports (after an ingest). */
  refresh(): void {
    this.data.refresh();
    this.build();
  }

  /** Run each code path once, so the first real question is not the slow one. */
  warm(): void {
    const b = this.index.mostReported(1)[0];
    if (!b) return;
    // one body's questions only: a ranking would read every report on file (seconds at national scale); words
    // all known, so the typo index is not built here (prepare())
    for (const q of [`${b.name}收到多少申请`, `${b.name}的公开率`, `${b.name}网站信息多少条`]) this.ask(q);
  }

  /** Build what the first question with a typing mistake needs (the words' pinyin keys, once): for idle time. */
  prepare(): void { void this.lex.typos; }

  /** Every body, read from the store now (listings, tests): the answers never need the whole list. */
  get bodies(): BodyInfo[] { return this.index.all(); }
  /** One body by id. */
  body(id: number): BodyInfo | undefined { return this.index.byId(id); }
  /** A few bodies with the most reports (most first), for examples and menus. */
  examples(n: number): BodyInfo[] { return this.index.mostReported(n); }
  /** How many bodies have a report on file. */
  withReports(): number { return this.index.withReports(); }

  private ctx(now: Date): Ctx { return { index: this.index, data: this.data, now }; }

  ask(question: string, opts: AskOptions = {}): Answer {
    const parts = this.parts(String(question ?? ''), opts.now ?? this.clock());
    return parts.length > 1 ? this.askEach(parts, opts) : this.askOne(question, opts);
  }

  /**
   * The questions a message holds: a question and its follow-ups (…？在全省呢), or clauses that each ask a figure
   * of their own (收到多少申请，办结多少); the message itself when it is one question.
   */
  parts(text: string, now: Date = this.clock()): string[] {
    const followUps = splitFollowUps(text);
    if (followUps.length > 1 || text.length > 300) return followUps;
    return splitClauses(text, WANTS_NUMBER, (c) => parseQuestion(c, this.lex, now).frame);
  }

  /** 番禺在全市排第几？在全省呢: each part, the later ones as follow-ups in the chat (its own when none is given). */
  private askEach(parts: string[], opts: AskOptions): Answer {
    const chat = opts.chat ?? `message:${parts.join('|')}`;
    const now = opts.now ?? this.clock();
    const frames: (Frame | undefined)[] = [];
    const answers = parts.map((q) => {
      const a = this.askOne(q, { ...opts, chat });
      frames.push(this.contexts.get(chat, now));
      return a;
    });
    if (!opts.chat) this.contexts.clear(chat);
    // 收到多少，办结多少 → 洪泽呢: the chat goes on with every figure the message asked of its one body and year
    const kept = frames.every((f): f is Frame => !!f) ? frames as Frame[] : null;
    const all = kept ? lookupsOfOne(kept) : null;
    // 收到多少申请，公开率多少 → 番禺呢: each clause again, of the body or year the follow-up names
    const each = kept && !all
      ? { ...kept[kept.length - 1], clauses: kept.map((f) => ({ ...f, clauses: undefined })) } : null;
    if (opts.chat && (all ?? each)) this.contexts.set(opts.chat, (all ?? each)!, now);
    const ask = answers.find((a) => a.status === 'clarify');
    if (ask) return ask;
    return combined(answers);
  }

  private askOne(question: string, opts: AskOptions): Answer {
    const now = opts.now ?? this.clock();
    const { frame: parsed, tooLong } = parseQuestion(String(question ?? ''), this.lex, now);
    const prev = opts.chat && !tooLong ? this.contexts.get(opts.chat, now) : undefined;
    if (prev?.clauses && opts.bodyId === undefined && movesOnly(parsed)) {
      return this.askClauses(parsed, prev.clauses, opts);
    }
    let frame = prev && parsed.text ? mergeWithContext(parsed, prev) : parsed;
    if (opts.bodyId !== undefined && this.index.byId(opts.bodyId)) {
      frame = {
        ...frame, bodies: [opts.bodyId], ambiguous: null, regions: [], ambiguousPlaces: [], unknownPlaces: [],
        unknownBodies: [],
      };
      frame.intent = decideIntent(frame);
    }
    const ctx = this.ctx(now);
    const read = refine(ctx, frame, tooLong) ?? this.run(ctx, frame);
    const a = frame.claimed ? checkClaim(read, frame.claimed) : read;
    if (opts.chat && a.status !== 'unsupported') this.contexts.set(opts.chat, answeredYears(frame, a), now);
    return a;
  }

  /** 番禺呢 after 收到多少申请，公开率多少: every clause of the last message, of the body or year named now. */
  private askClauses(parsed: Frame, clauses: Frame[], opts: AskOptions): Answer {
    const now = opts.now ?? this.clock();
    const ctx = this.ctx(now);
    const frames = clauses.map((c) => mergeWithContext(parsed, c));
    const answers = frames.map((f) => refine(ctx, f) ?? this.run(ctx, f));
    const kept = frames.map((f, i) => ({ ...answeredYears(f, answers[i]), clauses: undefined }));
    this.contexts.set(opts.chat!, { ...kept[kept.length - 1], clauses: kept }, now);
    // the same reason for every clause (no report of that year) is said once
    const said = answers.filter((a, i) => a.facts.length || answers.findIndex((b) => b.text === a.text) === i);
    return answers.find((a) => a.status === 'clarify') ?? combined(said);
  }

  private run(ctx: Ctx, f: Frame): Answer {
    const handler = HANDLERS[f.intent];
    if (handler) return handler(ctx, f);
    return answer('unsupported', `${M.outOfScope}\n${helpText(this.index)}`);
  }

  /** /report 单位 [年份], /audit 单位 [年份], /compare 单位甲 单位乙 [年份]: the argument names bodies and years. */
  command(kind: 'report' | 'audit' | 'compare', arg: string, opts: AskOptions = {}): Answer {
    const now = opts.now ?? this.clock();
    const ctx = this.ctx(now);
    if (!arg.trim() && opts.bodyId === undefined) {
      return answer('unsupported', `${M.usage(USAGE[kind])}\n${inventory(ctx)}`);
    }
    const { frame: f, tooLong } = parseQuestion(arg, this.lex, now);
    if (tooLong) return answer('unsupported', M.tooLong(tooLong, 300));
    if (opts.bodyId !== undefined && this.index.byId(opts.bodyId)) {
      f.bodies = [opts.bodyId]; f.ambiguous = null; f.unknownBodies = [];
    }
    if (f.unknownBodies.length) return refine(ctx, { ...f, unknown: [] }) ?? answer('not_found', inventory(ctx));
    if (kind === 'compare') {
      if (f.bodies.length < 2) return answer('not_found', `${M.twoBodies}\n${inventory(ctx)}`);
      return compareCards(ctx, f);
    }
    f.intent = kind === 'audit' ? 'audit' : 'card';
    return kind === 'audit' ? audit(ctx, f) : card(ctx, f);
  }
}

/** Look-ups of one body and year, one figure each: one frame of all their figures (null otherwise). */
function lookupsOfOne(frames: Frame[]): Frame | null {
  const key = (f: Frame) => JSON.stringify([f.bodies, f.years, f.applicant ?? '']);
  const plain = frames.every((f) => f.intent === 'lookup' && !f.ratio && f.metrics.length === 1
    && key(f) === key(frames[0]));
  if (!plain) return null;
  const last = frames[frames.length - 1];
  return { ...last, metrics: [...new Set(frames.map((f) => f.metrics[0]))], metricDefaulted: false };
}

/** The context keeps the year an answer was about, so "前一年呢" counts from it. */
function answeredYears(f0: Frame, a: Answer): Frame {
  const f = { ...f0, lead: a.lead };
  // 上一份报告: the year of the report answered, so the next step goes on from it
  if ((f.years.length && !f.nextReport) || !a.facts.length) return f;
  return { ...f, years: [...new Set(a.facts.map((x) => x.year))], ctxYears: [] };
}
