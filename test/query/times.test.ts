/**
 * 甲是乙的几倍: the first body's count over the second's, in the order named, to two decimals and said so; a
 * rate is not divided. 2025年发布的年报 is the report of 2024. Values from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, NOW, PANYU, truth } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const received = (id: string) => truth(id).applications.new_received[6];

describe('how many times one body\'s figure is another\'s', () => {
  it.each([
    ['番禺2024年收到申请是洪泽的几倍', PANYU, 'hongze-2024'],
    ['洪泽2024年收到申请是番禺的多少倍', 'hongze-2024', PANYU],
  ])('%s', (q, a, b) => {
    const t = engine.ask(q, { now: NOW }).facts.find((f) => f.unit === '倍');
    expect(t?.value).toBe(Math.round((received(a) / received(b)) * 100) / 100);
  });
  it('of one body\'s two years: the first year named over the second (2024年是2023年的几倍)', () => {
    const [now, before] = [received('hongze-2024'), received('hongze-2023')];
    const t = engine.ask('洪泽2024年收到申请是2023年的几倍', { now: NOW }).facts.find((f) => f.unit === '倍');
    expect(t?.value).toBe(Math.round((now / before) * 100) / 100);
    expect(engine.ask('洪泽2024年公开率是2023年的几倍', { now: NOW }).facts.some((f) => f.unit === '倍')).toBe(false);
  });
  it('a rate is not divided', () => {
    expect(engine.ask('番禺和洪泽2024年公开率是几倍', { now: NOW }).facts.some((f) => f.unit === '倍')).toBe(false);
  });
});

describe('the year a report came out', () => {
  it('2025年发布的年报 is the report of 2024', () => {
    const a = engine.ask('2025年发布的番禺年报里收到多少申请', { now: NOW });
    expect(a.facts.map((f) => [f.year, f.value])).toEqual([[2024, received(PANYU)]]);
  });
});
