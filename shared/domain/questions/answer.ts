import type { LocalizedText } from '../text';

/**
 * An answer (CB 11.4–11.6): short and on point, citing each legal document it relies on by its
 * number/symbol, summary, date and issuer, linked to the content API's published legal document
 * where there is one; it carries the advisory notice (CB 11.6). Drafted by the unit (its head or a
 * person the head authorised, CB 11.5), checked by the board before the asker sees it.
 */
export interface LegalCitation {
  readonly numberSymbol: string;
  readonly summary: string;
  /** YYYY-MM-DD. */
  readonly issuedOn: string;
  readonly issuer: string;
  /** The content item (category legal-document) published on a portal, when the document is there. */
  readonly contentId?: string;
}

export interface DraftAnswer {
  readonly text: string;
  readonly citations: readonly LegalCitation[];
}

export interface Answer extends DraftAnswer {
  readonly advisoryNotice: LocalizedText;
  readonly by: string;
  readonly at: string;
}

export const ADVISORY_NOTICE: LocalizedText = {
  vi: 'Nội dung trả lời chỉ có giá trị tham khảo, không thay thế văn bản giải quyết của cơ quan có thẩm quyền (CB 11.6).',
  en: "This answer is advisory only; it does not replace a competent authority's decision (CB 11.6).",
};

export const answerOf = (draft: DraftAnswer, by: string, at: string): Answer => ({
  text: draft.text,
  citations: draft.citations.map((c) => ({ ...c })),
  advisoryNotice: ADVISORY_NOTICE,
  by,
  at,
});
