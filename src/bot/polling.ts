/**
 * Long polling through @grammyjs/runner: updates are confirmed (offset) only after a successful getUpdates, so
 * none is lost or handled twice across failures; failures are retried with a growing interval and logged once
 * when they start, now and then while they last, and when the connection is back.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Transformer } from 'grammy';
import type { Logger } from '../log.js';

export interface PollingOptions {
  /** Long-polling timeout of getUpdates (s). */
  timeoutSeconds?: number;
  /** While failing, a line at most this often (ms). */
  logEveryMs?: number;
}

/** Logs getUpdates failures and the recovery, without repeating a line for every retry. */
export function watchUpdates(log: Logger, apiRoot: string, logEveryMs = 30_000): Transformer {
  let failing = 0, since = 0, lastLog = 0;
  const failed = (why: string) => {
    const now = Date.now();
    if (!failing) since = now;
    failing++;
    if (failing === 1 || now - lastLog >= logEveryMs) {
      lastLog = now;
      log.warn({ apiRoot, failures: failing, err: why }, 'cannot fetch updates from the Telegram Bot API; retrying');
    }
  };
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    let res: Awaited<ReturnType<typeof prev>>;
    try {
      res = await prev(method, payload, signal);
    } catch (e) {
      if (!signal?.aborted) failed((e as Error).message);
      throw e;
    }
    if (!res.ok) failed(`${res.error_code} ${res.description}`);
    else if (failing) {
      log.info({ apiRoot, failures: failing, downMs: Date.now() - since }, 'Telegram Bot API reachable again');
      failing = 0;
    }
    return res;
  };
}

export function startPolling(bot: Bot, log: Logger, apiRoot: string, opts: PollingOptions = {}): RunnerHandle {
  bot.api.config.use(watchUpdates(log, apiRoot, opts.logEveryMs));
  return run(bot, {
    runner: {
      fetch: { timeout: opts.timeoutSeconds ?? 30 },
      retryInterval: 'quadratic', // 100 ms more each time: 10 s after a 10-minute outage
      maxRetryTime: 7 * 24 * 3_600_000,
      silent: true,
    },
  });
}
