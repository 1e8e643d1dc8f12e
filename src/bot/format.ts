/**
 * Telegram HTML for answers: every dynamic text escaped, excerpts in a blockquote with body, year and page,
 * long answers packed into messages of at most 4096 visible characters at line boundaries.
 */
import type { Answer, Fact } from '../query/answer.js';
import { escapeHtml } from './render.js';

export const TELEGRAM_LIMIT = 4096;

/** Characters Telegram counts: tags removed, each entity one character (UTF-16 units). */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, 'x').length;
}

function quote(f: Fact): string {
  const where = [f.org, `${f.year} 年报告`, f.source.page ? `第${f.source.page}页` : ''].filter(Boolean).join(' · ');
  // rows joined with " / " in an excerpt stand on their own lines
  return `<blockquote>${escapeHtml(f.excerpt).split(' / ').join('\n')}\n— ${escapeHtml(where)}</blockquote>`;
}

/** The answer as self-contained HTML blocks (never split inside a tag). */
export function answerBlocks(a: Answer): string[] {
  const lines = a.text.split('\n');
  const blocks: string[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('「') && a.facts.length) return; // excerpts are quoted below with their source
    blocks.push(i === 0 ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line));
  });
  // each source line once: an excerpt already inside a quoted one is not quoted again
  const quoted: string[] = [];
  for (const f of a.facts) {
    if (!f.excerpt || quoted.length >= 3 || quoted.some((q) => q.includes(f.excerpt))) continue;
    quoted.push(f.excerpt);
    blocks.push(quote(f));
  }
  for (const w of a.warnings) blocks.push(`⚠️ ${escapeHtml(w)}`);
  return blocks;
}

/** Cut plain text at paragraph, line or sentence ends so each piece fits; never inside a surrogate pair. */
export function splitPlain(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    for (const sep of ['\n\n', '\n', '。', '；', '，', ' ']) {
      const i = rest.lastIndexOf(sep, max - sep.length);
      if (i > max * 0.5) { cut = i + sep.length; break; }
    }
    if (cut < 0) {
      cut = max;
      const c = rest.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length) out.push(rest);
  return out;
}

/** Pack HTML blocks into messages under the limit; a block too long on its own is split as plain text first. */
export function packMessages(blocks: string[], max = TELEGRAM_LIMIT - 96): string[] {
  const pieces: string[] = [];
  for (const b of blocks) {
    if (visibleLength(b) <= max) { pieces.push(b); continue; }
    // unescape → split → escape again, keeping the wrapping tag (b / blockquote) on each piece
    const tag = /^<(b|blockquote)>/.exec(b)?.[1];
    const inner = (tag ? b.slice(tag.length + 2, -(tag.length + 3)) : b).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const part of splitPlain(inner, max)) pieces.push(tag ? `<${tag}>${escapeHtml(part)}</${tag}>` : escapeHtml(part));
  }
  const messages: string[] = [];
  let cur = '';
  for (const p of pieces) {
    const next = cur ? `${cur}\n${p}` : p;
    if (visibleLength(next) > max && cur) { messages.push(cur); cur = p; } else cur = next;
  }
  if (cur) messages.push(cur);
  return messages;
}

export const formatAnswer = (a: Answer): string[] => packMessages(answerBlocks(a));
