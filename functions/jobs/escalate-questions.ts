import { jobFunction } from '../../shared/jobs/job';
import { escalateDueQuestions } from '../../shared/application/question-escalation';

/** Question escalation (issue 9 #5): reminders, overdue and very overdue, once each; see question-escalation.ts. */
export const ESCALATE_QUESTIONS_JOB = 'escalate-questions';

export const handler = jobFunction(ESCALATE_QUESTIONS_JOB, async (now, runId) => ({
  ...(await escalateDueQuestions(now, `job:${runId}`)),
}));
