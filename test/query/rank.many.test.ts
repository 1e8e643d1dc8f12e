/**
 * Rankings and totals over hundreds of bodies (the synthetic corpus of bench/synth, one report a body, all of one
 * year): the whole-year path (from 200 bodies) and the small-population path, each checked against the truth
 * files: the order, the count, every value of the CSV, a province's sum, a rate ranking.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ingestFile } from '../../src/ingest/pipeline.js';
import { QueryEngine } from '../../src/query/engine.js';
import { generate, type Truth } from '../../bench/synth/corpus.js';
import { testApp } from '../helpers/app.js';

const SEED = 11;
let app: App & { dir: string };
let engine: QueryEngine;
let truths: Truth[] = [];
let year = 0;

beforeAll(async () => {
  const made = [...generate(1200, SEED)];
  const byYear = new Map<number, typeof made>();
  for (const r of made) byYear.set(r.truth.year, [...(byYear.get(r.truth.year) ?? []), r]);
  year = [...byYear].sort((a, b) => b[1].length - a[1].length)[0][0];
  const seen = new Set<string>();
  const picked = byYear.get(year)!.filter((r) => !seen.has(r.truth.org) && seen.add(r.truth.org)).slice(0, 240);
  app = testApp();
  for (const r of picked) {
    const file = join(app.dir, r.file.replace(/.*\//, ''));
    writeFileSync(file, r.text);
    const o = await ingestFile(file, app.ingest);
    if (o.status === 'ingested') truths.push(r.truth);
  }
  engine = new QueryEngine(app.store, () => new Date('2026-06-01T00:00:00Z'));
}, 240_000);
afterAll(async () => { await app.close(); });

/** The truth of a body as the answers name it (the fullest name the report prints). */
const truthOf = (org: string) => {
  const found = truths.filter((t) => t.synth.fullName === org || t.org === org);
  expect(found, org).toHaveLength(1);
  return found[0];
};
const received = (t: Truth) => t.applications.new_received[6];
const openRate = (t: Truth) => {
  const a = t.applications;
  return (a.granted[6] + a.partial[6]) / a.total_processed[6];
};

describe('a ranking over every body of a year', () => {
  it('has more bodies than the whole-year threshold, each placed and named as its truth says', () => {
    expect(truths.length).toBeGreaterThanOrEqual(220);
    expect(engine.bodies.filter((b) => b.years.includes(year)).length).toBe(truths.length);
  });

  it('lists the top ten in the truth files\' order, counts them all, and its CSV holds every value', () => {
    const a = engine.ask(`${year}年哪个单位收到的申请最多`);
    expect(a.status).toBe('answered');
    const want = [...truths].sort((x, y) => received(y) - received(x));
    expect(a.facts.map((f) => f.value)).toEqual(want.slice(0, 10).map(received));
    for (const f of a.facts) expect(received(truthOf(f.org)), f.org).toBe(f.value);
    expect(a.text).toContain(String(truths.length));
    const csv = a.table!;
    expect(csv.rows).toHaveLength(truths.length);
    for (const [, org, y, v] of csv.rows) {
      expect(y).toBe(year);
      expect(v, String(org)).toBe(received(truthOf(String(org))));
    }
    // again, from what the first one kept: the same answer
    expect(engine.ask(`${year}年哪个单位收到的申请最多`).text).toBe(a.text);
  });

  it('the fewest first (倒数), and a rate ranking by the truth files\' rates', () => {
    const asc = engine.ask(`${year}年收到申请倒数前三`);
    const low = [...truths].sort((x, y) => received(x) - received(y)).slice(0, 3).map(received);
    expect(asc.facts.map((f) => f.value)).toEqual(low);
    const rate = engine.ask(`${year}年哪个单位的公开率最高`);
    const rates = truths.filter((t) => t.applications.total_processed[6] > 0).map(openRate).sort((x, y) => y - x);
    expect(rate.facts.map((f) => f.value)).toEqual(rates.slice(0, 10).map((v) => expect.closeTo(v, 12)));
  });
});

