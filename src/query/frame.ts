/** A question as a typed frame: who, when, what, what kind of answer — and every word it could not read. */
import type { Claim } from './read/claim.js';
import type { Place } from '../domain/gazetteer.js';
import type { NameEntry } from './bodies.js';
import type { Applicant, Cue, Ratio, ReviewCol, ReviewGroup, Word } from './words/index.js';

export type Intent =
  | 'lookup' | 'compare' | 'rank' | 'total' | 'change' | 'trend' | 'list' | 'audit' | 'published' | 'problems'
  | 'narrative' | 'card' | 'help' | 'unknown';

export type Entry = Word | NameEntry;

/** A body named in the question that is not on file: 番禺区教育局, 广州市人民政府, 深圳市协作办公室. */
export interface UnknownBody {
  typed: string;
  /** The place the name is in, when it names one. */
  place: Place | null;
  /** Bodies on file in that place (a hint), and those a government/office mix-up could mean (a question). */
  near: number[];
  counterparts: number[];
}

/** The pieces a metric is made of, kept apart so a follow-up can replace one ("自然人呢", "还有几件没审结"). */
export interface MetricParts {
  rows: string[];
  groups: ReviewGroup[];
  rcol?: ReviewCol;
  /** Every table 四 column named, in order (纠正加维持: two figures). */
  rcols?: ReviewCol[];
  doc?: Doc;
  docop?: DocOp;
  /** Every document and operation named (规章和规范性文件; 制发、废止、现行有效分别): a figure for each pair. */
  docs?: Doc[];
  docops?: DocOp[];
}
type Doc = 'rules' | 'normative_documents';
type DocOp = 'issued' | 'published_new' | 'repealed' | 'in_force' | 'prev_items' | 'change';

export interface Frame {
  text: string;
  intent: Intent;
  bodies: number[];
  /** Names understood by a guess (typo, fuzzy): echoed in the answer. */
  guessed: { typed: string; name: string }[];
  /** A mention that fits several bodies: ask which. */
  ambiguous: number[] | null;
  /** Places used as a filter (广州市 in 广州市各单位合计). */
  regions: Place[];
  /** A place name several places with bodies bear, named where a region is meant (鼓楼区各单位): which one? */
  ambiguousPlaces: Place[];
  /** Places named that have no body on file (天河区). */
  unknownPlaces: Place[];
  unknownBodies: UnknownBody[];
  years: number[];
  /** Years counted from the chat's year (前一年 = −1), resolved against the context. */
  ctxYears: number[];
  /** Years counted from today (去年 = −1): in a follow-up, from the chat's year when today's is the one shown. */
  relYears: number[];
  /** 上一份报告 / 下一份 (−1 / +1): the report on file nearest before or after the year counted from. */
  nextReport?: -1 | 1;
  /** The years were counted from the chat's (上一年呢): a 去年呢 or 上年呢 next goes on counting back from them. */
  yearStep?: boolean;
  range?: [number, number];
  lastN?: number;
  latest: boolean;
  metrics: string[];
  parts: MetricParts;
  ratio?: Ratio;
  /** Years or figures said of each body (or figures of each year) apart: 番禺2024年和洪泽2023年. */
  pairedApart?: 'years' | 'figures';
  /** A figure the question states and asks to be checked (1774件对吗). */
  claimed?: Claim;
  /** The body the chat's last ranking named first: 它, 该单位 in a follow-up. */
  lead?: number;
  /** Every clause the chat's last message asked (收到多少申请，公开率多少): 番禺呢 next asks each of another body. */
  clauses?: Frame[];
  /** The body of the turn before, when this one asked the same of another (洪泽的公开率 → 番禺呢): 谁更高 compares. */
  before?: number[];
  /** Likewise the year of the turn before (洪泽2024年… → 2023年呢): 差多少 or 加起来 next sets the two years apart. */
  beforeYears?: number[];
  /** A figure denied (没有被公开的申请, 不是予以公开的): no table figure counts it. */
  negated: boolean;
  /** A share's part and whole as the question names them (予以公开占新收申请的比例, 办结中予以公开的比例). */
  share?: { part?: string; whole?: string; several?: boolean; wholeColumn?: boolean };
  /** Every rate named (办结率和公开率): each is answered. */
  ratios: Ratio[];
  applicant?: Applicant;
  /** Every applicant column named (自然人和商业企业 各多少): each is a figure of its own. */
  applicants: Applicant[];
  cues: Cue[];
  /** Words the lexicon does not know: narrative search terms, and the reason no table number is given. */
  unknown: string[];
  keywords: string[];
  /** Subject words of the prose that name no table figure (留言, 培训, 网站): beside a figure they may change it. */
  topics: string[];
  /** Names the question quotes (“广州番禺发布”公众号): a figure from the text must be printed with them. */
  quoted: string[];
  unit?: string;
  order?: 'desc' | 'asc';
  topN?: number;
  /** The place in a ranking asked for (排名第二的是谁, 倒数第三名): counted in the ranking's order. */
  nth?: number;
  subYear: boolean;
  wantsNumber: boolean;
  /** The question asks for figures added up (一共, 合计, 加起来). */
  wantsSum: boolean;
  /** The metric was not named but defaulted (a column alone, an outcome alone): a follow-up keeps the chat's. */
  metricDefaulted: boolean;
  /** What was recognised, for tests and logs. */
  trace: string[];
}

export const emptyFrame = (text: string): Frame => ({
  text, intent: 'unknown', bodies: [], guessed: [], ambiguous: null, regions: [], ambiguousPlaces: [],
  unknownPlaces: [], unknownBodies: [],
  years: [], ctxYears: [], relYears: [],
  latest: false, ratios: [], applicants: [], metrics: [], parts: { rows: [], groups: [] },
  cues: [], unknown: [], keywords: [], topics: [], quoted: [],
  subYear: false, negated: false, wantsNumber: false, wantsSum: false, metricDefaulted: false,
  trace: [],
});

/** The question names who it is about. */
export const namesWho = (f: Frame) =>
  f.bodies.length > 0 || f.ambiguous !== null || f.unknownPlaces.length > 0 || f.regions.length > 0
    || f.ambiguousPlaces.length > 0
    || f.unknownBodies.length > 0;
/** The question names what it asks for. */
export const namesWhat = (f: Frame) => f.metrics.length > 0 || !!f.ratio;
