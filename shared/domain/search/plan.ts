import { invalidField } from '../errors';
import { text } from '../text';
import {
  findLegalNumbers,
  formsNamed,
  LEGAL_FORMS,
  parseLegalNumber,
  type LegalForm,
  type LegalNumber,
} from './legal-number';
import { foldForSearch, STOPWORDS, tokenize } from './normalize';
import { authorityTerms, isSelectiveTerm, symbolTerms, term } from './terms';

/**
 * The bounds of one search, as data. A search reads at most `maxReads` term ranges of at most
 * `itemsPerRead` entries each, so at most 1,000 small entries whatever the query and however many
 * documents are published; a query longer than `maxQueryChars` is refused, and clauses beyond
 * `maxClauses` or `maxReads` are left out (the plan says so).
 */
export const SEARCH_LIMITS = {
  maxQueryChars: 200,
  maxFilterChars: 100,
  maxClauses: 8,
  maxReads: 10,
  itemsPerRead: 100,
} as const;

/** The public search's parameters (`searchLegalDocuments`), as strings from the query string. */
export interface LegalSearchQuery {
  readonly q?: string;
  readonly number?: string;
  readonly form?: string;
  readonly authority?: string;
  /** ISO dates, inclusive. */
  readonly issuedFrom?: string;
  readonly issuedTo?: string;
  readonly status?: string;
  readonly language?: string;
}

/**
 * One thing the reader asked for. A document satisfies it when it matched every term of one of
 * its alternatives (`anyOf`); a required clause (the `number`, `form`, `authority` parameters)
 * must be satisfied, the others rank.
 */
export interface SearchClause {
  readonly kind: 'number' | 'form' | 'authority' | 'word';
  readonly anyOf: ReadonlyArray<readonly string[]>;
  readonly required: boolean;
}

/** One bounded read: `pk = term AND sk BETWEEN issuedFrom AND issuedTo`, newest first, `limit` entries. */
export interface SearchRead {
  readonly term: string;
  readonly issuedFrom?: string;
  readonly issuedTo?: string;
  readonly limit: number;
}

export interface SearchPlan {
  readonly reads: readonly SearchRead[];
  readonly clauses: readonly SearchClause[];
  readonly filters: {
    readonly status?: string;
    readonly language?: string;
    readonly issuedFrom?: string;
    readonly issuedTo?: string;
  };
  /** Some clauses of `q` were left out to keep the search within SEARCH_LIMITS. */
  readonly truncated: boolean;
}

/** Issuing authorities readers name in words; their codes are what symbols carry. */
const AUTHORITY_NAMES = [
  { name: 'Ủy ban nhân dân', code: 'UBND' },
  { name: 'Hội đồng nhân dân', code: 'HĐND' },
  { name: 'Thủ tướng Chính phủ', code: 'TTg' },
  { name: 'Chính phủ', code: 'CP' },
  { name: 'Quốc hội', code: 'QH' },
] as const;

/**
 * Form names and authority names as token sequences, longest first ("thông tư liên tịch" before
 * "thông tư"). Built at the first search, not at import: most requests of the functions that
 * bundle search never search, and folding ~30 names costs a cold start ~3 ms.
 */
// biome-ignore lint/plugin: a constant memo of a pure function (composition-roots-own-all-state.test.ts CONSTANT_MEMOS)
let phrases: Array<{ words: string[]; clause: SearchClause }> | undefined;
const PHRASES = () =>
  (phrases ??= [
    ...LEGAL_FORMS.map((f) => {
      const words = tokenize(f.name);
      // A one-syllable name ("luật", "lệnh") is also an ordinary word of summaries.
      const clause = formClause([f], false);
      return {
        words,
        clause: words.length === 1 ? { ...clause, anyOf: [...clause.anyOf, [term.word(words[0]!)]] } : clause,
      };
    }),
    ...AUTHORITY_NAMES.map((a) => ({ words: tokenize(a.name), clause: authorityClause(a.code, false) })),
  ].sort((a, b) => b.words.length - a.words.length));

