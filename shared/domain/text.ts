import * as z from 'zod/mini';

/** A message in both languages the portal must serve (BĐ 6.2, NĐ 42 Điều 7.2). */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export type Language = keyof LocalizedText;

export const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Unicode text is stored in NFC (TCVN 6909:2001; QN 5.1, CB 8.1). */
export const nfc = (value: string): string => value.normalize('NFC');

/** Diacritic-insensitive folding for search and slugs: đ is a letter of its own, not a mark. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * A custom zod message in both languages (`z.refine(f, { error: bilingual('…', '…') })`); the
 * HTTP layer (shared/http/validation.ts) turns it back into a LocalizedText.
 */
export const BILINGUAL_MARK = '\u0001';
export const bilingual = (viText: string, enText: string): string =>
  `${BILINGUAL_MARK}${JSON.stringify({ vi: viText, en: enText })}`;

/** Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what readers see. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * Characters a reader cannot see but a machine compares: format characters (zero-width space,
 * joiners and non-joiners U+200B–U+200D, marks U+200E–U+200F and U+061C, word joiner U+2060 and
 * invisible operators, the BOM U+FEFF, soft hyphen, bidi controls) and non-characters (U+FFFE,
 * U+FFFF, U+FDD0–U+FDEF). Refused in human text; stripped from bodies and comparison keys.
 */
const INVISIBLE_CHARACTERS = String.raw`[\p{Cf}￾￿﷐-﷯]`;
const INVISIBLE = new RegExp(INVISIBLE_CHARACTERS, 'u');
export const stripInvisible = (value: string): string => value.replace(new RegExp(INVISIBLE_CHARACTERS, 'gu'), '');

/** Control characters other than tab and line breaks. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const VISIBLE = /[\p{L}\p{N}]/u;

/**
 * Why a piece of human text (a name, a title, a legal basis) cannot be stored, or undefined when
 * it can: lone surrogates (not Unicode at all), bidi overrides and isolates (text that reads
 * differently from what it is), control characters, or nothing a reader could see (only
 * spaces, zero-width or format characters).
 */
export function humanTextProblem(value: string): LocalizedText | undefined {
  if (LONE_SURROGATE.test(value))
    return text('Văn bản chứa ký tự Unicode hỏng (surrogate lẻ)', 'The text holds broken Unicode (a lone surrogate)');
  if (BIDI_CONTROLS.test(value))
    return text(
      'Văn bản không được chứa ký tự điều khiển hướng chữ',
      'The text must not hold bidi override or isolate characters',
    );
  if (CONTROLS.test(value))
    return text('Văn bản không được chứa ký tự điều khiển', 'The text must not hold control characters');
  if (INVISIBLE.test(value))
    return text(
      'Văn bản không được chứa ký tự vô hình (độ rộng 0, định dạng)',
      'The text must not hold invisible characters (zero-width or format characters)',
    );
  if (!VISIBLE.test(value))
    return text('Văn bản phải có ít nhất một chữ hoặc số', 'The text must hold at least one letter or digit');
  return undefined;
}

/** Text that is not human text but must still be characters (an item's HTML body): no lone surrogates, no control characters. */
export const isCleanCharacters = (value: string): boolean => !LONE_SURROGATE.test(value) && !CONTROLS.test(value);

/**
 * Human text as every schema takes it: NFC, trimmed, `min`–`max` characters, and nothing
 * humanTextProblem refuses. Use it for every free-text field.
 */
export function humanText(max: number, min = 1) {
  // One schema per bounds: ~50 fields share a handful, and each build is 6 zod objects at import.
  const key = `${min}-${max}`;
  let schema = humanTexts.get(key);
  if (!schema) humanTexts.set(key, (schema = buildHumanText(max, min)));
  return schema;
}

/** Schemas are immutable: `.check(…)` on a shared one (a description, a refinement) makes a new one. */
const humanTexts = new Map<string, ReturnType<typeof buildHumanText>>();

function buildHumanText(max: number, min: number) {
  const length = bilingual(`Độ dài phải từ ${min} đến ${max} ký tự`, `The length must be ${min} to ${max} characters`);
  return z.string().check(
    z.normalize('NFC'),
    z.trim(),
    z.minLength(min, { error: length }),
    z.maxLength(max, { error: length }),
    z.superRefine((value, ctx) => {
      const problem = humanTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: bilingual(problem.vi, problem.en) });
    }),
  );
}
