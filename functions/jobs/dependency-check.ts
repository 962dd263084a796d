import { jobFunction } from '../../shared/jobs/job';
import { deadLetterDepths, probeDependencies } from '../../shared/adapters/dependency-probe';

/** Monitoring (BĐ 18.1, NA 13.2): dependencies answer, and nothing waits in a dead-letter queue. */
export const handler = jobFunction('dependency-check', async () => {
  const [checks, dlq] = await Promise.all([probeDependencies(), deadLetterDepths()]);
  const summary: Record<string, string | number> = {};
  for (const [name, check] of Object.entries(checks)) summary[name] = check.status;
  for (const [queue, depth] of Object.entries(dlq)) summary[`dlq:${queue}`] = depth;
  const failing = Object.values(checks).filter((c) => c.status !== 'ok').length;
  if (failing > 0) throw new Error(`${failing} dependencies do not answer`);
  return summary;
});
