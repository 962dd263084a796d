import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Emulators } from '../../infra/local/emulators';

/**
 * Bulk loads run faster with the table's stream off, but a table whose stream was once disabled
 * keeps the old stream's records in DynamoDB Local's database: in a data folder `npm start`
 * reuses, every later request paid ~40 ms for them (issue 22). So the loaders turn the stream off
 * only on emulators whose data dies with the run (in memory); on a persistent one they load with it on.
 */
let emulators: Pick<Emulators, 'persistent'> | undefined;

/** run.ts says which emulators the bench runs on. */
export function benchEmulators(running: Pick<Emulators, 'persistent'> | undefined): void {
  emulators = running;
}

/** Turns the stream off for loading when that is safe; says whether it did. */
export async function streamOffForLoading(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  if (emulators?.persistent !== false) return false;
  await db
    .send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }))
    .catch(() => undefined);
  return true;
}
