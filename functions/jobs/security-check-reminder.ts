import { lambdaRoot } from '../../shared/composition/lambda';
import { jobFunction } from '../../shared/jobs/job';
import { remindSecurityCheck } from '../../shared/application/security-checks';

/** TG 16.2: reminds the operators, once per due date, that the periodic security check falls due. */
export const handler = lambdaRoot((s) =>
  jobFunction('security-check-reminder', (now, runId) => remindSecurityCheck(s, now, runId), s.uow),
);
