/** The way a deployment runs: `npm start` as a real process, against the fake Bot API; and the console chat. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/app.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';
import { freePort, startMain, waitForText } from './helpers/mainProcess.js';
import { ROOT } from './helpers/run.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function npmStart(env: Record<string, string>): ChildProcess {
  // ENV_FILE empty: a developer's .env does not leak into the tests
  const env2: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ENV_FILE: '', ...env };
  delete env2.BOT_TOKEN;
  // its own process group, so a signal reaches npm and the app under it, as Ctrl-C or a service manager does
  return spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...env2, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
}

const signalGroup = (p: ChildProcess, sig: NodeJS.Signals) => { try { process.kill(-p.pid!, sig); } catch { /* already gone */ } };

// 'close' waits for every process holding the pipes (npm, tsx and the app) to finish
const exited = (p: ChildProcess) => new Promise<number>((r) => p.on('close', (code, signal) => r(code ?? (signal ? 128 : -1))));

describe('npm start', () => {
  it('with BOT_TOKEN it runs the bot: a question through the real process gets the right answer', async () => {
    const api = await new FakeBotApi().start();
    const dir = tempDir();
    dirs.push(dir);
    const proc = npmStart({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DB_PATH: join(dir, 'bot.db'), LOG_LEVEL: 'info' });
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    try {
      await api.waitFor((c) => c.method === 'setMyCommands', 60_000);
      api.sendText({ id: 77, type: 'private' }, { id: 77, is_bot: false, first_name: 'U' }, '番禺2024年收到多少政府信息公开申请？');
      const c = await api.waitFor((x) => x.method === 'sendMessage' && Number(x.payload.chat_id) === 77, 30_000);
      expect(c.payload.text).toContain('广州市番禺区人民政府 2024 年');
      expect(c.payload.text).toContain('1774');
    } finally {
      signalGroup(proc, 'SIGTERM');
      await exited(proc);
      await api.stop();
    }
    // the app stops polling, finishes in-flight work, closes the database and says so
    expect(stderr, stderr).toMatch(/"msg":"stopped"/);
    expect(stderr).toMatch(/shutting down/);
    if (stderr.includes('"level":50')) throw new Error(stderr);
  }, 120_000);

  it('without BOT_TOKEN it opens the console chat over the bundled reports (stdin/stdout), with follow-ups', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const proc = npmStart({ DB_PATH: join(dir, 'console.db') });
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stdin!.end('番禺2024年收到多少政府信息公开申请？\n洪泽区2024年收到多少申请\n那2023年呢\n');
    const code = await exited(proc);
    expect(code).toBe(0);
    expect(out).toContain('BOT_TOKEN');
    expect(out).toContain('广州市番禺区人民政府 2024 年新收政府信息公开申请 1774 件');
    expect(out).toContain('淮安市洪泽区人民政府 2023 年新收政府信息公开申请 21 件');
  }, 120_000);

  it('.env is read (ENV_FILE names it here); variables already set win', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'test.env');
    // RATE_LIMIT_PER_MINUTE=0 in the file would be refused: the value already set wins
    writeFileSync(file, `# settings\nDB_PATH=${join(dir, 'from-env-file.db')}\nRATE_LIMIT_PER_MINUTE=0\n`);
    const proc = npmStart({ ENV_FILE: file, RATE_LIMIT_PER_MINUTE: '5', DATA_DIR: join(dir, 'none') });
    proc.stdin!.end('exit\n');
    expect(await exited(proc)).toBe(0);
    expect(existsSync(join(dir, 'from-env-file.db'))).toBe(true);
  }, 60_000);

  it('WEBHOOK_URL without WEBHOOK_SECRET is refused', async () => {
    const env = { BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', WEBHOOK_URL: 'https://example.org/hook', PORT: '8443', DB_PATH: join(tempDir(), 'x.db') };
    const proc = npmStart(env);
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    expect(await exited(proc)).toBe(2);
    expect(err).toMatch(/WEBHOOK_SECRET is required with WEBHOOK_URL/);
  }, 60_000);

  it('an unreachable Telegram API is logged and retried with backoff; the bot starts once it is up', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const port = await freePort();
    const api = new FakeBotApi();
    const main = startMain({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, DB_PATH: join(dir, 'u.db'), DATA_DIR: join(dir, 'none') });
    try {
      await waitForText(main.stderr, /cannot reach the Telegram Bot API \(getMe\)[^\n]*\n[^]*cannot reach the Telegram Bot API \(getMe\)/, 60_000);
      const waits = [...main.stderr().matchAll(/"retryInMs":(\d+)/g)].map((m) => Number(m[1]));
      expect(waits[1]).toBeGreaterThan(waits[0]); // backoff
      expect(main.stderr()).toContain(`http://127.0.0.1:${port}`);
      await api.start(port);
      await api.waitFor((c) => c.method === 'setMyCommands', 60_000);
      api.sendText({ id: 91, type: 'private' }, { id: 91, is_bot: false, first_name: 'U' }, '/help');
      await api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 91, 30_000);
    } finally {
      await main.stop();
      await api.stop();
    }
  }, 120_000);

  it('a bad configuration is refused with a message that says what to fix', async () => {
    const proc = npmStart({ BOT_TOKEN: 'not-a-token', DB_PATH: join(tempDir(), 'x.db') });
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    expect(await exited(proc)).toBe(2);
    expect(err).toMatch(/BOT_TOKEN must look like/);
  }, 60_000);
});
