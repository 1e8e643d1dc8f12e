/**
 * A number of the prose is bound to the words asked when it stands after them (编发《扶贫简报》20 期) or, with its
 * measure word, right before them (召开 3 场新闻发布会); never a number elsewhere in the clause, a year or a
 * percentage. Crafted clauses of both kinds, and the bundled report's own figure (truth file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { findClauses, labelOf } from '../../src/query/sentences.js';
import { FIX } from '../helpers/cases.js';
import { bundledEngine, NOW } from '../helpers/engine.js';

const hit = (text: string) => [{ text, page: 1, line: 1 }];
const bound = (text: string, words: string[], unit?: string) =>
  findClauses(hit(text), words, { unit }).map((c) => c.number?.value);

describe('the number counted by the words', () => {
  it.each([
    ['召开 3 场新闻发布会，通报工作情况。', ['新闻发布会'], '场', 3],
    ['全年举办12次业务培训。', ['业务培训'], '次', 12],
    ['组织开展2期的政务公开专题培训。', ['政务公开专题培训'], undefined, 2],
    ['编发《政务简报》20 期，开展在线访谈 1 期。', ['政务简报'], '期', 20],
    ['开展在线访谈 1 期，召开 3 场新闻发布会。', ['在线访谈'], '期', 1],
    // not printed whole, but with its head: 政府网站发布信息 in 政府门户网站发布信息
    ['区政府门户网站发布信息 4.14 万条。', ['政府网站发布信息'], '条', 4.14],
  ])('%s → %s', (text, words, unit, want) => {
    expect(bound(text, words, unit)[0]).toBe(want);
  });

  it.each([
    ['5个部门参加了新闻发布会。', ['新闻发布会'], '场'],
    ['2024年新闻发布会筹备顺利。', ['新闻发布会'], undefined],
    ['100%新闻发布会按时召开。', ['新闻发布会'], undefined],
    ['召开 3 场新闻发布会。', ['新闻发布会'], '人'],
    // most of the words but not their head (收费): the clause is about something else
    ['全区共受理政府信息公开申请 1774 件。', ['政府信息公开收费'], undefined],
  ])('%s: no number for %s', (text, words, unit) => {
    expect(bound(text, words, unit).filter((v) => v !== undefined)).toEqual([]);
  });
});

describe('what the number counts, as printed', () => {
  it.each([
    ['编发《扶贫简报》20 期', ['编发', '扶贫简报'], [7, 11], '编发扶贫简报'],
    ['召开 3 场新闻发布会', ['召开', '新闻发布会'], [2, 6], '召开新闻发布会'],
    ['全年通过门户网站发布信息共计4.14万条', ['门户网站'], [13, 21], '门户网站发布信息'],
  ] as const)('%s → %s', (clause, words, at, want) => {
    expect(labelOf(clause, [...words], [at[0], at[1]], words[0])).toBe(want);
  });
});

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const XZB_2020 = '001_eac659b3405373d8';
const narrative = (JSON.parse(readFileSync(join(FIX, 'expected', `${XZB_2020}.json`), 'utf8')) as
  { narrative: Record<string, number> }).narrative;

describe('a figure of the bundled report counted before its noun', () => {
  it.each(['协作办2020年召开了几场新闻发布会', '广州市协作办公室2020年新闻发布会开了几场'])('%s', (q) => {
    const a = engine.ask(q, { now: NOW });
    expect(a.facts.map((f) => f.value)).toEqual([narrative['新闻发布会（场）']]);
  });
  it('a count of another unit is not answered by it', () => {
    expect(engine.ask('协作办2020年参加新闻发布会的媒体有多少家', { now: NOW }).facts).toEqual([]);
  });
  it('a word carried by an earlier clause in part (区政府门户网站 for 政府网站) still binds its own clause', () => {
    const panyu = (JSON.parse(readFileSync(join(FIX, 'expected', '002_7b8566f6eb984e20.json'), 'utf8')) as
      { narrative: Record<string, number> }).narrative;
    const a = engine.ask('番禺2024年政府网站总访问量多少', { now: NOW });
    expect(a.facts.map((f) => f.value)).toEqual([panyu['总访问量（万次，近）']]);
  });
  it('发出收费通知 counts the notices of the prose, not the table row of fees left unpaid', () => {
    const panyu = (JSON.parse(readFileSync(join(FIX, 'expected', '002_7b8566f6eb984e20.json'), 'utf8')) as
      { narrative: Record<string, number> }).narrative;
    const a = engine.ask('番禺2024年发出收费通知多少件', { now: NOW });
    expect(a.facts.map((f) => f.value)).toEqual([panyu['发出收费通知（件）']]);
  });
  it('a noun ending in a filler character is read whole (简报)', () => {
    const a = engine.ask('协作办2020年编发扶贫简报多少期', { now: NOW });
    expect(a.facts.map((f) => [f.value, f.label])).toEqual([[narrative['扶贫简报（期）'], '编发扶贫简报']]);
  });
});
