import { describe, expect, it } from 'vitest';
import {
  DONE,
  memoryJournal,
  runStep,
  runStepsInProcess,
  StepRunKilled,
  type StepMachine,
} from '../../shared/jobs/step-machine';

/**
 * The in-process step runner (shared/jobs/step-machine.ts), on a machine of its own: steps in the
 * order their answers name, a journal that a killed run resumes from, the failure step after a
 * step throws (with what failed), and an unknown step refused by name.
 */
interface Count {
  readonly n: number;
  readonly log: readonly string[];
}
const counting = (failAt?: number): StepMachine<Count, { cleaned: string[] }, 'Add' | 'Check' | 'CleanUp'> => ({
  shape: { job: 'count', first: 'Add', steps: ['Add', 'Check', 'CleanUp'], onFailure: 'CleanUp', timeoutHours: 1 },
  run: {
    Add: async (s) => {
      if (s.n + 1 === failAt) throw new Error(`cannot add ${failAt}`);
      return {
        step: s.n + 1 < 5 ? 'Add' : 'Check',
        state: { n: s.n + 1, log: [...s.log, `add ${s.n + 1}`] },
        ...(s.n === 2 ? { waitSeconds: 60 } : {}),
      };
    },
    Check: async (s) => ({ step: DONE, state: s, summary: { n: s.n, steps: s.log.length } }),
    CleanUp: async (s, deps, error) => {
      deps.cleaned.push(`${error?.Error}: ${error?.Cause} at ${s.n}`);
      return { step: DONE, state: s, summary: { failed: true } };
    },
  },
});

describe('step machine, in process', () => {
  it('runs the steps each answer names, waiting where one asks, to the summary of the last', async () => {
    const waits: number[] = [];
    const summary = await runStepsInProcess(
      counting(),
      { n: 0, log: [] },
      { cleaned: [] },
      { sleep: async (s) => void waits.push(s) },
    );
    expect(summary).toEqual({ n: 5, steps: 5 });
    expect(waits).toEqual([60]);
  });

  it('killed before its Nth step, resumes from the journal and runs each remaining step once', async () => {
    const journal = memoryJournal<Count>();
    await expect(
      runStepsInProcess(counting(), { n: 0, log: [] }, { cleaned: [] }, { journal, killBeforeStep: 3 }),
    ).rejects.toBeInstanceOf(StepRunKilled);
    expect((await journal.load())!.state.n).toBe(2);
    const summary = await runStepsInProcess(counting(), { n: 0, log: [] }, { cleaned: [] }, { journal });
    expect(summary).toEqual({ n: 5, steps: 5 });
    expect(journal.saved.map((e) => e.state.n)).toEqual([1, 2, 3, 4, 5, 5]);
  });

  it('a step that throws runs the failure step with the state it was given and what failed, then fails the run', async () => {
    const deps = { cleaned: [] as string[] };
    await expect(runStepsInProcess(counting(4), { n: 0, log: [] }, deps)).rejects.toThrow('cannot add 4');
    expect(deps.cleaned).toEqual(['Error: cannot add 4 at 3']);
  });

  it('refuses a step the machine does not have, naming the ones it has', async () => {
    await expect(
      runStep(counting(), { step: 'Remove', state: { n: 0, log: [] }, waitSeconds: 0 }, { cleaned: [] }),
    ).rejects.toThrow('count: no step "Remove" (steps: Add, Check, CleanUp)');
  });
});
