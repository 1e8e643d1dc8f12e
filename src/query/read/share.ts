/**
 * A share's part and whole, as the question names them: the figure after 占 is the whole (予以公开占新收申请的
 * 比例), the figure before 中 is (办结中予以公开的比例, 行政复议中纠正的占比). Each side is read as a question's
 * words are: one figure, or none when the side names none or several.
 */
import type { Frame } from '../frame.js';
import { RATIOS } from '../metrics.js';
import type { Word } from '../words/index.js';
import { collectParts, metricsOf, namesFigure } from './words.js';

export interface ShareToken { text: string; words: Word[] }

/** Words naming the whole after them; words closing the whole before them. */
const OF = /^所?占(多少)?$/;
const WITHIN = /^(其中|中|里|里面|当中|之中)$/;

export function readShare(f: Frame, toks: ShareToken[]): void {
  const of = toks.findIndex((t) => OF.test(t.text));
  // 占办结的比例: a rate's words after 占 name the whole of a share (办结), not the rate (办结率)
  const rate = of >= 0 ? rateOf(toks[of + 1]) : undefined;
  if (rate && f.ratio === rate) {
    f.ratio = 'share';
    f.ratios = f.ratios.filter((r) => r !== rate);
  }
  if (f.ratio !== 'share') return;
  const within = toks.findIndex((t) => WITHIN.test(t.text));
  // 不予公开中行政执法案卷占多少: 占 with no figure after it; the whole is the one before 中
  const ofNamesWhole = of >= 0 && toks.slice(of + 1).some((t) => t.words.some(namesFigure));
  const afterOf = of >= 0 && (ofNamesWhole || within < 0 || within > of);
  if (!afterOf && within < 0) return;
  const [wholeToks, partToks] = afterOf ? [toks.slice(of + 1), toks.slice(0, of)]
    : [toks.slice(0, within), toks.slice(within + 1, of > within ? of : undefined)];
  const whole = figureOf(f, wholeToks);
  const part = figureOf(f, withGroupOf(partToks, wholeToks));
  f.share = { part: part.id, whole: whole.id, several: part.several || whole.several, wholeColumn: whole.column };
}

/** 行政诉讼中维持的占比: an outcome named alone is the outcome of the group the whole names. */
function withGroupOf(part: ShareToken[], whole: ShareToken[]): ShareToken[] {
  const groupsIn = (ts: ShareToken[]) => ts.flatMap((t) => t.words).filter((w) => w.k === 'rgroup');
  const outcome = part.some((t) => t.words.some((w) => w.k === 'rcol'));
  const groups = groupsIn(whole);
  if (!outcome || groupsIn(part).length || !groups.length) return part;
  return [...part, { text: '', words: groups }];
}

type Rate = keyof typeof RATIOS;
const rateOf = (t: ShareToken | undefined): Rate | undefined => t?.words
  .flatMap((w) => (w.k === 'ratio' && w.id !== 'share' ? [w.id as Rate] : []))[0];

/** One side of a share: its figure, whether it names several, whether an applicant column is named with it. */
type SideRead = { id?: string; several: boolean; column: boolean };

function figureOf(f: Frame, toks: ShareToken[]): SideRead {
  const words = toks.flatMap((t) => t.words);
  const column = words.some((w) => w.k === 'col');
  // 办结的比例 after 占: the rate's one counted figure (办理结果总计)
  const rate = toks.length === 1 ? rateOf(toks[0]) : undefined;
  if (rate && RATIOS[rate].num.length === 1) return { id: RATIOS[rate].num[0][0], several: false, column };
  const parts = collectParts(words);
  const cues = words.flatMap((w) => (w.k === 'cue' ? [w.id] : []));
  if (!words.some(namesFigure)) return { several: false, column };
  const metrics = metricsOf({ cues, keywords: f.keywords }, parts);
  return { id: metrics.length === 1 ? metrics[0] : undefined, several: metrics.length > 1, column };
}
