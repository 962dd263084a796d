import { randomUUID } from 'node:crypto';
import { JobFailure, type JobSummary } from '../jobs/job';
import { memoryJournal, runStepsInProcess, type InProcessOptions } from '../jobs/step-machine';
import { restoreDrillMachine, type DrillState, type RestoreDrillDeps } from './restore-drill-steps';

export { DRILL_LEASE, SCRATCH_TABLE_INFIX, type RestoreDrillDeps } from './restore-drill-steps';

/**
 * The restore drill (BĐ 18.6, NA 13.2, TG 16.3): a backup nobody has restored is a hope. Weekly,
 * after the backup, it opens the newest backup (its signature first) and refuses one older than 8
 * days; then, as drill-plan.ts decides from the configured cadence, either verifies it without
 * restoring (sampled data files and media objects), or restores it in full into a scratch table of
 * its own, compares counts and digests, asks each index for a few restored items, and deletes the
 * table. One drill at a time: a lease (shared/adapters/dynamo/lease.ts); a second drill started
 * meanwhile answers "already running" and does nothing. The result goes to the job ledger.
 * The work is split into steps (restore-drill-steps.ts): on AWS a state machine runs them, one
 * invocation each; here (the local scheduler, `npm run job`) they run in this process.
 */
export async function runRestoreDrill(
  deps: RestoreDrillDeps,
  now = new Date(),
  runId: string = randomUUID(),
  options: InProcessOptions<DrillState> = {},
): Promise<JobSummary> {
  const journal = options.journal ?? memoryJournal<DrillState>();
  try {
    return await runStepsInProcess(restoreDrillMachine, { runId, now: now.toISOString() }, deps, {
      ...options,
      journal,
    });
  } catch (error) {
    if (error instanceof JobFailure || (error as Error).name === 'StepRunKilled') throw error;
    const state = (await journal.load())?.state;
    const of = state?.backupId ? ` of ${state.backupId}` : '';
    throw new JobFailure(
      `restore drill${state?.mode ? ` (${state.mode})` : ''}${of} failed: ${(error as Error).message}`,
      { ...(state?.backupId ? { backupId: state.backupId } : {}), reason: (error as Error).name },
    );
  }
}
