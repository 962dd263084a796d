import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The ratings area's function (issue 28 §5), spread into functions/manifest.ts: what it may touch, nothing more. */
export const ratingsFunctions = {
  ratings: {
    entry: 'functions/ratings/handler.ts',
    kind: 'http',
    description:
      'Ratings of information (issue 28 §5): anyone rates a published item or answer with a per-day unlinkable token; the owning unit reads figures and texts',
    tableItems: [
      // The caller's account and delegations (principal resolution), Idempotency-Key records, audit entries, the unit tree.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem', 'BatchGetItem', 'Query'], partitionPrefixes: [keys.unit('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // What is rated: published only (the public rendition, the published answer and who answered it).
      {
        actions: ['GetItem'],
        partitionPrefixes: [keys.publishedContent('').pk, keys.publishedQuestion('').pk, keys.question('').pk],
      },
      // The day's key (made by the first rating of the day), the vote guards, the hourly counts, the ratings.
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.ratingDayKey('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.ratingVote('').pk] },
      { actions: ['UpdateItem'], partitionPrefixes: [keys.ratingRate('').pk] },
      { actions: ['PutItem', 'Query'], partitionPrefixes: [keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#')] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
