/** Answer objects: what every channel (CLI, console chat, Telegram) renders. */
import dayjs from 'dayjs';

export type Status = 'answered' | 'clarify' | 'not_found' | 'unsupported';

export interface Fact {
  org: string;
  year: number;
  metric: string;
  column?: string;
  label: string;
  value: number;
  unit: string;
  excerpt: string;
  source: { file: string; page?: number; line?: number };
  /** The text's own hedge around a number (近1000, 100余): the value is what it bounds, not an exact count. */
  approx?: { before: string; after: string };
}

export interface Option { id: string; label: string; question: string }

/** A table too long for a message (a ranking over every body): sent beside the answer as a file. */
export interface AnswerTable { name: string; header: string[]; rows: (string | number)[][] }

export interface Answer {
  status: Status;
  text: string;
  facts: Fact[];
  warnings: string[];
  options?: Option[];
  table?: AnswerTable;
  /** The one body a ranking names first (its follow-up 它的公开率 is about it). */
  lead?: number;
}

/** RFC 4180 CSV with a BOM (spreadsheet programs then read the Chinese as UTF-8). */
export function tableCsv(t: AnswerTable): string {
  const cell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `\ufeff${[t.header, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const answer = (
  status: Status, text: string, facts: Fact[] = [], warnings: string[] = [], options?: Option[],
): Answer =>
  ({ status, text, facts, warnings, ...(options ? { options } : {}) });

/**
 * Several answers as one (each year of a total, each rate asked, each question of a message): their texts one
 * after another and all their facts; answered when any part is; the first file of any.
 */
export function combined(parts: Answer[], tail = ''): Answer {
  const status = parts.some((a) => a.status === 'answered') ? 'answered' : parts[0].status;
  const table = parts.find((a) => a.table)?.table;
  return {
    ...answer(status, `${parts.map((a) => a.text).join('\n\n')}${tail}`, parts.flatMap((a) => a.facts),
      parts.flatMap((a) => a.warnings)),
    ...(table ? { table } : {}),
  };
}

/** A mean, exact or to two decimals, and whether it was rounded. */
export function mean(sum: number, n: number): { value: number; rounded: boolean } {
  const value = Math.round((sum / n) * 100) / 100;
  return { value, rounded: value !== sum / n };
}

/** 1774 → "1774"; 620.5 → "620.5"; 0.62159 → "62.16%". */
/** A fact's value as the answer prints it, with the text's hedge (近 1000 条, 100余 人次). */
export const fmtFact = (x: Pick<Fact, 'value' | 'unit' | 'approx'>) =>
  (x.approx
    ? `${x.approx.before}${fmt(x.value, '')}${x.approx.after}${x.unit ? ` ${x.unit}` : ''}`
    : fmt(x.value, x.unit));

export function fmt(v: number, unit: string): string {
  if (unit === '%') return `${(v * 100).toFixed(2)}%`;
  const s = Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return unit ? `${s} ${unit}` : s;
}

/** "2025-01-24" → "2025年1月24日" */
export function cnDate(iso: string): string {
  return dayjs(iso, 'YYYY-MM-DD').format('YYYY年M月D日');
}

export function sourceLine(f: Pick<Fact, 'excerpt' | 'source'>): string {
  const where = [f.source.file, f.source.page ? `第${f.source.page}页` : ''].filter(Boolean).join(' ');
  return `「${f.excerpt}」（${where}）`;
}
