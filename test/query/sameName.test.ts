/**
 * A place name two places bear (鼓楼区 of 南京 and of 福州): a question naming it alone asks which body is meant,
 * offering the body of each place, never only the first place's; with its city named, that city's body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { QueryEngine } from '../../src/query/engine.js';
import { ingestVariant, NOW, PANYU, truth } from '../helpers/engine.js';
import { testApp } from '../helpers/app.js';

let app: App & { dir: string };
let engine: QueryEngine;
/** Seed 002 as another district's report: its name and the place words of its text. */
const asBody = (city: string) => (t: string) => t.replace(/广州市番禺区/g, `${city}鼓楼区`).replace(/番禺/g, '鼓楼');
beforeAll(async () => {
  app = testApp();
  for (const city of ['南京市', '福州市']) {
    expect((await ingestVariant(app, PANYU, asBody(city), `${city}.txt`)).status).toBe('ingested');
  }
  engine = new QueryEngine(app.store, () => NOW);
});
afterAll(async () => { await app.close(); });

describe('a place name two places bear', () => {
  it('alone: the question asks which, offering the body of each place', () => {
    const a = engine.ask('鼓楼区2024年收到多少申请', { now: NOW });
    expect(a.status).toBe('clarify');
    expect(a.facts).toEqual([]);
    expect(a.options?.map((o) => o.label).sort()).toEqual(['南京市鼓楼区人民政府', '福州市鼓楼区人民政府']);
  });

  it('where a region is meant (鼓楼区各单位): which place is asked, with no number; with its city, that place', () => {
    const a = engine.ask('鼓楼区2024年各单位收到申请排名', { now: NOW });
    expect(a.facts).toEqual([]);
    expect(a.text).toContain('南京市鼓楼区');
    expect(a.text).toContain('福州市鼓楼区');
    const b = engine.ask('福州市鼓楼区2024年各单位收到申请排名', { now: NOW });
    expect(b.status).toBe('answered');
    expect(b.facts.map((f) => f.org)).toEqual(['福州市鼓楼区人民政府']);
  });

  it('with its city: that city\'s body and its figure', () => {
    const a = engine.ask('福州鼓楼区2024年收到多少申请', { now: NOW });
    expect(a.status).toBe('answered');
    expect(a.facts[0].org).toBe('福州市鼓楼区人民政府');
    expect(a.facts[0].value).toBe(truth(PANYU).applications.new_received[6]);
  });
});
