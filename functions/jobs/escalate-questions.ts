import { jobFunction } from '../../shared/jobs/job';
import { lambdaRoot } from '../../shared/composition/lambda';
import { escalateDueQuestions } from '../../shared/application/question-escalation';

/** Question escalation (issue 9 #5): reminders, overdue and very overdue, once each; see question-escalation.ts. */
export const ESCALATE_QUESTIONS_JOB = 'escalate-questions';

export const handler = lambdaRoot((s) =>
  jobFunction(
    ESCALATE_QUESTIONS_JOB,
    async (now, runId) => ({ ...(await escalateDueQuestions(s, now, `job:${runId}`)) }),
    s.uow,
  ),
);
