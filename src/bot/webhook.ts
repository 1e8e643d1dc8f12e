/**
 * Webhook mode: an HTTP server for Telegram's POSTs that never takes the process down. Calls without the secret
 * get 401, a body that is not an update 400, an update still running after the timeout is answered 200 and
 * finishes in the background (onTimeout 'return'); a failing update is logged and answered 200 (Telegram would
 * otherwise send it again and again).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../log.js';

export interface WebhookOptions { port: number; host?: string; secret: string; timeoutMs: number; maxBytes?: number }
export interface WebhookServer { port: number; close(): Promise<void> }

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : ''), b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const end = (res: ServerResponse, status: number, text: string) => {
  if (res.headersSent) { res.end(); return; }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
};

export async function serveWebhook(bot: Bot, log: Logger, opts: WebhookOptions): Promise<WebhookServer> {
  const handle = webhookCallback(bot, 'http', {
    secretToken: opts.secret, onTimeout: 'return', timeoutMilliseconds: opts.timeoutMs,
  });
  const maxBytes = opts.maxBytes ?? 2 ** 20;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' || req.method === 'HEAD') { end(res, 200, 'ok'); return; }
    if (req.method !== 'POST') { end(res, 405, 'method not allowed'); return; }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) { end(res, 413, 'too large'); req.resume(); return; }
    if (!sameSecret(req.headers[SECRET_HEADER], opts.secret)) {
      log.warn({ from: req.socket.remoteAddress }, 'webhook: a POST without the right secret, refused');
      end(res, 401, 'unauthorized');
      req.resume();
      return;
    }
    const started = Date.now();
    handle(req, res).then(() => {
      const ms = Date.now() - started;
      if (ms >= opts.timeoutMs) log.warn({ ms }, 'webhook: answered at the timeout; the update finishes in the background');
    }).catch((e: unknown) => {
      if (e instanceof SyntaxError) {
        log.warn({ err: e.message, from: req.socket.remoteAddress }, 'webhook: a POST that is not an update');
        end(res, 400, 'bad request');
        return;
      }
      log.error({ err: e }, 'webhook: an update failed');
      end(res, 200, '');
    });
  });
  server.on('clientError', (err, socket) => {
    log.warn({ err: err.message }, 'webhook: malformed HTTP request');
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => { server.off('error', reject); resolve(); });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeIdleConnections(); }),
  };
}
