/**
 * Equal first values in a ranking are all first: the headline names them together (and how many), never one of
 * them as the most. The tie is computed from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, JINLIN, NOW, PANYU, truth, WUJIANG, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const TOTAL = 6;
const of2024 = [XZB24, PANYU, WUJIANG, JINLIN, 'hongze-2024'].map(truth);
const rate = (t: ReturnType<typeof truth>) => t.applications.total_processed[TOTAL]
  / (t.applications.new_received[TOTAL] + t.applications.carried_over[TOTAL]);

describe('ties at the top of a ranking', () => {
  it('办结率最高: every body at the highest rate is named in the headline, with their number', () => {
    const best = Math.max(...of2024.map(rate));
    const tied = of2024.filter((t) => rate(t) === best);
    expect(tied.length).toBeGreaterThan(1);
    const head = engine.ask('2024年办结率最高的是谁', { now: NOW }).text.split('\n')[0];
    expect(head).toContain(`${tied.length} 个单位并列`);
    expect(head).toContain(`${(best * 100).toFixed(2)}%`);
  });
  it('a single most is named alone', () => {
    const most = Math.max(...of2024.map((t) => t.applications.new_received[TOTAL]));
    const head = engine.ask('2024年哪个单位收到的申请最多', { now: NOW }).text.split('\n')[0];
    expect(head).not.toContain('并列');
    expect(head).toContain(`${most} 件`);
  });
});
