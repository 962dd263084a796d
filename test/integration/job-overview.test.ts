import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { schedules } from '../../events/schedules';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * GET /jobs on the local stack: every job's last run and next run (the schedule evaluated in
 * Asia/Ho_Chi_Minh), and the per-job metrics the job-run ledger emits for the missed-schedule alarms.
 */
// A province that backs up on Saturdays at 01:30: GET /jobs shows the schedule as deployed, not the default.
const base = loadDeploymentConfig();
const local = useLocalStack({ config: { ...base, backups: { ...base.backups, schedule: 'cron(30 1 ? * SAT *)' } } });
const call = caller(local.api);
let operator: Person;
let editor: Person;
/** GET /jobs before any run: taken in beforeAll, since the tests (which run jobs) go in any order. */
let beforeAnyRun: Awaited<ReturnType<typeof call>>;

const metricLines = () =>
  existsSync(local.stack().metricsFile)
    ? readFileSync(local.stack().metricsFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

beforeAll(async () => {
  await seedTree();
  operator = await person(local.api, 'admin', 'demo', ['operator']);
  editor = await person(local.api, 'bientap.soa', 'soa', ['editor']);
  beforeAnyRun = await call('/jobs', operator);
}, 60_000);

describe('GET /jobs', () => {
  it('lists every job; before any run, scheduled ones count as missed, crons still have a next run', async () => {
    const res = beforeAnyRun;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((j: { job: string }) => j.job)).toEqual([
      ...schedules.map((s) => s.job),
      'bootstrap-directory',
      'media-checksums',
    ]);
    const backup = res.body.items.find((j: { job: string }) => j.job === 'weekly-backup');
    expect(backup).toMatchObject({
      trigger: 'schedule',
      expression: 'cron(30 1 ? * SAT *)',
      timeZone: 'Asia/Ho_Chi_Minh',
      runs: 0,
      lastRun: null,
      missed: true,
      missedAfterHours: 184.8,
    });
    // The next Saturday 01:30 in Việt Nam: a Friday 18:30 UTC, within a week.
    const next = new Date(backup.nextRunAt);
    expect(next.getUTCDay()).toBe(5);
    expect(next.toISOString().slice(11)).toBe('18:30:00.000Z');
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    // A rate() schedule has no phase before its first run.
    expect(res.body.items.find((j: { job: string }) => j.job === 'dependency-check')).toMatchObject({
      nextRunAt: null,
      missed: true,
      missedAfterHours: 0.75,
    });
    expect(res.body.items.find((j: { job: string }) => j.job === 'bootstrap-directory')).toMatchObject({
      trigger: 'manual',
      nextRunAt: null,
      expression: null,
      missed: false,
    });
    expect((await call('/jobs', editor)).status).toBe(403);
  });

  it('after a run: its last run and success, the next run one interval on, not missed; listJobRuns unchanged', async () => {
    const dependencyCheck = async () =>
      (await call('/jobs', operator)).body.items.find((j: { job: string }) => j.job === 'dependency-check');
    const before = (await dependencyCheck()).runs as number; // the metrics test may have run it already
    await local.stack().runJob('dependency-check');
    const job = await eventually(async () => {
      const found = await dependencyCheck();
      return found.runs > before ? found : undefined;
    });
    expect(job).toMatchObject({ runs: before + 1, missed: false, lastRun: { outcome: 'succeeded' } });
    expect(job.lastSucceededAt).toBe(job.lastRun.finishedAt);
    expect(Date.parse(job.nextRunAt)).toBe(Date.parse(job.lastRun.startedAt) + 15 * 60_000);
    const runs = await call('/job-runs?job=dependency-check', operator);
    expect(runs.status).toBe(200);
    expect(runs.body.items[0]).toMatchObject({
      job: 'dependency-check',
      runId: job.lastRun.runId,
      outcome: 'succeeded',
    });
    // GET /job-runs shows every job's last run and next run too (issue 10 §4), as GET /jobs does.
    expect(runs.body.jobs).toEqual((await call('/jobs', operator)).body.items);
    const all = await call('/job-runs', operator);
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([]);
    expect(all.body.jobs.find((j: { job: string }) => j.job === 'dependency-check')).toMatchObject({
      runs: before + 1,
      lastRun: { runId: job.lastRun.runId },
      nextRunAt: job.nextRunAt,
    });
    expect(all.body.jobs.find((j: { job: string }) => j.job === 'weekly-backup')).toMatchObject({
      expression: 'cron(30 1 ? * SAT *)',
      lastRun: null,
    });
  });

  it('the ledger emits per-job metrics as EMF lines: the outcome, and hours since each scheduled job last succeeded', async () => {
    // A dependency-check success recorded first (whichever test runs first).
    await local.stack().runJob('dependency-check');
    await eventually(async () =>
      metricLines().some((l) => l.Job === 'dependency-check' && l.SucceededRuns === 1) ? true : undefined,
    );
    await local.stack().runJob('security-check-reminder');
    const lines = await eventually(async () => {
      const all = metricLines();
      return all.some((l) => l.Job === 'security-check-reminder' && l.SucceededRuns === 1) ? all : undefined;
    });
    const line = lines.find((l) => l.Job === 'security-check-reminder' && l.SucceededRuns === 1);
    expect(line._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'Portal/Jobs', Dimensions: [['Table', 'Job']], Metrics: [{ Name: 'SucceededRuns', Unit: 'Count' }] },
    ]);
    expect(line.Table).toBe(local.stack().resources.tableName);
    // With that run recorded, dependency-check's age is reported too (it succeeded minutes ago); weekly-backup never ran: no figure.
    const ages = lines.filter((l) => 'HoursSinceSuccess' in l);
    expect(ages.some((l) => l.Job === 'dependency-check' && l.HoursSinceSuccess < 1)).toBe(true);
    expect(ages.some((l) => l.Job === 'security-check-reminder' && l.HoursSinceSuccess === 0)).toBe(true);
    expect(ages.some((l) => l.Job === 'weekly-backup')).toBe(false);
  });
});
