import type { Services } from '../composition/services';
import { jobTiming } from '../domain/operations/job-calendar';
import { configuredSchedules, manualJobs } from '../../events/schedules';

/** GET /jobs: every job, its last run and last success, and for scheduled ones the next run and whether it missed its schedule. */
export async function jobOverview(s: Pick<Services, 'jobRuns' | 'config'>, now: Date) {
  const runs = s.jobRuns;
  const all = [
    ...configuredSchedules(s.config.SCHEDULE_OVERRIDES).map((s) => ({ ...s, trigger: 'schedule' as const })),
    ...manualJobs.map((m) => ({ ...m, trigger: 'manual' as const })),
  ];
  const items = await Promise.all(
    all.map(async (job) => {
      const stats = await runs.stats(job.job);
      const lastRun = stats
        ? {
            runId: stats.lastRunId,
            outcome: stats.lastOutcome,
            startedAt: stats.lastStartedAt,
            finishedAt: stats.lastFinishedAt,
          }
        : null;
      const base = {
        job: job.job,
        trigger: job.trigger,
        description: job.description,
        runs: stats?.runs ?? 0,
        lastRun,
        lastSucceededAt: stats?.lastSucceededAt ?? null,
      };
      if (job.trigger === 'manual')
        return {
          ...base,
          expression: null,
          timeZone: null,
          basis: null,
          nextRunAt: null,
          missedAfterHours: null,
          missed: false,
        };
      const timing = jobTiming(
        job,
        { startedAt: stats?.lastStartedAt ?? null, succeededAt: stats?.lastSucceededAt ?? null },
        now,
      );
      return { ...base, expression: job.expression, timeZone: job.timeZone, basis: job.basis, ...timing };
    }),
  );
  return { items, at: now.toISOString() };
}
