/**
 * A fake Telegram Bot API server on node:http for offline end-to-end tests: long-polled getUpdates (offset,
 * limit, timeout), JSON / urlencoded / multipart bodies, files and /file/bot<token>/ downloads, Telegram's
 * validation of message length (after entity parsing) and HTML, and one-shot error injection; faults for a
 * while (status codes, requests that hang or are answered late, connections closed), chats that blocked the bot,
 * are gone or were upgraded to supergroups, and group members' statuses for getChatMember.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** `ok`: answered with a result (the message was delivered); `fault`: the fault injected instead. */
export interface Call { method: string; payload: Record<string, any>; at: number; ok?: boolean; fault?: string }
/**
 * A fault for matching requests, for `times` requests or for `forMs` from now (else until cleared): an error
 * status, a request held open for `ms` then closed ('hang'), answered after `ms` ('delay'), or its connection
 * closed at once ('reset'). getUpdates can be faulted too.
 */
export interface Fault {
  kind: 'status' | 'hang' | 'delay' | 'reset';
  method?: string | RegExp; status?: number; ms?: number; times?: number; forMs?: number;
  when?: (p: Record<string, any>) => boolean;
}
interface Err { error_code: number; description: string; parameters?: Record<string, unknown> }
type Chat = { id: number; type: string; title?: string; first_name?: string };
type User = { id: number; is_bot: boolean; first_name: string; username?: string };

export const BOT_INFO = {
  id: 777000, is_bot: true as const, first_name: '年报助手', username: 'nianbao_test_bot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote', 'span', 'tg-emoji']);

export function htmlIsValid(s: string): boolean {
  const stack: string[] = [];
  const re = /<\/?([a-z-]+)(?:\s[^>]*)?>|<|>|&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);)/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === '<' || m[0] === '>' || m[0].startsWith('&')) return false;
    const tag = m[1].toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return false;
    if (m[0].startsWith('</')) { if (stack.pop() !== tag) return false; } else stack.push(tag);
  }
  return stack.length === 0;
}

export class FakeBotApi {
  readonly calls: Call[] = [];
  readonly files = new Map<string, { path: string; data: Buffer }>();
  private updates: Record<string, any>[] = [];
  private nextUpdate = 1;
  private nextMessage = 1000;
  private nextFile = 1;
  private pollWaiters = new Set<() => void>();
  private callWaiters = new Set<() => void>();
  private failures: { method: string; err: Err; times: number; when?: (p: Record<string, any>) => boolean }[] = [];
  private faults: (Fault & { until?: number })[] = [];
  /** Requests a fault was applied to (getUpdates included). */
  faultsHit = 0;
  private held = new Set<http.ServerResponse>();
  /** Chats whose sendMessage fails: 403 blocked, 400 chat not found, 400 with migrate_to_chat_id. */
  readonly blocked = new Set<number>();
  readonly gone = new Set<number>();
  readonly migrated = new Map<number, number>();
  /** getChatMember statuses by "chat:user" (default member); anonymous admins are administrators too. */
  readonly members = new Map<string, { status: string; is_anonymous?: boolean }>();
  private server = http.createServer((req, res) => {
    this.handle(req, res).catch((e) => { res.statusCode = 500; res.end(JSON.stringify({ ok: false, error_code: 500, description: String(e) })); });
  });
  port = 0;

  constructor(readonly token = '123456:TEST-token-for-the-fake-api') {}

  get apiRoot(): string { return `http://127.0.0.1:${this.port}`; }

