import { lambdaRoot } from '../../shared/composition/lambda';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { jobFunction } from '../../shared/jobs/job';
import { generateDueReports, reportServices } from '../../shared/application/reports';

/** Issue 27: each periodic report of the preset, generated as a draft as soon as its period closes. */
export const handler = lambdaRoot((root) => {
  const s = reportServices(root, createS3Client());
  return jobFunction('generate-reports', (now, runId) => generateDueReports(s, now, runId), s.uow);
});
