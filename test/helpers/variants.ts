/**
 * Distinct text reports made from the seed reports, for ingest tests and benchmarks: the seed's city is swapped
 * for another Guangdong city and its report year moved back, so each variant is another body or year (another
 * report, not a replacement) with the seed's tables and sums; no variant is a seed or a bundled report.
 * Deterministic: the same n gives the same files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIX } from './cases.js';

const CITIES = ['广州市', '深圳市', '珠海市', '汕头市', '佛山市', '江门市', '湛江市',
  '茂名市', '肇庆市', '惠州市', '梅州市', '汕尾市', '河源市', '阳江市',
  '清远市', '东莞市', '中山市', '潮州市', '揭阳市', '云浮市', '韶关市'];

/** Seeds whose body is named with a city, that city, and the years a copy may be moved to (seed 001 is seed 000's
 * body in 2020: 000 is not moved to 2020). */
const SEEDS: { file: string; city: string; year: number; years: number[] }[] = [
  { file: '000_685b84f069dd25b5.txt', city: '广州市', year: 2024, years: [2024, 2023, 2022, 2021, 2019] },
  { file: '002_7b8566f6eb984e20.txt', city: '广州市', year: 2024, years: [2024, 2023, 2022, 2021, 2019] },
  { file: '003_d769e78216216ff0.txt', city: '韶关市', year: 2024, years: [2024, 2023, 2022, 2021, 2019] },
  { file: '001_eac659b3405373d8.txt', city: '广州市', year: 2020, years: [2020] },
];

export interface Variant { name: string; text: string; city: string; year: number; seed: string }

/** A seed's text for another city and year (the year after the report year moves with it: publication dates). */
function variant(text: string, seed: (typeof SEEDS)[number], city: string, year: number): string {
  const t = text.replaceAll(seed.city, city);
  const to = new Map([[String(seed.year), String(year)], [String(seed.year + 1), String(year + 1)]]);
  return year === seed.year ? t : t.replace(new RegExp([...to.keys()].join('|'), 'g'), (m) => to.get(m)!);
}

/** The first `n` variants (at most 332; never a seed itself): every city for each seed in turn, then the next year. */
export function distinctReports(n: number): Variant[] {
  const texts = SEEDS.map((s) => readFileSync(join(FIX, 'seeds', s.file), 'utf8'));
  const all: Variant[] = [];
  for (let y = 0; y < 5; y++) {
    for (const city of CITIES) {
      SEEDS.forEach((s, i) => {
        if (y >= s.years.length) return;
        const year = s.years[y];
        if (city === s.city && year === s.year) return; // the seed itself
        const name = `${String(all.length).padStart(4, '0')}_${s.file.slice(0, 3)}_${year}.txt`;
        all.push({ name, text: variant(texts[i], s, city, year), city, year, seed: s.file });
      });
    }
  }
  if (n > all.length) throw new Error(`only ${all.length} distinct variants can be made, ${n} asked`);
  return all.slice(0, n);
}

/** Write the first `n` variants into `dir`; returns their paths. */
export function writeDistinctReports(dir: string, n: number): string[] {
  return distinctReports(n).map((v) => {
    const p = join(dir, v.name);
    writeFileSync(p, v.text);
    return p;
  });
}
