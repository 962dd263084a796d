import { invalidField } from '../errors';
import { text } from '../text';
import { formsNamed, LEGAL_FORMS, parseLegalNumber, type LegalForm, type LegalNumber } from './legal-number';
import { foldForSearch, searchWords, MAX_TERM_CHARS } from './normalize';

/**
 * Search terms: one namespace per kind, so a word can never be mistaken for a number.
 *   `*`             every legal document of the portal (listings filtered by date only)
 *   `s:<symbol>`    folded number/symbol, with and without its year: `s:12/2026/qd-ubnd`, `s:12/qd-ubnd`
 *   `ny:<n>/<year>` number and year: `ny:12/2026`
 *   `n:<n>`         number alone
 *   `y:<year>`      year of issue
 *   `f:<form>`      form, by folded name: `f:quyet-dinh`
 *   `a:<code>`      issuing authority code: `a:ubnd` (and `a:qh` for `QH13`)
 *   `w:<syllable>`  a folded word of the title, summary, field, authority or signer
 * Terms hold no `#` (the keys' separator): they are built from letters, digits, `/`, `-`, `.`, `:`.
 */
export const term = {
  all: '*',
  symbol: (folded: string) => `s:${folded}`,
  numberYear: (number: number, year: number) => `ny:${number}/${year}`,
  number: (number: number) => `n:${number}`,
  year: (year: number) => `y:${year}`,
  form: (form: LegalForm) => `f:${form.key}`,
  authority: (code: string) => `a:${foldCode(code)}`,
  word: (syllable: string) => `w:${syllable}`,
} as const;

const foldCode = (code: string) =>
  foldForSearch(code)
    .replace(/[^\p{L}\p{N}.]/gu, '')
    .slice(0, MAX_TERM_CHARS);

/** Folded symbol keys of a number: with its year (the symbol's, else the issue year) and without. */
export function symbolTerms(value: LegalNumber, issueYear?: number): string[] {
  const codes = value.codes.map(foldCode).join('-');
  if (!codes) return [];
  const year = value.year ?? issueYear;
  // Bounded like every term (keys stay small); both sides cut the same way.
  return [
    ...(year ? [term.symbol(`${value.number}/${year}/${codes}`.slice(0, 2 * MAX_TERM_CHARS))] : []),
    term.symbol(`${value.number}/${codes}`.slice(0, 2 * MAX_TERM_CHARS)),
  ];
}

/** An authority code's terms: itself and, for a numbered legislature (QH13), its stem (QH). */
export function authorityTerms(code: string): string[] {
  const folded = foldCode(code);
  const stem = folded.replace(/\d+$/, '');
  return [term.authority(folded), ...(stem && stem !== folded ? [term.authority(stem)] : [])];
}

/** What a published legal document gives the index; the content routes map their item onto it. */
export interface SearchableLegalDocument {
  readonly itemId: string;
  readonly language: string;
  /** "12/2026/QĐ-UBND": it must parse (parseLegalNumber) with an authority code. */
  readonly numberSymbol: string;
  /** A form's code or name ("QĐ", "Quyết định"); the symbol's form code when absent. */
  readonly form?: string;
  /** ISO date, YYYY-MM-DD: the index's sort key. */
  readonly issuedOn: string;
  /** The effectiveness status (kept apart from the editorial state): a filter, not a term. */
  readonly status: string;
  readonly title?: string;
  readonly summary: string;
  readonly field?: string;
  readonly issuingAuthority?: string;
  readonly signer?: string;
}

/** What every index entry carries so that a search can filter and rank without reading the item. */
export interface SearchDoc {
  readonly itemId: string;
  readonly language: string;
  readonly issuedOn: string;
  readonly symbol: string;
  readonly status: string;
  readonly form?: string;
  /**
   * Only on the entries of selective terms (s:, ny:, n:): all the document's terms, so a document
   * found by its number is checked against the query's words without reading their partitions.
   */
  readonly terms?: readonly string[];
}

export interface SearchEntry {
  readonly term: string;
  readonly doc: SearchDoc;
}

/**
 * The cap on index entries per document. Entries are written in the transaction that publishes
 * the document (so search never shows an unpublished document nor misses a published one), and
 * DynamoDB allows 100 actions per transaction: re-indexing an edited document puts its new entries
 * and deletes the old ones, at most 2 × 40 = 80 actions, leaving room for the item, its audit
 * entry, its outbox event and its work items. The cap also bounds the write cost of a publication
 * (40 small puts). Identity terms come first, then words in reading order: a summary (trích yếu)
 * rarely has more distinct syllables than the room left.
 */
