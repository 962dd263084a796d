import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../../shared/adapters/dynamo/unit-of-work';
import { pendingEvent } from '../../../events/catalogue';

/**
 * A function that dies right after its commit: commits a JobRunFinished event through the unit
 * of work, says so, and kills itself with SIGKILL before it could do anything else (no flush, no
 * exit handlers). Environment: AWS_ENDPOINT_URL_DYNAMODB, TABLE_NAME, RUN_ID.
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const now = new Date();
const committed = await new UnitOfWork(client, process.env.TABLE_NAME!).commit(
  {
    events: [
      pendingEvent('JobRunFinished', {
        job: 'crash-test',
        runId: process.env.RUN_ID!,
        trigger: 'manual',
        startedAt: now.toISOString(),
        finishedAt: now.toISOString(),
        outcome: 'succeeded',
        summary: {},
      }),
    ],
  },
  { requestId: 'crash-test', now },
);
process.stdout.write(`committed ${committed.transactionId}\n`);
process.kill(process.pid, 'SIGKILL');
