import { jobFunction } from '../../shared/jobs/job';
import { publishDueItems } from '../../shared/application/content-scheduled';
import { useAttachmentStatus } from '../../shared/application/content-attachments';
import { attachmentStatuses } from '../../shared/application/uploads';
import { directory } from '../../shared/application/directory';

// Files must still be clean at publication: the uploads area answers, as for the staff function.
useAttachmentStatus((ids, unitCode) => attachmentStatuses(directory(), ids, unitCode));

/** Scheduled publication (issue 8 §3): publishes what is due, as the system identity; see content-scheduled.ts. */
export const PUBLISH_SCHEDULED_JOB = 'publish-scheduled';

export const handler = jobFunction(PUBLISH_SCHEDULED_JOB, async (now, runId) => ({ ...(await publishDueItems(now, `job:${runId}`)) }));
