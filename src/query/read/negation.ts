/**
 * A figure denied: a negator (没有, 未, 不是) before a table word, with at most a few bridging words between
 * (没有被公开的申请, 不是予以公开的). The figure the words name is then not the one asked. 有没有 and 是不是 ask
 * yes or no; a table word that holds its own negation (不予公开, 尚未审结, 未经复议) is one word, not denied.
 */
import { ASKS_YES_NO, NEGATION_BRIDGE, NEGATORS, type Word } from '../words/index.js';
import { namesFigure } from './words.js';

export interface NegToken { text: string; start: number; words: Word[] }

// an applicant column too: 不是自然人提出的申请 is every column but that one; a rate: 没有公开的比例
const denied = (t: NegToken) =>
  t.words.some((w) => namesFigure(w) || w.k === 'col' || (w.k === 'ratio' && w.id !== 'share'));
/** 不 alone denies only the word right after it (不公开的比例): 高不高, 对不对 deny nothing. */
const NOT = '不';

export function deniesFigure(text: string, toks: NegToken[]): boolean {
  return toks.some((t, i) => {
    // 不是 may be cut into 不 | 是
    const two = NEGATORS.includes(t.text + (toks[i + 1]?.text ?? '')) ? 1 : 0;
    if (ASKS_YES_NO.includes(text[t.start - 1] ?? '')) return false;
    if (t.text === NOT && !two) return !!toks[i + 1] && denied(toks[i + 1]);
    if (!two && !NEGATORS.includes(t.text)) return false;
    for (let j = i + 1 + two; j < toks.length && j <= i + 3 + two; j++) {
      if (denied(toks[j])) return true;
      if (!NEGATION_BRIDGE.includes(toks[j].text)) return false;
    }
    return false;
  });
}
