/**
 * An outbox row as the message a chat gets: the new report with its key figures against the year before, its
 * findings and its timeliness; a correction saying what changed; a deadline list; a note on a late arrival.
 * Read from the store (AlertFacts), rendered as Telegram HTML.
 */
import type { AlertFacts, ReportHead } from '../store/alertFacts.js';
import type { OutboxRow } from '../store/alerts.js';
import { timeliness } from './deadline.js';
import { cellMap, changedCells, figure, FIGURES, fmtChange, fmtValue, type CellMap } from './figures.js';
import { cnDate, DEADLINE_LIST_MAX, say, TOP_FINDINGS } from './messages.js';
import { isSerious } from './outbox.js';

export interface AlertMessage { text: string; button?: { text: string; data: string } }

export interface DeadlinePayload {
  year: number; asOf: string;
  groups: { label: string; bodies: { id: number; name: string; due: string }[] }[];
}

const cardButton = (h: ReportHead) => ({ text: say('button'), data: `rc:${h.body_id}:${h.year}` });

function figureLines(facts: AlertFacts, head: ReportHead, cells: CellMap): string[] {
  const prevId = facts.activeReport(head.body_id, head.year - 1);
  const prev = prevId === undefined ? null : cellMap(facts.cells(prevId));
  const lines = FIGURES.map((def) => {
    const v = figure(def, cells);
    if (v === null) return say('figureMissing', { label: def.label });
    const p = prev && figure(def, prev);
    if (p === null || p === undefined) return say('figure', { label: def.label, value: fmtValue(v, def.unit) });
    return say('figurePrev', {
      label: def.label, value: fmtValue(v, def.unit), prevYear: head.year - 1,
      prev: fmtValue(p, def.unit), change: fmtChange(v, p, def.unit),
    });
  });
  if (!prev) lines.push(say('noPrev', { prevYear: head.year - 1 }));
  return lines;
}

function findingLines(facts: AlertFacts, reportId: number): string[] {
  const serious = facts.findings(reportId).filter(isSerious);
  if (!serious.length) return [say('noFindings')];
  return [
    say('findings', { n: serious.length }),
    ...serious.slice(0, TOP_FINDINGS).map((f) => say('finding', { message: f.message })),
    ...(serious.length > TOP_FINDINGS ? [say('findingsMore', { n: serious.length - TOP_FINDINGS })] : []),
  ];
}

function publicationLine(head: ReportHead): string {
  const t = timeliness(head, head.year, head.published);
  if (t.lateDays === null) return say('publishedUnknown', { due: cnDate(t.due) });
  const verdict = t.lateDays > 0 ? say('late', { days: t.lateDays }) : say('onTime');
  return say('published', { date: cnDate(t.published!), verdict, due: cnDate(t.due) });
}

function newReport(facts: AlertFacts, head: ReportHead, listed: boolean): AlertMessage {
  const lines = [say('newTitle', { name: head.name, year: head.year })];
  if (head.region?.length) lines.push(say('region', { region: head.region.join(' › ') }));
  lines.push(...figureLines(facts, head, cellMap(facts.cells(head.id))));
  lines.push(...findingLines(facts, head.id), publicationLine(head));
  if (listed) lines.push(say('wasListed'));
  return { text: lines.join('\n'), button: cardButton(head) };
}

function correction(facts: AlertFacts, head: ReportHead, old: number): AlertMessage {
  const now = cellMap(facts.cells(head.id));
  const before = cellMap(facts.cells(old));
  const lines = [say('correctionTitle', { name: head.name, year: head.year }), say('correctionIntro')];
  const shown = new Set<string>();
  for (const def of FIGURES) {
    const a = figure(def, before), b = figure(def, now);
    if (a === b) continue;
    for (const c of [...def.cells, ...(def.of ?? [])]) shown.add(c);
    const show = (v: number | null) => (v === null ? '—' : fmtValue(v, def.unit));
    lines.push(say('changed', { label: def.label, old: show(a), new: show(b) }));
  }
  const others = changedCells(before, now).filter((c) => !shown.has(c)).length;
  if (lines.length === 2 && !others) lines.push(say('nothingChanged'));
  if (others) lines.push(say('otherChanged', { n: others }));
  const fa = facts.findings(old).filter(isSerious).length, fb = facts.findings(head.id).filter(isSerious).length;
  if (fa !== fb) lines.push(say('findingsChanged', { old: fa, new: fb }));
  lines.push(...findingLines(facts, head.id), publicationLine(head));
  return { text: lines.join('\n'), button: cardButton(head) };
}

function deadlineList(p: DeadlinePayload): AlertMessage {
  const lines = [
    say('deadlineTitle', { year: p.year }),
    say('deadlineIntro', { asOf: cnDate(p.asOf), prev: p.year - 1, year: p.year }),
  ];
  for (const g of p.groups) {
    lines.push(say('deadlineGroup', { label: g.label, n: g.bodies.length }));
    for (const b of g.bodies.slice(0, DEADLINE_LIST_MAX)) {
      lines.push(say('deadlineBody', { name: b.name, due: cnDate(b.due) }));
    }
    if (g.bodies.length > DEADLINE_LIST_MAX) lines.push(say('deadlineMore', { n: g.bodies.length }));
  }
  lines.push(say('deadlineFoot'));
  return { text: lines.join('\n') };
}

function lateNote(head: ReportHead): AlertMessage {
  const title = say('lateNoteTitle', { name: head.name, year: head.year });
  const lines = [title, say('lateNoteIntro'), publicationLine(head)];
  return { text: lines.join('\n'), button: cardButton(head) };
}

/** The message for an outbox row; null when what it announces is gone from the store. */
export function renderAlert(
  facts: AlertFacts, row: Pick<OutboxRow, 'kind' | 'report_id' | 'payload'>,
): AlertMessage | null {
  const payload = row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : {};
  if (row.kind === 'deadline') return deadlineList(payload as unknown as DeadlinePayload);
  const head = row.report_id === null ? undefined : facts.head(row.report_id);
  if (!head) return null;
  if (row.kind === 'correction') return correction(facts, head, Number(payload.replaced));
  if (row.kind === 'late_note') return lateNote(head);
  return newReport(facts, head, payload.listed === true);
}
