/** Follow-up questions: what a chat asked last fills what the new question leaves out. Expires after silence. */
import type { Frame } from './frame.js';
import { decideIntent } from './frame.js';

export class ChatContexts {
  private readonly map = new Map<string, { frame: Frame; at: number }>();
  constructor(private readonly ttlMs: number) {}

  get(chat: string, now: Date): Frame | undefined {
    const c = this.map.get(chat);
    if (!c) return undefined;
    if (now.getTime() - c.at > this.ttlMs) { this.map.delete(chat); return undefined; }
    return c.frame;
  }

  set(chat: string, frame: Frame, now: Date): void {
    this.map.set(chat, { frame, at: now.getTime() });
    if (this.map.size > 10_000) this.map.delete(this.map.keys().next().value!);
  }

  /** Move a chat's context (Telegram group upgraded to a supergroup). */
  move(from: string, to: string): void {
    const c = this.map.get(from);
    if (c) { this.map.delete(from); this.map.set(to, c); }
  }

  /** Every context whose key starts with `fromPrefix` moves to `toPrefix` (a group's users, when the group migrates). */
  moveAll(fromPrefix: string, toPrefix: string): void {
    for (const k of [...this.map.keys()]) if (k.startsWith(fromPrefix)) this.move(k, toPrefix + k.slice(fromPrefix.length));
  }

  clear(chat: string): void { this.map.delete(chat); }
}

const FOLLOW_INTENTS = new Set(['lookup', 'compare', 'change', 'trend', 'narrative', 'unknown', 'audit', 'published', 'problems', 'card']);

/**
 * "那2023年呢" keeps body and metric; "自然人呢" keeps body, year and metric; "武江区呢" keeps year and metric;
 * "和2020年比呢" compares the previous year with 2020. A question that names its own body and metric starts afresh.
 */
export function mergeWithContext(cur: Frame, prev: Frame): Frame {
  const hasWho = cur.bodies.length > 0 || cur.ambiguous !== null || cur.unknownPlaces.length > 0 || cur.regions.length > 0;
  const hasWhat = cur.metrics.length > 0 || !!cur.ratio;
  if (hasWho && hasWhat) return cur;
  if (cur.intent === 'card' && cur.cues.includes('report')) return cur; // "洪泽区的报告" asks for the card itself
  if (!FOLLOW_INTENTS.has(cur.intent) && cur.intent !== 'rank' && cur.intent !== 'total') return cur;
  if (cur.intent === 'unknown' && !hasWho && !hasWhat && !cur.years.length && !cur.applicant && !cur.cues.includes('compare')) return cur;
  const m: Frame = { ...cur, trace: [...cur.trace, 'context'] };
  if (!hasWho) { m.bodies = prev.bodies; m.ambiguous = prev.ambiguous; m.regions = prev.regions; m.guessed = []; }
  if (!hasWhat) {
    m.metrics = prev.metrics;
    m.ratio = prev.ratio;
    if (!cur.applicant) m.applicant = prev.applicant;
  }
  if (!cur.years.length && !cur.range && !cur.lastN) {
    m.years = prev.years.length ? prev.years : [];
    m.range = prev.range;
    m.lastN = prev.lastN;
  } else if (cur.cues.includes('compare') && prev.years.length && !hasWho) {
    m.years = [...new Set([...prev.years, ...cur.years])];
  }
  if (!hasWhat && cur.intent !== 'audit' && cur.intent !== 'published' && cur.intent !== 'problems' && !cur.keywords.length) m.intent = decideIntent({ ...m, keywords: [] });
  else if (cur.intent === 'unknown' || cur.intent === 'narrative') m.intent = decideIntent(m);
  return m;
}
