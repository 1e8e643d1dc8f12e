/**
 * The deadline watch: after 31 January and after 31 March, each subscribed chat gets one list of the bodies it
 * follows that published a report for the year before but none for this year yet (逾期未发布). Which chat was
 * told about which body is kept, so the report's arrival later brings a note (outbox.ts).
 */
import type { DB } from '../store/db.js';
import { alertFacts, type OverdueBody } from '../store/alertFacts.js';
import { alertStore, type SubscriptionRow } from '../store/alerts.js';
import { dueCheckpoint, dueDate } from './deadline.js';
import { ALL, bodyOfKey, nameVariants, regionOfKey } from './keys.js';
import type { DeadlinePayload } from './render.js';

/** Does a subscription follow this body? */
export function follows(s: Pick<SubscriptionRow, 'key'>, b: OverdueBody): boolean {
  if (s.key === ALL) return true;
  const id = bodyOfKey(s.key);
  if (id !== null) return id === b.id;
  const region = regionOfKey(s.key);
  if (region) return !!b.region && region.every((p, i) => b.region![i] === p);
  if (!s.key.startsWith('name:')) return false;
  return nameVariants({ name: b.name, aliases: [], region: b.region }).includes(s.key.slice(5));
}

/** Enqueue the lists due at `now` (once per chat and checkpoint); returns the number of rows written. */
export function enqueueDeadlineWatch(db: DB, now: Date): number {
  const cp = dueCheckpoint(now);
  if (!cp) return 0;
  const alerts = alertStore(db);
  const overdue = alertFacts(db).overdue(cp.year)
    .map((b) => ({ ...b, due: dueDate(b, cp.year) }))
    .filter((b) => b.due <= cp.date);
  if (!overdue.length) return 0;
  const chats = new Map<number, { silent: boolean; groups: DeadlinePayload['groups']; ids: Set<number> }>();
  for (const s of alerts.activeSubscriptions()) {
    if (s.mode === 'findings') continue; // asked only for reports with findings
    const bodies = overdue.filter((b) => follows(s, b));
    if (!bodies.length) continue;
    const c = chats.get(s.chat_id) ?? { silent: true, groups: [], ids: new Set<number>() };
    c.silent &&= s.silent === 1;
    c.groups.push({ label: s.label, bodies: bodies.map((b) => ({ id: b.id, name: b.name, due: b.due })) });
    for (const b of bodies) c.ids.add(b.id);
    chats.set(s.chat_id, c);
  }
  return alerts.transaction(() => {
    let n = 0;
    for (const [chatId, c] of chats) {
      const payload: DeadlinePayload = { year: cp.year, asOf: cp.date, groups: c.groups };
      const dedup = `d:${cp.year}:${cp.monthDay}`;
      if (!alerts.enqueue({ chatId, kind: 'deadline', dedup, payload, silent: c.silent })) continue;
      n++;
      for (const id of c.ids) alerts.listed(chatId, id, cp.year);
    }
    return n;
  });
}
