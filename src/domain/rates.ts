/**
 * The defined rates whose every operand is one cell of the template (公开率, 办结率, 行政复议纠错率 and 维持率), as
 * the store keeps them for each active report so that a ranking of a rate is an index range like a cell's. A rate
 * is Σ sign × numerator cells ÷ Σ sign × denominator cells, and none when a cell is not printed or the denominator
 * is 0 (the query's catalogue of rates says the same; a test holds the two equal).
 */
export interface RateOperand { key: string; sign: 1 | -1 }
export interface StoredRate { id: string; num: RateOperand[]; den: RateOperand[] }

/** The table name of the rows that hold rates, beside the template's tables. */
export const RATE_TABLE = 'rate';

const plus = (key: string): RateOperand => ({ key, sign: 1 });
const minus = (key: string): RateOperand => ({ key, sign: -1 });
const REVIEW_DONE = [plus('review_litigation.review.total'), minus('review_litigation.review.pending')];

export const STORED_RATES: StoredRate[] = [
  {
    id: 'open_rate', den: [plus('applications.total_processed.total')],
    num: [plus('applications.granted.total'), plus('applications.partial.total')],
  },
  {
    id: 'completion_rate', num: [plus('applications.total_processed.total')],
    den: [plus('applications.new_received.total'), plus('applications.carried_over.total')],
  },
  { id: 'review_correction_rate', num: [plus('review_litigation.review.corrected')], den: REVIEW_DONE },
  { id: 'review_upheld_rate', num: [plus('review_litigation.review.upheld')], den: REVIEW_DONE },
];

/** The key of a stored rate's rows (table.row.col, as a cell's), or null when the rate is not stored. */
export function storedRateKey(id: string): string | null {
  return STORED_RATES.some((r) => r.id === id) ? `${RATE_TABLE}.${id}.total` : null;
}
