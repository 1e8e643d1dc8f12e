/** A bench phase in a fresh Node process (TypeScript through tsx): its last stdout line as JSON, or why it failed. */
import { spawn } from 'node:child_process';

export type PhaseResult<T> = { ok: true; value: T; seconds: number } | { ok: false; error: string; seconds: number };

export function runPhase<T>(script: string, args: string[], heapMb = 4096): Promise<PhaseResult<T>> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => {
      const s = d.toString();
      err = (err + s).slice(-4000);
      process.stderr.write(s);
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) {
        try { resolve({ ok: true, value: JSON.parse(last) as T, seconds }); return; } catch { /* reported below */ }
      }
      const lines = err.trim().split('\n');
      // the phase's last progress line says where it was; a stack (JS or native) says nothing more
      const stage = lines.filter((l) => /^ {2}\w+: /.test(l)).at(-1)?.trim();
      const oom = /heap out of memory|Allocation failed/i.test(err);
      const noise = /^\s+at |^\s*\d+: 0x|^<---|^\[\d+:0x/;
      const tail = lines.filter((l) => l.trim() && !noise.test(l)).slice(-2).join(' | ').slice(0, 300);
      const why = oom ? `out of memory (${heapMb} MB heap)` : `exit ${code ?? signal}${tail ? `: ${tail}` : ''}`;
      const error = `${why} after ${seconds.toFixed(0)} s${stage ? `, last step: ${stage}` : ''}`;
      resolve({ ok: false, error, seconds });
    });
  });
}

export interface ScriptOutput {
  code: number | null; stdout: string; stderr: string; seconds: number; timedOut: boolean;
}

/** A script's whole output (through tsx), stopped after `timeoutMs`. */
export function runScript(script: string, args: string[], timeoutMs: number): Promise<ScriptOutput> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000, timedOut });
    });
  });
}
