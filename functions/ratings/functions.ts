import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The ratings area's functions (issue 28 §5), spread into functions/manifest.ts: what each may touch, nothing more. */
export const ratingsFunctions = {
  ratingsPublic: {
    entry: 'functions/ratings/public.ts',
    kind: 'http',
    description:
      'Rate a published item or answer (anonymous, issue 28 §5): a per-day unlinkable token refuses a second vote; the text scrubbed before it is kept',
    tableItems: [
      // What is rated: published only (the public rendition, the published answer and who answered it).
      {
        actions: ['GetItem'],
        partitionPrefixes: [keys.publishedContent('').pk, keys.publishedQuestion('').pk, keys.question('').pk],
      },
      // The day's key (made by the first rating of the day), the vote guards, the hourly counts, the ratings.
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.ratingDayKey('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.ratingVote('').pk] },
      { actions: ['UpdateItem'], partitionPrefixes: [keys.ratingRate('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#')] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // Idempotency-Key records of anonymous callers.
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
  },
  ratings: {
    entry: 'functions/ratings/handler.ts',
    kind: 'http',
    description:
      "A unit's rating figures and the raters' scrubbed texts (issue 28 §5), for the unit's staff and those above it",
    tableItems: [
      // The caller's account and delegations (principal resolution), Idempotency-Key records, the unit tree.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
      { actions: ['GetItem', 'BatchGetItem', 'Query'], partitionPrefixes: [keys.unit('').pk] },
      { actions: ['Query'], partitionPrefixes: [keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#')] },
    ],
  },
} as const satisfies Record<string, FunctionDefinition>;
