import { DONE, type MachineShape, type StepFunction, type StepMachine } from '../jobs/step-machine';
import { runWeeklyBackup, type WeeklyBackupDeps } from './weekly-backup';

/**
 * The weekly backup as steps (issue 24): on AWS, StartWeeklyBackup claims the week, starts
 * DynamoDB's export and writes the media manifest from S3's checksums; the export then runs in
 * AWS, and SealWhenExported asks every 10 minutes until it can seal it (check and sign). No
 * invocation waits for AWS. Locally the portable backup finishes in the first step. Both steps
 * run as of the run's clock, so a seal after midnight on Sunday still seals the week it started.
 */
export const EXPORT_POLL_SECONDS = 10 * 60;

export type BackupStepName = 'StartWeeklyBackup' | 'SealWhenExported' | 'BackupFailed';
export const WEEKLY_BACKUP_MACHINE: MachineShape<BackupStepName> = {
  job: 'weekly-backup',
  first: 'StartWeeklyBackup',
  steps: ['StartWeeklyBackup', 'SealWhenExported', 'BackupFailed'],
  onFailure: 'BackupFailed',
  timeoutHours: 12,
};

export interface BackupState {
  readonly runId: string;
  readonly now: string;
}

type Step = StepFunction<BackupState, WeeklyBackupDeps>;

const backupStep: Step = async (state, deps) => {
  const summary = await runWeeklyBackup(new Date(state.now), deps);
  return summary.status === 'exporting'
    ? { step: 'SealWhenExported', state, waitSeconds: EXPORT_POLL_SECONDS }
    : { step: DONE, state, summary };
};

/** After a failed step: the week's record says `failed` already (runWeeklyBackup), so another run may take the week. */
const failed: Step = async (state, _deps, error) => ({
  step: DONE,
  state,
  summary: { error: error?.Error ?? 'Error', reason: error?.Cause ?? '' },
});

export const weeklyBackupMachine: StepMachine<BackupState, WeeklyBackupDeps, BackupStepName> = {
  shape: WEEKLY_BACKUP_MACHINE,
  run: { StartWeeklyBackup: backupStep, SealWhenExported: backupStep, BackupFailed: failed },
};
