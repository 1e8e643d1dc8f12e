/** An engine over the bundled reports on a temporary database, with a fixed clock (2025-06-01, China time). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncBundled, type App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { QueryEngine } from '../../src/query/engine.js';
import { ingestFile, type IngestOutcome } from '../../src/ingest/pipeline.js';
import { testApp } from './app.js';
import { FIX } from './cases.js';

export const NOW = new Date('2025-06-01T12:00:00+08:00');

export async function bundledEngine(): Promise<{ app: App & { dir: string }; engine: QueryEngine }> {
  const app = testApp({ DATA_DIR: join(PROJECT_ROOT, 'data', 'reports') });
  await syncBundled(app);
  return { app, engine: new QueryEngine(app.store, () => NOW) };
}

/** Hand-checked truth of a bundled report (../shared/expected, copied to test/fixtures/expected). */
export function truth(id: string): { org: string; year: number; applications: Record<string, number[]>; review_litigation: Record<string, number[]>; active: Record<string, Record<string, number>>; published?: string } {
  return JSON.parse(readFileSync(join(FIX, 'expected', `${id}.json`), 'utf8'));
}
export const PANYU = '002_7b8566f6eb984e20';
export const XZB24 = '000_685b84f069dd25b5';
export const XZB20 = '001_eac659b3405373d8';
export const WUJIANG = '003_d769e78216216ff0';
export const JINLIN = '004_67ee20e95a2da50e';

/** A seed report with its text edited (another body, a longer section …), ingested into the app. */
export async function ingestVariant(app: App & { dir: string }, seed: string, edit: (text: string) => string, name: string): Promise<IngestOutcome> {
  const file = join(app.dir, name);
  writeFileSync(file, edit(readFileSync(join(FIX, 'seeds', `${seed}.txt`), 'utf8')));
  return ingestFile(file, app.ingest);
}

/** Seed 002 as if published by the district government's office: a second body in 番禺区. */
export const asPanyuOffice = (t: string) => t.replace('广州市番禺区人民政府 2024 年', '广州市番禺区人民政府办公室 2024 年');
