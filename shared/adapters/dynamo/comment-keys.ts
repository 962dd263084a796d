import type { Key } from './keys';

/**
 * Keys of consultation comments (issue 28 #2, #3), spread into `keys` (keys.ts). A comment by its
 * follow code (`GY.20260316.0001`, no `#`); the commenter's sealed data in its own partition, as
 * an asker's; the redacted public copy of a published comment in another, so the public read
 * function holds nothing else.
 */
const join = (...parts: Array<string | number>) => parts.join('#');

export const commentKeys = {
  consultationComment: (id: string): Key => ({ pk: join('COMMENT', id), sk: 'COMMENT' }),
  /** The commenter's personal data, sealed (shared/adapters/crypto/asker-envelope.ts). */
  commenter: (id: string): Key => ({ pk: join('COMMENTER', id), sk: 'COMMENTER' }),
  /** The per-day counter behind follow codes (local day `20260316`). */
  commentDayCounter: (day: string): Key => ({ pk: join('CMCOUNTER', day), sk: 'COUNTER' }),
  /** Comments per client address (a digest, never the address) per hour window. */
  commentAddressRate: (sourceDigest: string, windowStart: string): Key => ({
    pk: join('CMRATE', sourceDigest),
    sk: windowStart,
  }),
  /** Comments per consultation per hour window: an atomic counter outside the comment's transaction (no hot item in it). */
  commentConsultationRate: (consultationId: string, windowStart: string): Key => ({
    pk: join('CMCONSRATE', consultationId),
    sk: windowStart,
  }),
  /** gsi1: every comment of a consultation, by receipt (the board's moderation view). */
  commentsOfConsultation: (consultationId: string, receivedAt?: string, id?: string) => ({
    gsi1pk: join('CONSCOMMENTS', consultationId),
    ...(receivedAt ? { gsi1sk: join(receivedAt, id ?? '') } : {}),
  }),
  /** The redacted public copy of a published comment. */
  publishedComment: (id: string): Key => ({ pk: join('PUBCOMMENT', id), sk: 'PUBLIC' }),
  /** gsi1: a consultation's published comments, by receipt. */
  publishedCommentsOf: (consultationId: string, receivedAt?: string, id?: string) => ({
    gsi1pk: join('CONSPUBCOMMENTS', consultationId),
    ...(receivedAt ? { gsi1sk: join(receivedAt, id ?? '') } : {}),
  }),
} as const;
