import { jobFunction } from '../../shared/jobs/job';
import { lambdaRoot } from '../../shared/composition/lambda';
import { runConsultationSchedule } from '../../shared/application/consultation-schedule';

/** Opens and closes consultations at their announced instants (issue 28 §1), as the system identity. */
export const CONSULTATION_SCHEDULE_JOB = 'consultation-schedule';

export const handler = lambdaRoot((s) =>
  jobFunction(
    CONSULTATION_SCHEDULE_JOB,
    async (now, runId) => ({ ...(await runConsultationSchedule(s, now, `job:${runId}`)) }),
    s.uow,
  ),
);
