/** An uploaded report file: its safe name, its bytes (from Telegram or a local Bot API server), the summary reply. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { Context } from 'grammy';
import type { IngestOutcome } from '../ingest/pipeline.js';
import { CAPTION_HINT } from './caption.js';
import { escapeHtml } from './render.js';

/** Telegram's download limit for bots through the cloud Bot API. */
export const MAX_DOWNLOAD_BYTES = 20 * 2 ** 20;

export function safeName(name: string): string {
  const b = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(-120);
  return b && b !== '.' && b !== '..' ? b : 'report';
}

/** getFile, then the file's bytes: from disk for a local Bot API server (absolute path), else over HTTP. */
export async function download(ctx: Context, token: string, apiRoot?: string): Promise<Buffer> {
  const f = await ctx.getFile();
  if (!f.file_path) throw new Error('Telegram gave no file path');
  if (isAbsolute(f.file_path) && existsSync(f.file_path)) return readFileSync(f.file_path);
  const root = (apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const res = await fetch(`${root}/file/bot${token}/${f.file_path}`, { signal: AbortSignal.timeout(120_000) });
  if (!res.ok) throw new Error(`download failed (HTTP ${res.status})`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_DOWNLOAD_BYTES) throw new Error('file too large');
  return Buffer.from(await res.arrayBuffer());
}

/** Why a file was refused, said in Chinese for the chat (the detail stays as the ingest reports it). */
const REFUSED: Record<string, string> = {
  unsupported_type: '不是 PDF、DOC、DOCX、HTML 或文本文件', empty: '文件是空的', corrupt: '文件已损坏，无法打开', encrypted: '文件有密码保护',
  needs_ocr: '是扫描件，没有文字层，需要 OCR', bad_font: '字体编码无法还原成文字', not_a_report: '不是政府信息公开工作年度报告',
  incomplete: '不是完整的年度报告（缺少表格）', too_large: '文件太大', timeout: '读取超时', legacy_doc: '是旧版 Word .doc，请另存为 DOCX 或 PDF', internal: '处理出错',
  no_title: '没有找到报告所属的机关或年份', out_of_memory: '读取时内存不够（可以稍后再试）', crashed: '读取程序意外中止（可以稍后再试）',
};

export function uploadSummary(name: string, o: IngestOutcome): string {
  if (o.status === 'rejected') {
    const why = escapeHtml(REFUSED[o.code ?? 'internal'] ?? '无法处理');
    const hint = o.code === 'no_title' ? `\n${escapeHtml(CAPTION_HINT)}` : '';
    return `❌ <b>${escapeHtml(name)}</b> 未收录：${why}\n${escapeHtml(o.reason ?? '')}${hint}`;
  }
  const r = o.report!;
  const serious = o.findings.filter((f) => f.severity !== 'info');
  const status = { ingested: '已收录', replaced: '已收录（替换了同一单位同一年度的旧版本）', unchanged: '已在库中，内容相同' }[o.status];
  const lines = [
    `✅ <b>${escapeHtml(name)}</b> ${status}`,
    `${escapeHtml(r.org)} · ${r.year} 年 · 模板 ${r.format}${r.published ? ` · 发布 ${r.published}` : ''} · ${o.cells} 个数字`,
    serious.length ? `审核发现 ${serious.length} 个问题：` : '审核未发现问题。',
    ...serious.slice(0, 5).map((f) => `• ${escapeHtml(f.message)}`),
  ];
  return lines.join('\n');
}
