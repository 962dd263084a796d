import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { probeTable } from '../../shared/adapters/table-probe';
import { JobRunRepository } from '../../shared/adapters/dynamo/job-runs';
import { coreRoot } from '../../shared/composition/core-root';
import { DEPENDENCY_CHECK_JOB, healthReport } from '../../shared/application/health-report';
import { operationsRoutes } from './routes';

export const handler = coreRoot((s) => {
  const jobRuns = new JobRunRepository(s.db, s.table);
  return httpFunction(
    'health',
    operationsRoutes,
    {
      health: async () => {
        const [table, [lastRun]] = await Promise.all([
          probeTable(s.dynamo, s.table),
          // An unreadable ledger is reported as such, never a 500: /health must answer when things are down.
          jobRuns.latest(DEPENDENCY_CHECK_JOB, 1).catch(() => ['unreadable' as const]),
        ]);
        const report = healthReport(table, lastRun, new Date());
        return json(
          report.healthy ? 200 : 503,
          { status: report.healthy ? 'ok' : 'degraded', time: new Date().toISOString(), checks: report.checks },
          { 'cache-control': 'no-store' },
        );
      },
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  );
});
