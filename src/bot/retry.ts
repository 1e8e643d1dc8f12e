/**
 * Retries of the bot's own Bot API calls (replies, files): 429 after its retry_after, 5xx and network errors
 * with capped exponential backoff, a bounded number of times. getUpdates is left to the runner, which retries
 * on its own, and the start-up calls to untilReachable (reach.ts); the alert sender has its own rules.
 */
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from '../log.js';
import { sleep } from '../alerts/pace.js';

export interface RetryOptions {
  maxRetryAttempts?: number;
  /** A 429 asking to wait longer than this is not waited for. */
  maxDelaySeconds?: number;
  /** Network errors are thrown at once instead of retried. */
  rethrowHttpErrors?: boolean;
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** Calls retried elsewhere. */
export const NOT_RETRIED = new Set(['getUpdates', 'getMe', 'setWebhook', 'deleteWebhook']);

export function retryCalls(opts: RetryOptions, log: Logger): Transformer {
  const attempts = opts.maxRetryAttempts ?? 5;
  const maxDelay = opts.maxDelaySeconds ?? 60;
  const base = opts.backoffMs ?? 1000, cap = opts.maxBackoffMs ?? 30_000;
  return async (prev, method, payload, signal) => {
    if (NOT_RETRIED.has(method)) return prev(method, payload, signal);
    for (let i = 0; ; i++) {
      const backoff = Math.min(cap, base * 2 ** i);
      let res: Awaited<ReturnType<typeof prev>>;
      try {
        res = await prev(method, payload, signal);
      } catch (e) {
        if (!(e instanceof HttpError) || opts.rethrowHttpErrors || i >= attempts || signal?.aborted) throw e;
        log.warn({ method, attempt: i + 1, waitMs: backoff, err: e.message }, 'Bot API unreachable, retrying');
        await sleep(backoff, signal);
        continue;
      }
      if (res.ok || i >= attempts || signal?.aborted) return res;
      const retryAfter = res.parameters?.retry_after;
      if (res.error_code === 429 && retryAfter !== undefined && retryAfter <= maxDelay) {
        log.warn({ method, retryAfter }, 'Bot API rate limit, waiting');
        await sleep(retryAfter * 1000, signal);
      } else if (res.error_code >= 500) {
        log.warn({ method, attempt: i + 1, waitMs: backoff, code: res.error_code }, 'Bot API error, retrying');
        await sleep(backoff, signal);
      } else {
        return res;
      }
    }
  };
}
