/**
 * Where one body stands in a ranking (排第几, 倒数第几): its place among the bodies ranked (equal values share a
 * place, in its line, the list and the file alike), or why it is not ranked; a place that is no body is told so.
 * Values are read from the truth files of the bundled reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { QueryEngine } from '../../src/query/engine.js';
import { asPanyuOffice, bundledEngine, ingestVariant, NOW, PANYU, truth, WUJIANG } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => {
  ({ app } = await bundledEngine());
  // the district government's office with the government's own numbers: a tie at the top
  await ingestVariant(app, PANYU, asPanyuOffice, 'panyu-office.txt');
  engine = new QueryEngine(app.store, () => NOW);
});
afterAll(async () => { await app.close(); });

const ask = (q: string) => engine.ask(q, { now: NOW });
const received = (id: string) => truth(id).applications.new_received[6];

describe('a body\'s place in a ranking', () => {
  it('equal values share a place in the line and the list (1, 1, 3)', () => {
    const a = ask('番禺区政府办公室2024年收到申请排第几');
    expect(a.status).toBe('answered');
    const tied = a.facts.filter((f) => f.value === received(PANYU));
    expect(tied).toHaveLength(2);
    expect(a.text).toContain(`排第 1 名（共`);
    expect(a.text).toMatch(/\n1\. 广州市番禺区人民政府\S* 1774 件\n1\. /);
    const third = a.text.split('\n').find((l) => /^3\. /.test(l));
    expect(third, a.text).toBeDefined();
  });

  it('counted from the fewest with 倒数第几', () => {
    const a = ask('武江区政府办2024年收到申请倒数第几');
    const own = a.facts.find((f) => f.value === received(WUJIANG));
    expect(own).toBeDefined();
    expect(a.text).toMatch(/倒数第 \d+ 名（共 \d+ 个单位）/);
  });

  it('a body outside the region asked about is said to be outside, not to lack a report', () => {
    const a = ask('洪泽2024年收到申请在广东省排第几');
    expect(a.text).toContain('不在广东省内');
    expect(a.text).not.toContain('没有它的报告');
  });

  it('a region is no body: told so, with no number', () => {
    for (const q of ['广州市2024年收到申请排第几', '江苏省2024年收到申请倒数第几']) {
      const a = ask(q);
      expect(a.status, q).not.toBe('answered');
      expect(a.facts, q).toEqual([]);
    }
  });
});
