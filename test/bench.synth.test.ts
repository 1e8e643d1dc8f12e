/**
 * The synthetic corpus generator (bench/synth): deterministic, its truth satisfies the template's identities, and
 * its reports read back through the real pipeline cell for cell, each placed in its region, including same-name
 * places printed without their city (placed by the address the text gives).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { ingestFile } from '../src/ingest/pipeline.js';
import { differences } from '../bench/synth/check.js';
import { generate, type SynthReport, type Truth } from '../bench/synth/corpus.js';
import { testApp } from './helpers/app.js';

const SEED = 7;
const all = [...generate(400, SEED)];
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Broken identities of a truth file (report-format.md, rules 1–4). */
function broken(t: Truth): string[] {
  const a = t.applications;
  const out: string[] = [];
  for (const [row, vs] of Object.entries(a)) if (sum(vs.slice(0, 6)) !== vs[6]) out.push(`rule 2: ${row}`);
  const notResults = ['new_received', 'carried_over', 'total_processed', 'carried_forward'];
  const results = Object.keys(a).filter((k) => !notResults.includes(k));
  for (let c = 0; c < 7; c++) {
    const rule1 = a.new_received[c] + a.carried_over[c] === a.total_processed[c] + a.carried_forward[c];
    if (!rule1) out.push(`rule 1: column ${c}`);
    if (sum(results.map((k) => a[k][c])) !== a.total_processed[c]) out.push(`rule 3: column ${c}`);
  }
  for (const [g, vs] of Object.entries(t.review_litigation)) {
    if (sum(vs.slice(0, 4)) !== vs[4]) out.push(`rule 4: ${g}`);
  }
  return out;
}

/** Two reports printing the same short name for places in different provinces, then a spread over every feature. */
function sample(reports: SynthReport[], size: number): SynthReport[] {
  const short = reports.filter((r) => r.truth.synth.short && r.truth.synth.sameName
    && r.truth.synth.level === 'county');
  const apart = (x: SynthReport, y: SynthReport) =>
    x.truth.org === y.truth.org && x.truth.region[0] !== y.truth.region[0];
  const a = short.find((r) => short.some((s) => apart(r, s)))!;
  const b = short.find((s) => apart(a, s))!;
  const picked = [a, b];
  const seen = new Set<string>();
  const features = (t: Truth) => [
    `format:${t.format}`, `level:${t.synth.level}`, `kind:${t.synth.kind}`, `layout:${t.synth.layout}`,
    `blank:${t.synth.blank}`, `short:${t.synth.short}`, `other:${'other_total' in t.applications}`,
    `${t.synth.layout}:${t.format}`,
  ];
  for (const r of reports) {
    if (picked.length >= size) break;
    if (picked.includes(r) || features(r.truth).every((f) => seen.has(f))) continue;
    features(r.truth).forEach((f) => seen.add(f));
    picked.push(r);
  }
  // the rest spread over the corpus, one report a body
  const bodies = new Set(picked.map((r) => r.truth.synth.fullName));
  const step = Math.max(1, Math.floor(reports.length / (size - picked.length + 1)));
  for (let i = step; i < reports.length && picked.length < size; i += step) {
    const r = reports.slice(i).find((x) => !bodies.has(x.truth.synth.fullName));
    if (!r) break;
    bodies.add(r.truth.synth.fullName);
    picked.push(r);
  }
  return picked;
}

describe('the generator', () => {
  it('is deterministic: the same seed gives the same reports, a smaller corpus is the start of a larger one', () => {
    const again = [...generate(400, SEED)];
    expect(again.map((r) => r.text)).toEqual(all.map((r) => r.text));
    expect([...generate(25, SEED)].map((r) => r.file)).toEqual(all.slice(0, 25).map((r) => r.file));
    expect([...generate(25, SEED + 1)].map((r) => r.text)).not.toEqual(all.slice(0, 25).map((r) => r.text));
  });

  it('writes numbers that satisfy the identities, with one report per body and year', () => {
    expect(all.flatMap((r) => broken(r.truth).map((x) => `${r.file} ${x}`))).toEqual([]);
    const keys = all.map((r) => `${r.truth.region.join('/')}|${r.truth.synth.fullName}|${r.truth.year}`);
    expect(new Set(keys).size).toBe(all.length);
    expect(new Set(all.map((r) => r.file)).size).toBe(all.length);
  });

  it('spans the years, both templates, every level, kind and layout, and same-name places', () => {
    const t = all.map((r) => r.truth);
    expect(new Set(t.map((x) => x.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    expect(new Set(t.map((x) => x.format))).toEqual(new Set(['2019', '2021']));
    expect(new Set(t.map((x) => x.synth.level))).toEqual(new Set(['province', 'city', 'county', 'town']));
    const kinds = ['government', 'office', 'department', 'township', 'street'];
    expect(new Set(t.map((x) => x.synth.kind))).toEqual(new Set(kinds));
    expect(new Set(t.map((x) => x.synth.layout))).toEqual(new Set(['tabs', 'spaces', 'cells', 'pipes']));
    expect(t.some((x) => x.synth.short && x.synth.sameName)).toBe(true);
  });

  it('titles every report in the standard form <body><year>年政府信息公开工作年度报告', () => {
    const off = all.filter((r) => !r.text.replace(/\s+/g, '').startsWith(`${r.truth.org}${r.truth.year}年政府信息公开工作年度报告`));
    expect(off.map((r) => r.file)).toEqual([]);
  });
});

describe('30 generated reports through the real pipeline', () => {
  let app: App & { dir: string };
  beforeAll(() => { app = testApp(); });
  afterAll(async () => { await app.close(); });
  const picked = sample(all, 30);

  it('the sample mixes templates, kinds and layouts and holds two same-name places in different provinces', () => {
    const t = picked.map((r) => r.truth);
    expect(t).toHaveLength(30);
    expect(new Set(t.map((x) => x.format)).size).toBe(2);
    expect(new Set(t.map((x) => x.synth.kind)).size).toBe(5);
    expect(new Set(t.map((x) => x.synth.layout)).size).toBe(4);
    expect(t[0].org).toBe(t[1].org);
    expect(t[0].region[0]).not.toBe(t[1].region[0]);
  });

  for (const [i, r] of picked.entries()) {
    const s = r.truth.synth;
    const how = `${s.level} ${s.kind}, ${s.layout}${s.blank ? ', blank zeros' : ''}${s.short ? ', short name' : ''}`;
    it(`${i + 1}. ${r.truth.org} ${r.truth.year} (${r.truth.format}, ${how})`, async () => {
      const path = join(app.dir, r.file);
      writeFileSync(path, r.text);
      const o = await ingestFile(path, app.ingest);
      expect(o.status, o.reason).toMatch(/^(ingested|replaced)$/);
      expect(differences(o.report!, r.truth)).toEqual([]);
      expect(o.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    });
  }
});
