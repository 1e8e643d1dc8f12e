/** Answers as text: plain for the terminal, Telegram HTML (every dynamic text escaped) for the bot. */
import type { Answer } from '../query/answer.js';

export function renderPlain(a: Answer): string {
  const parts = [a.text];
  if (a.warnings.length) parts.push(a.warnings.map((w) => `⚠ ${w}`).join('\n'));
  if (a.options?.length) parts.push(a.options.map((o, i) => `[${i + 1}] ${o.label}`).join('  '));
  return parts.join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);
