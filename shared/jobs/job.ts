import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { logger } from '../logger';
import { eventPublisher } from '../adapters/events/publisher';

/**
 * A scheduled compliance job. Each run is published as JobRunFinished, whether it succeeded
 * or failed, so operators have evidence of every run (the job-runs ledger).
 */
export type JobSummary = Record<string, string | number | boolean>;

export interface JobInvocation {
  /** Set by the local runner and by operators invoking by hand; schedules send their own event. */
  readonly trigger?: 'schedule' | 'manual';
}

export type JobHandler = (event: JobInvocation | undefined, context?: Context) => Promise<JobSummary & { outcome: string }>;

export function jobFunction(job: string, run: (now: Date) => Promise<JobSummary>): JobHandler {
  return async (event, context) => {
    if (context) logger.addContext(context);
    const runId = randomUUID();
    const startedAt = new Date();
    const trigger = event?.trigger === 'manual' ? 'manual' : 'schedule';
    let outcome: 'succeeded' | 'failed' = 'succeeded';
    let summary: JobSummary = {};
    let failure: unknown;
    try {
      summary = await run(startedAt);
    } catch (error) {
      outcome = 'failed';
      failure = error;
      summary = { error: error instanceof Error ? error.name : 'Error' };
      logger.error('job failed', { job, runId, error: error as Error });
    }
    const finishedAt = new Date();
    await eventPublisher().publish('JobRunFinished', {
      job,
      runId,
      trigger,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      outcome,
      summary,
    });
    logger.info('job finished', { job, runId, outcome, durationMs: finishedAt.getTime() - startedAt.getTime() });
    // A failed run still fails the invocation, so Lambda's error metric and alarms see it.
    if (failure) throw failure;
    return { ...summary, outcome };
  };
}
