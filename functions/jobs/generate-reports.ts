import { jobFunction } from '../../shared/jobs/job';
import { generateDueReports } from '../../shared/application/reports';

/** Issue 27: each periodic report of the preset, generated as a draft as soon as its period closes. */
export const handler = jobFunction('generate-reports', (now, runId) => generateDueReports(now, runId));
