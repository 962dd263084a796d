import type { JobSummary } from './job';

/**
 * A job split into steps that each fit one Lambda invocation (issue 24): on AWS a Step Functions
 * state machine built from the same shape (infra/stacks/step-machine.ts) invokes the job's function
 * once per step with `{ step, state }`; locally `runStepsInProcess` runs the same steps one after
 * another. A step returns the state for the next one and the next step's name (`done` to finish),
 * optionally after a wait (polling a long AWS operation: no invocation waits for AWS). When a step
 * fails, the machine's failure step runs with the state the failed step was given (Step Functions'
 * Catch), cleans up, and the run fails.
 */
export const DONE = 'done';

export interface MachineShape<Name extends string = string> {
  /** The job's name (the job ledger) and the state machine's. */
  readonly job: string;
  readonly first: Name;
  readonly steps: readonly Name[];
  /** Runs after any step fails; its own failure does not hide the first. */
  readonly onFailure: Name;
  /** The longest a run may take (the state machine's timeout). */
  readonly timeoutHours: number;
}

/** The JSON a step is given and returns: what the state machine carries from one invocation to the next. */
export interface StepEnvelope<S> {
  readonly step: string;
  readonly state: S;
  /** Seconds to wait before the next step (Step Functions' Wait state); 0 when it follows at once. */
  readonly waitSeconds: number;
  /** The run's result, on the last step (and the failure step). */
  readonly summary?: JobSummary;
  /** Set by the state machine's Catch for the failure step: what failed. */
  readonly error?: { readonly Error?: string; readonly Cause?: string };
}

export type StepFunction<S, D> = (
  state: S,
  deps: D,
  error?: StepEnvelope<S>['error'],
) => Promise<Omit<StepEnvelope<S>, 'waitSeconds'> & { waitSeconds?: number }>;

export interface StepMachine<S, D, Name extends string = string> {
  readonly shape: MachineShape<Name>;
  readonly run: Readonly<Record<Name, StepFunction<S, D>>>;
}

/** One step, as the state machine's task invokes it: the envelope in, the next envelope out. */
export async function runStep<S, D>(
  machine: StepMachine<S, D>,
  envelope: StepEnvelope<S>,
  deps: D,
): Promise<StepEnvelope<S>> {
  const step = machine.run[envelope.step as keyof typeof machine.run];
  if (!step)
    throw new Error(`${machine.shape.job}: no step "${envelope.step}" (steps: ${machine.shape.steps.join(', ')})`);
  const out = await step(envelope.state, deps, envelope.error);
  return { waitSeconds: 0, ...out };
}

/** Where the in-process runner keeps the envelope between steps, as Step Functions keeps an execution's state. */
export interface StepJournal<S> {
  load(): Promise<StepEnvelope<S> | undefined>;
  save(envelope: StepEnvelope<S>): Promise<void>;
}

export const memoryJournal = <S>(): StepJournal<S> & { readonly saved: StepEnvelope<S>[] } => {
  const saved: StepEnvelope<S>[] = [];
  return { saved, load: async () => saved.at(-1), save: async (envelope) => void saved.push(envelope) };
};

export interface InProcessOptions<S> {
  /** Resumes from the journal's last envelope when it holds one (a run killed between steps, then run again). */
  readonly journal?: StepJournal<S>;
  /** Waits between steps: by default none (locally nothing runs outside the process to wait for). */
  readonly sleep?: (seconds: number) => Promise<void>;
  /** Tests: the run dies before its Nth step (counted from 1 in this call), as a killed process would, and no failure step runs. */
  readonly killBeforeStep?: number;
}

export class StepRunKilled extends Error {
  override readonly name = 'StepRunKilled';
}

/**
 * Runs a machine's steps in this process, saving the envelope after each, so a run killed between
 * steps resumes where it stopped. A step that throws runs the failure step, then rethrows.
 */
export async function runStepsInProcess<S, D>(
  machine: StepMachine<S, D>,
  initial: S,
  deps: D,
  options: InProcessOptions<S> = {},
): Promise<JobSummary> {
  const journal = options.journal ?? memoryJournal<S>();
  let envelope: StepEnvelope<S> = (await journal.load()) ?? {
    step: machine.shape.first,
    state: initial,
    waitSeconds: 0,
  };
  for (let count = 1; envelope.step !== DONE; count++) {
    if (options.killBeforeStep === count) throw new StepRunKilled(`killed before step ${count} (${envelope.step})`);
    if (envelope.waitSeconds > 0) await options.sleep?.(envelope.waitSeconds);
    let next: StepEnvelope<S>;
    try {
      next = await runStep(machine, envelope, deps);
    } catch (error) {
      const failed = error as Error;
      await runStep(
        machine,
        {
          step: machine.shape.onFailure,
          state: envelope.state,
          waitSeconds: 0,
          error: { Error: failed.name, Cause: failed.message },
        },
        deps,
      ).catch(() => undefined);
      throw error;
    }
    await journal.save(next);
    envelope = next;
  }
  return envelope.summary ?? {};
}
