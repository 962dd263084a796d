import { jobFunction } from '../../shared/jobs/job';
import { dynamoClient, s3Client } from '../../shared/adapters/aws-clients';
import { env } from '../../shared/config/env';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import { backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { FULL_RESTORE_CADENCES, type FullRestoreCadence } from '../../shared/domain/backups/drill-plan';

const fullRestoreCadence = (value: string | undefined): FullRestoreCadence =>
  (FULL_RESTORE_CADENCES as readonly string[]).includes(value ?? '') ? (value as FullRestoreCadence) : 'monthly';

/** Weekly restore drill (BĐ 18.6, NA 13.2, TG 16.3): the latest backup restored into a scratch table and checked. */
export const handler = jobFunction('restore-drill', (now, runId) =>
  runRestoreDrill(
    {
      dynamodb: dynamoClient(), s3: s3Client(), tableName: env().TABLE_NAME, backupBucket: env().BACKUP_BUCKET, verifier: backupVerifier(),
      // The deployment config's `backups.fullRestoreDrill` (infra/config/deployment.ts configEnvironment).
      fullRestore: fullRestoreCadence(process.env.BACKUP_FULL_RESTORE_DRILL),
    },
    now,
    runId,
  ),
);
