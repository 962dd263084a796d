import { defineRoute } from '../../shared/http/contract';
import { unitCodeParam } from '../../shared/api/common-schemas';
import {
  askBody,
  figuresQuery,
  figuresSchema,
  publishedListQuery,
  publishedPageSchema,
  askedSchema,
  erasureDemandBody,
  erasureSchema,
  ratedSchema,
  ratingBody,
  listQuery,
  portalParams,
  questionIdParams,
  questionPageSchema,
  questionSchema,
  statusSchema,
  trackingParams,
  transitionBody,
  transitionedSchema,
} from './schemas';
import { answerAuthorisationRoutes } from './answerers';

/** The Q&A area's route contracts (issue 9, first slice): asking, the asker's status lookup, the board's intake and routing. */
export const questionsRoutes = {
  ...answerAuthorisationRoutes,
  askQuestion: defineRoute({
    id: 'askQuestion',
    method: 'POST',
    path: '/public/portals/{portal}/questions',
    function: 'questionsPublic',
    auth: 'public',
    summary:
      'Ask a question (no account): as an individual or an organisation, with the fields the preset requires; Vietnamese with diacritics; explicit consent',
    description:
      'Answers a tracking code and a secret, shown once (a replay with the same Idempotency-Key omits the secret). At most 10 questions per client address and hour (429); the same asker and text within 24 hours is a 409.',
    tags: ['public', 'questions'],
    params: portalParams,
    body: askBody,
    secretFields: ['secret'],
    idempotencyJoinsCommit: true,
    responses: {
      201: { description: 'Received', schema: askedSchema },
      403: {
        description:
          'A challenge hook is configured (shared/application/ask-challenge.ts) and X-Challenge-Token is missing or does not pass',
      },
      404: { description: 'No such portal' },
      409: {
        description:
          'The same asker sent the same question within 24 hours; or a request with this Idempotency-Key is in progress',
      },
      429: { description: 'Too many questions from this address within the hour' },
    },
  }),
  getQuestionStatus: defineRoute({
    id: 'getQuestionStatus',
    method: 'GET',
    path: '/public/questions/{trackingCode}',
    function: 'questionsPublic',
    auth: 'public',
    summary:
      "The asker's view of a question: stage and due instants, the refusal's reason; send the secret as X-Question-Secret",
    description:
      'Never personal data. An unknown code and a wrong secret get the same 404; a missing or malformed secret header is a 401.',
    tags: ['public', 'questions'],
    params: trackingParams,
    responses: {
      200: { description: 'The stage of the question', schema: statusSchema },
      401: { description: 'No X-Question-Secret header, or not a secret this API issues' },
      404: { description: 'No question with this tracking code and secret' },
    },
  }),
  getQuestion: defineRoute({
    id: 'getQuestion',
    method: 'GET',
    path: '/questions/{id}',
    function: 'questions',
    auth: 'signed-in',
    // The coarse check before the handler: every role that reads some question (board, auditors, answering units).
    action: 'qa.read-routed',
    machineScopes: ['portal/read', 'portal/qa.answer'],
    summary:
      "A question for staff: stage, version (ETag), clocks, routing history; the asker's data for the portal's board only",
    tags: ['questions'],
    params: questionIdParams,
    responses: {
      200: { description: 'The question', schema: questionSchema },
      404: { description: 'No question this caller may read' },
    },
  }),
  listQuestions: defineRoute({
    id: 'listQuestions',
    method: 'GET',
    path: '/units/{code}/questions',
    function: 'questions',
    auth: 'signed-in',
    // The coarse check before the handler: every role that reads some question (board, auditors, answering units).
    action: 'qa.read-routed',
    machineScopes: ['portal/read', 'portal/qa.answer'],
    summary: "A portal's questions for its board, or those routed to a unit; by stage, or overdue; newest first",
    tags: ['questions'],
    params: unitCodeParam,
    query: listQuery,
    responses: {
      200: { description: 'A page of questions (no personal data)', schema: questionPageSchema },
      404: { description: 'No such unit' },
    },
  }),
  transitionQuestion: defineRoute({
    id: 'transitionQuestion',
    method: 'POST',
    path: '/questions/{id}/transitions',
    function: 'questions',
    auth: 'signed-in',
    // Coarse check only: the workflow table names the rule each action needs (qa.route, qa.answer…).
    // The coarse check before the handler: every role that reads some question (board, auditors, answering units).
    action: 'qa.read-routed',
    machineScopes: ['portal/qa.answer'],
    summary:
      'Take one step: classify, refuse (with the reason the asker sees), route to a unit (starts the answer clock; `shareAskerData: true` shows the asker’s data to that unit, audited), return (the unit is not competent), progress-notice (CB 11.4, once, with expectedBy), answer (with citations), approve-answer, return-answer (with a comment), send, reopen (a sent question, with a reason: the board’s classification clock opens again); If-Match guards the version',
    tags: ['questions'],
    params: questionIdParams,
    body: transitionBody,
    responses: {
      200: { description: 'The step was taken', schema: transitionedSchema },
      404: { description: 'No question this caller may read' },
      409: {
        description:
          'The action is not possible in this stage, or (publish) the asker did not consent to publication (`consent.publication`)',
      },
      412: { description: 'The question changed since the version named in If-Match' },
    },
  }),
  listPublishedQuestions: defineRoute({
    id: 'listPublishedQuestions',
    method: 'GET',
    path: '/public/portals/{portal}/questions',
    function: 'questionsPublished',
    auth: 'public',
    summary:
      "A portal's published questions and answers, newest first: by field, with diacritic-insensitive search (`q`), cursor pagination",
    description:
      'Redacted copies only: no personal data of the asker, and names, phone numbers, e-mails and ID numbers in the texts replaced by [đã ẩn]. With `q`, each request reads at most 200 copies: a page may hold fewer than `limit` items and still end with a cursor.',
    tags: ['public', 'questions'],
    params: portalParams,
    query: publishedListQuery,
    responses: {
      200: { description: 'A page of published questions', schema: publishedPageSchema },
      400: {
        description:
          'A malformed query: `q` without a letter or digit, an unknown field, a cursor this query did not make',
      },
    },
  }),
  getQuestionFigures: defineRoute({
    id: 'getQuestionFigures',
    method: 'GET',
    path: '/units/{code}/question-figures',
    function: 'questions',
    auth: 'signed-in',
    // The coarse check before the handler: every role that reads some question (board, auditors, answering units).
    action: 'qa.read-routed',
    summary:
      "A unit's Q&A figures over local dates `from`..`to` (at most 366 days): received, routed within a working day, re-routed, returned, answered on time, median working days to answer, overdue now",
    description: 'From facts frozen when each step happened, never recounted on the calendar of today.',
    tags: ['questions'],
    params: unitCodeParam,
    query: figuresQuery,
    responses: {
      200: { description: 'The figures', schema: figuresSchema },
      400: { description: 'A date that is not YYYY-MM-DD, `to` before `from`, or a range over 366 days' },
      403: { description: 'The caller is not staff of this unit, its ancestors or its board' },
      404: { description: 'No such unit' },
    },
  }),
  rateAnswer: defineRoute({
    id: 'rateAnswer',
    method: 'POST',
    path: '/public/questions/{trackingCode}/rating',
    function: 'questionsPublic',
    auth: 'public',
    summary:
      'The asker rates the sent answer, once; "not-answered" within the reopen window reopens the question for the board, once',
    description:
      'Send the secret as X-Question-Secret. Only once the answer is sent (or published); a second rating is a 409 (Idempotency-Key replays the first). The window is the policy qa.reopenWindow (10 working days from sending, in the spirit of QĐ 31/2021/QĐ-TTg Điều 46); later, the rating is recorded and reopens nothing.',
    tags: ['public', 'questions'],
    params: trackingParams,
    body: ratingBody,
    responses: {
      201: { description: 'Recorded (and the question reopened if `reopened`)', schema: ratedSchema },
      401: { description: 'No X-Question-Secret header, or not a secret this API issues' },
      404: { description: 'No question with this tracking code and secret' },
      409: { description: 'Not sent yet, or rated already' },
    },
  }),
  eraseAskerData: defineRoute({
    id: 'eraseAskerData',
    method: 'POST',
    path: '/public/questions/{trackingCode}/erasure',
    function: 'questionsPublic',
    auth: 'public',
    summary: 'The asker has their personal data destroyed (NĐ 356/2025): at once; the question stays, anonymised',
    description:
      'Send the secret as X-Question-Secret. The asker item (with its encrypted data key) and the duplicate guard are deleted, not hidden; the audit entry holds no personal data. Repeating it answers the same instants.',
    tags: ['public', 'questions'],
    params: trackingParams,
    responses: {
      200: { description: 'Erased', schema: erasureSchema },
      401: { description: 'No X-Question-Secret header, or not a secret this API issues' },
      404: { description: 'No question with this tracking code and secret' },
    },
  }),
  eraseAskerDataOnDemand: defineRoute({
    id: 'eraseAskerDataOnDemand',
    method: 'POST',
    path: '/questions/{id}/erasure',
    function: 'questions',
    auth: 'signed-in',
    action: 'qa.erase-asker',
    summary:
      "The board's chief destroys an asker's personal data on an authority's demand (NĐ 356/2025), naming the demand's document",
    tags: ['questions'],
    params: questionIdParams,
    body: erasureDemandBody,
    responses: {
      200: { description: 'Erased', schema: erasureSchema },
      404: { description: 'No question this caller may read' },
    },
  }),
} as const;
