import { steppedJobFunction } from '../../shared/jobs/stepped-job';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { coreRoot } from '../../shared/composition/core-root';
import { runWeeklyBackup, type WeeklyBackupDeps } from '../../shared/application/weekly-backup';
import { weeklyBackupMachine } from '../../shared/application/weekly-backup-steps';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/** Weekly backup (TG 8.2, BĐ 18.6, NA 13.2): a table export and a media manifest into the backups bucket. */
export const WEEKLY_BACKUP_JOB = 'weekly-backup';

export const handler = coreRoot((s) => {
  const s3 = createS3Client();
  const deps = (): WeeklyBackupDeps => ({
    dynamodb: s.dynamo,
    s3,
    tableName: s.table,
    backupBucket: s.config.BACKUP_BUCKET,
    mediaBucket: s.config.MEDIA_BUCKET,
    signer: backupSigner(),
    verifier: backupVerifier(),
    // Set by CDK on functions that export the table; locally unset: the portable exporter.
    mode: process.env.EXPORT_MODE === 'aws' ? 'aws' : 'portable',
    ...(process.env.TABLE_ARN ? { tableArn: process.env.TABLE_ARN } : {}),
    ...(process.env.BACKUP_KMS_KEY_ARN ? { kmsKeyArn: process.env.BACKUP_KMS_KEY_ARN } : {}),
  });
  // On AWS its state machine invokes it once per step; run by hand or by the local scheduler, one run of the backup.
  return steppedJobFunction(weeklyBackupMachine, deps, (now) => runWeeklyBackup(now, deps()), s.uow);
});
