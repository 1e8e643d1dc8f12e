/**
 * Start-up calls to the Bot API (getMe, setWebhook …) retried with backoff while Telegram cannot be reached,
 * each failure logged clearly; a refused token stops at once.
 */
import { GrammyError } from 'grammy';
import type { Logger } from '../log.js';
import { sleep, type Abortable } from '../alerts/pace.js';

export class TokenRefused extends Error {}

export async function untilReachable<T>(
  what: string, fn: () => Promise<T>, log: Logger,
  opts: { apiRoot: string; baseMs?: number; maxMs?: number; signal?: Abortable },
): Promise<T> {
  const base = opts.baseMs ?? 1000, max = opts.maxMs ?? 60_000;
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)) {
        const why = `${e.error_code} ${e.description}`;
        throw new TokenRefused(`Telegram refused BOT_TOKEN (${why}) at ${opts.apiRoot}: check the token`);
      }
      if (e instanceof GrammyError && e.error_code < 500 && e.error_code !== 429) throw e;
      const waitMs = Math.min(max, base * 2 ** i);
      log.error({ apiRoot: opts.apiRoot, attempt: i + 1, retryInMs: waitMs, err: (e as Error).message },
        `cannot reach the Telegram Bot API (${what}); retrying`);
      await sleep(waitMs, opts.signal);
      if (opts.signal?.aborted) throw e;
    }
  }
}
