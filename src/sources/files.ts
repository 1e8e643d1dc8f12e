/** Moving files into a folder without overwriting anything there, and safe file names for downloads. */
import { copyFileSync, constants, existsSync, linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const MAX_TRIES = 1000;
const MAX_NAME = 120;

/** name, name-2, name-3 … (the extension kept). */
export function candidateName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

const exists = (e: unknown, code: string) => (e as NodeJS.ErrnoException)?.code === code;

/** Place `from` at `to` unless `to` exists (atomically with a hard link; a copy across file systems). */
function placeExclusive(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    if (exists(e, 'EEXIST')) return false;
  }
  try {
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if (exists(e, 'EEXIST')) return false;
    throw e;
  }
}

/**
 * Move `from` into `dir` as `name` (its own name by default), or as name-2, name-3 … when that is taken, also
 * when a companion (`name` + one of `companions`, e.g. ".reason.txt") is. Returns the path it got.
 */
export function moveNoClobber(from: string, dir: string, name = basename(from), companions: string[] = []): string {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= MAX_TRIES; n++) {
    const to = join(dir, candidateName(name, n));
    if (companions.some((c) => existsSync(to + c))) continue;
    if (!placeExclusive(from, to)) continue;
    unlinkSync(from);
    return to;
  }
  throw new Error(`${dir} already holds ${MAX_TRIES} files named like ${name}`);
}

/** Write `text` next to `file` as `file` + suffix, never over an existing file. */
export function writeCompanion(file: string, suffix: string, text: string): string {
  const to = file + suffix;
  writeFileSync(to, text, { flag: 'wx' });
  return to;
}

/** A file name that is safe on every file system, at most 120 characters, the extension kept. */
export function safeName(raw: string, fallback = 'file'): string {
  const cleaned = raw.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ')
    .replace(/^[.\s_]+|[.\s]+$/g, '');
  const name = cleaned || fallback;
  if (name.length <= MAX_NAME) return name;
  const ext = extname(name).slice(0, 10);
  return name.slice(0, MAX_NAME - ext.length) + ext;
}

/** The last segment of a URL's path, decoded ("…/年度报告.pdf" → 年度报告.pdf), '' when there is none. */
export function urlFileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  try { return decodeURIComponent(last); } catch { return last; }
}
