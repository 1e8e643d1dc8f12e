/**
 * The number a corpus line expects, read from its truth file (test/fixtures/expected/<file>.json) through a
 * cell key ("applications.new_received.total") or a small formula over keys ("(a + b) / c").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from '../../src/ingest/template.js';
import { FIX } from './cases.js';

export interface Expect { file: string; key?: string; expr?: string; unit?: string }

interface Truth {
  org: string; year: number; region?: string[];
  active: Record<string, Record<string, number | null>>;
  applications: Record<string, (number | null)[]>;
  review_litigation: Record<string, (number | null)[]>;
}

const cache = new Map<string, Truth>();
function truthOf(file: string): Truth {
  let t = cache.get(file);
  if (!t) {
    t = JSON.parse(readFileSync(join(FIX, 'expected', `${file}.json`), 'utf8')) as Truth;
    cache.set(file, t);
  }
  return t;
}

export function cellOf(t: Truth, key: string): number {
  const [table, row, col] = key.split('.');
  const v = table === 'active' ? t.active[row]?.[col]
    : table === 'applications' ? t.applications[row]?.[APPLICANT_COLUMNS.indexOf(col as never)]
      : t.review_litigation[row]?.[REVIEW_COLUMNS.indexOf(col as never)];
  if (typeof v !== 'number') throw new Error(`no number for ${key} in the truth file`);
  return v;
}

/** Evaluate "+ - * / ( )" over cell keys: a tiny recursive-descent reader, no eval. */
function evaluate(t: Truth, expr: string): number {
  const tokens = expr.match(/[a-z_]+\.[a-z_]+\.[a-z_0-9]+|\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const atom = (): number => {
    const tok = tokens[i++];
    if (tok === '(') { const v = sum(); i++; return v; }
    if (/^\d/.test(tok)) return Number(tok);
    return cellOf(t, tok);
  };
  const product = (): number => {
    let v = atom();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * atom() : v / atom();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

export function expectedValue(e: Expect): { value: number; org: string; short: string; year: number } {
  const t = truthOf(e.file);
  const value = e.key ? cellOf(t, e.key) : evaluate(t, e.expr!);
  const short = t.region?.length ? t.region[t.region.length - 1] : t.org;
  return { value, org: t.org, short, year: t.year };
}
