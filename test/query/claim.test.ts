/**
 * A figure the question states and asks to be checked (…1774件对吗): said to agree or not, with the report's
 * figure; a number stated without asking yes or no is still a word not read. Values from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, NOW, PANYU, truth } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const ask = (q: string) => engine.ask(q, { now: NOW });
const p = truth(PANYU).applications;
const received = p.new_received[6];
const openRate = (p.granted[6] + p.partial[6]) / p.total_processed[6];

describe('a figure stated and asked to be checked', () => {
  it.each([`番禺2024年收到申请${received}件对吗`, `番禺2024年新收申请是${received}件吗`])('%s agrees', (q) => {
    const a = ask(q);
    expect(a.text.split('\n')[0]).toContain('一致');
    expect(a.text.split('\n')[0]).not.toContain('不一致');
    expect(a.facts[0].value).toBe(received);
  });
  it('a wrong figure is said not to agree, with the report\'s', () => {
    const a = ask(`番禺2024年收到申请${received + 26}件对吗`);
    expect(a.text.split('\n')[0]).toContain(`不一致：报告中是 ${received} 件`);
  });
  it('a rate, to its two decimals', () => {
    const a = ask(`番禺2024年公开率是${(openRate * 100).toFixed(2)}%吗`);
    expect(a.text.split('\n')[0]).toMatch(/^✔/);
  });
  it('an answer of several years is not checked by its first line', () => {
    const h = truth('hongze-2024').applications.new_received[6];
    const a = ask(`洪泽近两年收到申请${h}件对吗`);
    expect(a.text).not.toMatch(/^[✔✘]/);
    expect(a.text.split('\n')[0]).toContain('自行核对');
  });
  it.each(['收到申请超过100件的单位有哪些', '番禺2024年收到申请1774件，办结多少'])('%s: no check, no number', (q) => {
    const a = ask(q);
    expect(a.text).not.toContain('一致');
    if (q.includes('超过')) expect(a.facts).toEqual([]);
  });
});
