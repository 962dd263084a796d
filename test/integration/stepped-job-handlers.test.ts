import { afterAll, describe, expect, it, vi } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { eventually, useLocalStack } from '../support/local-stack';
import { DONE, type StepEnvelope } from '../../shared/jobs/step-machine';
import {
  LEASE_SECONDS,
  RESTORE_DRILL_MACHINE,
  restoreDrillMachine,
  type DrillState,
  type RestoreDrillDeps,
} from '../../shared/application/restore-drill-steps';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import { memoryJournal, runStepsInProcess, StepRunKilled } from '../../shared/jobs/step-machine';
import { backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * The job functions as their state machines invoke them on AWS (issue 24), through the local
 * function runner (local IAM on): one step per invocation, each answer naming the next, as the
 * machine's NextStep routes it, until `done`; the run goes to the job ledger once, at its last step
 * (succeeded) or at the failure step (failed), not once per step.
 */
const local = useLocalStack();
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2027-08-01T21:00:00Z')); // Monday 04:00 in Hà Nội, 2027-W31: the month's first backup
afterAll(() => void vi.useRealTimers());
const res = () => local.stack().resources;
const tables = async () => (await local.clients().dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
// The ledger is written by a consumer of the outbox's stream: on a loaded machine it may take a while.
const LEDGER_WAIT_MS = 30_000;
const runsOf = async (job: string, runId: string) =>
  (await local.scanAll()).filter((i) => i.pk === `JOB#${job}` && String(i.sk).startsWith('RUN#') && i.runId === runId);

/** What the state machine does with the function's answers: Start, then NextStep → task → (Wait) → NextStep … → Done. */
async function asTheStateMachine(fn: 'weeklyBackup' | 'restoreDrill', first: string) {
  const runId = randomUUID();
  let envelope: StepEnvelope<unknown> = {
    step: first,
    state: { runId, now: new Date().toISOString() },
    waitSeconds: 0,
  };
  const steps: string[] = [];
  while (envelope.step !== DONE) {
    steps.push(envelope.step);
    envelope = (await local.stack().invoke(fn, envelope)) as StepEnvelope<unknown>;
  }
  return { runId, steps, summary: envelope.summary };
}

/** The week's backup, made once by whichever test needs it first (as the machine does it). */
let backedUp: ReturnType<typeof seedAndBackUp> | undefined;
const backup_ = () => (backedUp ??= seedAndBackUp());
async function seedAndBackUp() {
  for (let i = 0; i < 30; i++) {
    await local.clients().dynamodb.send(
      new PutItemCommand({
        TableName: res().tableName,
        Item: {
          pk: { S: `THING#${i}` },
          sk: { S: 'THING' },
          gsi1pk: { S: `OWNER#${i % 3}` },
          gsi1sk: { S: `t#${i}` },
        },
      }),
    );
  }
  await local.clients().s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: 'clean/s/a.txt', Body: 'a' }));
  return asTheStateMachine('weeklyBackup', 'StartWeeklyBackup');
}

describe('stepped job handlers, invoked step by step', () => {
  it('the backup, then the drill in full: each step one invocation, one run of each in the job ledger', async () => {
    const backup = await backup_();
    expect(backup.steps).toEqual(['StartWeeklyBackup']); // the portable backup is done in its first step
    expect(backup.summary).toMatchObject({ backupId: '2027-W31', status: 'verified' });

    const drill = await asTheStateMachine('restoreDrill', RESTORE_DRILL_MACHINE.first);
    expect(drill.steps).toEqual([
      'Begin',
      'CheckFiles',
      'CreateTable',
      'LoadTable',
      'CheckTable',
      'CheckMedia',
      'Finish',
    ]);
    expect(drill.summary).toMatchObject({
      mode: 'full',
      load: 'portable',
      countMatch: true,
      digestMatch: true,
      mediaMismatched: 0,
    });
    for (const [job, runId] of [
      ['weekly-backup', backup.runId],
      ['restore-drill', drill.runId],
    ] as const) {
      const runs = await eventually(
        async () => ((await runsOf(job, runId)).length > 0 ? runsOf(job, runId) : undefined),
        LEDGER_WAIT_MS,
      );
      expect(
        runs.map((r) => r.outcome),
        job,
      ).toEqual(['succeeded']);
    }
  });

  it('a drill that stopped stepping past its lease, and whose lease another drill took, fails at its next step and drops its own scratch table', async () => {
    await backup_();
    const deps: RestoreDrillDeps = {
      dynamodb: local.clients().dynamodb,
      s3: local.clients().s3,
      tableName: res().tableName,
      backupBucket: res().buckets.backups,
      verifier: backupVerifier(),
      fullRestore: 'weekly',
      load: 'portable',
    };
    const journal = memoryJournal<DrillState>();
    const stalled = { runId: randomUUID(), now: new Date().toISOString() };
    // Begin, CheckFiles, CreateTable done; it stops before loading.
    await expect(
      runStepsInProcess(restoreDrillMachine, stalled, deps, { journal, killBeforeStep: 4 }),
    ).rejects.toBeInstanceOf(StepRunKilled);
    const scratch = (await journal.load())!.state.scratch!;
    expect(await tables()).toContain(scratch);
    // Forward only (the clock stays there for the file's other tests, still the same week): the local stack's
    // pollers keep their own deadlines, and a clock sent back would leave them waiting.
    const later = new Date(Date.now() + (LEASE_SECONDS + 60) * 1000);
    vi.setSystemTime(later);
    const other = await runRestoreDrill(deps, later);
    expect(other).toMatchObject({ mode: 'full', digestMatch: true });
    // The other drill took the expired lease, dropped the table it named (this one's), and gave the lease back.
    await expect(runStepsInProcess(restoreDrillMachine, stalled, deps, { journal })).rejects.toThrow(/lost its lease/);
    expect((await tables()).filter((t) => t.includes('-drill-'))).toEqual([]);
  });

  it('after a failed step the machine invokes the failure step: a failed run in the ledger, with what failed', async () => {
    const runId = randomUUID();
    const envelope = {
      step: 'Abort',
      state: { runId, now: new Date().toISOString(), backupId: '2027-W31' },
      waitSeconds: 0,
      error: { Error: 'JobFailure', Cause: 'restore drill (full) of 2027-W31 does not match the backup' },
    };
    expect(await local.stack().invoke('restoreDrill', envelope)).toMatchObject({
      step: DONE,
      summary: { backupId: '2027-W31', error: 'JobFailure' },
    });
    const runs = await eventually(
      async () => ((await runsOf('restore-drill', runId)).length > 0 ? runsOf('restore-drill', runId) : undefined),
      LEDGER_WAIT_MS,
    );
    expect(runs.map((r) => [r.outcome, r.summary.reason])).toEqual([
      ['failed', 'restore drill (full) of 2027-W31 does not match the backup'],
    ]);
  });
});
