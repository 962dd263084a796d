/**
 * Search text for Vietnamese: what a reader types without diacritics ("quyet dinh") must meet
 * what an editor wrote with them ("Quyết định"), and đ/Đ must meet d. Documents and queries go
 * through the same functions, so the index and the plan always agree on a term's spelling.
 */

/** Every combining mark: Vietnamese tones and vowel marks, and any other script's. */
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A term longer than this is cut: it bounds the partition key's size (DynamoDB allows 2,048
 * bytes) and the work per token; both sides cut the same way, so long words still match.
 */
export const MAX_TERM_CHARS = 40;

/**
 * Lower-case, diacritics and marks removed, đ → d, compatibility forms made plain (full-width
 * digits, ligatures), NFC. Idempotent: folding folded text changes nothing.
 */
export function foldForSearch(value: string): string {
  // NFKD splits precomposed letters into base + marks and turns compatibility forms into plain
  // ones (İ becomes I + U+0307, so lower-casing it cannot bring a new mark back).
  return value.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/đ/g, 'd').normalize('NFC');
}

/**
 * Folded syllables ("words") in reading order. Anything that is not a letter or a digit
 * separates them (spaces, punctuation, symbols), so "kinh tế-xã hội" gives four syllables.
 */
export function tokenize(value: string): string[] {
  return [...foldForSearch(value).matchAll(WORD)].map((m) => m[0].slice(0, MAX_TERM_CHARS));
}

/**
 * Function words left out of the index: they are in almost every summary, so their partitions
 * would be the largest and their matches tell documents apart least; leaving them out also keeps
 * room under the per-document term cap for words that matter. Only folded forms that are almost
 * never a content word are listed: folding merges "về" with "vệ" (vệ sinh) and "số" with "sở"
 * (Sở Tài chính), so "ve" and "so" stay searchable.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'cua', // của
  'va', // và
  'cac', // các
  'nhung', // những, nhưng
  'theo', // theo
  'viec', // việc
  'ngay', // ngày
  'duoc', // được
  'nay', // này, nay
  'voi', // với
  'la', // là
  'thi', // thì
  'hoac', // hoặc
  'boi', // bởi
  'mot', // một
  'tren', // trên
]);

/** tokenize, without stopwords and repeats, in first-seen order. */
export function searchWords(value: string): string[] {
  return [...new Set(tokenize(value).filter((t) => !STOPWORDS.has(t)))];
}
