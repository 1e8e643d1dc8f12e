/**
 * The Telegram bot (grammY): private chats take any text as a question; groups answer /ask@bot, commands
 * addressed to the bot, mentions and replies to the bot, and ignore other chatter. Admins upload reports.
 */
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { Bot, GrammyError, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { App } from '../app.js';
import { ingestFile, type IngestOutcome } from '../ingest/pipeline.js';
import type { Logger } from '../log.js';
import { answer, type Answer } from '../query/answer.js';
import type { QueryEngine } from '../query/engine.js';
import { CAPTION_HINT, parseCaption } from './caption.js';
import { formatAnswer } from './format.js';
import { escapeHtml } from './render.js';

/** Telegram's download limit for bots through the cloud Bot API. */
export const MAX_DOWNLOAD_BYTES = 20 * 2 ** 20;

export const COMMANDS = [
  { command: 'ask', description: '提问，例如 /ask 番禺2024年收到多少申请' },
  { command: 'reports', description: '库中有哪些单位和年份' },
  { command: 'report', description: '一份报告的主要数字：/report 番禺 2024' },
  { command: 'audit', description: '一份报告的审核发现：/audit 洪泽 2023' },
  { command: 'compare', description: '两个单位对比：/compare 番禺 武江 2024' },
  { command: 'help', description: '怎么用' },
];

export interface BotDeps {
  app: App;
  engine: QueryEngine;
  log: Logger;
  token: string;
  apiRoot?: string;
  adminIds: number[];
  botInfo?: UserFromGetMe;
  retry?: Partial<AutoRetryOptions>;
  ratePerMinute?: number;
  /** Bodies per page of /reports. */
  pageSize?: number;
}

interface Pending { question: string; chatKey: string; kind: 'ask' | 'report' | 'audit'; at: number }

const isGroup = (ctx: Context) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
/** Follow-up context: per chat in private, per chat and user in groups. */
const chatKey = (ctx: Context) => (isGroup(ctx) ? `g:${ctx.chat!.id}:${ctx.from?.id ?? 0}` : `p:${ctx.chat?.id ?? 0}`);

export function createBot(deps: BotDeps): Bot {
  const { app, engine, log } = deps;
  const bot = new Bot(deps.token, { client: deps.apiRoot ? { apiRoot: deps.apiRoot.replace(/\/+$/, '') } : undefined, botInfo: deps.botInfo });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, ...deps.retry }));
  const pending = new Map<string, Pending>();
  const remember = (p: Pending): string => {
    const token = randomBytes(4).toString('hex');
    pending.set(token, p);
    for (const [k, v] of pending) if (Date.now() - v.at > 3600_000 || pending.size > 5000) pending.delete(k); else break;
    return token;
  };

  /** Send an answer: HTML, split under the limit, replying to the question in groups, with buttons for a clarifying question. */
  const send = async (ctx: Context, a: Answer, kind: Pending['kind'] = 'ask', question = '') => {
    const messages = formatAnswer(a);
    let keyboard: InlineKeyboard | undefined;
    if (a.status === 'clarify' && a.options?.length) {
      const token = remember({ question, chatKey: chatKey(ctx), kind, at: Date.now() });
      keyboard = new InlineKeyboard();
      for (const o of a.options.slice(0, 8)) keyboard.text(o.label, `c:${o.id.replace(/^body:/, '')}:${token}`).row();
    }
    for (let i = 0; i < messages.length; i++) {
      await ctx.reply(messages[i], {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(i === 0 && ctx.msg && isGroup(ctx) ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
        ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
      });
    }
  };

  const typing = (ctx: Context) => ctx.replyWithChatAction('typing').catch(() => undefined);

  const ask = async (ctx: Context, question: string) => {
    const q = question.trim();
    if (!q) return send(ctx, answer('unsupported', '请在命令后面写上问题，例如：/ask 番禺2024年收到多少申请'));
    await typing(ctx);
    let a: Answer;
    try {
      a = engine.ask(q, { chat: chatKey(ctx) });
    } catch (e) {
      log.error({ err: e, question: q }, 'question failed');
      a = answer('unsupported', '抱歉，回答这个问题时出错了，已经记录下来。请换个说法再试。');
    }
    return send(ctx, a, 'ask', q);
  };

  // chat lifecycle first: it is not rate limited and needs no text
  bot.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    const inChat = status === 'member' || status === 'administrator' || status === 'creator';
    const chat = ctx.myChatMember.chat;
    app.store.saveChat(chat.id, chat.type, 'title' in chat ? chat.title ?? null : null, inChat);
    log.info({ chat: chat.id, status }, 'chat membership changed');
    if (inChat && ctx.myChatMember.old_chat_member.status !== 'member' && chat.type !== 'private' && chat.type !== 'channel') {
      await ctx.reply(`大家好，我是年报助手。在群里用 /ask@${ctx.me.username} 提问，或回复我的消息、@我。\n例如：/ask@${ctx.me.username} 番禺2024年收到多少申请`).catch(() => undefined);
    }
  });
  bot.on('message:migrate_to_chat_id', (ctx) => {
    const to = ctx.msg.migrate_to_chat_id;
    app.store.moveChat(ctx.chat.id, to, 'supergroup');
    engine.contexts.moveAll(`g:${ctx.chat.id}:`, `g:${to}:`);
    log.info({ from: ctx.chat.id, to }, 'group migrated to supergroup');
  });

  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(limit({
    timeFrame: 60_000,
    limit: deps.ratePerMinute ?? 20,
    keyGenerator: (ctx) => (ctx.from?.id ?? ctx.chat?.id)?.toString(),
    onLimitExceeded: async (ctx) => { await ctx.reply('提问太快了，请稍等一分钟再问。').catch(() => undefined); },
  }));

  bot.command('start', async (ctx) => {
    if (ctx.chat) app.store.saveChat(ctx.chat.id, ctx.chat.type, 'title' in ctx.chat ? ctx.chat.title ?? null : null, true);
    await send(ctx, engine.ask('帮助', { chat: chatKey(ctx) }));
  });
  bot.command('help', (ctx) => send(ctx, engine.ask('帮助')));
  bot.command('ask', (ctx) => ask(ctx, ctx.match));
  bot.command('reports', (ctx) => sendReports(ctx, 0));
  bot.command('report', async (ctx) => { await typing(ctx); return send(ctx, engine.command('report', ctx.match, { chat: chatKey(ctx) }), 'report', ctx.match); });
  bot.command('audit', async (ctx) => { await typing(ctx); return send(ctx, engine.command('audit', ctx.match, { chat: chatKey(ctx) }), 'audit', ctx.match); });
  bot.command('compare', async (ctx) => { await typing(ctx); return send(ctx, engine.command('compare', ctx.match, { chat: chatKey(ctx) })); });

  const PAGE = deps.pageSize ?? 8;
  const reportsPage = (page: number) => {
    const bodies = engine.bodies.filter((b) => b.years.length);
    const pages = Math.max(1, Math.ceil(bodies.length / PAGE));
    const p = Math.min(Math.max(0, page), pages - 1);
    const lines = bodies.slice(p * PAGE, p * PAGE + PAGE).map((b) => `• ${escapeHtml(b.name)}：${b.years.join('、')}`);
    const text = `<b>库中的年度报告</b>（${bodies.length} 个单位，第 ${p + 1}/${pages} 页）\n${lines.join('\n') || '还没有报告。'}`;
    const kb = new InlineKeyboard();
    if (p > 0) kb.text('‹ 上一页', `r:${p - 1}`);
    if (p < pages - 1) kb.text('下一页 ›', `r:${p + 1}`);
    return { text, kb, pages };
  };
  const sendReports = (ctx: Context, page: number) => {
    const { text, kb, pages } = reportsPage(page);
    return ctx.reply(text, { parse_mode: 'HTML', ...(pages > 1 ? { reply_markup: kb } : {}) });
  };

  bot.callbackQuery(/^r:(\d{1,4})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, kb, pages } = reportsPage(Number(ctx.match[1]));
    await ctx.editMessageText(text, { parse_mode: 'HTML', ...(pages > 1 ? { reply_markup: kb } : {}) }).catch((e) => {
      if (!(e instanceof GrammyError && /not modified/.test(e.description))) throw e;
    });
  });
  bot.callbackQuery(/^c:(\d{1,9}):([0-9a-f]{8})$/, async (ctx) => {
    const p = pending.get(ctx.match[2]);
    if (!p || p.chatKey !== chatKey(ctx)) {
      await ctx.answerCallbackQuery({ text: '这个按钮已经过期了，请重新提问。' });
      return;
    }
    const bodyId = Number(ctx.match[1]);
    const body = engine.bodies.find((b) => b.id === bodyId);
    await ctx.answerCallbackQuery({ text: body ? `按“${body.name}”回答` : '请重新提问' });
    if (!body) return;
    pending.delete(ctx.match[2]);
    const a = p.kind === 'ask' ? engine.ask(p.question, { chat: p.chatKey, bodyId }) : engine.command(p.kind, p.question, { chat: p.chatKey, bodyId });
    await send(ctx, a);
  });
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: '这个按钮已经过期了，请重新提问。' }));

  bot.on('message:document', async (ctx) => {
    if (isGroup(ctx) && !addressedToBot(ctx)) return;
    const reply = (text: string) => ctx.reply(text, { ...(isGroup(ctx) ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}) });
    if (!ctx.from || !deps.adminIds.includes(ctx.from.id)) {
      await reply('抱歉，只有管理员可以上传报告。如果你有新的年度报告，请联系管理员添加。');
      return;
    }
    const doc = ctx.msg.document;
    const name = safeName(doc.file_name ?? 'report');
    if ((doc.file_size ?? 0) > MAX_DOWNLOAD_BYTES) {
      await reply(`${name} 太大（${((doc.file_size ?? 0) / 2 ** 20).toFixed(1)} MB）：机器人最多能下载 20 MB 的文件。`);
      return;
    }
    const { error, ...override } = parseCaption(stripMention(ctx.msg.caption ?? '', ctx.me.username));
    if (error) { await reply(`${name} 未收录：${error}`); return; }
    await typing(ctx);
    let outcome: IngestOutcome;
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-upload-'));
    try {
      const data = await download(ctx, deps);
      const file = join(dir, name);
      writeFileSync(file, data);
      outcome = await ingestFile(file, app.ingest, override);
    } catch (e) {
      log.warn({ err: e, file: name }, 'upload failed');
      await reply(`${name} 没能下载或读取：${(e as Error).message}`);
      return;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (outcome.status === 'ingested' || outcome.status === 'replaced') engine.refresh();
    await ctx.reply(uploadSummary(name, outcome), { parse_mode: 'HTML', ...(isGroup(ctx) ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}) });
  });

  bot.on('message:text', async (ctx) => {
    const text = ctx.msg.text;
    if (!isGroup(ctx)) {
      if (text.startsWith('/')) return send(ctx, engine.ask('帮助'));
      return ask(ctx, text);
    }
    if (!addressedToBot(ctx)) return; // other chatter in the group
    return ask(ctx, stripMention(text, ctx.me.username));
  });

  // stickers, photos, voice … in a private chat: say what the bot understands; in groups stay quiet
  bot.on('message', async (ctx) => {
    if (isGroup(ctx)) return;
    await ctx.reply('我只能读文字问题，例如：番禺2024年收到多少申请。管理员可以发送报告文件（PDF、DOC、DOCX、HTML、TXT）。');
  });

  bot.catch((err) => {
    log.error({ err: err.error, update: err.ctx?.update?.update_id }, 'error while handling an update');
  });
  return bot;
}

/** A group message is for the bot when it mentions it or replies to it. */
function addressedToBot(ctx: Context): boolean {
  const msg = ctx.msg;
  if (!msg) return false;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? '';
  const entities = msg.entities ?? msg.caption_entities ?? [];
  return entities.some((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${ctx.me.username.toLowerCase()}`);
}

const stripMention = (text: string, username: string) => text.replace(new RegExp(`@${username}\\b`, 'gi'), ' ').trim();

function safeName(name: string): string {
  const b = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(-120);
  return b && b !== '.' && b !== '..' ? b : 'report';
}

/** getFile, then the file's bytes: from disk for a local Bot API server (absolute path), else over HTTP. */
async function download(ctx: Context, deps: BotDeps): Promise<Buffer> {
  const f = await ctx.getFile();
  if (!f.file_path) throw new Error('Telegram gave no file path');
  if (isAbsolute(f.file_path) && existsSync(f.file_path)) return readFileSync(f.file_path);
  const root = (deps.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const res = await fetch(`${root}/file/bot${deps.token}/${f.file_path}`);
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

function uploadSummary(name: string, o: IngestOutcome): string {
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
