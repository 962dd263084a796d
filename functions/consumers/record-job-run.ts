import { eventConsumer } from '../../shared/adapters/events/consumer';
import { JobRunRepository } from '../../shared/adapters/dynamo/job-runs';
import { documentClient } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';

const repository = new JobRunRepository(documentClient(), env().TABLE_NAME);

export const handler = eventConsumer('JobRunFinished', async (run) => {
  await repository.record(run);
});
