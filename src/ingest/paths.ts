/**
 * The files that ingest arguments and report folders stand for. Folders are walked (sorted, hidden names left
 * out); what cannot be a report file is skipped with a reason, never read: a named pipe would block the read for
 * ever, a link back to a folder above would be walked for ever, a device or socket is no file.
 */
import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';

/** A path left out, and why (the reason starts with the file's name, as rejections do). */
export interface Skipped { path: string; reason: string }

const HIDDEN = /^\./;

const NOT_A_FILE: [(st: Stats) => boolean, string][] = [
  [(st) => st.isFIFO(), 'is a named pipe (FIFO), not a file'],
  [(st) => st.isSocket(), 'is a socket, not a file'],
  [(st) => st.isCharacterDevice() || st.isBlockDevice(), 'is a device, not a file'],
];

function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a link that leads back to itself';
  return `cannot be read (${(e as Error)?.message ?? e})`;
}

/**
 * Regular files among `paths` and inside the folders among them. A name given that does not exist is kept (the
 * caller reports it as not found); everything skipped goes to `onSkip`.
 */
export function expandPaths(paths: string[], onSkip: (s: Skipped) => void = () => undefined): string[] {
  const out: string[] = [];
  const walked = new Set<string>(); // real paths of the folders read: each is read once
  const skip = (path: string, reason: string) => onSkip({ path, reason: `${basename(path)} ${reason}` });

  const walk = (p: string, given: boolean, above: Set<string>) => {
    let st: Stats | undefined;
    try { st = statSync(p, { throwIfNoEntry: false }); } catch (e) { skip(p, unreadable(e)); return; }
    if (!st) {
      if (given && !lstatSync(p, { throwIfNoEntry: false })) out.push(p);
      else skip(p, 'is a link to nothing (its target does not exist)');
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let names: string[];
      try { real = realpathSync(p); names = readdirSync(p); } catch (e) { skip(p, unreadable(e)); return; }
      if (above.has(real)) { skip(p, `is a link back to the folder ${real} above it`); return; }
      if (walked.has(real)) { skip(p, `leads to the folder ${real}, read already`); return; }
      walked.add(real);
      const inside = new Set(above).add(real);
      for (const name of names.sort()) if (!HIDDEN.test(name)) walk(join(p, name), false, inside);
      return;
    }
    const odd = NOT_A_FILE.find(([test]) => test(st));
    if (odd) { skip(p, odd[1]); return; }
    try { accessSync(p, constants.R_OK); } catch (e) { skip(p, unreadable(e)); return; }
    out.push(p);
  };
  for (const p of paths) walk(p, true, new Set());
  return out;
}
