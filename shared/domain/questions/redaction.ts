import type { Asker } from './asker';

/**
 * Redaction of a question and its answer before publication (issue 9 §3, §7; CB 6; NĐ 356/2025):
 * phone numbers (Vietnamese formats), e-mail addresses, ID numbers (CMND 9 digits, CCCD 12, a
 * passport's letter and 7–8 digits), personal names (after a form of address or "tôi là", or a
 * full name of three or more syllables starting with a common family name) and the asker's own
 * name, address, organisation, phone, e-mail and ID wherever they appear, are replaced by a
 * neutral mark. Patterns are anchored on what is not a letter or digit, so legal document numbers
 * (`12/2026/QĐ-UBND`), dates (`12/02/2026`) and amounts survive. Redacting too much is the safe
 * failure: a street named after a person ("Trần Hưng Đạo") may be hidden, a phone number never shown.
 */
export const REDACTED = '[đã ẩn]';

/** Not a letter, mark or digit, nor a character that joins a number (`/`, `.`, `-`, `+`). */
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}/+.\-@])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{M}\p{N}/@]|[.\-]\p{N})`;
const SEP = '[ .-]';

/**
 * Phones: a national number (0 + 9–10 digits) or an international one (+84 / 0084, then 9–10
 * digits), contiguous or in three or four groups separated by one space, dot or hyphen
 * (`0912 345 678`, `091.234.5678`, `024 3825 1234`, `+84 912 345 678`, `(+84) 912-345-678`).
 */
const PHONE_BODY = String.raw`(?:\d{9,10}|\d{2,4}${SEP}\d{3,4}${SEP}\d{3,4}|\d{3}${SEP}\d{2,3}${SEP}\d{2}${SEP}\d{2})`;
const PHONE = new RegExp(
  String.raw`${EDGE_BEFORE}(?:\(\+84\)\s?|\+84${SEP}?|0084${SEP}?|0)${PHONE_BODY}${EDGE_AFTER}`,
  'gu',
);
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** CMND (9 digits), CCCD (12 digits), a passport (a capital letter and 7–8 digits). */
const ID_NUMBER = new RegExp(String.raw`${EDGE_BEFORE}(?:\d{12}|\d{9}|[A-Z]\d{7,8})${EDGE_AFTER}`, 'gu');

const CAPITALISED = String.raw`\p{Lu}[\p{Ll}\p{M}]*`;
const NAME = String.raw`${CAPITALISED}(?:[ \t]+${CAPITALISED}){0,4}`;
/** A form of address or a self-introduction, then a capitalised name: the name goes, the form stays. */
const FORMS = [
  'ông',
  'bà',
  'anh',
  'chị',
  'cô',
  'chú',
  'bác',
  'cháu',
  'em',
  'tôi là',
  'tôi tên là',
  'tên tôi là',
  'tên là',
  'họ tên',
  'họ và tên',
];
// Not the `i` flag: with it, \p{Lu} would match lower-case letters too. Each form as written and capitalised.
const FORM = FORMS.flatMap((f) => [f, f[0]!.toUpperCase() + f.slice(1)]).join('|');
const INTRODUCED_NAME = new RegExp(String.raw`(?<![\p{L}\p{M}])((?:${FORM})[ \t]*:?[ \t]+)(${NAME})`, 'gu');
const FAMILY_NAMES =
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Lâm|Trương|Mai|Cao|Tạ|Lương|Trịnh|Đào|Hà|Tô|Châu|Quách';
/** A full name of three to five syllables starting with a common family name ("Nguyễn Văn An"). */
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:${FAMILY_NAMES})(?:[ \t]+${CAPITALISED}){2,4}(?![\p{L}\p{M}])`,
  'gu',
);
/** Well-known names that are places and institutions, not people (kept). */
const KEPT_NAMES = new Set(['Hồ Chí Minh']);

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The asker's own values as patterns: case-insensitive text, and phone/ID digits with any separators. */
function askerPatterns(asker: Asker | undefined): RegExp[] {
  if (!asker) return [];
  const values = Object.entries(asker)
    .filter(
      ([key, value]) =>
        key !== 'kind' &&
        key !== 'nationality' &&
        key !== 'representativePosition' &&
        key !== 'occupation' &&
        typeof value === 'string',
    )
    .map(([key, value]) => [key, (value as string).normalize('NFC').trim()] as const)
    .filter(([, value]) => value.length >= 2);
  const patterns: RegExp[] = [];
  const houses: RegExp[] = [];
  for (const [key, value] of values) {
    const digits = value.replace(/\D/g, '');
    if ((key === 'phone' || key === 'idNumber') && digits.length >= 6) {
      // `0905 123 456`, `0905123456`, `0905.123.456` and `+84 905 123 456` are the same number.
      const national = digits.startsWith('84') && key === 'phone' ? digits.slice(2) : digits.replace(/^0/, '');
      const spaced = [...national].map(escapeRegExp).join('[ .()-]*');
      patterns.push(new RegExp(String.raw`(?:\(?\+?84\)?[ .-]*|0)?${spaced}(?!\p{N})`, 'gu'));
    } else {
      patterns.push(new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${escapeRegExp(value)}(?![\p{L}\p{M}\p{N}])`, 'giu'));
      if (key === 'address') houses.push(...houseAndStreet(value));
      // A name's given part alone ("Nhung", "Hồng Nhung") after a form of address is caught by INTRODUCED_NAME.
    }
  }
  // Longest first: an address that contains the name is hidden whole; then the house by its parts.
  return [...patterns.sort((a, b) => b.source.length - a.source.length), ...houses];
}

/**
 * The house of an address typed as "[Số | Số nhà] <number> [đường | phố] <street>, …" (its first
 * part): the number with its street however a text writes them — `12 Lê Lợi`, `số 12 đường Lê
 * Lợi`, `số nhà 12, phố Lê Lợi`, `Lê Lợi số 12` — in any case. A house number is digits, letters
 * after them and `/` parts (`12`, `12A`, `12bis`, `45B/2`). The street alone, or another number on
 * it, stays: it identifies nobody, and answers name streets.
 */
const HOUSE_NUMBER = String.raw`\d+[\p{L}]*(?:\/\d+[\p{L}]*)*`;
const HOUSE_PREFIX = String.raw`(?:số[ \t]+nhà|số)`;
const STREET_KIND = String.raw`(?:đường|phố)`;
const TYPED_HOUSE = new RegExp(
  String.raw`^(?:${HOUSE_PREFIX}[ \t]*)?(${HOUSE_NUMBER})[ \t]*,?[ \t]*(?:${STREET_KIND}[ \t]+)?([\p{L}\p{N}][\p{L}\p{M}\p{N} ]*[\p{L}\p{M}\p{N}]|\p{L})$`,
  'iu',
);

function houseAndStreet(address: string): RegExp[] {
  const first = address.split(',')[0]!.trim().replace(/\s+/g, ' ');
  const match = TYPED_HOUSE.exec(first);
  if (!match) return [];
  const number = escapeRegExp(match[1]!);
  const street = match[2]!.split(' ').map(escapeRegExp).join(String.raw`[ \t]+`);
  const gap = String.raw`[ \t]*,?[ \t]*`;
  return [
    new RegExp(
      String.raw`(?<![\p{L}\p{M}\p{N}])(?:${HOUSE_PREFIX}[ \t]*)?${number}${gap}(?:${STREET_KIND}[ \t]+)?${street}(?![\p{L}\p{M}\p{N}])`,
      'giu',
    ),
    new RegExp(
      String.raw`(?<![\p{L}\p{M}\p{N}])(?:${STREET_KIND}[ \t]+)?${street}${gap}(?:${HOUSE_PREFIX}[ \t]*)?${number}(?![\p{L}\p{M}\p{N}/])`,
      'giu',
    ),
  ];
}

/** `text` with personal data replaced by REDACTED; NFC in, NFC out; idempotent. */
export function redactPersonalData(text: string, asker?: Asker): string {
  let out = text.normalize('NFC');
  for (const pattern of askerPatterns(asker)) out = out.replace(pattern, REDACTED);
  out = out.replace(EMAIL, REDACTED);
  out = out.replace(PHONE, REDACTED);
  out = out.replace(ID_NUMBER, REDACTED);
  out = out.replace(INTRODUCED_NAME, (_match, form: string, name: string) =>
    KEPT_NAMES.has(name) ? `${form}${name}` : `${form}${REDACTED}`,
  );
  out = out.replace(FULL_NAME, (name) => {
    const kept = [...KEPT_NAMES].find((k) => name === k || name.startsWith(`${k} `));
    return kept === undefined ? REDACTED : name;
  });
  return out;
}
