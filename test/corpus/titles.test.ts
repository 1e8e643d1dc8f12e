/**
 * Body and year from report openings written as real reports are titled (titles.jsonl, and titles-more.jsonl
 * written apart by another hand), and openings that never name their body (titles-not-names.jsonl,
 * titles-more-not.jsonl): no name may be taken from those.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../src/ingest/extract/text.js';
import { findSections } from '../../src/ingest/sections.js';
import { findBodyYear } from '../../src/ingest/title/index.js';
import { parseReport } from '../../src/ingest/parse.js';
import { Rejection } from '../../src/ingest/errors.js';

const read = <T>(f: string): T[] => readFileSync(new URL(f, import.meta.url), 'utf8').split('\n')
  .filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const find = (text: string) => {
  const lines = textToDoc(text).lines;
  return findBodyYear(lines, findSections(lines).find((s) => s.id !== 'overview')?.start);
};
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

interface Named { id: string; kind: string; form?: string; text: string; org: string; year: number }
interface Unnamed { id: string; kind?: string; text: string; why: string }

const named = [...read<Named>('./titles.jsonl'), ...read<Named>('./titles-more.jsonl')];
const unnamed = [...read<Unnamed>('./titles-not-names.jsonl'), ...read<Unnamed>('./titles-more-not.jsonl')];
/** Pages listing many reports name many bodies; they are not reports and are refused as such (no tables). */
const isList = (c: Unnamed) => /^LIST PAGE/.test(c.why);

describe('openings that name their body: the printed name and the year', () => {
  it.each(named.map((c) => [`${c.id} ${c.kind}/${c.form ?? ''} ${c.org}`, c] as const))('%s', (_, c) => {
    const r = find(c.text);
    expect(r.found, `missing: ${r.missing.join(', ')}`).not.toBeNull();
    expect(squash(r.found!.org)).toBe(squash(c.org));
    expect(r.found!.year).toBe(c.year);
  });
});

describe('openings that never name their body: no body is taken from them', () => {
  const cases = unnamed.filter((c) => !isList(c)).map((c) => [`${c.id} ${c.kind ?? ''}: ${c.why}`, c] as const);
  it.each(cases)('%s', (_, c) => {
    const r = find(c.text);
    expect(r.found?.org ?? null).toBeNull();
    expect(r.missing).toContain('body');
  });
  it.each(unnamed.filter(isList).map((c) => [`${c.id}: ${c.why}`, c] as const))('%s → not a report', (_, c) => {
    expect(() => parseReport(textToDoc(c.text), { fileName: `${c.id}.html` })).toThrow(Rejection);
  });
});
