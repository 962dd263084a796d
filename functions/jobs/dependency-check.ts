import { JobFailure, jobFunction } from '../../shared/jobs/job';
import { deadLetterDepths, probeDependencies } from '../../shared/adapters/dependency-probe';
import { DEPENDENCY_CHECK_JOB } from '../../shared/application/health-report';

/** Monitoring (BĐ 18.1, NA 13.2): dependencies answer, and nothing waits in a dead-letter queue. */
export const handler = jobFunction(DEPENDENCY_CHECK_JOB, async () => {
  const checks = await probeDependencies();
  const summary: Record<string, string | number> = {};
  for (const [name, check] of Object.entries(checks)) summary[name] = check.status;
  const failing = Object.values(checks).filter((c) => c.status !== 'ok').length;
  // Recorded with the failure, so /health names what does not answer.
  if (failing > 0) throw new JobFailure(`${failing} dependencies do not answer`, summary);
  for (const [queue, depth] of Object.entries(await deadLetterDepths())) summary[`dlq:${queue}`] = depth;
  return summary;
});
