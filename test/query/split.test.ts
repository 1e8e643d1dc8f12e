/**
 * A message of a question and its follow-ups (…？在全省呢) is answered part by part; a part after the mark that
 * completes the first (部分公开几件？洪泽区2024) is read with it. Values from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { splitFollowUps } from '../../src/query/split.js';
import { bundledEngine, NOW, PANYU, truth } from '../helpers/engine.js';

const SPLIT: [string, string[]][] = [
  ['番禺区2024年收到申请在全市排第几？在全省呢', ['番禺区2024年收到申请在全市排第几', '在全省呢']],
  ['番禺2024年收到多少申请？洪泽呢？', ['番禺2024年收到多少申请', '洪泽呢']],
  ['洪泽区2024年公开率是多少；2023年呢；办结率呢', ['洪泽区2024年公开率是多少', '2023年呢', '办结率呢']],
];
const WHOLE = [
  '部分公开几件？洪泽区2024', '洪泽区2024年行政诉讼一共多少件？直接起诉和复议后起诉都算上',
  '番禺2024年收到多少申请？', '？？？', '洪泽呢？番禺呢？', '番禺2024年收到多少申请？有几件？洪泽呢',
];

describe('which messages are a question and its follow-ups', () => {
  it.each(SPLIT)('%s is split', (text, parts) => expect(splitFollowUps(text)).toEqual(parts));
  it.each(WHOLE)('%s is one question', (text) => expect(splitFollowUps(text)).toEqual([text]));
});

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

describe('a question and its follow-up in one message', () => {
  it('answers each, the second in the context of the first, and leaves no context behind', () => {
    const a = engine.ask('番禺2024年收到多少申请？洪泽呢？', { now: NOW });
    expect(a.status).toBe('answered');
    const want = [PANYU, 'hongze-2024'].map((id) => truth(id).applications.new_received[6]);
    expect(a.facts.map((f) => f.value)).toEqual(want);
    expect(engine.ask('那2023年呢', { now: NOW }).facts).toEqual([]);
  });
});
