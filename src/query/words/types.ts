/** What a word of a question means: the typed vocabulary every reader shares. */
export type Applicant =
  | 'natural_person' | 'commercial' | 'research' | 'public_interest' | 'legal_service' | 'other' | 'total'
  | 'legal_person';
export type ReviewGroup = 'review' | 'litigation' | 'litigation_direct' | 'litigation_after_review';
/** concluded: 已审结, the cases the results count (维持 + 纠正 + 其他结果), 总计 without 尚未审结. */
export type ReviewCol = 'upheld' | 'corrected' | 'other' | 'pending' | 'total' | 'concluded';
export type Ratio =
  | 'open_rate' | 'completion_rate' | 'review_correction_rate' | 'litigation_correction_rate' | 'review_upheld_rate'
  | 'share';
export type Cue =
  | 'receive' | 'compare' | 'rank_desc' | 'rank_asc' | 'rank' | 'sum' | 'change' | 'trend' | 'list' | 'audit'
  | 'published' | 'problems' | 'help' | 'all_bodies' | 'which' | 'and' | 'subyear' | 'question' | 'prev_year'
  | 'latest' | 'fee_amount' | 'report' | 'each' | 'difference' | 'times' | 'that_body' | 'negated' | 'deadline'
  | 'no_date' | 'late' | 'apply' | 'points' | 'which_year' | 'these' | 'breakdown'
  | 'position' | 'other_word' | 'nationwide' | 'province_wide' | 'city_wide'
  | 'average' | 'average_years' | 'each_county' | 'each_city' | 'each_town' | 'each_street' | 'each_township'
  | 'each_department';

export type Word =
  | { k: 'metric'; id: string }
  | { k: 'col'; id: Applicant }
  | { k: 'rgroup'; id: ReviewGroup }
  | { k: 'rcol'; id: ReviewCol }
  | { k: 'doc'; id: 'rules' | 'normative_documents' }
  | { k: 'docop'; id: 'issued' | 'published_new' | 'repealed' | 'in_force' | 'prev_items' | 'change' }
  /** percent: a word asking for a percentage alone (百分之几), not a share of something named. */
  | { k: 'ratio'; id: Ratio; percent?: true }
  | { k: 'cue'; id: Cue }
  /** A year counted from today (今年, 去年, 前年). */
  | { k: 'relyear'; offset: number }
  /**
   * A year counted from the year the chat was talking about (前一年, 后一年); from today without one. instead: the
   * year named is where counting starts, not a year asked too (2020年的下一份报告 asks 2021, 2024年比上一年 both).
   */
  | { k: 'ctxyear'; offset: number; instead?: true }
  /** Narrative words: they keep shorter table words inside them from matching, and stay search keywords. */
  | { k: 'topic' }
  /** Words that carry no content of their own (请问, 一下, 的, 多少). */
  | { k: 'filler' }
  /** The organisation word a body's name ends with (局, 人民政府, 街道办事处): part of a name. */
  | { k: 'org'; word: string };
