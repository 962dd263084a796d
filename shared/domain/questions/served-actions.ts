/**
 * The steps of the Q&A workflow the API serves today (issue 9). `publish` and `reopen` are in the
 * table and wait for redaction and ratings. Here, not in the use case, so the route contracts (and
 * /openapi.json's bundle, which must not load the AWS SDK) can name them.
 */
export const servedActions = [
  'classify',
  'refuse',
  'route',
  'return',
  'progress-notice',
  'answer',
  'approve-answer',
  'return-answer',
  'send',
  'publish',
  'reopen',
] as const;
export type ServedAction = (typeof servedActions)[number];