  /** Listens on 127.0.0.1, on `port` when given (a bot started before its API was up). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.pollWaiters) w();
    for (const r of this.held) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---- the user's side ----
  fault(f: Fault): void { this.faults.push({ ...f, until: f.forMs === undefined ? undefined : Date.now() + f.forMs }); }
  clearFaults(): void { this.faults = []; }

  setMember(chatId: number, userId: number, status: string, isAnonymous = false): void {
    this.members.set(`${chatId}:${userId}`, { status, ...(isAnonymous ? { is_anonymous: true } : {}) });
  }

  /** Resolves when `test` holds, looked at after every call (cheap for counting thousands of calls). */
  waitUntil(test: () => boolean, timeoutMs = 8000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => { if (test()) { cleanup(); resolve(); } };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`condition not met in ${timeoutMs} ms (${this.calls.length} calls)`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.callWaiters.delete(check); };
      this.callWaiters.add(check);
      check();
    });
  }

  /** Messages delivered (answered ok). */
  delivered(method = 'sendMessage'): Call[] { return this.calls.filter((c) => c.method === method && c.ok); }

  failNext(method: string, err: Err, times = 1, when?: (p: Record<string, any>) => boolean): void { this.failures.push({ method, err, times, when }); }

  pushUpdate(u: Record<string, any>): Record<string, any> {
    const update = { update_id: this.nextUpdate++, ...u };
    this.updates.push(update);
    for (const w of [...this.pollWaiters]) w();
    return update;
  }

  private message(chat: Chat, from: User, extra: Record<string, any>) {
    return { message_id: this.nextMessage++, date: Math.floor(Date.now() / 1000), chat, from, ...extra };
  }

  /** Text as a client sends it: a leading /command gets a bot_command entity, @botname a mention entity. */
  sendText(chat: Chat, from: User, text: string, extra: Record<string, any> = {}) {
    const entities: Record<string, any>[] = [];
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
    for (const m of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) if (!cmd || m.index! >= cmd[0].length) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
    const message = this.message(chat, from, { text, ...(entities.length ? { entities } : {}), ...extra });
    this.pushUpdate({ message });
    return message;
  }

  uploadDocument(chat: Chat, from: User, data: Buffer, fileName: string, extra: Record<string, any> = {}) {
    const id = `DOC${this.nextFile++}`;
    this.files.set(id, { path: `documents/${id}_${encodeURIComponent(fileName)}`, data });
    const message = this.message(chat, from, { document: { file_id: id, file_unique_id: `U${id}`, file_name: fileName, mime_type: 'application/octet-stream', file_size: data.length }, ...extra });
    this.pushUpdate({ message });
    return message;
  }

  clickButton(botMessage: Record<string, any>, data: string, from: User) {
    return this.pushUpdate({ callback_query: { id: `cb${this.nextUpdate}`, from, chat_instance: 'ci', message: botMessage, data } });
  }

  myChatMember(chat: Chat, from: User, oldStatus: string, newStatus: string) {
    const member = (status: string) => ({ status, user: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username } });
    return this.pushUpdate({ my_chat_member: { chat, from, date: Math.floor(Date.now() / 1000), old_chat_member: member(oldStatus), new_chat_member: member(newStatus) } });
  }

  /** Resolves with the first recorded call (from index `since` on) that matches; event driven, no sleeps. */
  waitFor(pred: (c: Call) => boolean, timeoutMs = 8000, since = 0): Promise<Call> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const c = this.calls.slice(since).find(pred);
        if (!c) return;
        cleanup();
        resolve(c);
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`no matching call in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.callWaiters.delete(check); };
      this.callWaiters.add(check);
      check();
    });
  }

  sent(method = 'sendMessage'): Call[] { return this.calls.filter((c) => c.method === method); }

  // ---- the bot's side ----
  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (status: number, body: unknown) => { res.statusCode = status; res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(body)); };
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const f = [...this.files.values()].find((x) => x.path === file[2]);
      if (file[1] !== this.token || !f) { res.statusCode = 404; res.end('Not Found'); return; }
      res.setHeader('content-type', 'application/octet-stream');
      res.end(f.data);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2];
    const payload = await readBody(req, url);
    const call: Call = { method, payload, at: Date.now() };
    const fault = this.takeFault(method, payload);
    if (fault) { call.fault = fault.kind; this.faultsHit++; }
    if (method !== 'getUpdates') this.calls.push(call);
    const notify = () => { if (method !== 'getUpdates' || fault) for (const w of [...this.callWaiters]) w(); };
    if (fault && fault.kind !== 'delay') {
      notify();
      if (fault.kind === 'reset') { req.socket.destroy(); return; }
      if (fault.kind === 'hang') {
        this.held.add(res);
        setTimeout(() => { this.held.delete(res); req.socket.destroy(); }, fault.ms ?? 60_000).unref();
        return;
      }
      const code = fault.status ?? 500;
      return reply(code, { ok: false, error_code: code, description: code >= 500 ? 'Internal Server Error' : 'Bad Request' });
    }
    if (fault) await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
    const fi = this.failures.findIndex((f) => f.method === method && (!f.when || f.when(payload)));
    if (fi >= 0) {
      const f = this.failures[fi];
      if (--f.times <= 0) this.failures.splice(fi, 1);
      notify();
      return reply(f.err.error_code, { ok: false, ...f.err });
    }
    const result = await this.dispatch(method, payload, req);
    if (result && typeof result === 'object' && 'error_code' in (result as object)) {
      notify();
      return reply((result as Err).error_code, { ok: false, ...(result as Err) });
    }
    if (res.destroyed) return notify(); // the client gave up (timeout): not delivered
    call.ok = true;
    notify();
    return reply(200, { ok: true, result });
  }

  private takeFault(method: string, payload: Record<string, any>): Fault | undefined {
    const now = Date.now();
    this.faults = this.faults.filter((f) => (f.until === undefined || f.until > now) && (f.times === undefined || f.times > 0));
    const f = this.faults.find((x) => (x.method === undefined || (typeof x.method === 'string' ? x.method === method : x.method.test(method)))
      && (!x.when || x.when(payload)));
    if (f && f.times !== undefined) f.times--;
    return f;
  }

  private chatRule(chatId: number): Err | undefined {
    if (this.blocked.has(chatId)) return { error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    if (this.gone.has(chatId)) return { error_code: 400, description: 'Bad Request: chat not found' };
    const to = this.migrated.get(chatId);
    if (to !== undefined) {
      return { error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: to } };
    }
    return undefined;
  }

  private async dispatch(method: string, p: Record<string, any>, req: http.IncomingMessage): Promise<unknown> {
    const chatOf = (id: unknown): Chat => ({ id: Number(id), type: Number(id) < 0 ? 'supergroup' : 'private' });
    const me: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
    switch (method) {
      case 'getMe': return BOT_INFO;
      case 'deleteWebhook': case 'setWebhook': case 'setMyCommands': case 'answerCallbackQuery': case 'sendChatAction': case 'leaveChat': case 'deleteMessage':
        return true;
      case 'getUpdates': {
        const offset = Number(p.offset ?? 0), limit = Number(p.limit ?? 100), timeout = Number(p.timeout ?? 0);
        if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
        if (!this.updates.length && timeout > 0) {
          await new Promise<void>((resolve) => {
            const done = () => { clearTimeout(t); this.pollWaiters.delete(done); resolve(); };
            const t = setTimeout(done, timeout * 1000);
            this.pollWaiters.add(done);
            req.once('close', done);
          });
        }
        return this.updates.slice(0, limit);
      }
      case 'getChatMember': {
        const m = this.members.get(`${Number(p.chat_id)}:${Number(p.user_id)}`) ?? { status: 'member' };
        return { ...m, user: { id: Number(p.user_id), is_bot: false, first_name: 'U' } };
      }
      case 'sendMessage': case 'editMessageText': {
        const rule = method === 'sendMessage' ? this.chatRule(Number(p.chat_id)) : undefined;
        if (rule) return rule;
        const text = String(p.text ?? '');
        if (!text) return { error_code: 400, description: 'Bad Request: message text is empty' };
        const visible = p.parse_mode === 'HTML' ? text.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, 'x') : text;
        if (visible.length > 4096) return { error_code: 400, description: 'Bad Request: message is too long' };
        if (p.parse_mode === 'HTML' && !htmlIsValid(text)) return { error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag or unescaped character" };
        if (p.reply_markup?.inline_keyboard) {
          for (const row of p.reply_markup.inline_keyboard) for (const b of row) {
            if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data)) > 64) return { error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' };
          }
        }
        return this.message(chatOf(p.chat_id), me, { ...(method === 'editMessageText' ? { message_id: Number(p.message_id), edit_date: Math.floor(Date.now() / 1000) } : {}), text, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) });
      }
      case 'sendDocument': {
        const doc = p.document as { filename?: string; text?: string } | string;
        const file = typeof doc === 'object' ? doc : { filename: 'file', text: String(doc) };
        return this.message(chatOf(p.chat_id), me, { document: { file_name: file.filename, file_size: file.text?.length ?? 0,
          file_id: `D${Date.now()}`, file_unique_id: `UD${Date.now()}` } });
      }
      case 'getFile': {
        const f = this.files.get(String(p.file_id));
        if (!f) return { error_code: 400, description: 'Bad Request: invalid file_id' };
        return { file_id: p.file_id, file_unique_id: `U${p.file_id}`, file_size: f.data.length, file_path: f.path };
      }
      default:
        return { error_code: 404, description: `Not Found: method ${method} is not implemented in the fake` };
    }
  }
}

async function readBody(req: http.IncomingMessage, url: URL): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const ct = String(req.headers['content-type'] ?? '');
  const payload: Record<string, any> = Object.fromEntries(url.searchParams);
  const parse = (v: string) => { try { return JSON.parse(v); } catch { return v; } };
  if (ct.startsWith('application/json') && body) Object.assign(payload, JSON.parse(body));
  else if (ct.startsWith('application/x-www-form-urlencoded')) for (const [k, v] of new URLSearchParams(body)) payload[k] = parse(v);
  else if (ct.startsWith('multipart/form-data')) Object.assign(payload, multipart(body, /boundary=([^;]+)/.exec(ct)?.[1] ?? ''));
  return payload;
}

/** A multipart body's fields; a file field as { filename, text }. */
function multipart(body: string, boundary: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const part of body.split(`--${boundary.replace(/^"|"$/g, '')}`)) {
    const at = part.indexOf('\r\n\r\n');
    if (at < 0) continue;
    const head = part.slice(0, at);
    const value = part.slice(at + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    const raw = /filename\*?=(?:UTF-8'')?"?([^";\r\n]*)"?/i.exec(head)?.[1];
    const filename = raw === undefined ? undefined : decodeURIComponent(raw);
    out[name] = filename !== undefined ? { filename, text: value } : value;
  }
  // grammY sends a file as attach://<id> in the field and the content in a part named <id>
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === 'string' && v.startsWith('attach://')) out[k] = out[v.slice(9)] ?? v;
  }
  return out;
}
