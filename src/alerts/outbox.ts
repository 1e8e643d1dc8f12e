/**
 * The outbox: a stored report becomes alert rows, one per subscribed chat, in the report's own transaction
 * (saveParsed calls enqueueAlerts inside it), so a crash leaves either both or neither. The sender drains them.
 */
import { alertFacts, type AlertFacts, type ReportHead } from '../store/alertFacts.js';
import { alertStore, type AlertStore, type SubscriptionRow } from '../store/alerts.js';
import type { Store } from '../store/store.js';
import { timeliness } from './deadline.js';
import { bodyKey, keysOfBody } from './keys.js';

export interface StoredReport {
  reportId: number;
  /** The report of the same body and year this one replaced (a new file): announced as a correction. */
  replaced?: number;
  /** The stored report this one is a parse-again of (same file): no alert, pending ones follow it. */
  reparsedFrom?: number;
}

export interface Verdict { findings: boolean; late: boolean }

/** Does a subscription with this mode want the report? */
export const wants = (mode: SubscriptionRow['mode'], v: Verdict) =>
  mode === 'all' || (mode === 'findings' && v.findings) || (mode === 'late' && v.late);

export const isSerious = (f: { severity: string }) => f.severity !== 'info';

export function verdictOf(facts: AlertFacts, head: ReportHead): Verdict {
  const t = timeliness(head, head.year, head.published);
  return { findings: facts.findings(head.id).some(isSerious), late: (t.lateDays ?? 0) > 0 };
}

/** Chats that want the report, each once: silent only when every subscription that wants it is silent. */
function recipients(subs: SubscriptionRow[], v: Verdict): Map<number, { silent: boolean }> {
  const out = new Map<number, { silent: boolean }>();
  for (const s of subs) {
    if (!wants(s.mode, v)) continue;
    const cur = out.get(s.chat_id);
    out.set(s.chat_id, { silent: (cur?.silent ?? true) && s.silent === 1 });
  }
  return out;
}

/** Returns the number of alert rows written. */
export function enqueueAlerts(store: Store, ev: StoredReport): number {
  const alerts = alertStore(store.db);
  const facts = alertFacts(store.db);
  if (ev.reparsedFrom !== undefined) {
    alerts.repoint(ev.reparsedFrom, ev.reportId, true);
    return 0;
  }
  const head = facts.head(ev.reportId);
  const body = head && facts.body(head.body_id);
  if (!head || !body || head.superseded_by !== null) return 0;
  // a report older than one already on file (a back catalogue being loaded) is not news
  if (ev.replaced === undefined && facts.hasLaterYear(body.id, head.year)) return 0;
  const subs = alerts.matching(keysOfBody(body));
  for (const s of subs) if (s.key.startsWith('name:')) alerts.rekey(s.id, bodyKey(body.id), body.name);
  const chats = recipients(subs, verdictOf(facts, head));
  return ev.replaced === undefined ? announce(alerts, head, chats) : correct(alerts, head, ev.replaced, chats);
}

function announce(alerts: AlertStore, head: ReportHead, chats: Map<number, { silent: boolean }>): number {
  const listed = new Set(alerts.listedChats(head.body_id, head.year));
  let n = 0;
  for (const [chatId, { silent }] of chats) {
    const payload = listed.has(chatId) ? { listed: true } : undefined;
    const dedup = `n:${head.body_id}:${head.year}`;
    if (alerts.enqueue({ chatId, kind: 'new', dedup, reportId: head.id, payload, silent })) n++;
  }
  // told it was late, but not subscribed to such reports: a short note that it came
  for (const chatId of listed) {
    if (chats.has(chatId)) continue;
    const dedup = `l:${head.body_id}:${head.year}`;
    if (alerts.enqueue({ chatId, kind: 'late_note', dedup, reportId: head.id, silent: true })) n++;
  }
  return n;
}

function correct(alerts: AlertStore, head: ReportHead, old: number, chats: Map<number, { silent: boolean }>): number {
  const before = alerts.alertsOf(old, 'new');
  // not sent yet: the alert will tell about the new version instead
  const pending = new Set(before.filter((a) => a.status === 'pending').map((a) => a.chat_id));
  alerts.repoint(old, head.id);
  const told = before.filter((a) => a.status === 'sent').map((a) => [a.chat_id, { silent: a.silent === 1 }] as const);
  let n = 0;
  for (const [chatId, { silent }] of new Map([...chats, ...told])) {
    if (pending.has(chatId)) continue;
    const payload = { replaced: old };
    if (alerts.enqueue({ chatId, kind: 'correction', dedup: `c:${head.id}`, reportId: head.id, payload, silent })) n++;
  }
  return n;
}
