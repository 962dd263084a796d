import { eventConsumer } from '../../shared/adapters/events/consumer';
import { JobRunRepository } from '../../shared/adapters/dynamo/job-runs';
import { documentClient } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';

const repository = new JobRunRepository(documentClient(), env().TABLE_NAME);

/** Records each finished job run in the ledger once, however often its event is delivered. */
export const handler = eventConsumer('recordJobRun', ['JobRunFinished'], async ({ detail }) => repository.record(detail));