describe('where one body stands (排第几)', () => {
  it('in a rate (公开率, as the store keeps it), among every body\'s and its province\'s, as the truth says', () => {
    const rated = truths.filter((t) => t.applications.total_processed[6] > 0);
    const sorted = [...rated].sort((x, y) => openRate(y) - openRate(x));
    for (const t of [sorted[30], sorted[sorted.length - 1]]) {
      const province = rated.filter((x) => x.region[0] === t.region[0]);
      for (const [word, among] of [['全国', rated], ['全省', province]] as [string, Truth[]][]) {
        const a = engine.ask(`${t.synth.fullName}${year}年公开率在${word}排第几`);
        expect(a.status, word).toBe('answered');
        const place = 1 + among.filter((x) => openRate(x) > openRate(t)).length;
        expect(a.text, word).toContain(`排第 ${place} 名（共 ${among.length} 个单位）`);
        expect(a.facts.find((f) => truthOf(f.org) === t)?.value).toBeCloseTo(openRate(t), 12);
      }
    }
  });

  it('names its place among every body of the year (equal values share a place) and its figure, beyond the top ten', () => {
    const sorted = [...truths].sort((x, y) => received(y) - received(x));
    for (const t of [sorted[25], sorted[sorted.length - 1], sorted[3]]) {
      const a = engine.ask(`${t.synth.fullName}${year}年收到申请排第几`);
      expect(a.status, t.synth.fullName).toBe('answered');
      const place = 1 + truths.filter((x) => received(x) > received(t)).length;
      expect(a.text).toContain(`排第 ${place} 名（共 ${truths.length} 个单位）`);
      const own = a.facts.find((f) => truthOf(f.org) === t)!;
      expect(own.value).toBe(received(t));
      expect(a.facts.slice(0, 10).map((f) => f.value)).toEqual(sorted.slice(0, 10).map(received));
    }
  });
});

/** The places of truths in an order: 1 + the bodies ahead (equal values share a place). */
const placeOf = (xs: Truth[], t: Truth, asc = false) =>
  1 + xs.filter((x) => (asc ? received(x) < received(t) : received(x) > received(t))).length;

describe('the body at a place of the ranking (排名第二的是谁)', () => {
  it('names the bodies at that place, counted from the top or from the last, as the truth files order them', () => {
    const forms: [number, boolean, string][] = [
      [2, false, '排名第2的是哪个单位'], [7, false, '排行第七的是谁'], [15, false, '第十五多的单位'],
      [3, true, '倒数第3名是哪个单位'], [12, true, '第十二少的是哪个单位'],
    ];
    for (const [n, asc, form] of forms) {
      const q = `${year}年收到申请${form}`;
      const a = engine.ask(q);
      expect(a.status, q).toBe('answered');
      const at = truths.filter((t) => placeOf(truths, t, asc) === n);
      if (at.length) {
        const lead = a.facts.slice(0, at.length);
        expect(lead.map((f) => truthOf(f.org)).sort(), q).toEqual([...at].sort());
        for (const f of lead) expect(f.value).toBe(received(at[0]));
        expect(a.text.split('\n')[0]).toContain(`第 ${n} 名是`);
      } else {
        expect(a.text.split('\n')[0], q).toContain(`没有第 ${n} 名`);
      }
    }
  });

  it('多少 in a second clause does not turn the order round (最多的是谁，有多少; 第2名是谁，收到多少件)', () => {
    const desc = [...truths].sort((x, y) => received(y) - received(x));
    for (const q of [`${year}年收到申请最多的是谁，有多少`, `${year}年哪个单位收到的申请最多？多少件`]) {
      expect(engine.ask(q).facts[0]?.value, q).toBe(received(desc[0]));
    }
    const second = engine.ask(`${year}年收到申请第2名是谁，收到多少件`);
    expect(second.facts[0]?.value).toBe(received(truths.find((t) => placeOf(truths, t) === 2) ?? desc[1]));
    const fewest = engine.ask(`${year}年谁收到的申请最少，有多少`);
    expect(fewest.facts[0]?.value).toBe(received(desc[desc.length - 1]));
  });

  it('a place beyond the bodies ranked is said not to exist, with no number', () => {
    const a = engine.ask(`${year}年收到申请排名第${truths.length + 5}的是谁`);
    expect(a.status).toBe('not_found');
    expect(a.facts).toEqual([]);
    expect(a.text).toContain(`只有 ${truths.length} 个单位`);
  });
});

