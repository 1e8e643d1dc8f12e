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
  WEBHOOK_HOST: z.string().trim().min(1).optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  ALERT_RATE_PER_SEC: z.coerce.number().positive().max(100_000).default(25),
  ALERT_GROUP_INTERVAL_MS: z.coerce.number().int().min(0).default(3000),
  ALERT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  ALERT_POLL_MS: z.coerce.number().int().min(10).default(1000),
  ALERT_LEASE_MS: z.coerce.number().int().min(100).default(120_000),
}).superRefine((c, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  if (c.WEBHOOK_URL && !c.PORT) issue('PORT', 'is required with WEBHOOK_URL (the port the webhook server listens on)');
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
    issue('WEBHOOK_SECRET', 'is required with WEBHOOK_URL (Telegram sends it with every update; calls without it are refused)');
  }
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
  webhookHost?: string;
  /** A webhook update still running after this is answered 200 and finishes in the background. */
  webhookTimeoutMs: number;
  /** The alert sender: overall pace, per-group interval, messages in flight, how often it looks when idle. */
  alerts: { ratePerSec: number; groupIntervalMs: number; concurrency: number; pollMs: number; leaseMs: number };
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
    webhookHost: c.WEBHOOK_HOST,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    alerts: {
      ratePerSec: c.ALERT_RATE_PER_SEC, groupIntervalMs: c.ALERT_GROUP_INTERVAL_MS,
      concurrency: c.ALERT_CONCURRENCY, pollMs: c.ALERT_POLL_MS, leaseMs: c.ALERT_LEASE_MS,
    },
  };
}
