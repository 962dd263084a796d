import { JobFailure, jobFunction } from '../../shared/jobs/job';
import { coreRoot } from '../../shared/composition/core-root';
import { createS3Client, createSqsClient } from '../../shared/adapters/aws-clients';
import { deadLetterDepths, probeDependencies } from '../../shared/adapters/dependency-probe';
import { DEPENDENCY_CHECK_JOB } from '../../shared/application/health-report';

/** Monitoring (BĐ 18.1, NA 13.2): dependencies answer, and nothing waits in a dead-letter queue. */
export const handler = coreRoot((s) => {
  const clients = {
    dynamo: s.dynamo,
    s3: createS3Client(),
    sqs: createSqsClient(),
    config: s.config,
  };
  return jobFunction(
    DEPENDENCY_CHECK_JOB,
    async () => {
      const checks = await probeDependencies(clients);
      const summary: Record<string, string | number> = {};
      for (const [name, check] of Object.entries(checks)) summary[name] = check.status;
      const failing = Object.values(checks).filter((c) => c.status !== 'ok').length;
      // Recorded with the failure, so /health names what does not answer.
      if (failing > 0) throw new JobFailure(`${failing} dependencies do not answer`, summary);
      for (const [queue, depth] of Object.entries(await deadLetterDepths(clients))) summary[`dlq:${queue}`] = depth;
      return summary;
    },
    s.uow,
  );
});
