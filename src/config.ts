/** Configuration from the environment, validated at start (zod) with messages that say what to fix. */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const csvIds = z.string().trim().transform((s, ctx) => {
  if (!s) return [] as number[];
  const ids = s.split(/[\s,]+/).filter(Boolean).map(Number);
  if (ids.some((n) => !Number.isSafeInteger(n))) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be Telegram user ids separated by commas, e.g. 12345,67890' });
  return ids;
});

const schema = z.object({
  BOT_TOKEN: z.string().trim().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (the token @BotFather gives)').optional(),
  TELEGRAM_API_ROOT: z.string().url('must be a URL such as http://127.0.0.1:8081').optional(),
  ADMIN_IDS: csvIds.default(''),
  DB_PATH: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).optional(),
  WEBHOOK_URL: z.string().url('must be the public https URL Telegram should call').optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z, a-z, 0-9, _ and - (1–256 characters)').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INGEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  INGEST_MAX_MB: z.coerce.number().positive().default(50),
  INGEST_MAX_PAGES: z.coerce.number().int().min(1).default(2000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
}).superRefine((c, ctx) => {
  if (c.WEBHOOK_URL && !c.PORT) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['PORT'], message: 'is required with WEBHOOK_URL (the port the webhook server listens on)' });
});

export interface Config {
  botToken?: string;
  apiRoot?: string;
  adminIds: number[];
  dbPath: string;
  dataDir: string;
  webhookUrl?: string;
  webhookSecret?: string;
  port?: number;
  logLevel: string;
  ingest: { timeoutMs: number; maxBytes: number; maxPages: number };
  rateLimitPerMinute: number;
}

export class ConfigError extends Error {}

const abs = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

/** Empty strings count as unset, so a copied .env.example works as it is. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { dbPath?: string } = {}): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(clean);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || 'config'} ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const c = r.data;
  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT,
    adminIds: c.ADMIN_IDS,
    dbPath: overrides.dbPath ? abs(overrides.dbPath) : c.DB_PATH ? abs(c.DB_PATH) : join(PROJECT_ROOT, 'data', 'nianbao.db'),
    dataDir: c.DATA_DIR ? abs(c.DATA_DIR) : join(PROJECT_ROOT, 'data', 'reports'),
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    ingest: { timeoutMs: c.INGEST_TIMEOUT_MS, maxBytes: Math.round(c.INGEST_MAX_MB * 2 ** 20), maxPages: c.INGEST_MAX_PAGES },
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
  };
}
