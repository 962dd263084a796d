import type { LocalizedText } from '../text';

/**
 * An answer (CB 11.4–11.6): short and on point, citing each legal document it relies on by its
 * number/symbol, summary, date and issuer, linked to the content API's published legal document
 * where there is one; it carries the advisory notice where the preset has one (CB 11.6, from
 * shared/domain/policies/conventions.ts; no other seed has such a notice). Drafted by the unit (its head or a
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
  readonly advisoryNotice?: LocalizedText;
  readonly by: string;
  readonly at: string;
}

export const answerOf = (draft: DraftAnswer, by: string, at: string, advisoryNotice?: LocalizedText): Answer => ({
  text: draft.text,
  citations: draft.citations.map((c) => ({ ...c })),
  ...(advisoryNotice && { advisoryNotice }),
  by,
  at,
});
