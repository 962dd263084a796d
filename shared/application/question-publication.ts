import { DomainError } from '../domain/errors';
import { REDACTED, redactPersonalData, type Asker } from '../domain/questions';
import { searchWords } from '../domain/search/normalize';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import { putPublishedQuestion, type StoredPublishedQuestion } from '../adapters/dynamo/published-questions';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';

/**
 * Publishing a question and its answer (issue 9 §3; CB 11.3, CB 6, NĐ 356/2025): only with the
 * asker's consent to publication, and only as a redacted copy, apart from the question, that holds
 * no personal data (the asker's kind, name, address, organisation, phone, e-mail or ID, nor any
 * name, phone, e-mail or ID number written in the texts). "Published" is its own fact with its instant.
 */
const MAX_TERMS = 300;

export function requirePublicationConsent(record: QuestionRecord): void {
  if (record.consent.publication) return;
  const message = {
    vi: 'Người hỏi không đồng ý cho đăng câu hỏi: không thể đăng',
    en: 'The asker did not consent to publication: the question cannot be published',
  };
  throw new DomainError('conflict', message, [
    { field: 'consent.publication', code: 'no_publication_consent', message },
  ]);
}

/** The redacted public copy of a sent question; `asker` is the asker's stored data, if not erased. */
export function publicCopyOf(
  record: QuestionRecord,
  asker: Asker | undefined,
  publishedAt: string,
): StoredPublishedQuestion {
  const answer = record.answer!;
  const redact = (text: string) => redactPersonalData(text, asker);
  const copy = {
    id: record.id,
    portal: record.portal,
    field: record.field,
    title: redact(record.title),
    text: redact(record.text),
    answer: {
      text: redact(answer.text),
      citations: answer.citations.map((c) => ({
        numberSymbol: c.numberSymbol,
        summary: redact(c.summary),
        issuedOn: c.issuedOn,
        issuer: c.issuer,
        ...(c.contentId !== undefined && { contentId: c.contentId }),
      })),
      ...(answer.advisoryNotice && { advisoryNotice: answer.advisoryNotice }),
      answeredAt: answer.at,
    },
    receivedAt: record.receivedAt,
    publishedAt,
  };
  const searchable = `${copy.title} ${copy.text} ${copy.answer.text}`.replaceAll(REDACTED, ' ');
  return { ...copy, terms: searchWords(searchable).slice(0, MAX_TERMS) };
}

export const publicationWrite = (tableName: string, copy: StoredPublishedQuestion): WriteAction =>
  putPublishedQuestion(tableName, copy);
