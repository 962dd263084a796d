/**
 * The single DynamoDB table, described once. CDK (infra/stacks/data-stack.ts) and the local
 * bootstrap (infra/local/bootstrap.ts) both build the real table from this object, so the
 * key schema and indexes cannot drift between AWS and the local stack.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Why the index exists: the access pattern it serves. */
  readonly purpose: string;
}

export const tableDefinition = {
  logicalName: 'Portal',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB TTL deletes the item some time after it passes. */
  timeToLiveAttribute: 'expiresAt',
  /**
   * The stream carries each new outbox item (events/outbox.ts) to the outbox relay: on AWS a
   * Lambda event source with a filter, locally infra/local/stream-poller.ts. New images only.
   */
  streamViewType: 'NEW_IMAGE',
  indexes: [
    {
      name: 'gsi1',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      purpose: 'listings by owner and time (unit → items, actor → audit entries)',
    },
    {
      name: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      purpose: 'listings by status or category and time (intake queues, public lists)',
    },
    {
      name: 'due',
      partitionKey: 'duePk',
      sortKey: 'dueAt',
      purpose: 'sparse: only items with an open deadline carry duePk; sweepers query dueAt <= now',
    },
  ] satisfies IndexDefinition[],
} as const;

export type TableDefinition = typeof tableDefinition;

/** The export that carries the table's ARN from the data stack (`Portal-<stage>-Data`): grants on names derived from it (the drill's scratch tables) read it. */
export const tableArnExportName = (dataStackName: string) => `${dataStackName}:TableArn`;
