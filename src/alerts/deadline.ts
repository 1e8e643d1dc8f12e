/**
 * Deadlines in alerts: whether a report met its deadline, and the checkpoints after which the deadline watch
 * lists the bodies that have not published (逾期未发布). Dates are China's (UTC+8).
 */
import { deadlineFor, isBodyKind } from '../domain/bodyKinds.js';

/** The days after which the deadline watch runs (month-day of the year after the report year). */
export const CHECKPOINTS = ['01-31', '03-31'] as const;
/** A checkpoint's list goes out within this many days after it (a bot started in June sends no March list). */
export const WATCH_WINDOW_DAYS = 30;

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** The calendar day in China at `now`, as YYYY-MM-DD. */
export const chinaDay = (now: Date): string => new Date(now.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** The deadline of a body's report: by its stored kind, else by its name. */
export const dueDate = (body: { kind: string; name: string }, year: number): string =>
  deadlineFor(isBodyKind(body.kind) ? body.kind : body.name, year).date;

export interface Timeliness { due: string; published: string | null; lateDays: number | null }

/** Whether a report met its deadline: lateDays 0 when on time, null when no publication date is printed. */
export function timeliness(body: { kind: string; name: string }, year: number, published: string | null): Timeliness {
  const due = dueDate(body, year);
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return { due, published: null, lateDays: null };
  return { due, published, lateDays: Math.max(0, dayNumber(published.slice(0, 10)) - dayNumber(due)) };
}

export interface Checkpoint { year: number; monthDay: string; date: string }

/**
 * The latest checkpoint passed at `now` within the watch window, for the report year before this one; null when
 * none. "After 31 January" is from 1 February on.
 */
export function dueCheckpoint(now: Date): Checkpoint | null {
  const today = chinaDay(now);
  const thisYear = Number(today.slice(0, 4));
  for (const md of [...CHECKPOINTS].reverse()) {
    const date = `${thisYear}-${md}`;
    const after = dayNumber(today) - dayNumber(date);
    if (after >= 1 && after <= WATCH_WINDOW_DAYS) return { year: thisYear - 1, monthDay: md, date };
  }
  return null;
}
