/** Reports of a body whose place only the report's evidence tells: seed 002 with every word of its place removed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { FIX } from './cases.js';
import { PANYU } from './engine.js';

const SEED = readFileSync(join(FIX, 'seeds', `${PANYU}.txt`), 'utf8');

/** Seed 002 (番禺区 2024) as a 2023 report of `org` without a word of its place, plus `tail`. */
export function placelessReport(org: string, tail: string): string {
  const body = SEED
    .replace(/广州市番禺区人民政府\s*2024\s*年/, '\u0000TITLE\u0000')
    .replaceAll('广州市番禺区人民政府', '\u0000ORG\u0000')
    .replaceAll('番禺区', '本区').replaceAll('番禺', '本区').replaceAll('广州市', '本市').replaceAll('广州', '本市')
    .replace(/2025(\s*)年/g, '2024$1年').replace(/2024(\s*)年/g, '2023$1年')
    .replace('\u0000TITLE\u0000', `${org}2023年`).replaceAll('\u0000ORG\u0000', org);
  return `${body}\n${tail}\n`;
}

/** A file in the app's folder. */
export function writeIn(app: App & { dir: string }, name: string, text: string): string {
  const p = join(app.dir, name);
  writeFileSync(p, text);
  return p;
}

/** A stored report and its body. */
export function reportAndBody(app: App, reportId: number) {
  const report = app.store.reportById(reportId)!;
  return { report, body: app.store.bodies().find((b) => b.id === report.body_id)! };
}
