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
