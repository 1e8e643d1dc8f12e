/**
 * Names in questions, against bodies put on file for the test: a name normalised like the question (乾), a place
 * beginning with a common character (和顺) next to 和, bodies that are not on file, a government and its office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, ingestVariant, NOW, PANYU, truth, WUJIANG } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => {
  ({ app } = await bundledEngine());
  // seed 002 as 乾安县人民政府 (吉林省松原市), seed 003 as 佛山市顺德区人民政府办公室
  await ingestVariant(app, PANYU, (t) => t.replace('广州市番禺区人民政府 2024 年', '吉林省松原市乾安县人民政府 2024 年')
    .replace(/番禺区/g, '乾安县').replace(/番禺/g, '乾安'), 'qianan.txt');
  await ingestVariant(app, WUJIANG, (t) => t.replace(/韶关市武江区/g, '佛山市顺德区').replace(/韶关市/g, '佛山市')
    .replace(/武江区/g, '顺德区'), 'shunde.txt');
  // seed 002 as 兰州新区人民政府: a place named after its city (甘肃省兰州市兰州新区), printed without the city
  await ingestVariant(app, PANYU, (t) => t.replace('广州市番禺区人民政府 2024 年', '甘肃省兰州新区人民政府 2024 年')
    .replace(/广州市番禺区/g, '兰州新区').replace(/番禺区/g, '兰州新区').replace(/番禺/g, '兰州新区'), 'lanzhou.txt');
  engine = new QueryEngine(app.store, () => NOW);
});
afterAll(async () => { await app.close(); });

const ask = (q: string) => engine.ask(q, { now: NOW });

describe('names', () => {
  it('a place named after its city is found with the city before it, and alone (兰州市兰州新区, 兰州新区)', () => {
    for (const q of ['兰州市兰州新区人民政府2024年收到多少申请', '兰州新区2024年收到多少申请', '兰州新区人民政府2024年收到多少申请']) {
      const a = ask(q);
      expect(a.facts[0], q).toMatchObject({ year: 2024, value: truth(PANYU).applications.new_received[6] });
      expect(a.facts[0].org).toMatch(/兰州新区人民政府$/);
    }
  });

  it('a stored name with 乾 is found by its full name (the question and the name are normalised alike)', () => {
    const a = ask('乾安县人民政府2024年收到多少申请');
    expect(a.facts[0]).toMatchObject({ year: 2024, value: truth(PANYU).applications.new_received[6] });
    expect(a.facts[0].org).toContain('乾安县');
  });

  it('和 before a place that begins with 和 still joins two bodies: 番禺和顺德', () => {
    const a = ask('番禺和顺德2024年谁收到的申请多');
    expect(a.facts.map((f) => f.value).sort((x, y) => x - y))
      .toEqual([truth(WUJIANG).applications.new_received[6], truth(PANYU).applications.new_received[6]].sort((x, y) => x - y));
  });

  it('a department under a place on file is a body not on file, named, with what is on file there', () => {
    const a = ask('番禺区教育局2024年收到多少政府信息公开申请');
    expect(a.status).toBe('not_found');
    expect(a.facts).toEqual([]);
    expect(a.text).toContain('番禺区教育局');
    expect(a.text).toContain('广州市番禺区人民政府');
  });

  it('a government asked for when only its office is on file: a question with the office as the choice, no number', () => {
    const a = ask('佛山市顺德区人民政府2024年收到多少申请');
    expect(a.status).toBe('clarify');
    expect(a.facts).toEqual([]);
    expect(a.options?.map((o) => o.label)).toEqual(['佛山市顺德区人民政府办公室']);
  });

  it('the body chosen from the question is answered for', () => {
    const a = ask('佛山市顺德区人民政府2024年收到多少申请');
    const chosen = engine.ask('佛山市顺德区人民政府2024年收到多少申请', { now: NOW, bodyId: Number(a.options![0].id.slice(5)) });
    expect(chosen.facts[0].value).toBe(truth(WUJIANG).applications.new_received[6]);
  });

  it('a place with bodies on file but not this one: 广州市人民政府 is not 番禺区的', () => {
    const a = ask('广州市人民政府2024年收到多少申请');
    expect(a.facts).toEqual([]);
    expect(a.text).toContain('广州市人民政府');
  });

  it('a 100,000-character paste is refused with its length, at once, never read as another question', () => {
    const t = Date.now();
    const a = ask('番禺2024年收到多少申请'.repeat(8_000));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(a.status).toBe('unsupported');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/太长/);
  });
});
