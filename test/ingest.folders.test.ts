/**
 * Folders as they are found: links that loop, named pipes, dangling links and unreadable entries in a reports
 * folder (DATA_DIR) or an ingest argument are skipped, each with a message naming it, and everything else is read.
 * Before, a loop crashed start-up and a FIFO hung it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBundled } from '../src/app.js';
import { sha256, syncFolder } from '../src/ingest/pipeline.js';
import { tempDir, testApp } from './helpers/app.js';
import { FIX } from './helpers/cases.js';
import { startCli } from './helpers/cliProcess.js';
import { ROOT } from './helpers/run.js';

const SEED = '003_d769e78216216ff0.txt';
const OTHER = '000_685b84f069dd25b5.txt';
let root: string;
let folder: string;

/**
 * reports/
 *   a.txt (a report)   sub/b.txt (a report)   sub/up -> ..   loop1 -> loop2 -> loop1   gone -> nothing
 *   pipe (FIFO)        locked/ (mode 000)     secret.txt (mode 000)
 */
beforeAll(() => {
  root = tempDir();
  chmodSync(root, 0o777); // the database is written here by a user who is not root
  folder = join(root, 'reports');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  copyFileSync(join(FIX, 'seeds', SEED), join(folder, 'a.txt'));
  copyFileSync(join(FIX, 'seeds', OTHER), join(folder, 'sub', 'b.txt'));
  symlinkSync('..', join(folder, 'sub', 'up'));
  symlinkSync('loop2', join(folder, 'loop1'));
  symlinkSync('loop1', join(folder, 'loop2'));
  symlinkSync('nothing', join(folder, 'gone'));
  execFileSync('mkfifo', [join(folder, 'pipe')]);
  mkdirSync(join(folder, 'locked'));
  copyFileSync(join(FIX, 'seeds', OTHER), join(folder, 'locked', 'c.txt'));
  copyFileSync(join(FIX, 'seeds', OTHER), join(folder, 'secret.txt'));
  chmodSync(join(folder, 'locked'), 0);
  chmodSync(join(folder, 'secret.txt'), 0);
});
afterAll(() => {
  chmodSync(join(folder, 'locked'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

// root reads any file: the command line is run as the user nobody (65534) then, when nobody can read the code
const root0 = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
const NEEDED = [join(ROOT, 'src', 'cli.ts'), join(ROOT, 'node_modules', 'tsx', 'package.json')];
const nobodyRuns = () => root0 && spawnSync(process.execPath, ['-e', NEEDED
  .map((f) => `require('fs').accessSync(${JSON.stringify(f)}, 4);`).join('')], NOBODY).status === 0;

describe('ingest of a folder with links, pipes and unreadable entries', () => {
  it('skips each of them with a message naming it, reads the reports once, and ends', async () => {
    const db = join(root, 'f.db');
    const asNobody = nobodyRuns();
    const run = startCli(['ingest', '--db', db, '--json', folder, join(folder, 'pipe')], asNobody ? NOBODY : {});
    const end = await run.done;
    expect(end.signal).toBeNull();
    expect(end.code, end.stderr).toBe(1); // not everything named could be read
    type Line = { file: string; status: string; reason?: string };
    const lines = end.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    const inFolder = (l: Line) => l.file.slice(folder.length + 1);
    const skipped = new Map(lines.filter((l) => l.status === 'skipped').map((l) => [inFolder(l), l.reason]));
    expect(skipped.get('sub/up')).toMatch(/^up is a link back to the folder .* above it/);
    expect(skipped.get('loop1')).toMatch(/^loop1 is a link that leads back to itself/);
    expect(skipped.get('loop2')).toMatch(/^loop2 is a link that leads back to itself/);
    expect(skipped.get('gone')).toMatch(/^gone is a link to nothing/);
    expect(skipped.get('pipe')).toMatch(/^pipe is a named pipe \(FIFO\)/);
    expect(lines.filter((l) => l.file.endsWith('/pipe'))).toHaveLength(2); // in the folder and named alone
    const read = lines.filter((l) => l.status !== 'skipped').map((l) => [inFolder(l), l.status]);
    if (!root0 || asNobody) {
      expect(skipped.get('locked')).toMatch(/^locked cannot be read \(permission denied\)/);
      expect(skipped.get('secret.txt')).toMatch(/^secret\.txt cannot be read \(permission denied\)/);
      expect(read).toEqual([['a.txt', 'ingested'], ['sub/b.txt', 'ingested']]);
    } else {
      // root reading as root: the mode-000 entries are read (copies of b.txt: found stored when their turn comes)
      expect(read).toEqual([['a.txt', 'ingested'], ['locked/c.txt', 'ingested'], ['secret.txt', 'unchanged'],
        ['sub/b.txt', 'unchanged']]);
    }
  }, 120_000);
});

describe('start-up over a DATA_DIR with links, pipes and unreadable entries', () => {
  it('the bundled sync skips them with their reasons and stores the reports', async () => {
    const app = testApp({ DATA_DIR: folder });
    try {
      await syncBundled(app); // resolves: no hang on the pipe, no crash on the loops
      expect(app.store.counts().reports).toBe(2);
      const again = await syncFolder(folder, app.ingest);
      const skipped = again.filter((o) => o.code === 'skipped').map((o) => o.file.slice(folder.length + 1)).sort();
      const expected = ['gone', 'loop1', 'loop2', 'pipe', 'sub/up'];
      // this process, when root, can read the mode-000 entries (copies of b.txt: stored once); another cannot
      if (!root0) expected.push('locked', 'secret.txt');
      expect(skipped).toEqual(expected.sort());
      expect(again.filter((o) => o.code !== 'skipped')).toEqual([]); // the reports are stored already
      expect(app.store.reportBySha(sha256(readFileSync(join(folder, 'a.txt'))))).toBeDefined();
    } finally {
      await app.close();
    }
  }, 120_000);
});
