/** The real process (node --import tsx src/main.ts) for tests: started, talked to over HTTP, stopped. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './run.js';

export interface MainProcess { proc: ChildProcess; stderr: () => string; stop(signal?: NodeJS.Signals): Promise<number | null> }

/** ENV_FILE is empty so a developer's .env never leaks in; BOT_TOKEN only when given. */
export function startMain(env: Record<string, string>): MainProcess {
  const full: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', ENV_FILE: '' };
  delete full.BOT_TOKEN;
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT, env: { ...full, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const closed = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  return {
    proc,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && !proc.signalCode) proc.kill(signal);
      return closed;
    },
  };
}

export const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
});

/** POST a body; resolves with the status and how long the answer took. */
export function post(port: number, body: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/hook', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves when the text shows up in the stream's output so far (polled). */
export async function waitForText(read: () => string, re: RegExp, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!re.test(read())) {
    if (Date.now() > until) throw new Error(`no ${re} in the output within ${timeoutMs} ms:\n${read().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
