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

describe('findings of the rows a ranking or a total shows travel with it', () => {
  const h = truth('hongze-2023').review_litigation.review;
  it.each(['2023年行政复议最多的是谁', '2023年全部单位行政复议合计多少'])('%s', (q) => {
    // the truth file's own row does not add up to its printed total
    expect(h.slice(0, 4).reduce((s, v) => s + v, 0)).not.toBe(h[4]);
    const a = engine.ask(q, { now: NOW });
    expect(a.facts.some((f) => f.value === h[4])).toBe(true);
    expect(a.warnings.some((w) => w.includes('洪泽区') && w.includes('行政复议'))).toBe(true);
  });
});
