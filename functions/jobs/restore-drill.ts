import { jobFunction } from '../../shared/jobs/job';
import { dynamoClient, s3Client } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import { backupVerifier } from '../../shared/adapters/backup/signing-keys';

/** Weekly restore drill (BĐ 18.6, NA 13.2, TG 16.3): the latest backup restored into a scratch table and checked. */
export const handler = jobFunction('restore-drill', () =>
  runRestoreDrill({ dynamodb: dynamoClient(), s3: s3Client(), tableName: env().TABLE_NAME, backupBucket: env().BACKUP_BUCKET, verifier: backupVerifier() }),
);
