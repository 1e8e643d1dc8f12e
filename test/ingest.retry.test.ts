/**
 * A timeout, a crash or the reader running out of memory is no verdict on the file: it is tried again at the
 * next start or ingest. Refusals about the content stick (until the parser version changes).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { isTransient } from '../src/ingest/errors.js';
import { ingestFile, sha256, syncFolder, type IngestContext } from '../src/ingest/pipeline.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';
import { truth, XZB24 } from './helpers/engine.js';

let app: App & { dir: string };
let folder: string;
const runners: ExtractRunner[] = [];
/** The app's store with a runner of its own limits. */
const withRunner = (opts: ConstructorParameters<typeof ExtractRunner>[0]): IngestContext => {
  const runner = new ExtractRunner(opts);
  runners.push(runner);
  return { ...app.ingest, runner };
};

beforeAll(() => {
  app = testApp();
  folder = join(app.dir, 'reports');
  mkdirSync(folder);
});
afterAll(async () => {
  for (const r of runners) await r.close();
  await app.close();
});

describe('transient failures are tried again', () => {
  it('a timeout is not remembered as a refusal: the next sync ingests the file', async () => {
    const file = join(folder, `${XZB24}.txt`);
    copyFileSync(join(FIX, 'seeds', `${XZB24}.txt`), file);
    const o = await ingestFile(file, withRunner({ timeoutMs: 1, maxPages: 100 }));
    expect(o.status).toBe('rejected');
    expect(o.code).toBe('timeout');
    expect(o.reason).toMatch(/took longer than 1 ms/);
    expect(o.reason).toMatch(/tried again/);
    const sha = sha256(readFileSync(file));
    expect(app.store.source(sha)?.status).toBe('failed');
    expect(app.store.reportBySha(sha)).toBeUndefined();

    const again = await syncFolder(folder, app.ingest);
    const mine = again.find((x) => x.file === file);
    expect(mine?.status).toBe('ingested');
    expect(mine?.report?.org).toBe(truth(XZB24).org);
    expect(app.store.source(sha)?.status).toBe('ingested');
  });

  it('the reader running out of memory is transient too, unlike a file over the size limit', async () => {
    const pdf = join(FIX, 'generated', 'panyu-2024.pdf');
    const oom = await ingestFile(pdf, withRunner({ timeoutMs: 60_000, maxPages: 100, maxOldGenerationMb: 8 }));
    expect(oom.status).toBe('rejected');
    expect(oom.code).toBe('out_of_memory');
    expect(app.store.source(sha256(readFileSync(pdf)))?.status).toBe('failed');
    const big = await ingestFile(pdf, { ...app.ingest, maxBytes: 1000 });
    expect(big.code).toBe('too_large'); // refused before it is read: nothing to remember, the limit decides
  });
});

describe('refusals about the content stick', () => {
  it('transient: timeout, crash, out of memory, internal; content refusals are not', () => {
    for (const code of ['timeout', 'crashed', 'out_of_memory', 'internal']) expect(isTransient(code), code).toBe(true);
    for (const code of ['not_a_report', 'incomplete', 'no_title', 'needs_ocr', 'encrypted', 'corrupt', 'bad_font',
      'unsupported_type', 'empty', 'too_large', 'legacy_doc']) expect(isTransient(code), code).toBe(false);
  });

  it('a file with no tables and a corrupt PDF are refused once, then skipped by the next sync', async () => {
    const noTables = join(folder, 'no-tables.txt');
    const seed = readFileSync(join(FIX, 'seeds', `${XZB24}.txt`), 'utf8');
    writeFileSync(noTables, seed.slice(0, seed.indexOf('二、主动公开政府信息情况')));
    const garbage = join(folder, 'bad-garbage.pdf');
    copyFileSync(join(FIX, 'generated', 'bad-garbage.pdf'), garbage);

    const first = await syncFolder(folder, app.ingest);
    expect(first.find((x) => x.file === noTables)).toMatchObject({ status: 'rejected', code: 'incomplete' });
    expect(first.find((x) => x.file === garbage)).toMatchObject({ status: 'rejected', code: 'corrupt' });
    expect(app.store.source(sha256(readFileSync(noTables)))?.status).toBe('rejected');

    const second = await syncFolder(folder, app.ingest);
    expect(second.map((x) => x.file)).not.toContain(noTables);
    expect(second.map((x) => x.file)).not.toContain(garbage);
  });
});
