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
  it('a rate claimed to fewer decimals is checked at them (62.2% of 62.16%)', () => {
    const one = (openRate * 100).toFixed(1), whole = (openRate * 100).toFixed(0);
    expect(ask(`番禺2024年公开率${one}%，对吗`).text.split('\n')[0]).toMatch(/^✔/);
    expect(ask(`番禺2024年公开率${whole}%吗`).text.split('\n')[0]).toMatch(/^✔/);
    const off = (Number(one) + 0.1).toFixed(1);
    expect(ask(`番禺2024年公开率${off}%，对吗`).text.split('\n')[0]).toMatch(/^✘/);
  });

  it('an answer of several years is not checked by its first line', () => {
    const h = truth('hongze-2024').applications.new_received[6];
    const a = ask(`洪泽近两年收到申请${h}件对吗`);
    expect(a.text).not.toMatch(/^[✔✘]/);
    expect(a.text.split('\n')[0]).toContain('自行核对');
  });
  it('a figure stated beside a change asked (…9487件，比上年多吗) is checked as the figure, not as the change', () => {
    const [now, before] = [truth('hongze-2024').active, truth('hongze-2023').active];
    const lic = now.licensing.decisions as number, pen = now.penalty.decisions as number;
    for (const [q, want] of [[`洪泽2024年行政许可${lic}件，比上年多吗`, '✔'], [`洪泽2024年行政处罚${pen}件，比2023年少了吗`, '✔'],
      [`洪泽2024年行政处罚${pen + 1}件，比2023年少了吗`, '✘']] as const) {
      const line = ask(q).text.split('\n')[0];
      expect(line, q).toMatch(new RegExp(`^${want}`));
      if (want === '✘') expect(line).toContain(`报告中是 ${pen} 件`);
    }
    expect(before.penalty.decisions).not.toBe(pen);
  });

  it('a change stated (下降了1343件, 增长了74件) is checked by its size and its way', () => {
    const pen = [truth('hongze-2024'), truth('hongze-2023')].map((t) => t.active.penalty.decisions as number);
    const fell = pen[1] - pen[0];
    expect(fell).toBeGreaterThan(0);
    const first = (q: string) => ask(q).text.split('\n')[0];
    expect(first(`洪泽行政处罚下降了${fell}件对吧`)).toMatch(/^✔/);
    expect(first(`洪泽行政处罚减少${fell}件吗`)).toMatch(/^✔/);
    expect(first(`洪泽行政处罚增加了${fell}件对吗`)).toContain(`不一致：报告中是 减少 ${fell} 件`);
    expect(first(`洪泽行政处罚下降了${fell + 1}件对吧`)).toMatch(/^✘/);
    // 多收了74件: a verb between the way and the number
    const [h24, h23] = [truth('hongze-2024'), truth('hongze-2023')].map((t) => t.applications.new_received[6]);
    expect(first(`洪泽2024年比2023年多收了${h24 - h23}件申请，对吗`)).toMatch(/^✔/);
    expect(first(`洪泽2024年比2023年多收了${h24}件申请，对吗`)).toMatch(/^✘/);
  });

  it.each([`番禺2024年收到申请${received}件，是吧`, `听说番禺2024年收到了${received}件申请？`,
    `核实一下：番禺2024年收到${received}件申请`, `番禺2024年只收到${received}件申请？`])('%s is checked', (q) => {
    expect(ask(q).text.split('\n')[0]).toMatch(/^✔/);
  });

  it('a difference of two bodies (番禺比洪泽多X件) is checked by its size and which has more', () => {
    const h = truth('hongze-2024').applications.new_received[6];
    const d = received - h;
    expect(d).toBeGreaterThan(0);
    const first = (q: string) => ask(q).text.split('\n')[0];
    expect(first(`番禺2024年收到的申请比洪泽多${d}件，对吗`)).toMatch(/^✔/);
    expect(first(`洪泽2024年收到的申请比番禺少${d}件吗`)).toMatch(/^✔/);
    expect(first(`洪泽2024年收到的申请比番禺多${d}件，对吗`)).toMatch(/^✘/);
    expect(first(`番禺2024年收到的申请比洪泽多${d + 21}件？`)).toMatch(/^✘/);
  });

  it.each([`番禺2024年收到${received}件申请，其中自然人？`, `番禺2024年收到${received}件申请，其中自然人多少，对吗`,
    `番禺2024年收到${received}件申请，予以公开的呢？`])('%s: the figure stated is not the one asked, no verdict', (q) => {
    expect(ask(q).text).not.toMatch(/^[✔✘]/);
  });

  it('a count of 20xx (2000件) is a count, not a year', () => {
    const a = ask('番禺2024年收到申请2000件对吗');
    expect(a.text.split('\n')[0]).toContain(`不一致：报告中是 ${received} 件`);
  });

  it.each(['收到申请超过100件的单位有哪些', '番禺2024年收到申请1774件，办结多少'])('%s: no check, no number', (q) => {
    const a = ask(q);
    expect(a.text).not.toContain('一致');
    if (q.includes('超过')) expect(a.facts).toEqual([]);
  });
});