function formClause(forms: readonly LegalForm[], required: boolean): SearchClause {
  return { kind: 'form', anyOf: forms.map((f) => [term.form(f)]), required };
}

function authorityClause(code: string, required: boolean): SearchClause {
  return { kind: 'authority', anyOf: [[authorityTerms(code)[0]!]], required };
}

/** A legal number: its exact symbol first, its number and year (or number alone) as the fallback. */
function numberClause(value: LegalNumber, required: boolean): SearchClause {
  const exact = symbolTerms(value).slice(0, 1);
  const fallback = value.year ? term.numberYear(value.number, value.year) : term.number(value.number);
  return { kind: 'number', anyOf: [...exact.map((t) => [t]), [fallback]], required };
}

const PLAUSIBLE_YEAR = (n: number) => n >= 1945 && n <= 2100;
/** Letters with no vowel: a code ("qd", "tt", "kh"), never a Vietnamese syllable. */
const CODE_LIKE = /^[b-df-hj-np-tv-z]{2,5}$/;

/** The clauses a reader's words make: legal numbers, form and authority names, codes, numbers, words. */
function clausesOfText(q: string): SearchClause[] {
  const nfc = q.normalize('NFC').replace(/[\u2010-\u2015\u2212]/g, '-');
  const numbers = findLegalNumbers(nfc);
  const clauses = numbers.map((n) => numberClause(n.value, false));
  let rest = '';
  let last = 0;
  for (const n of numbers) {
    rest += `${nfc.slice(last, n.index)} `;
    last = n.index + n.length;
  }
  const tokens = tokenize(rest + nfc.slice(last));
  for (let i = 0; i < tokens.length; ) {
    const phrase = PHRASES().find((p) => p.words.every((w, k) => tokens[i + k] === w));
    if (phrase) {
      clauses.push(phrase.clause);
      i += phrase.words.length;
      continue;
    }
    const token = tokens[i++]!;
    if (STOPWORDS.has(token)) continue;
    if (/^\d{1,6}$/.test(token)) {
      const value = Number(token);
      const asNumber = PLAUSIBLE_YEAR(value) && token.length === 4 ? term.year(value) : term.number(value);
      clauses.push({ kind: 'number', anyOf: [[asNumber], [term.word(token)]], required: false });
      continue;
    }
    // A folded code may stand for two forms (hd: HD hướng dẫn, HĐ hợp đồng): either satisfies,
    // and so does the code written in a summary.
    const forms = CODE_LIKE.test(token)
      ? LEGAL_FORMS.filter((f) => f.code !== undefined && foldForSearch(f.code) === token)
      : [];
    const word = [term.word(token)];
    clauses.push(
      forms.length > 0
        ? { ...formClause(forms, false), anyOf: [...formClause(forms, false).anyOf, word] }
        : { kind: 'word', anyOf: [word], required: false },
    );
  }
  return clauses;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isoDate(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const m = ISO_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw invalidField(
      field,
      text('Ngày phải có dạng YYYY-MM-DD và có thật', 'The date must be a real date written YYYY-MM-DD'),
    );
  }
  return value;
}

function bounded(value: string | undefined, field: string): string | undefined {
  const max = field === 'q' ? SEARCH_LIMITS.maxQueryChars : SEARCH_LIMITS.maxFilterChars;
  if (value !== undefined && value.length > max) {
    throw invalidField(field, text(`Tối đa ${max} ký tự`, `At most ${max} characters`), 'too_long');
  }
  return value;
}

/**
 * The reads and clauses of a search. Refuses (a DomainError naming the field) what cannot be
 * searched: a query too long, a `q` with no letter or digit (or only function words), an
 * unreadable number, an unknown form, a date that does not exist or a range that ends before
 * it starts. Everything else gives a plan within SEARCH_LIMITS.
 */
