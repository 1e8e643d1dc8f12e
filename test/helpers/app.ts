/** A throwaway app on a temporary database, for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { makeLogger } from '../../src/log.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-'));
}

export function testApp(env: Record<string, string> = {}): App & { dir: string } {
  const dir = tempDir();
  const config = loadConfig({ DB_PATH: join(dir, 'test.db'), LOG_LEVEL: 'silent', ...env });
  const app = openApp(config, makeLogger('silent'));
  const close = app.close;
  return Object.assign(app, { dir, close: async () => { await close(); rmSync(dir, { recursive: true, force: true }); } });
}
