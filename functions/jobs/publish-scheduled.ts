import { jobFunction } from '../../shared/jobs/job';
import { lambdaRoot } from '../../shared/composition/lambda';
import { publishDueItems } from '../../shared/application/content-scheduled';

/** Scheduled publication (issue 8 §3): publishes what is due, as the system identity; see content-scheduled.ts. */
export const PUBLISH_SCHEDULED_JOB = 'publish-scheduled';

// Files must still be clean at publication: the root's services answer from the uploads (services.attachmentStatus).
export const handler = lambdaRoot((s) =>
  jobFunction(
    PUBLISH_SCHEDULED_JOB,
    async (now, runId) => ({ ...(await publishDueItems(s, now, `job:${runId}`)) }),
    s.uow,
  ),
);
