import { invalidField } from '../errors';
import type { LocalizedText } from '../text';

/**
 * The question must be written in Vietnamese with diacritics (BĐ 12.2a). Three ways text arrives
 * without them, each refused with its own message naming the field:
 * - typed without marks ("Xin hoi ve thu tuc"): too few words carry a Vietnamese mark;
 * - UTF-8 read as Latin-1/Windows-1252 (mojibake): "Há»i", "Ä‘", "Æ°á»" — lead bytes of Vietnamese
 *   letters shown as Latin letters followed by C1/Latin-1 symbols;
 * - legacy 8-bit fonts: TCVN3 (ABC) puts tone-marked letters on Latin-1 symbols ("Tr­êng", "H¸i"),
 *   VNI on ASCII letters followed by Latin-1 letters Vietnamese never uses ("Vieät", "ñeán").
 * Works on NFC text (the schema normalises first).
 */
export type VietnameseTextProblem = 'no_diacritics' | 'mojibake' | 'legacy_encoding';

/** Latin-1 readings of UTF-8 lead bytes of Vietnamese letters (Ã, Ä, Æ, á) followed by a continuation byte's reading. */
const MOJIBAKE =
  /[ÃÂÄÆ][\u0080-\u00BF\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u2122]|á[º»]/u;
/**
 * TCVN3 (ABC) code points of Vietnamese letters that Latin-1 shows as symbols (¸ á, µ à, ¶ ả, ­ ư,
 * ® đ, ª ê…). Left out, as ordinary text uses them beside letters: ° ± ² ³ and the guillemets « ».
 */
const TCVN3_SYMBOL = '[\u00A1-\u00AA\u00AC-\u00AF\u00B4-\u00BA\u00BC-\u00BF]';
const TCVN3_IN_WORD = new RegExp(`\\p{L}${TCVN3_SYMBOL}|${TCVN3_SYMBOL}\\p{L}`, 'gu');
/** VNI Windows tone and vowel marks read as Latin-1 letters that Vietnamese does not have. */
const VNI_IN_WORD = /[A-Za-z][äëïöüåçñøÿÄËÏÖÜÅÇÑØ]|[ñÑ][a-zA-Z]/gu;
const WORD = /\p{L}+/gu;
/** Vietnamese marks after NFD: tones (grave, acute, tilde, hook, dot below), circumflex, breve, horn. */
const VIETNAMESE_MARK = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]|[đĐ]/u;

/** Below this share of marked words a text of `MIN_WORDS` words or more is taken as typed without marks. */
export const MIN_MARKED_SHARE = 0.2;
export const MIN_WORDS = 3;

export function vietnameseTextProblem(value: string): VietnameseTextProblem | undefined {
  if (MOJIBAKE.test(value)) return 'mojibake';
  if ((value.match(TCVN3_IN_WORD)?.length ?? 0) >= 2 || (value.match(VNI_IN_WORD)?.length ?? 0) >= 2)
    return 'legacy_encoding';
  // Stryker disable next-line ArrayDeclaration: any stand-in for "no words" has no Vietnamese mark, so it is refused as no_diacritics all the same
  const words = value.match(WORD) ?? [];
  if (words.length === 0) return 'no_diacritics';
  const marked = words.filter((w) => VIETNAMESE_MARK.test(w.normalize('NFD'))).length;
  if (marked === 0) return 'no_diacritics';
  if (words.length >= MIN_WORDS && marked / words.length < MIN_MARKED_SHARE) return 'no_diacritics';
  return undefined;
}

const messages: Record<VietnameseTextProblem, (name: LocalizedText) => LocalizedText> = {
  no_diacritics: (n) => ({
    vi: `${n.vi} phải viết bằng tiếng Việt có dấu (BĐ 12.2a)`,
    en: `The ${n.en} must be written in Vietnamese with diacritics (BĐ 12.2a)`,
  }),
  mojibake: (n) => ({
    vi: `${n.vi} bị lỗi mã hóa (chữ UTF-8 bị đọc sai thành Latin-1, ví dụ "Há»i"): hãy gõ lại bằng Unicode`,
    en: `The ${n.en} is garbled (UTF-8 read as Latin-1, e.g. "Há»i"): type it again in Unicode`,
  }),
  legacy_encoding: (n) => ({
    vi: `${n.vi} dùng bảng mã cũ (TCVN3/ABC hoặc VNI): hãy chuyển sang Unicode (TCVN 6909:2001)`,
    en: `The ${n.en} uses a legacy encoding (TCVN3/ABC or VNI): convert it to Unicode (TCVN 6909:2001)`,
  }),
};

/** Refuses `value` for `field` (e.g. `text`, named "Nội dung câu hỏi" / "question text"). */
export function requireVietnameseText(field: string, name: LocalizedText, value: string): void {
  const problem = vietnameseTextProblem(value.normalize('NFC'));
  if (problem) throw invalidField(field, messages[problem](name), problem);
}
