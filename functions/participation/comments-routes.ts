import { defineRoute } from '../../shared/http/contract';
import {
  commentBody,
  commentCodeParams,
  commentStatusSchema,
  commenterErasureSchema,
  commentedSchema,
  moderatedSchema,
  moderationBody,
  moderationListSchema,
  moderationQuery,
  publishedCommentsSchema,
  publishedQuery,
} from './comments-schemas';
import { consultationIdParam, publicConsultationParams } from './consultations-schemas';

/** Comments on drafts open for consultation and their moderation (issue 28 #2, #3). */
export const commentsRoutes = {
  commentOnConsultation: defineRoute({
    id: 'commentOnConsultation',
    method: 'POST',
    path: '/public/portals/{portal}/consultations/{id}/comments',
    function: 'consultationCommentsPublic',
    auth: 'public',
    summary:
      'Comment on a draft open for consultation (no account), on the whole draft or one article (`article`), as an individual or an organisation with the fields the preset requires; Vietnamese with diacritics; consent per purpose',
    description:
      'Answers a code and a secret, shown once (a replay with the same Idempotency-Key omits the secret). Published after the board’s moderation, or at once where the preset says so (CB 10.1đ), and only with `consent.publication`. At most 20 comments per client address and hour, and 500 per consultation and hour (429). `website` is a honeypot: leave it empty.',
    tags: ['public', 'participation'],
    params: publicConsultationParams,
    body: commentBody,
    secretFields: ['secret'],
    idempotencyJoinsCommit: true,
    responses: {
      201: { description: 'Received', schema: commentedSchema },
      400: { description: 'A missing commenter field the preset requires, text without diacritics, no such article' },
      403: {
        description:
          'A challenge hook is configured (shared/application/ask-challenge.ts) and X-Challenge-Token is missing or does not pass',
      },
      404: { description: 'The portal has no such consultation' },
      409: {
        description:
          'The consultation is not open (before its opening, after its closing); or a request with this Idempotency-Key is in progress',
      },
      429: { description: 'Too many comments from this address, or on this consultation, within the hour' },
    },
  }),
  getCommentStatus: defineRoute({
    id: 'getCommentStatus',
    method: 'GET',
    path: '/public/consultation-comments/{code}',
    function: 'consultationCommentsPublic',
    auth: 'public',
    summary:
      "The commenter's view of their comment: pending, published or hidden (with the reason), and whether its article changed in a later version; send the secret as X-Comment-Secret",
    description:
      'Never personal data. An unknown code and a wrong secret get the same 404; a missing or malformed secret header is a 401.',
    tags: ['public', 'participation'],
    params: commentCodeParams,
    responses: {
      200: { description: 'The state of the comment', schema: commentStatusSchema },
      401: { description: 'No X-Comment-Secret header, or not a secret this API issues' },
      404: { description: 'No comment with this code and secret' },
    },
  }),
  eraseCommenterData: defineRoute({
    id: 'eraseCommenterData',
    method: 'POST',
    path: '/public/consultation-comments/{code}/erasure',
    function: 'consultationCommentsPublic',
    auth: 'public',
    summary:
      'The commenter has their personal data destroyed (NĐ 356/2025): at once; the comment stays with its redacted text only',
    description:
      'Send the secret as X-Comment-Secret. The sealed commenter item (with its encrypted data key) is deleted, not hidden; the audit entry holds no personal data. Repeating it answers the same instants.',
    tags: ['public', 'participation'],
    params: commentCodeParams,
    responses: {
      200: { description: 'Erased', schema: commenterErasureSchema },
      401: { description: 'No X-Comment-Secret header, or not a secret this API issues' },
      404: { description: 'No comment with this code and secret' },
    },
  }),
  listConsultationComments: defineRoute({
    id: 'listConsultationComments',
    method: 'GET',
    path: '/public/portals/{portal}/consultations/{id}/comments',
    function: 'consultationCommentsPublished',
    auth: 'public',
    summary:
      "A consultation's published comments, oldest first, each flagged when its article changed or went away in the latest version of the draft",
    description:
      'Redacted copies only: no commenter, and names, phone numbers, e-mails and ID numbers replaced by [đã ẩn].',
    tags: ['public', 'participation'],
    params: publicConsultationParams,
    query: publishedQuery,
    responses: {
      200: { description: 'A page of published comments', schema: publishedCommentsSchema },
      404: { description: 'The portal has no such consultation (or it is not public yet)' },
    },
  }),
  listCommentsForModeration: defineRoute({
    id: 'listCommentsForModeration',
    method: 'GET',
    path: '/consultations/{id}/comments',
    function: 'consultationCommentsModeration',
    auth: 'signed-in',
    action: 'consultation.moderate',
    summary:
      "A consultation's comments for the board's moderation, oldest first, a page at a time (`limit`, `cursor`; `nextCursor` while more remain): texts, states, flags; never the commenter",
    tags: ['participation'],
    params: consultationIdParam,
    query: moderationQuery,
    responses: {
      200: { description: 'A page of the comments', schema: moderationListSchema },
      404: { description: 'No consultation this caller moderates' },
    },
  }),
  moderateComment: defineRoute({
    id: 'moderateComment',
    method: 'POST',
    path: '/consultation-comments/{code}/moderation',
    function: 'consultationCommentsModeration',
    auth: 'signed-in',
    action: 'consultation.moderate',
    summary:
      'The board publishes a comment, or hides it with a reason (never deleted; a hidden one may be published again); one of concurrent steps wins',
    tags: ['participation'],
    params: commentCodeParams,
    body: moderationBody,
    idempotencyJoinsCommit: true,
    responses: {
      200: { description: 'Moderated', schema: moderatedSchema },
      400: { description: 'Hiding without a reason' },
      404: { description: 'No comment this caller moderates' },
      409: {
        description:
          'The comment is in that state already, was moderated meanwhile, or its author did not consent to publication',
      },
    },
  }),
} as const;
