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

describe('several years and shares of a region', () => {
  const hz = (y: number) => truth(`hongze-${y}`).applications.new_received[6];

  it('a total over two years gives each year and says their sum as such', () => {
    for (const q of ['江苏省2023年和2024年一共收到多少申请', '2023到2024年江苏省各单位一共收到多少申请']) {
      const a = ask(q);
      expect(a.facts.filter((f) => f.metric.startsWith('sum:')).map((f) => [f.year, f.value]), q)
        .toEqual([[2023, hz(2023)], [2024, hz(2024)]]);
      expect(a.text, q).toContain(`2023、2024 年合计 ${hz(2023) + hz(2024)} 件`);
    }
  });

  it('a ranking of two years is of the latest, and says so', () => {
    const a = ask('2023和2024年各单位收到申请排名');
    expect(a.text).toMatch(/^排名一次按一个年份：下面是 2024 年的；2023 年请另问。/);
    expect(a.facts.every((f) => f.year === 2024)).toBe(true);
  });

  it('a body\'s share of a region or of all bodies is not answered with a share within its report', () => {
    for (const q of ['番禺区2024年收到的申请占广东省的比例', '洪泽2024年新收申请占全部单位的比例']) {
      const a = ask(q);
      expect(a.facts, q).toEqual([]);
      expect(a.status, q).not.toBe('answered');
    }
  });

  it('排第几 with no figure asks which figure', () => {
    const a = ask('洪泽在各单位里排名第几');
    expect(a.facts).toEqual([]);
    expect(a.text).toContain('按哪个数字排');
    for (const q of ['2024年排名第二的是谁', '2024年排第一的是哪个单位']) {
      const b = ask(q);
      expect(b.facts, q).toEqual([]);
      expect(b.text, q).toContain('按哪个数字排');
    }
  });
});
