/** The way a deployment runs: `npm start` as a real process, against the fake Bot API; and the console chat. */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/app.js';
import { FakeBotApi } from './helpers/fakeBotApi.js';
import { ROOT } from './helpers/run.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function npmStart(env: Record<string, string>): ChildProcess {
  const env2: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
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
    {
    }
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

  it('a bad configuration is refused with a message that says what to fix', async () => {
    const proc = npmStart({ BOT_TOKEN: 'not-a-token', DB_PATH: join(tempDir(), 'x.db') });
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    expect(await exited(proc)).toBe(2);
    expect(err).toMatch(/BOT_TOKEN must look like/);
  }, 60_000);
});
