/** The machine a bench ran on, for the printed tables. */
import { cpus, totalmem, type as osType, release } from 'node:os';

export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'} × ${c.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, `
    + `${osType()} ${release()}, Node ${process.version}`;
}
