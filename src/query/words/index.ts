/** Every word of the question lexicon, as [surface, meaning] pairs: table words, cues, fillers, organisation words. */
import { ORG_WORDS } from '../../domain/orgWords.js';
import { ALL_APPLICATION_ROWS } from '../../domain/template.js';
import { CUE_WORDS } from './cues.js';
import { FILLERS } from './fillers.js';
import { TABLE_WORDS } from './table.js';
import type { Word } from './types.js';

export * from './types.js';
export { ASKS_YES_NO, NEGATION_BRIDGE, NEGATORS, NOUN_ENDS } from './fillers.js';
export {
  CUE_TOPICS, sameUnitKind, SCOPE_LEVEL, STOP_PHRASES, TIER_OF, type Tier, TABLE_TOPICS, TOPIC_TERMS, UNIT_KINDS,
  UNIT_NOUNS, UNITS,
} from './cues.js';

/** Subjects of the prose (收费通知: the notices sent, 24 件), which a row's phrase does not take over. */
const PROSE = new Set(CUE_WORDS.filter(([, w]) => w.k === 'topic').map(([s]) => s));

/**
 * The template's own row labels are words too, as printed without their numbering ("属于国家秘密",
 * "要求行政机关确认或重新出具已获取信息", "信访举报投诉类申请"), with the phrases the parser knows them by.
 */
const TEMPLATE_WORDS: [string, Word][] = ALL_APPLICATION_ROWS.filter((d) => d.key !== 'other_total').flatMap((d) => {
  const label = d.label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七]）(?:[\u4e00-\u9fff]{4}\s*)?|\d+\./g, '').trim();
  const forms = [label, label.replace(/^属于/, ''), label.replace(/^申请人/, ''), ...d.phrases.filter((p) => p.length >= 3)];
  return [...new Set(forms.filter((x) => x.length >= 3 && !/总计|^其他$/.test(x) && !PROSE.has(x)))]
    .map((x): [string, Word] => [x, { k: 'metric', id: `applications.${d.key}` }]);
});

export const WORDS: [string, Word][] = [
  ...TEMPLATE_WORDS,
  ...TABLE_WORDS,
  ...CUE_WORDS,
  ...FILLERS.map((s): [string, Word] => [s, { k: 'filler' }]),
  ...ORG_WORDS.map((o): [string, Word] => [o.word, { k: 'org', word: o.word }]),
];
