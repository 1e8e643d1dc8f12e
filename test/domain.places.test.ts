/**
 * Place resolution over a corpus (test/corpus/places.jsonl: name + evidence → region path) and a must-not corpus
 * (places-ambiguous.jsonl: same-name places without evidence stay unplaced), plus the data tables themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer, placeAliases, shortName } from '../src/domain/gazetteer.js';
import { bodyKey, bodyName, bodyStem, restOf } from '../src/domain/identity.js';
import { AREA_CODES, POSTAL_CITIES, POSTAL_PROVINCES } from '../src/domain/placeCodes.js';
import { correctPlaceName, placeBody } from '../src/ingest/place.js';

interface Case { name: string; text: string; region?: string[]; status?: string; note?: string }
const corpus = (f: string): Case[] => readFileSync(join(import.meta.dirname, 'corpus', f), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);

describe('place corpus: name + evidence → region path', () => {
  for (const c of corpus('places.jsonl')) {
    it(`${c.name} ${c.text.slice(0, 24)}`, () => {
      const r = placeBody(c.name, c.text);
      expect(r.region).toEqual(c.region);
      expect(r.placement.status).toBe('placed');
      // what decided it is named
      expect(r.placement.evidence.some((e) => e.decided)).toBe(true);
    });
  }
});

describe('must-not corpus: same-name places without evidence stay unplaced', () => {
  for (const c of corpus('places-ambiguous.jsonl')) {
    it(`${c.name} ${c.text.slice(0, 24)}`, () => {
      const r = placeBody(c.name, c.text);
      expect(r.region).toBeNull();
      expect(r.placement.status).toBe(c.status);
      if (c.status === 'ambiguous') expect(r.placement.candidates.length).toBeGreaterThan(1);
    });
  }
});

describe('short names and levels', () => {
  it('short forms of autonomous areas', () => {
    expect(shortName('延边朝鲜族自治州')).toBe('延边');
    expect(placeAliases('凉山彝族自治州')).toEqual(expect.arrayContaining(['凉山', '凉山州']));
    expect(placeAliases('鄂伦春自治旗')).toEqual(expect.arrayContaining(['鄂伦春', '鄂伦春旗']));
    expect(shortName('湘西土家族苗族自治州')).toBe('湘西');
    expect(shortName('内蒙古自治区')).toBe('内蒙古');
    expect(shortName('万柏林区')).toBe('万柏林');
    expect(shortName('城区')).toBe('城区');
  });

  it('no place appears twice in its own path (东莞, 中山, 儋州, 嘉峪关)', () => {
    for (const p of gazetteer().places) expect(new Set(p.path).size, p.path.join('/')).toBe(p.path.length);
    for (const n of ['东莞市', '中山市', '儋州市', '嘉峪关市']) expect(gazetteer().lookup(n).map((p) => p.level)).toEqual(['city']);
  });
});

describe('identity keys', () => {
  const key = (org: string) => { const r = placeBody(org, ''); return bodyKey(org, r.region, r.placement, 'sha:x'); };
  it('the same body named differently is one key; 政府 / 政府办公室 / a department / a street are not', () => {
    expect(key('洪泽区人民政府')).toBe(key('淮安市洪泽区人民政府'));
    expect(key('沭阳县政府')).toBe(key('沭阳县人民政府'));
    expect(key('延边州人民政府')).toBe(key('延边朝鲜族自治州人民政府'));
    expect(key('上海市科学技术委员会（市科委）')).toBe(key('上海市科学技术委员会'));
    const distinct = ['沭阳县人民政府', '沭阳县人民政府办公室', '沭阳县发展和改革局', '广州市荔湾区人民政府',
      '广州市荔湾区人民政府南源街道办事处'];
    expect(new Set(distinct.map(key)).size).toBe(distinct.length);
    expect(restOf('广州市荔湾区人民政府南源街道办事处', ['广东省', '广州市', '荔湾区', '南源街道'])).toBe('办事处');
  });

  it('an unplaced body is marked, keyed by its source, and shares its stem with the placed ones', () => {
    const r = placeBody('鼓楼区人民政府', '');
    expect(bodyName('鼓楼区人民政府', r.region, r.placement)).toBe('鼓楼区人民政府（地区未定）');
    const k = (sha: string) => bodyKey('鼓楼区人民政府', r.region, r.placement, sha);
    expect(k('sha:a')).not.toBe(k('sha:b'));
    const nj = placeBody('鼓楼区人民政府', '地址：南京市鼓楼区');
    expect(bodyStem('鼓楼区人民政府', r.region, r.placement)).toBe(bodyStem('鼓楼区人民政府', nj.region, nj.placement));
    expect(bodyName('鼓楼区人民政府', nj.region, nj.placement)).toBe('南京市鼓楼区人民政府');
    const hz = placeBody('洪泽区人民政府', '');
    expect(bodyName('洪泽区人民政府', hz.region, hz.placement)).toBe('洪泽区人民政府'); // the only 洪泽区
  });
});

describe('OCR correction without the file name', () => {
  it('沐阳县 is read as 沭阳县 (OCR confusion 沐/沭), and by the report\'s evidence', () => {
    expect(correctPlaceName('沐阳县人民政府', '')).toEqual({ from: '沐阳县', to: '沭阳县' });
    expect(correctPlaceName('沐阳县人民政府', '电话：0527-88888888')).toEqual({ from: '沐阳县', to: '沭阳县' });
    expect(correctPlaceName('沭阳县人民政府', '')).toBeNull();
  });
});

describe('the code tables name gazetteer places', () => {
  const g = gazetteer();
  const tables = { POSTAL_PROVINCES, POSTAL_CITIES, AREA_CODES };
  for (const [table, rows] of Object.entries(tables)) {
    it(table, () => {
      const missing = Object.entries(rows).flatMap(([code, names]) => names.split(' ')
        .filter((n) => g.lookup(n).filter((p) => p.name === n).length !== 1).map((n) => `${code} ${n}`));
      expect(missing).toEqual([]);
    });
  }
  it('area codes have three digits (01x, 02x) or four', () => {
    for (const code of Object.keys(AREA_CODES)) expect(code, code).toMatch(/^0(?:[12]\d|[3-9]\d{2})$/);
  });
});
