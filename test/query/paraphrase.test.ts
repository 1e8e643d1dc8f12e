/**
 * Many phrasings of the same look-up: every combination of a body's names, a year's spellings, a metric's
 * wordings and a sentence pattern must give the hand-checked number. Solve the language, not the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { QueryEngine } from '../../src/query/engine.js';
import { bundledEngine, JINLIN, NOW, PANYU, truth, WUJIANG, XZB20, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
let engine: QueryEngine;
beforeAll(async () => { ({ app, engine } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

/** Every body with a truth file, by the names people type for it. */
const BODIES: { id: string; names: string[] }[] = [
  { id: PANYU, names: ['番禺', '番禺区', '番禺区政府', '广州番禺', '广州市番禺区人民政府', '番禺區'] },
  { id: XZB24, names: ['协作办', '市协作办', '广州市协作办公室', '广州协作办'] },
  { id: XZB20, names: ['协作办', '广州市协作办公室', '市协作办'] },
  { id: WUJIANG, names: ['武江区', '武江', '武江区政府办', '韶关市武江区人民政府办公室'] },
  { id: JINLIN, names: ['金林区', '金林', '金林区政府办', '金林区人民政府办公室'] },
  { id: 'hongze-2024', names: ['洪泽', '洪泽区', '洪泽区政府', '淮安市洪泽区人民政府', '淮安洪泽'] },
  { id: 'hongze-2023', names: ['洪泽区', '洪泽区人民政府', '洪泽'] },
];
const CN = '〇一二三四五六七八九';
/** The ways a year is written, counted from the day questions are asked (2025-06-01). */
const yearsOf = (y: number) => [`${y}年`, `${y}年度`, `${y % 100}年`, [...String(y)].map((d) => CN[Number(d)]).join('') + '年',
  `${y}`, ...({ 2024: ['去年'], 2023: ['前年'] } as Record<number, string[]>)[y] ?? []];
type T = ReturnType<typeof truth>;
const METRICS: { words: string[]; value: (t: T) => number }[] = [
  { words: ['收到的政府信息公开申请', '新收申请', '受理的依申请公开', '申请量'], value: (t) => t.applications.new_received[6] },
  { words: ['自然人申请', '个人提出的申请'], value: (t) => t.applications.new_received[0] },
  { words: ['上年结转的申请'], value: (t) => t.applications.carried_over[6] },
  { words: ['予以公开的', '全部公开的'], value: (t) => t.applications.granted[6] },
  { words: ['部分公开的'], value: (t) => t.applications.partial[6] },
  { words: ['不予公开的'], value: (t) => Object.entries(t.applications).filter(([k]) => k.startsWith('denied_')).reduce((a, [, v]) => a + v[6], 0) },
  { words: ['本机关不掌握的', '不掌握相关政府信息的'], value: (t) => t.applications.unavailable_not_held[6] },
  { words: ['办结的申请', '办理结果总计'], value: (t) => t.applications.total_processed[6] },
  { words: ['结转下年度的申请', '结转到下一年的申请'], value: (t) => t.applications.carried_forward[6] },
  { words: ['行政复议', '被申请行政复议的'], value: (t) => t.review_litigation.review[4] },
  { words: ['行政处罚决定', '行政处罚'], value: (t) => t.active.penalty.decisions },
  { words: ['行政许可'], value: (t) => t.active.licensing.decisions },
];
const PATTERNS = [
  (b: string, y: string, m: string) => `${b}${y}${m}有多少？`,
  (b: string, y: string, m: string) => `${y}${b}${m}是多少`,
  (b: string, y: string, m: string) => `请问${b}在${y}的${m}有几件`,
  (b: string, y: string, m: string) => `${b}${m}${y}一共多少`,
];

// every metric wording and pattern, with names and years rotating through their spellings
const cases: [string, number, string, number][] = [];
let k = 0;
for (const b of BODIES) {
  const t = truth(b.id);
  const years = yearsOf(t.year);
  for (const m of METRICS) for (const w of m.words) for (const p of PATTERNS) {
    const q = p(b.names[k % b.names.length], years[k % years.length], w);
    k++;
    cases.push([q, m.value(t), t.org, t.year]);
  }
}

describe(`${cases.length} phrasings of look-ups`, () => {
  it.each(cases)('%s → %d', (q, value, org, year) => {
    const a = engine.ask(q, { now: NOW });
    expect(a.status, a.text).toBe('answered');
    expect(a.facts[0]?.value, a.text).toBe(value);
    expect(a.facts[0]?.org.replace(/^淮安市/, '')).toBe(org.replace(/^淮安市/, ''));
    expect(a.facts[0]?.year).toBe(year);
  });
});
