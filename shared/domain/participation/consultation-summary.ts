import { invalidField, type DomainError } from '../errors';
import type { LocalizedText } from '../text';
import type { ConsultationArticle } from './consultation';

/**
 * The summary of a consultation (issue 28 §4): "bản tổng hợp, tiếp thu, giải trình ý kiến". Per
 * article (or for the draft as a whole), what was received and the drafting unit's response: taken
 * in (tiếp thu), explained (giải trình) or not taken in, with the reason. Pure: validation, the
 * table's rows for CSV and Word.
 */
export const summaryResponses = ['accepted', 'explained', 'not-accepted'] as const;
export type SummaryResponse = (typeof summaryResponses)[number];

export const summaryResponseLabels: Readonly<Record<SummaryResponse, LocalizedText>> = {
  accepted: { vi: 'Tiếp thu', en: 'Accepted' },
  explained: { vi: 'Giải trình', en: 'Explained' },
  'not-accepted': { vi: 'Không tiếp thu', en: 'Not accepted' },
};

export interface SummaryEntry {
  /** The article (Điều N) the comments were on; `null` for comments on the draft as a whole. */
  readonly article: number | null;
  /** What was received, summarised (who and what; never a commenter's personal data). */
  readonly received: string;
  /** How many comments it sums up (0 when the unit records that none came). */
  readonly commentCount: number;
  readonly response: SummaryResponse;
  /** How it was taken in, or why it is explained or not taken in: required unless accepted. */
  readonly reason: string;
}

export interface ConsultationSummary {
  readonly entries: readonly SummaryEntry[];
  /** The draft version the summary answers (its article numbers are that version's). */
  readonly draftVersion: number;
  readonly writtenBy: string;
  readonly writtenAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly publishedAt?: string;
}

/** The refusal of a summary's entries against the draft's articles, or undefined. */
export function summaryRefusal(
  entries: readonly SummaryEntry[],
  articles: readonly ConsultationArticle[],
): DomainError | undefined {
  const numbers = new Set(articles.map((a) => a.number));
  const seen = new Set<number | null>();
  for (const [i, entry] of entries.entries()) {
    const at = `summary.${i}`;
    if (entry.article !== null && !numbers.has(entry.article)) {
      return invalidField(
        `${at}.article`,
        {
          vi: `Dự thảo không có Điều ${entry.article} (có: ${[...numbers].join(', ') || 'không có điều nào'})`,
          en: `The draft has no article ${entry.article} (it has: ${[...numbers].join(', ') || 'none'})`,
        },
        'unknown_article',
      );
    }
    if (seen.has(entry.article)) {
      const which = entry.article === null ? 'toàn bộ dự thảo' : `Điều ${entry.article}`;
      return invalidField(
        `${at}.article`,
        {
          vi: `${which} đã có một dòng trong bản tổng hợp`,
          en: `${entry.article === null ? 'The whole draft' : `Article ${entry.article}`} has a row already`,
        },
        'duplicate_article',
      );
    }
    seen.add(entry.article);
    if (entry.response !== 'accepted' && entry.reason.trim() === '') {
      return invalidField(
        `${at}.reason`,
        {
          vi: `Cần nêu lý do khi ${summaryResponseLabels[entry.response].vi.toLowerCase()}`,
          en: `Give the reason when the response is "${entry.response}"`,
        },
        'required',
      );
    }
  }
  return undefined;
}

/** Entries in the draft's order: the whole draft first, then by article number. */
export const orderedEntries = (entries: readonly SummaryEntry[]): SummaryEntry[] =>
  [...entries].sort((a, b) => (a.article ?? 0) - (b.article ?? 0));

/** The place an entry refers to, as the table names it: "Điều 2. Đối tượng áp dụng" or "Toàn bộ dự thảo". */
export function placeOf(entry: SummaryEntry, articles: readonly ConsultationArticle[]): string {
  if (entry.article === null) return 'Toàn bộ dự thảo';
  const title = articles.find((a) => a.number === entry.article)?.title;
  return title ? `Điều ${entry.article}. ${title}` : `Điều ${entry.article}`;
}

/** The columns of the usual "tổng hợp, tiếp thu, giải trình" table (CSV and Word share them). */
export const SUMMARY_COLUMNS = [
  'STT',
  'Điều, khoản của dự thảo',
  'Số ý kiến',
  'Nội dung ý kiến góp ý',
  'Tiếp thu, giải trình',
  'Nội dung tiếp thu, lý do giải trình hoặc không tiếp thu',
] as const;
export type SummaryRow = readonly [string, string, string, string, string, string];

export function summaryRows(entries: readonly SummaryEntry[], articles: readonly ConsultationArticle[]): SummaryRow[] {
  return orderedEntries(entries).map((e, i) => [
    String(i + 1),
    placeOf(e, articles),
    String(e.commentCount),
    e.received,
    summaryResponseLabels[e.response].vi,
    e.reason,
  ]);
}

const csvField = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** RFC 4180, CRLF, UTF-8 with a byte-order mark by default (Excel), as the reports' CSV. */
export function summaryCsv(rows: readonly SummaryRow[], bom = true): string {
  const lines = [SUMMARY_COLUMNS, ...rows].map((r) => r.map(csvField).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