export function planSearch(query: LegalSearchQuery): SearchPlan {
  const q = bounded(query.q, 'q');
  const issuedFrom = isoDate(query.issuedFrom, 'issuedFrom');
  const issuedTo = isoDate(query.issuedTo, 'issuedTo');
  if (issuedFrom && issuedTo && issuedFrom > issuedTo) {
    throw invalidField(
      'issuedTo',
      text('Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start date'),
    );
  }
  const required: SearchClause[] = [];
  const number = bounded(query.number, 'number');
  if (number !== undefined) {
    const parsed = parseLegalNumber(number);
    if (!parsed)
      throw invalidField(
        'number',
        text(
          'Số, ký hiệu không hợp lệ (ví dụ 12/2026/QĐ-UBND, 12/2026 hoặc 12)',
          'Unreadable number (e.g. 12/2026/QĐ-UBND, 12/2026 or 12)',
        ),
      );
    required.push(numberClause(parsed, true));
  }
  const formText = bounded(query.form, 'form');
  if (formText !== undefined) {
    const forms = formsNamed(formText);
    if (forms.length === 0)
      throw invalidField(
        'form',
        text(
          'Hình thức văn bản không có trong danh mục (ví dụ QĐ, Quyết định)',
          'Unknown document form (e.g. QĐ, Quyết định)',
        ),
      );
    required.push(formClause(forms, true));
  }
  const authority = bounded(query.authority, 'authority');
  if (authority !== undefined) {
    const folded = tokenize(authority);
    const named = AUTHORITY_NAMES.find((a) => tokenize(a.name).join(' ') === folded.join(' '));
    const code = named?.code ?? (folded.length === 1 ? folded[0] : undefined);
    if (!code)
      throw invalidField(
        'authority',
        text('Cơ quan ban hành: một mã (ví dụ UBND) hoặc tên', 'Issuing authority: a code (e.g. UBND) or a name'),
      );
    required.push(authorityClause(code, true));
  }
  const optional = q === undefined ? [] : clausesOfText(q);
  if (q !== undefined && optional.length === 0) {
    throw invalidField(
      'q',
      text('Từ khóa không có chữ hoặc số để tìm', 'The query holds no letter or digit to search for'),
      'no_terms',
    );
  }

  // A clause naming a number (s:, ny:, n:) is selective: its partitions are small, and their
  // entries carry all their document's terms. With one, only selective clauses are read; every
  // other clause (words, form, authority, year) is checked on the documents they return, rather
  // than read from partitions that may hold every decision of a decade.
  const all = [
    ...required,
    ...optional.filter((c) => c.kind === 'number'),
    ...optional.filter((c) => c.kind !== 'number'),
  ];
  const isSelective = (c: SearchClause) => c.anyOf.some((alt) => alt.some(isSelectiveTerm));
  const selective = all.some(isSelective);
  const termsToRead = (c: SearchClause) => (!selective || isSelective(c) ? c.anyOf.flat() : []);

  const clauses: SearchClause[] = [];
  const terms = new Set<string>();
  const seen = new Set<string>();
  let truncated = false;
  for (const clause of all) {
    const key = JSON.stringify(clause.anyOf);
    if (seen.has(key)) continue;
    const added = new Set(termsToRead(clause).filter((t) => !terms.has(t)));
    if (
      !clause.required &&
      (clauses.length >= SEARCH_LIMITS.maxClauses || terms.size + added.size > SEARCH_LIMITS.maxReads)
    ) {
      truncated = true;
      continue;
    }
    seen.add(key);
    clauses.push(clause);
    for (const t of added) terms.add(t);
  }
  if (terms.size === 0) terms.add(term.all);
  const range = { ...(issuedFrom ? { issuedFrom } : {}), ...(issuedTo ? { issuedTo } : {}) };
  return {
    reads: [...terms].map((t) => ({ term: t, ...range, limit: SEARCH_LIMITS.itemsPerRead })),
    clauses,
    filters: {
      ...range,
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.language !== undefined ? { language: query.language } : {}),
    },
    truncated,
  };
}
