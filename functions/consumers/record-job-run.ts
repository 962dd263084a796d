import { eventConsumer } from '../../shared/adapters/events/consumer';
import { lambdaRoot } from '../../shared/composition/lambda';
import { emitJobMetrics, jobMetricNames, type JobMetric } from '../../shared/adapters/metrics/job-metrics';
import { schedules } from '../../events/schedules';

/**
 * Records each finished job run in the ledger once, however often its event is delivered, and
 * emits the per-job metrics the alarms read: the run's outcome, and for every scheduled job the
 * hours since its last success (so a job that stops running is seen by the others' runs; the
 * dependency check runs every 15 minutes). Gauges: emitting again on a redelivery changes nothing.
 */
export const handler = lambdaRoot((s) =>
  eventConsumer(
    'recordJobRun',
    ['JobRunFinished'],
    async ({ detail }) => {
      const now = new Date();
      const metrics: JobMetric[] = [
        {
          job: detail.job,
          name: detail.outcome === 'succeeded' ? jobMetricNames.succeededRuns : jobMetricNames.failedRuns,
          value: 1,
          unit: 'Count',
        },
      ];
      for (const schedule of schedules) {
        const lastSuccess =
          schedule.job === detail.job && detail.outcome === 'succeeded'
            ? detail.finishedAt
            : ((await s.jobRuns.stats(schedule.job))?.lastSucceededAt ?? null);
        // Never succeeded: no figure, so the alarm sees missing data (breaching) rather than a made-up age.
        if (lastSuccess === null) continue;
        const hours = Math.max(0, (now.getTime() - Date.parse(lastSuccess)) / 3_600_000);
        metrics.push({
          job: schedule.job,
          name: jobMetricNames.hoursSinceSuccess,
          value: Math.round(hours * 100) / 100,
          unit: 'None',
        });
      }
      emitJobMetrics(s.config.TABLE_NAME, metrics, now);
      return s.jobRuns.record(detail);
    },
    s,
  ),
);
