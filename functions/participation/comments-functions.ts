import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** `COMMENT#x` → `COMMENT#`: the partition prefix IAM's LeadingKeys condition takes. */
const prefixOf = (pk: string) => pk.replace(/#.*$/, '#');

/** The consultation (read only): its window, scope and state, and its current draft's articles (numbers, digests) from the draft's items. */
const CONSULTATIONS_PREFIX = prefixOf(keys.consultation('x').pk);

/**
 * The functions of consultation comments (issue 28 #2, #3), spread into functions/manifest.ts.
 * Least privilege: the commenting function seals (never opens) the commenter's data and never
 * writes a consultation; the public list reads only the redacted copies; moderation never sees the
 * commenter at all (the published text was redacted when the comment was received).
 */
export const commentFunctionDefinitions = {
  consultationCommentsPublic: {
    entry: 'functions/participation/comments-public.ts',
    kind: 'http',
    description:
      "Consultation comments, the commenter's side: comment on a draft or an article (anonymous), follow it with its code and secret, have their data erased",
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [CONSULTATIONS_PREFIX] },
      // The comment (its erasure), the sealed commenter (deleted on erasure, never read), the public copy where the preset publishes at once.
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem'],
        partitionPrefixes: [prefixOf(keys.consultationComment('x').pk)],
      },
      { actions: ['PutItem', 'DeleteItem'], partitionPrefixes: [prefixOf(keys.commenter('x').pk)] },
      { actions: ['PutItem'], partitionPrefixes: [prefixOf(keys.publishedComment('x').pk)] },
      // The rates (per address, in the transaction; per consultation, an atomic counter) and the day's numbers.
      {
        actions: ['GetItem', 'UpdateItem'],
        partitionPrefixes: [
          prefixOf(keys.commentAddressRate('x', 'y').pk),
          prefixOf(keys.commentConsultationRate('x', 'y').pk),
          prefixOf(keys.commentDayCounter('x').pk),
        ],
      },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
    askerKey: 'seal',
  },
  consultationCommentsPublished: {
    entry: 'functions/participation/comments-published.ts',
    kind: 'http',
    description: "Consultation comments, public list: a consultation's published comments (redacted copies only)",
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [CONSULTATIONS_PREFIX] },
      { actions: ['Query'], partitionPrefixes: [prefixOf(keys.publishedCommentsOf('x').gsi1pk)], indexes: ['gsi1'] },
    ],
  },
  consultationCommentsModeration: {
    entry: 'functions/participation/comments-moderation.ts',
    kind: 'http',
    description:
      "Consultation comments, the board's side: list a consultation's comments, publish or hide one (with a reason, never deleted)",
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [CONSULTATIONS_PREFIX] },
      { actions: ['Query'], partitionPrefixes: [prefixOf(keys.commentsOfConsultation('x').gsi1pk)], indexes: ['gsi1'] },
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [prefixOf(keys.consultationComment('x').pk)] },
      { actions: ['PutItem', 'DeleteItem'], partitionPrefixes: [prefixOf(keys.publishedComment('x').pk)] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
