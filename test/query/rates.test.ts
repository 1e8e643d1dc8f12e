/** Two rates named in one question (办结率和公开率) are both answered, each with its formula; values from the truth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, NOW, PANYU, truth } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const a = truth(PANYU).applications;
const T = 6;
const completion = a.total_processed[T] / (a.new_received[T] + a.carried_over[T]);
const open = (a.granted[T] + a.partial[T]) / a.total_processed[T];

describe('two rates in one question', () => {
  it('each is answered, in the order asked', () => {
    for (const [q, want] of [['番禺区2024年依申请公开办结率和公开率', [completion, open]],
      ['番禺2024年公开率和办结率分别是多少', [open, completion]]] as [string, number[]][]) {
      const ans = engine.ask(q, { now: NOW });
      expect(ans.status, q).toBe('answered');
      const rates = ans.facts.filter((f) => f.unit === '%').map((f) => f.value);
      expect(rates, q).toEqual(want.map((v) => expect.closeTo(v, 12)));
    }
  });
});

describe('a rate that cannot be computed', () => {
  it('with a 总计 of 0 says so with the cells it is made of, and what the audit found in them', () => {
    const review = truth('hongze-2023').review_litigation.review as number[];
    const [upheld, corrected, other, pending, total] = review;
    // the report prints a 总计 of 0 beside outcomes that are not 0: the rate has no denominator, the finding says why
    expect(total - pending).toBe(0);
    expect(upheld + corrected + other + pending).toBeGreaterThan(total);
    const ans = engine.ask('洪泽2023年复议纠错率', { now: NOW });
    expect(ans.status).toBe('not_found');
    expect(ans.facts).toEqual([]);
    expect(ans.text).toContain(`总计 ${total}`);
    expect(ans.warnings.join('\n')).toContain(`= ${upheld + corrected + other + pending}，而总计为 ${total}`);
  });
});
