/**
 * Figures of the prose: a clause that goes on with the figure before it (涉及收取…76220元，实际收取4260元) is
 * shown beside it, never dropped, so 收了多少 is not answered by the amount the notices asked for alone.
 * The numbers are read from the report's own text here, not from the answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { FIX } from '../helpers/cases.js';
import { bundledEngine, NOW, PANYU } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const text = readFileSync(join(FIX, 'seeds', `${PANYU}.txt`), 'utf8');
const [, involved, collected] = /信息处理费(\d+)元，实际收取(\d+)元/.exec(text)!.map(Number);

describe('a figure of the prose and the clause that goes on with it', () => {
  it('both are stated, each with its own words', () => {
    for (const q of ['番禺2024年收了多少信息处理费', '番禺区2024年信息处理费多少']) {
      const a = engine.ask(q, { now: NOW });
      const values = a.facts.map((f) => f.value).sort((x, y) => x - y);
      expect(values, q).toEqual([collected, involved].sort((x, y) => x - y));
      expect(a.facts.find((f) => f.value === collected)?.label, q).toContain('实际收取');
    }
  });

  it('the fee of disclosure asked in other words (依申请公开收费, 信息处理费收了多少钱) is the prose\'s, not 行政事业性收费',
    () => {
      const fees = /行政事业性收费\s*(\d+)/.exec(text)![1];
      for (const q of ['番禺2024年依申请公开收费多少', '番禺2024年信息处理费收了多少钱', '番禺区2024年政府信息公开收费多少',
        '番禺2024年依申请公开收了多少费']) {
        const a = engine.ask(q, { now: NOW });
        const values = a.facts.map((f) => f.value).sort((x, y) => x - y);
        expect(values, q).toEqual([collected, involved].sort((x, y) => x - y));
        expect(a.text, q).not.toContain(fees);
      }
    });

  it('收费通知几件 is the notices the prose says were sent, not the row of applicants who did not pay after one', () => {
    const sent = Number(/发出收费通知(\d+)件/.exec(text)![1]);
    for (const q of ['番禺2024年收费通知几件', '番禺2024年发出几件收费通知']) {
      expect(engine.ask(q, { now: NOW }).facts.map((f) => f.value), q).toEqual([sent]);
    }
  });

  it('asked by the words of the second, that one alone', () => {
    const a = engine.ask('番禺区2024年实际收取信息处理费多少元', { now: NOW });
    expect(a.facts.map((f) => f.value)).toEqual([collected]);
  });
});
