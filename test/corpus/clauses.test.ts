/**
 * Messages that ask several figures clause by clause (clauses.jsonl: every figure of the truth file is answered,
 * in the order asked) and messages that stay one question (clauses-not.jsonl). Numbers from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { readCorpus as read } from '../helpers/corpus.js';
import { bundledEngine, NOW } from '../helpers/engine.js';
import { expectedValue, type Expect } from '../helpers/truthValue.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const near = (got: number, want: number, unit?: string) =>
  (unit === 'ratio' ? Math.abs(got - want) < 0.0005 : got === want);

describe('a figure asked in each clause: each is answered, in order', () => {
  // parts: how many questions the message is read as, when not one per figure (自然人和企业的公开率: one)
  const lines = read<{ id: string; q: string; expect: Expect[]; parts?: number }>('./clauses.jsonl');
  it.each(lines.map((c) => [`${c.id} ${c.q}`, c] as const))('%s', (_, c) => {
    expect(engine.parts(c.q, NOW)).toHaveLength(c.parts ?? c.expect.length);
    const a = engine.ask(c.q, { now: NOW });
    expect(a.status, a.text).toBe('answered');
    let at = -1;
    for (const e of c.expect) {
      const want = expectedValue(e);
      const i = a.facts.findIndex((f, k) => k > at && f.year === want.year && near(f.value, want.value, e.unit));
      expect(i, `${c.q}\nwant ${want.value} after fact ${at}\ngot ${a.text}`).toBeGreaterThan(at);
      at = i;
    }
  });
});

describe('a message that stays one question', () => {
  const lines = read<{ id: string; q: string; why: string }>('./clauses-not.jsonl');
  it.each(lines.map((c) => [`${c.id} ${c.q} — ${c.why}`, c] as const))('%s', (_, c) => {
    expect(engine.parts(c.q, NOW)).toEqual([c.q]);
  });
});
