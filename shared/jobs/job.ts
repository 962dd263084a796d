import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { logger } from '../logger';
import type { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { pendingEvent } from '../../events/catalogue';

/**
 * A scheduled compliance job. Each run is published as JobRunFinished, whether it succeeded
 * or failed, so operators have evidence of every run (the job-runs ledger). The event goes
 * through the transactional outbox like every other.
 */
export type JobSummary = Record<string, string | number | boolean>;

export interface JobInvocation {
  /** Set by the local runner and by operators invoking by hand; schedules send their own event. */
  readonly trigger?: 'schedule' | 'manual';
  /**
   * Runs the job as of this earlier instant (ISO 8601; `npm run job -- NAME --at ISO`): to see what
   * a run at that time found. Never later than the real clock, so nothing is done ahead of time.
   */
  readonly at?: string;
}

/** A failed run that still has findings to record (e.g. which dependencies did not answer). */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
  constructor(
    message: string,
    readonly summary: JobSummary,
  ) {
    super(message);
  }
}

export type JobHandler = (
  event: JobInvocation | undefined,
  context?: Context,
) => Promise<JobSummary & { outcome: string }>;

/** The run's clock: now, or an earlier instant the invocation names. */
function clockOf(event: JobInvocation | undefined, realNow: Date): Date {
  if (event?.at === undefined) return realNow;
  const at = new Date(event.at);
  if (Number.isNaN(at.getTime()) || at.getTime() > realNow.getTime())
    throw new Error(`"at" must be an ISO 8601 instant not later than now, not ${JSON.stringify(event.at)}`);
  return at;
}

/**
 * The run in the job ledger (JobRunFinished through the outbox): by jobFunction, and by the last step of a job run as
 * steps (stepped-job.ts), through the root's unit of work.
 */
export async function recordJobRun(
  run: {
    job: string;
    runId: string;
    trigger: 'manual' | 'schedule';
    startedAt: Date;
    outcome: 'succeeded' | 'failed';
    summary: JobSummary;
  },
  uow: UnitOfWork,
): Promise<void> {
  const { job, runId, trigger, startedAt, outcome, summary } = run;
  const finishedAt = new Date();
  const finished = {
    job,
    runId,
    trigger,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    outcome,
    summary,
  };
  await uow.commit({ events: [pendingEvent('JobRunFinished', finished)] }, { requestId: runId, now: finishedAt });
  logger.info('job finished', { job, runId, outcome, durationMs: finishedAt.getTime() - startedAt.getTime() });
}

/** `uow`: the root's unit of work, which records the run. */
export function jobFunction(
  job: string,
  run: (now: Date, runId: string) => Promise<JobSummary>,
  uow: UnitOfWork,
): JobHandler {
  return async (event, context) => {
    if (context) logger.addContext(context);
    const runId = randomUUID();
    const startedAt = new Date();
    const trigger: 'manual' | 'schedule' = event?.trigger === 'manual' ? 'manual' : 'schedule';
    let outcome: 'succeeded' | 'failed' = 'succeeded';
    let summary: JobSummary = {};
    let failure: unknown;
    try {
      summary = await run(clockOf(event, startedAt), runId);
    } catch (error) {
      outcome = 'failed';
      failure = error;
      summary = {
        ...(error instanceof JobFailure ? error.summary : {}),
        error: error instanceof Error ? error.name : 'Error',
      };
      logger.error('job failed', { job, runId, error: error as Error });
    }
    await recordJobRun({ job, runId, trigger, startedAt, outcome, summary }, uow);
    // A failed run still fails the invocation, so Lambda's error metric and alarms see it.
    if (failure) throw failure;
    return { ...summary, outcome };
  };
}
