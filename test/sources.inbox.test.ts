/**
 * The inbox folder: a dropped report is ingested and moved to reports/; a broken file goes to rejected/ with its
 * reason; a file written slowly is read only when complete; a transient failure leaves the file in the inbox to
 * be tried again; names already taken in reports/ and rejected/ are not overwritten.
 */
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import type { IngestContext } from '../src/ingest/pipeline.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { startInbox, type InboxHandle, type InboxOutcome } from '../src/sources/inbox.js';
import { testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';
import { truth as seedTruth, WUJIANG } from './helpers/engine.js';
import { waitFor } from './sources.site.js';

const GEN = join(FIX, 'generated');
const truth = (name: string) =>
  JSON.parse(readFileSync(join(GEN, `${name}.expected.json`), 'utf8')) as { org: string; year: number };

let app: App & { dir: string };
let inbox: InboxHandle;
let ingest: IngestContext;
const seen: InboxOutcome[] = [];
const dirs = { dir: '', reportsDir: '', rejectedDir: '' };
const list = (d: string) => readdirSync(d).sort();
const outcomesOf = (name: string) => seen.filter((o) => o.file.endsWith(`/${name}`));

beforeAll(async () => {
  app = testApp({ DATA_DIR: '' });
  dirs.dir = join(app.dir, 'inbox');
  dirs.reportsDir = join(app.dir, 'reports');
  dirs.rejectedDir = join(app.dir, 'rejected');
  // the ingest context is the app's, its runner swapped in one test
  ingest = { ...app.ingest };
  inbox = startInbox({ ...app, ingest }, {
    ...dirs, stabilityMs: 1000, pollMs: 50, retryMs: 200, maxRetries: 3, onOutcome: (o) => seen.push(o),
  });
  await inbox.ready;
});
afterAll(async () => { await inbox.close(); await app.close(); });

describe('the inbox folder', () => {
  it('a dropped report is ingested and moved to reports/', async () => {
    copyFileSync(join(PROJECT_ROOT, 'data', 'reports', `${WUJIANG}.txt`), join(dirs.dir, `${WUJIANG}.txt`));
    await waitFor(() => outcomesOf(`${WUJIANG}.txt`).length > 0);
    expect(outcomesOf(`${WUJIANG}.txt`).map((o) => o.status)).toEqual(['ingested']);
    expect(list(dirs.dir)).toEqual([]);
    expect(list(dirs.reportsDir)).toEqual([`${WUJIANG}.txt`]);
    const [r] = app.store.activeReports();
    expect(app.store.bodies().find((b) => b.id === r.body_id)?.name).toBe(seedTruth(WUJIANG).org);
    expect(r.year).toBe(seedTruth(WUJIANG).year);
    expect(r.source_url).toBeNull();
  });

  it('a broken file goes to rejected/ with <name>.reason.txt; nothing is stored', async () => {
    copyFileSync(join(GEN, 'bad-truncated-1k.pdf'), join(dirs.dir, 'report.pdf'));
    await waitFor(() => outcomesOf('report.pdf').length > 0);
    const [o] = outcomesOf('report.pdf');
    expect(o).toMatchObject({ status: 'rejected', movedTo: join(dirs.rejectedDir, 'report.pdf') });
    expect(list(dirs.rejectedDir)).toEqual(['report.pdf', 'report.pdf.reason.txt']);
    const reason = readFileSync(join(dirs.rejectedDir, 'report.pdf.reason.txt'), 'utf8');
    expect(reason).toContain(outcomesOf('report.pdf')[0].outcome.reason);
    expect(reason).toMatch(/^report\.pdf .+\ncode: corrupt\n/);
    expect(app.store.counts().reports).toBe(1);
  });

  it('names already taken are not overwritten: the next one is name-2', async () => {
    copyFileSync(join(GEN, 'bad-empty.pdf'), join(dirs.dir, 'report.pdf'));
    copyFileSync(join(GEN, 'wujiang-2024.docx'), join(dirs.dir, `${WUJIANG}.txt`));
    await waitFor(() => outcomesOf('report.pdf').length > 1 && outcomesOf(`${WUJIANG}.txt`).length > 1);
    expect(list(dirs.rejectedDir))
      .toEqual(['report-2.pdf', 'report-2.pdf.reason.txt', 'report.pdf', 'report.pdf.reason.txt']);
    expect(readFileSync(join(dirs.rejectedDir, 'report-2.pdf.reason.txt'), 'utf8')).toMatch(/code: empty/);
    expect(readFileSync(join(dirs.rejectedDir, 'report.pdf.reason.txt'), 'utf8')).toMatch(/code: corrupt/);
    // a DOCX of the same report under the text file's name: stored (the type comes from the content), kept as -2
    expect(outcomesOf(`${WUJIANG}.txt`)[1].status).toBe('replaced');
    expect(list(dirs.reportsDir)).toEqual([`${WUJIANG}-2.txt`, `${WUJIANG}.txt`]);
    expect(readFileSync(join(dirs.reportsDir, `${WUJIANG}-2.txt`)).subarray(0, 2).toString()).toBe('PK');
  });

  it('a file written slowly in chunks is read once, when complete', async () => {
    const bytes = readFileSync(join(GEN, 'panyu-2024.docx'));
    const path = join(dirs.dir, 'panyu-2024.docx');
    // every read of the file by the extractor, by its size
    const reads: number[] = [];
    const real = app.ingest.runner;
    const run: ExtractRunner['run'] = (buf, ...rest) => { reads.push(buf.length); return real.run(buf, ...rest); };
    ingest.runner = { run } as ExtractRunner;
    const fd = openSync(path, 'w');
    const parts = 6;
    for (let i = 0; i < parts; i++) {
      const from = Math.floor((bytes.length * i) / parts), to = Math.floor((bytes.length * (i + 1)) / parts);
      writeSync(fd, bytes, from, to - from);
      await new Promise((r) => setTimeout(r, 100)); // well under the 1 s the size must hold still
    }
    closeSync(fd);
    await waitFor(() => outcomesOf('panyu-2024.docx').length > 0);
    await new Promise((r) => setTimeout(r, 600));
    ingest.runner = real;
    expect(reads).toEqual([bytes.length]);
    expect(outcomesOf('panyu-2024.docx').map((o) => o.status)).toEqual(['ingested']);
    expect(outcomesOf('panyu-2024.docx')[0].outcome.report?.org).toBe(truth('panyu-2024').org);
    expect(readFileSync(join(dirs.reportsDir, 'panyu-2024.docx')).equals(bytes)).toBe(true);
  });

  it('a transient failure (a time-out) leaves the file in the inbox; it is tried again and goes in', async () => {
    const quick = new ExtractRunner({ timeoutMs: 1, maxPages: 100 });
    ingest.runner = quick;
    try {
      copyFileSync(join(GEN, 'jinlin-2024.docx'), join(dirs.dir, 'jinlin-2024.docx'));
      await waitFor(() => outcomesOf('jinlin-2024.docx').length >= 2);
      expect(new Set(outcomesOf('jinlin-2024.docx').map((o) => o.status))).toEqual(new Set(['retry']));
      expect(outcomesOf('jinlin-2024.docx')[0].outcome.code).toBe('timeout');
      expect(list(dirs.dir)).toEqual(['jinlin-2024.docx']);
      expect(existsSync(join(dirs.rejectedDir, 'jinlin-2024.docx'))).toBe(false);
    } finally {
      ingest.runner = app.ingest.runner;
      await quick.close();
    }
    await waitFor(() => outcomesOf('jinlin-2024.docx').some((o) => o.status === 'ingested'));
    expect(list(dirs.dir)).toEqual([]);
    expect(list(dirs.reportsDir)).toContain('jinlin-2024.docx');
    expect(outcomesOf('jinlin-2024.docx').at(-1)?.outcome.report?.org).toBe(truth('jinlin-2024').org);
  });

  it('hidden files and partial downloads are left alone', async () => {
    copyFileSync(join(GEN, 'bad-empty.pdf'), join(dirs.dir, '.hidden.pdf'));
    copyFileSync(join(GEN, 'bad-empty.pdf'), join(dirs.dir, 'big.pdf.crdownload'));
    await new Promise((r) => setTimeout(r, 800));
    expect(list(dirs.dir)).toEqual(['.hidden.pdf', 'big.pdf.crdownload']);
    expect(seen.filter((o) => /hidden|crdownload/.test(o.file))).toEqual([]);
  });
});
