import { steppedJobFunction } from '../../shared/jobs/stepped-job';
import { dynamoClient, s3Client } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';
import { runWeeklyBackup, type WeeklyBackupDeps } from '../../shared/application/weekly-backup';
import { weeklyBackupMachine } from '../../shared/application/weekly-backup-steps';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/** Weekly backup (TG 8.2, BĐ 18.6, NA 13.2): a table export and a media manifest into the backups bucket. */
export const WEEKLY_BACKUP_JOB = 'weekly-backup';

const deps = (): WeeklyBackupDeps => ({
  dynamodb: dynamoClient(),
  s3: s3Client(),
  tableName: env().TABLE_NAME,
  backupBucket: env().BACKUP_BUCKET,
  mediaBucket: env().MEDIA_BUCKET,
  signer: backupSigner(),
  verifier: backupVerifier(),
  // Set by CDK on functions that export the table; locally unset: the portable exporter.
  mode: process.env.EXPORT_MODE === 'aws' ? 'aws' : 'portable',
  ...(process.env.TABLE_ARN ? { tableArn: process.env.TABLE_ARN } : {}),
  ...(process.env.BACKUP_KMS_KEY_ARN ? { kmsKeyArn: process.env.BACKUP_KMS_KEY_ARN } : {}),
});

/** On AWS its state machine invokes it once per step; run by hand or by the local scheduler, one run of the backup. */
export const handler = steppedJobFunction(weeklyBackupMachine, deps, (now) => runWeeklyBackup(now, deps()));
