/**
 * The command line as one real process (node with tsx loaded, no launcher in between), so a test can watch its
 * output line by line, run several at once, and kill it: a signal reaches the process that writes the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run.js';

export interface CliRun {
  child: ChildProcess;
  /** stdout lines so far */
  lines: string[];
  /** resolves when the process has ended */
  done: Promise<End>;
  /** resolves once stdout has at least `n` lines (those `which` accepts, when given); rejects if the process
   * ends first or after `ms` */
  waitLines(n: number, ms?: number, which?: (line: string) => boolean): Promise<void>;
}

export interface CliOptions { env?: Record<string, string>; uid?: number; gid?: number }
type End = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export function startCli(args: string[], opts: CliOptions = {}): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...opts.env }, uid: opts.uid, gid: opts.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stdout = '', stderr = '', partial = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d;
    partial += d;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<End>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal, stdout, stderr });
    });
  });
  const all = () => true;
  const waitLines = (n: number, ms = 60_000, which: (line: string) => boolean = all) => new Promise<void>((ok, no) => {
    const timer = setTimeout(() => no(new Error(`fewer than ${n} lines after ${ms} ms:\n${stdout}\n${stderr}`)), ms);
    const check = () => {
      const ended = child.exitCode !== null || child.signalCode !== null;
      if (lines.filter(which).length >= n) { clearTimeout(timer); ok(); } else if (ended) {
        clearTimeout(timer);
        no(new Error(`the process ended after ${lines.length} of ${n} lines:\n${stdout}\n${stderr}`));
      }
    };
    waiters.push(check);
    check();
  });
  return { child, lines, done, waitLines };
}