describe('a ranking around the body named (全市, 全省, 全国)', () => {
  /** A body whose city has several bodies ranked. */
  const inBigCity = () => {
    const city = (t: Truth) => t.region.slice(0, 2).join('/');
    const n = new Map<string, number>();
    for (const t of truths) if (t.region.length >= 3) n.set(city(t), (n.get(city(t)) ?? 0) + 1);
    const [best] = [...n].sort((a, b) => b[1] - a[1])[0];
    return truths.filter((t) => city(t) === best);
  };

  it('places it among its city\'s, its province\'s or every body\'s reports, as the truth files say', () => {
    const city = inBigCity();
    expect(city.length).toBeGreaterThanOrEqual(3);
    const t = [...city].sort((x, y) => received(x) - received(y))[1];
    const province = truths.filter((x) => x.region[0] === t.region[0]);
    for (const [word, among] of [['全市', city], ['全省', province], ['全国', truths]] as [string, Truth[]][]) {
      const a = engine.ask(`${t.synth.fullName}${year}年收到申请在${word}排第几`);
      const b = engine.ask(`${t.synth.fullName}${year}年申请量${word}第几`);
      expect(b.text, word).toBe(a.text);
      expect(a.status, word).toBe('answered');
      expect(a.text, word).toContain(`排第 ${placeOf(among, t)} 名（共 ${among.length} 个单位）`);
      expect(a.facts.find((f) => truthOf(f.org) === t)?.value).toBe(received(t));
      for (const f of a.facts) expect(among).toContain(truthOf(f.org));
    }
  });

  it('a place named beside the body (在江苏省排第几, 在广州各区排第几) is the region it is ranked in', () => {
    const counties = truths.filter((x) => x.synth.kind === 'government' && x.synth.level === 'county');
    const t = counties.find((x) => counties.filter((y) => y.region[0] === x.region[0]).length >= 2)!;
    const province = truths.filter((x) => x.region[0] === t.region[0]);
    const a = engine.ask(`${t.synth.fullName}${year}年收到申请在${t.region[0]}排第几`);
    expect(a.text).toContain(`排第 ${placeOf(province, t)} 名（共 ${province.length} 个单位）`);
    const tier = counties.filter((x) => x.region[0] === t.region[0]);
    const b = engine.ask(`${t.synth.fullName}${year}年收到申请在${t.region[0]}各区县排第几`);
    expect(b.text).toContain(`排第 ${placeOf(tier, t)} 名（共 ${tier.length} 个单位）`);
  });

  it('a follow-up that names only another scope (全省呢) places the same body in it', () => {
    const city = inBigCity();
    const t = [...city].sort((x, y) => received(x) - received(y))[1];
    const province = truths.filter((x) => x.region[0] === t.region[0]);
    const chat = { chat: 'scope-follow-up' };
    engine.ask(`${t.synth.fullName}${year}年收到申请在全市排第几`, chat);
    const a = engine.ask('全省呢', chat);
    expect(a.text).toContain(`排第 ${placeOf(province, t)} 名（共 ${province.length} 个单位）`);
    const b = engine.ask('那全国呢', chat);
    expect(b.text).toContain(`排第 ${placeOf(truths, t)} 名（共 ${truths.length} 个单位）`);
  });

  it('全省 with no body and no province named asks which province, with no number', () => {
    const a = engine.ask(`${year}年全省各单位收到申请排名`);
    expect(a.status).toBe('not_found');
    expect(a.facts).toEqual([]);
  });
});

describe('a ranking or total of one tier of bodies (各区县, 各部门)', () => {
  const tiers: [string, (t: Truth) => boolean][] = [
    ['各区县政府', (t) => t.synth.kind === 'government' && t.synth.level === 'county'],
    // a 中心 (public institution) counts as a department here, as the synthetic corpus names it
    ['各部门', (t) => t.synth.kind === 'department' || t.synth.kind === 'office'],
    ['各乡镇街道', (t) => t.synth.kind === 'township' || t.synth.kind === 'street'],
    ['各街道', (t) => t.synth.kind === 'street'],
    ['各乡镇', (t) => t.synth.kind === 'township'],
  ];

  it('ranks and adds up only the bodies of the tier, as the truth files say', () => {
    for (const [word, ofTier] of tiers) {
      const among = truths.filter(ofTier);
      expect(among.length, word).toBeGreaterThan(3);
      const a = engine.ask(`${year}年${word}收到申请排名`);
      expect(a.status, word).toBe('answered');
      const want = [...among].sort((x, y) => received(y) - received(x)).slice(0, 10).map(received);
      expect(a.facts.map((f) => f.value), word).toEqual(want);
      for (const f of a.facts) expect(ofTier(truthOf(f.org)), `${word}: ${f.org}`).toBe(true);
      expect(a.text, word).toContain(`共 ${among.length} 个单位`);
      const t = engine.ask(`${year}年${word}合计收到多少申请`);
      expect(t.facts[0].value, word).toBe(among.reduce((sum, x) => sum + received(x), 0));
    }
  });
});

describe('a total over a region', () => {
  const provinces = () => {
    const n = new Map<string, number>();
    for (const t of truths) n.set(t.region[0], (n.get(t.region[0]) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1]);
  };

  it('adds up the truth files of the region\'s bodies (small population), and of all bodies (whole year)', () => {
    const [prov] = provinces()[0];
    const inProv = truths.filter((t) => t.region[0] === prov);
    expect(inProv.length).toBeGreaterThan(3);
    const a = engine.ask(`${prov}${year}年各单位合计收到多少申请`);
    expect(a.status).toBe('answered');
    expect(a.facts[0].value).toBe(inProv.reduce((s, t) => s + received(t), 0));
    const all = engine.ask(`${year}年所有单位合计收到多少申请`);
    expect(all.facts[0].value).toBe(truths.reduce((s, t) => s + received(t), 0));
  });
});
