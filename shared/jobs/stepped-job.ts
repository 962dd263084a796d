import type { Context } from 'aws-lambda';
import type { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { logger } from '../logger';
import { jobFunction, recordJobRun, type JobHandler, type JobInvocation, type JobSummary } from './job';
import { DONE, runStep, type StepEnvelope, type StepMachine } from './step-machine';

/**
 * The handler of a job run as steps (step-machine.ts). Invoked by its state machine with a step's
 * envelope, it runs that one step and answers the next envelope; the last step (or the failure
 * step) records the run in the job ledger, so the ledger and its alarms see one run, not one per
 * step. Invoked any other way (the local scheduler, `npm run job`), it runs every step in process.
 */
export type SteppedJobHandler = (
  event: JobInvocation | StepEnvelope<unknown> | undefined,
  context?: Context,
) => Promise<unknown>;

const isStep = (event: unknown): event is StepEnvelope<{ runId?: string; now?: string }> =>
  typeof event === 'object' &&
  event !== null &&
  typeof (event as { step?: unknown }).step === 'string' &&
  'state' in event;

export function steppedJobFunction<S extends { runId?: string; now?: string }, D>(
  machine: StepMachine<S, D>,
  deps: () => D,
  inProcess: (now: Date, runId: string) => Promise<JobSummary>,
  /** The root's unit of work, which records the run. */
  uow: UnitOfWork,
): SteppedJobHandler {
  const whole: JobHandler = jobFunction(machine.shape.job, inProcess, uow);
  return async (event, context) => {
    if (!isStep(event)) return whole(event as JobInvocation | undefined, context);
    if (context) logger.addContext(context);
    const envelope = event as StepEnvelope<S>;
    const out = await runStep(machine, envelope, deps());
    logger.info('job step', {
      job: machine.shape.job,
      step: envelope.step,
      next: out.step,
      runId: envelope.state.runId,
    });
    if (out.step === DONE) {
      const failed = envelope.step === machine.shape.onFailure;
      await recordJobRun(
        {
          job: machine.shape.job,
          runId: envelope.state.runId ?? 'unknown',
          trigger: 'schedule',
          startedAt: envelope.state.now ? new Date(envelope.state.now) : new Date(),
          outcome: failed ? 'failed' : 'succeeded',
          summary: out.summary ?? {},
        },
        uow,
      );
    }
    return out;
  };
}
