/**
 * Two questions in one message, the second a follow-up of the first (番禺在全市排第几？在全省呢): each is
 * answered, the second in the context of the first. Only a second part that ends in 呢 is read this way: a
 * part after the mark often completes the first (部分公开几件？洪泽区2024), and is read with it.
 */
const MARK = /[？?；;。！!]+/;
const FOLLOW_UP = /呢[？?。！!]*$/;
/** Parts of at most this many: more is read as one question. */
const MOST = 3;

export function splitFollowUps(text: string): string[] {
  const parts = text.split(MARK).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > MOST) return [text];
  const rest = text.slice(text.indexOf(parts[1]));
  const later = rest.split(MARK).map((p) => p.trim()).filter(Boolean);
  // every later part a follow-up (…呢), the first part long enough to stand alone
  if (!later.every((p) => FOLLOW_UP.test(p)) || parts[0].length < 6) return [text];
  return parts;
}
