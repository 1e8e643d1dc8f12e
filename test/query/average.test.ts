/**
 * Averages (平均): over the bodies of a year or a region (the sum ÷ the reports, said with both), over a body's
 * years (the years that have the figure; a year without a report is said); a rate is never averaged, and per
 * month or per day is not in a report. Values are read from the truth files of the bundled reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, JINLIN, NOW, PANYU, truth, WUJIANG, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const ask = (q: string) => engine.ask(q, { now: NOW });
const received = (id: string) => truth(id).applications.new_received[6];
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('an average over bodies', () => {
  it('of every report of a year, and of a province\'s, is the sum ÷ the reports, both said', () => {
    const all = ['hongze-2024', PANYU, WUJIANG, JINLIN, XZB24].map(received);
    const sum = all.reduce((s, x) => s + x, 0);
    for (const q of ['2024年各单位平均收到多少申请', '2024年平均每个单位收到多少件申请']) {
      const a = ask(q);
      expect(a.status, q).toBe('answered');
      expect(a.facts[0].value, q).toBe(round2(sum / all.length));
      expect(a.text, q).toContain(`合计 ${sum} 件 ÷ ${all.length}`);
    }
    const gd = [PANYU, WUJIANG, XZB24].map(received);
    const a = ask('广东省2024年平均每个单位收到多少申请');
    expect(a.facts[0].value).toBe(round2(gd.reduce((s, x) => s + x, 0) / gd.length));
  });

  it('of one tier (平均每个区县) is of the tier\'s bodies only', () => {
    const counties = ['hongze-2024', PANYU].map(received);
    const a = ask('2024年平均每个区县收到多少申请');
    expect(a.facts[0].value).toBe(round2((counties[0] + counties[1]) / 2));
  });

  it('per head, a median and other statistics are not in a report: no number', () => {
    for (const q of ['广东省2024年人均收到多少申请', '2024年各单位收到申请的中位数', '2024年各区县收到申请的方差']) {
      const a = ask(q);
      expect(a.facts, q).toEqual([]);
    }
  });

  it('of a rate is refused, with no number', () => {
    for (const q of ['2024年各单位平均公开率是多少', '洪泽2023到2024年平均公开率']) {
      const a = ask(q);
      expect(a.facts, q).toEqual([]);
      expect(a.text, q).toContain('比率不能直接平均');
    }
  });
});

describe('an average over a body\'s years', () => {
  it('is the mean of the years asked, each year shown', () => {
    const ys = ['hongze-2023', 'hongze-2024'].map(received);
    const a = ask('洪泽2023到2024年年均新收申请多少件');
    expect(ask('洪泽23-24年平均每年收到多少申请').facts[0]?.value).toBe(round2((ys[0] + ys[1]) / 2));
    expect(a.status).toBe('answered');
    expect(a.facts[0].value).toBe(round2((ys[0] + ys[1]) / 2));
    expect(a.facts.slice(1).map((f) => f.value)).toEqual(ys);
  });

  it('says a year without a report and averages the years that have one', () => {
    const a = ask('洪泽2022到2024年平均每年收到多少申请');
    const ys = ['hongze-2023', 'hongze-2024'].map(received);
    expect(a.facts[0].value).toBe(round2((ys[0] + ys[1]) / 2));
    expect(a.text).toContain('2022 年：没有报告');
  });

  it('per month or per day is not in a report: no number', () => {
    for (const q of ['番禺2024年平均每月收到多少申请', '番禺2024年日均收到几件申请']) {
      const a = ask(q);
      expect(a.facts, q).toEqual([]);
    }
  });
});

describe('a follow-up of an average over a place', () => {
  it('another tier (各区县呢) keeps the place and the average', () => {
    const chat = `avg:${Math.random()}`;
    engine.ask('广州市各部门2024年平均新收申请', { now: NOW, chat });
    const a = engine.ask('各区县呢', { now: NOW, chat });
    // 广州's only district government on file is 番禺: the average is its figure, 洪泽 (淮安) is not in it
    expect(a.facts[0].value).toBe(received(PANYU));
    expect(a.facts.map((f) => f.org)).not.toContain(truth('hongze-2024').org);
    expect(a.text).toContain('平均');
  });
});

describe('a sum over a body\'s years', () => {
  it('2023年和2024年加起来: each year and their sum, said as such', () => {
    const want = received('hongze-2023') + received('hongze-2024');
    for (const q of ['洪泽2023年和2024年收到的申请加起来多少', '洪泽2023和2024年一共收到多少申请']) {
      const a = ask(q);
      expect(a.facts[0].value, q).toBe(want);
      expect(a.text, q).toContain(`合计 ${want} 件`);
    }
  });
  it('a rate is not added up over years', () => {
    expect(ask('洪泽区2023年和2024年公开率合计').text).not.toContain('合计');
  });
});
