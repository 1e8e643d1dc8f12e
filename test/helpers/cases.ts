/** The fixtures with hand-checked truth: each input file and the expected file it must reproduce. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIX = join(import.meta.dirname, '..', 'fixtures');

export interface Expected {
  org: string;
  year: number;
  format: string;
  published?: string;
  region?: string[];
  partial_truth?: boolean;
  active?: Record<string, Record<string, number | null>>;
  applications?: Record<string, (number | null)[]>;
  review_litigation?: Record<string, (number | null)[]>;
}

export interface Case { name: string; file: string; expected: Expected }

export function truthCases(): Case[] {
  const cases: Case[] = [];
  const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Expected;
  for (const f of readdirSync(join(FIX, 'expected'))) {
    const id = f.replace(/\.json$/, '');
    const seed = join(FIX, 'seeds', `${id}.txt`);
    const pdf = join(FIX, 'real-pdf', `${id}.pdf`);
    const file = existsSync(seed) ? seed : pdf;
    cases.push({ name: `${id} (${file.endsWith('.pdf') ? 'real PDF' : 'seed text'})`, file, expected: read(join(FIX, 'expected', f)) });
  }
  for (const dir of ['generated', 'real-text']) {
    const files = readdirSync(join(FIX, dir));
    for (const f of files.filter((x) => x.endsWith('.expected.json'))) {
      const base = f.replace(/\.expected\.json$/, '');
      for (const input of files.filter((x) => x.startsWith(`${base}.`) && /^\.(pdf|doc|docx|html|txt)$/.test(x.slice(base.length)))) {
        cases.push({ name: `${dir}/${input}`, file: join(FIX, dir, input), expected: read(join(FIX, dir, f)) });
      }
    }
  }
  // other encodings of known reports
  cases.push({ name: 'encodings/002 as GB18030 text', file: join(FIX, 'encodings', '002_7b8566f6eb984e20.gb18030.txt'), expected: read(join(FIX, 'expected', '002_7b8566f6eb984e20.json')) });
  cases.push({ name: 'encodings/panyu-2024 as GBK HTML', file: join(FIX, 'encodings', 'panyu-2024.gbk.html'), expected: read(join(FIX, 'generated', 'panyu-2024.chromium.expected.json')) });
  return cases;
}

/** Every expected cell as [id, value]. */
export function expectedCells(e: Expected): [string, number | null][] {
  const out: [string, number | null][] = [];
  const app = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other', 'total'];
  const rev = ['upheld', 'corrected', 'other', 'pending', 'total'];
  for (const [row, cols] of Object.entries(e.active ?? {})) for (const [col, v] of Object.entries(cols)) out.push([`active.${row}.${col}`, v]);
  for (const [row, vals] of Object.entries(e.applications ?? {})) vals.forEach((v, i) => out.push([`applications.${row}.${app[i]}`, v]));
  for (const [row, vals] of Object.entries(e.review_litigation ?? {})) vals.forEach((v, i) => out.push([`review_litigation.${row}.${rev[i]}`, v]));
  return out;
}

export const sameFormat = (a: string, b: string) => (a === '2021' ? '2021' : '2019') === (b === '2021' ? '2021' : '2019');
/** "上海市科学技术委员会（市科委）" and "上海市科学技术委员会" name the same body. */
export const orgKey = (s: string) => s.replace(/[（(][^）)]*[）)]$/, '');
