/**
 * The sources file (SOURCES_FILE, default DATA_DIR/sources.json): the 年报 listing pages to poll, validated with
 * zod; a bad file is refused with its name and what to fix. Also the poller's environment variables.
 *
 *   { "sources": [ { "url": "https://www.example.gov.cn/zfxxgk/ndbg/", "body": "某某区人民政府", "intervalMinutes": 360 } ] }
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export interface SourceConfig {
  url: string;
  /** The body the page publishes for: used only when a report does not name its body itself. */
  body?: string;
  intervalMinutes: number;
  /** A label for logs and admin messages (default: the URL). */
  name?: string;
}

const MAX_SOURCES = 500;

const source = z.object({
  url: z.string().url('must be a URL such as https://www.example.gov.cn/zfxxgk/ndbg/')
    .refine((u) => !URL.canParse(u) || /^https?:$/.test(new URL(u).protocol), 'must be an http or https URL'),
  body: z.string().trim().min(1, 'must not be empty (leave it out instead)').optional(),
  intervalMinutes: z.number({ invalid_type_error: 'must be a number of minutes' })
    .min(1, 'must be at least 1 (minute)').max(7 * 24 * 60, 'must be at most a week (10080)').default(360),
  name: z.string().trim().min(1).optional(),
}).strict();

const file = z.union([z.array(source), z.object({ sources: z.array(source) }).strict()])
  .transform((f) => (Array.isArray(f) ? f : f.sources))
  .superRefine((list, ctx) => {
    const custom = z.ZodIssueCode.custom;
    if (list.length > MAX_SOURCES) ctx.addIssue({ code: custom, message: `lists more than ${MAX_SOURCES} sources` });
    const seen = new Set<string>();
    list.forEach((s, i) => {
      const key = URL.canParse(s.url) ? new URL(s.url).href : s.url;
      if (seen.has(key)) ctx.addIssue({ code: custom, path: [i, 'url'], message: 'is listed twice' });
      seen.add(key);
    });
  });

export class SourcesFileError extends Error {}

/** The sources of `text` (the file's content); throws SourcesFileError naming `path` and each problem. */
export function parseSources(text: string, path: string): SourceConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SourcesFileError(`${path} is not valid JSON (${(e as Error).message})`);
  }
  const r = file.safeParse(json);
  if (!r.success) {
    const where = (path: (string | number)[]) => (path.length ? `sources.${path.join('.')}` : 'the file');
    const issues = r.error.issues.map((i) => `  ${where(i.path)} ${i.message}`);
    throw new SourcesFileError(`${path} has problems:\n${[...new Set(issues)].join('\n')}\n`
      + 'Expected {"sources": [{"url": "https://…", "body": "机关名称", "intervalMinutes": 360}]}.');
  }
  return r.data.map((s) => ({ ...s, url: new URL(s.url).href }));
}

/** The sources in the file at `path`; null when there is no such file (no web sources configured). */
export function loadSources(path: string): SourceConfig[] | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourcesFileError(`${path} cannot be read (${(e as Error).message})`);
  }
  return parseSources(text, path);
}

export interface SourcesEnv { sourcesFile: string; contact?: string }

/** SOURCES_FILE (default DATA_DIR/sources.json; relative to the working directory) and SOURCES_CONTACT. */
export function sourcesEnv(env: NodeJS.ProcessEnv, dataDir: string): SourcesEnv {
  const file = env.SOURCES_FILE?.trim();
  const contact = env.SOURCES_CONTACT?.trim();
  return {
    sourcesFile: file ? (isAbsolute(file) ? file : resolve(process.cwd(), file)) : join(dataDir, 'sources.json'),
    ...(contact ? { contact } : {}),
  };
}
