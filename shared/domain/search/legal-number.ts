import { foldForSearch } from './normalize';

/**
 * Forms of documents and the codes their numbers/symbols carry (ký hiệu). Administrative documents:
 * NĐ 30/2020/NĐ-CP Phụ lục III; normative ones: Luật Ban hành văn bản quy phạm pháp luật (a law's
 * symbol carries only the legislature, e.g. 80/2015/QH13, so Luật has no code). `key` is the
 * folded name, the form's search term: folded codes collide (HĐ hợp đồng / HD hướng dẫn, ĐA đề án /
 * DA dự án), folded names do not.
 */
export interface LegalForm {
  readonly key: string;
  readonly name: string;
  readonly code?: string;
}

/** The key is folded at first read, not at import (a cold start of every function bundling search). */
const form = (name: string, code?: string): LegalForm => {
  let key: string | undefined;
  return {
    get key() {
      return (key ??= foldForSearch(name).replace(/\s+/g, '-'));
    },
    name,
    ...(code ? { code } : {}),
  };
};

export const LEGAL_FORMS: readonly LegalForm[] = [
  form('Hiến pháp'),
  form('Bộ luật'),
  form('Luật'),
  form('Pháp lệnh'),
  form('Lệnh', 'L'),
  form('Nghị định', 'NĐ'),
  form('Nghị quyết', 'NQ'),
  form('Quyết định', 'QĐ'),
  form('Thông tư liên tịch', 'TTLT'),
  form('Thông tư', 'TT'),
  form('Chỉ thị', 'CT'),
  form('Quy chế', 'QC'),
  form('Quy định', 'QyĐ'),
  form('Thông cáo', 'TC'),
  form('Thông báo', 'TB'),
  form('Hướng dẫn', 'HD'),
  form('Chương trình', 'CTr'),
  form('Kế hoạch', 'KH'),
  form('Phương án', 'PA'),
  form('Đề án', 'ĐA'),
  form('Dự án', 'DA'),
  form('Báo cáo', 'BC'),
  form('Biên bản', 'BB'),
  form('Tờ trình', 'TTr'),
  form('Hợp đồng', 'HĐ'),
  form('Công điện', 'CĐ'),
  form('Công văn'),
  form('Giấy mời', 'GM'),
];

const upper = (value: string) => value.normalize('NFC').toLocaleUpperCase('vi');

/**
 * The forms a code or a name may mean: exactly one when written with its Đ ("QĐ", "HĐ") or by name
 * ("Quyết định", "quyet dinh"); a code typed without its Đ may mean two ("HD": hướng dẫn or hợp đồng).
 */
export function formsNamed(value: string): LegalForm[] {
  const written = upper(value.trim());
  const exact = LEGAL_FORMS.filter((f) => (f.code && upper(f.code) === written) || upper(f.name) === written);
  if (exact.length > 0) return exact;
  const folded = foldForSearch(value)
    .trim()
    .replace(/[\s-]+/g, '-');
  // Stryker disable next-line ConditionalExpression,StringLiteral: no form's key or code folds to '', so the filter below finds nothing either
  if (folded === '') return [];
  return LEGAL_FORMS.filter((f) => f.key === folded || (f.code !== undefined && foldForSearch(f.code) === folded));
}

/** A document number/symbol, e.g. "12/2026/QĐ-UBND": number 12, year 2026, form QĐ, authority UBND. */
export interface LegalNumber {
  /** Leading zeros dropped: "01/2026/NQ-HĐND" is number 1. */
  readonly number: number;
  /** The year in the symbol (normative documents carry it; most administrative ones do not). */
  readonly year?: number;
  /** The symbol's codes as written, NFC: ['QĐ', 'UBND'], ['UBND', 'VX'], ['QH13']. */
  readonly codes: readonly string[];
  /** The first code when it is a known form's code ("QĐ"); a công văn's symbol has none. */
  readonly formCode?: string;
  /** The codes after the form code: the issuing authority, then any unit or co-issuers. */
  readonly authorityCodes: readonly string[];
  /** Canonical spelling: "12/2026/QĐ-UBND". */
  readonly symbol: string;
}

/** The largest number a register plausibly reaches; it bounds the digits read. */
const MAX_DIGITS = 6;
const NUMBER_SOURCE = String.raw`(\d{1,${MAX_DIGITS}})(?:\s*\/\s*((?:19|20)\d\d|2100))?(?:\s*\/\s*(\p{L}[\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*))?`;
/** Not inside a longer run of digits, letters or another symbol ("13/02/2026" is a date, not two numbers). */
const IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}\/.\-])${NUMBER_SOURCE}(?![\p{L}\p{N}])`, 'gu');
const WHOLE = new RegExp(String.raw`^(?:(?:số|so|no\.?)\s*:?\s*)?${NUMBER_SOURCE}$`, 'iu');

function legalNumberOf(digits: string, year: string | undefined, symbol: string | undefined): LegalNumber | undefined {
  const number = Number(digits);
  if (number < 1) return undefined;
  const codes = symbol ? symbol.split('-').map((c) => c.normalize('NFC')) : [];
  const first = codes[0];
  const isForm =
    first !== undefined &&
    codes.length > 1 &&
    LEGAL_FORMS.some((f) => f.code !== undefined && upper(f.code) === upper(first));
  const looseForm =
    first !== undefined && codes.length > 1 && !isForm && formsNamed(first).some((f) => f.code !== undefined);
  const formCode = isForm || looseForm ? first : undefined;
  const authorityCodes = formCode ? codes.slice(1) : codes;
  return {
    number,
    ...(year ? { year: Number(year) } : {}),
    codes,
    ...(formCode ? { formCode } : {}),
    authorityCodes,
    symbol: [String(number), ...(year ? [year] : []), ...(codes.length ? [codes.join('-')] : [])].join('/'),
  };
}

/**
 * The legal number a field holds on its own ("12/2026/QĐ-UBND", "Số: 12/2026/QĐ-UBND", "12/2026",
 * "12"), or undefined. A document's number/symbol is valid when it parses with at least one
 * authority code; a search's `number` may be partial.
 */
export function parseLegalNumber(text: string): LegalNumber | undefined {
  const match = WHOLE.exec(text.normalize('NFC').trim());
  return match ? legalNumberOf(match[1]!, match[2], match[3]) : undefined;
}

/**
 * The legal numbers in free text ("Quyết định số 12/2026/QĐ-UBND ngày …"), each with where it
 * stands. A bare number counts only with a year or a symbol: "ngày 13/02/2026" is a date.
 */
export function findLegalNumbers(text: string): Array<{ value: LegalNumber; index: number; length: number }> {
  const found: Array<{ value: LegalNumber; index: number; length: number }> = [];
  for (const match of text.matchAll(IN_TEXT)) {
    if (match[2] === undefined && match[3] === undefined) continue;
    const value = legalNumberOf(match[1]!, match[2], match[3]);
    if (value) found.push({ value, index: match.index, length: match[0].length });
  }
  return found;
}
