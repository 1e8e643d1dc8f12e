/**
 * Admins' report uploads. The checks (who, how large, the caption) answer at once; the download and the
 * ingest run off the request path, one file at a time, so a slow file never holds up other updates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Composer, type Context } from 'grammy';
import { ingestFile } from '../../ingest/pipeline.js';
import type { Logger } from '../../log.js';
import { parseCaption } from '../caption.js';
import { addressedToBot, isGroup, replyTo, stripMention, typing } from '../context.js';
import { download, MAX_DOWNLOAD_BYTES, safeName, uploadSummary } from '../upload.js';
import type { HandlerDeps } from './deps.js';

export const UPLOAD_WORDS = {
  notAdmin: '抱歉，只有管理员可以上传报告。如果你有新的年度报告，请联系管理员添加。',
  tooLarge: (name: string, mb: string) => `${name} 太大（${mb} MB）：机器人最多能下载 20 MB 的文件。`,
  badCaption: (name: string, why: string) => `${name} 未收录：${why}`,
  failed: (name: string, why: string) => `${name} 没能下载或读取：${why}`,
  busy: '正在处理的文件太多了，请稍后再发。',
};
/** Files waiting for their turn before new uploads are turned away. */
export const MAX_QUEUED_UPLOADS = 20;

/** One job at a time, in order; a failing job does not stop the next. */
class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  size = 0;
  constructor(private readonly log: Logger) {}
  push(job: () => Promise<void>): void {
    this.size++;
    this.tail = this.tail.then(job)
      .catch((e) => this.log.error({ err: e }, 'upload job failed'))
      .finally(() => { this.size--; });
  }
}

export function uploads(d: HandlerDeps): Composer<Context> {
  const c = new Composer<Context>();
  const { app, log } = d;
  const queue = new JobQueue(log);

  c.on('message:document', async (ctx) => {
    if (isGroup(ctx) && !addressedToBot(ctx)) return;
    const where = replyTo(ctx);
    const reply = (text: string, html = false) =>
      ctx.api.sendMessage(ctx.chat.id, text, { ...where, ...(html ? { parse_mode: 'HTML' as const } : {}) });
    if (!ctx.from || !d.adminIds.includes(ctx.from.id)) { await reply(UPLOAD_WORDS.notAdmin); return; }
    const doc = ctx.msg.document;
    const name = safeName(doc.file_name ?? 'report');
    if ((doc.file_size ?? 0) > MAX_DOWNLOAD_BYTES) {
      await reply(UPLOAD_WORDS.tooLarge(name, ((doc.file_size ?? 0) / 2 ** 20).toFixed(1)));
      return;
    }
    const { error, ...override } = parseCaption(stripMention(ctx.msg.caption ?? '', ctx.me.username));
    if (error) { await reply(UPLOAD_WORDS.badCaption(name, error)); return; }
    if (queue.size >= MAX_QUEUED_UPLOADS) { await reply(UPLOAD_WORDS.busy); return; }
    await typing(ctx);
    queue.push(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-upload-'));
      try {
        const file = join(dir, name);
        writeFileSync(file, await download(ctx, d.token, d.apiRoot));
        const outcome = await ingestFile(file, app.ingest, override);
        if (outcome.status === 'ingested' || outcome.status === 'replaced') {
          d.freshness.refreshNow();
          d.onIngested?.();
        }
        await reply(uploadSummary(name, outcome), true);
      } catch (e) {
        log.warn({ err: e, file: name }, 'upload failed');
        await reply(UPLOAD_WORDS.failed(name, (e as Error).message))
          .catch((err) => log.warn({ err }, 'upload reply failed'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
  return c;
}
