import { jobFunction } from '../../shared/jobs/job';
import { dynamoClient, s3Client } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';
import { runWeeklyBackup } from '../../shared/application/weekly-backup';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/** Weekly backup (TG 8.2, BĐ 18.6, NA 13.2): a table export and a media manifest into the backups bucket. */
export const WEEKLY_BACKUP_JOB = 'weekly-backup';

export const handler = jobFunction(WEEKLY_BACKUP_JOB, (now) =>
  runWeeklyBackup(now, {
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
  }),
);