export const MAX_ENTRIES_PER_DOCUMENT = 40;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The terms a document's number, issue year, form and authority give: the same on both sides. */
function identityTerms(parsed: LegalNumber, issueYear: number, form: LegalForm | undefined): string[] {
  return [
    ...symbolTerms(parsed, issueYear),
    term.numberYear(parsed.number, parsed.year ?? issueYear),
    term.number(parsed.number),
    term.year(issueYear),
    ...(form ? [term.form(form)] : []),
    ...parsed.authorityCodes.flatMap(authorityTerms),
  ];
}

/** Number terms: their partitions are small (one number's documents), so reading them is cheap. */
export const isSelectiveTerm = (t: string) => t.startsWith('s:') || t.startsWith('ny:') || t.startsWith('n:');

/**
 * The identity terms a carried SearchDoc has (its symbol, issue year, form): a document found
 * under one term is checked against the query's other number, form and authority clauses without
 * a read of those (possibly large) partitions.
 */
export function verifiableTermsOf(doc: SearchDoc): string[] {
  const parsed = parseLegalNumber(doc.symbol);
  if (!parsed) return [];
  return identityTerms(
    parsed,
    Number(doc.issuedOn.slice(0, 4)),
    LEGAL_FORMS.find((f) => f.key === doc.form),
  );
}

/** The index entries of a published legal document: at most MAX_ENTRIES_PER_DOCUMENT, no repeats. */
export function searchTermsOf(document: SearchableLegalDocument): SearchEntry[] {
  const parsed = parseLegalNumber(document.numberSymbol);
  if (!parsed || parsed.authorityCodes.length === 0) {
    throw invalidField(
      'legalDocument.numberSymbol',
      text(
        'Số, ký hiệu văn bản không hợp lệ (ví dụ 12/2026/QĐ-UBND)',
        'The document number/symbol is invalid (e.g. 12/2026/QĐ-UBND)',
      ),
    );
  }
  if (!ISO_DATE.test(document.issuedOn)) {
    throw invalidField(
      'legalDocument.issuedOn',
      text('Ngày ban hành phải có dạng YYYY-MM-DD', 'The issue date must be YYYY-MM-DD'),
    );
  }
  const issueYear = Number(document.issuedOn.slice(0, 4));
  const forms = document.form ? formsNamed(document.form) : parsed.formCode ? formsNamed(parsed.formCode) : [];
  const form = forms[0];
  const terms = new Set<string>([term.all, ...identityTerms(parsed, issueYear, form)]);
  // Authority codes are words too, so a query "ubnd" finds the documents UBND issued.
  const words = [
    ...parsed.authorityCodes.map(foldCode),
    ...searchWords(
      [
        document.title ?? '',
        document.summary,
        document.field ?? '',
        document.issuingAuthority ?? '',
        document.signer ?? '',
      ].join(' \n '),
    ),
  ];
  for (const word of words) {
    if (terms.size >= MAX_ENTRIES_PER_DOCUMENT) break;
    if (word) terms.add(term.word(word));
  }
  const doc: SearchDoc = {
    itemId: document.itemId,
    language: document.language,
    issuedOn: document.issuedOn,
    symbol: parsed.symbol,
    status: document.status,
    ...(form ? { form: form.key } : {}),
  };
  const all = [...terms].slice(0, MAX_ENTRIES_PER_DOCUMENT);
  const withTerms: SearchDoc = { ...doc, terms: all };
  return all.map((t) => ({ term: t, doc: isSelectiveTerm(t) ? withTerms : doc }));
}

/**
 * What to write when a document's entries change (an edit, a status change, a new issue date):
 * entries to put (new, or whose carried fields changed) and entries to delete (terms it lost, or
 * all of them when its issue date moved, since the date is part of each entry's key).
 */
export function diffSearchEntries(
  before: readonly SearchEntry[],
  after: readonly SearchEntry[],
): { put: SearchEntry[]; delete: SearchEntry[] } {
  const keyOf = (e: SearchEntry) => `${e.term}\u0000${e.doc.issuedOn}\u0000${e.doc.itemId}`;
  const old = new Map(before.map((e) => [keyOf(e), e]));
  const next = new Map(after.map((e) => [keyOf(e), e]));
  return {
    put: after.filter((e) => JSON.stringify(old.get(keyOf(e))?.doc) !== JSON.stringify(e.doc)),
    delete: before.filter((e) => !next.has(keyOf(e))),
  };
}
