import { steppedJobFunction } from '../../shared/jobs/stepped-job';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { coreRoot } from '../../shared/composition/core-root';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import { restoreDrillMachine, type RestoreDrillDeps } from '../../shared/application/restore-drill-steps';
import { backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { FULL_RESTORE_CADENCES, type FullRestoreCadence } from '../../shared/domain/backups/drill-plan';

const fullRestoreCadence = (value: string | undefined): FullRestoreCadence =>
  (FULL_RESTORE_CADENCES as readonly string[]).includes(value ?? '') ? (value as FullRestoreCadence) : 'monthly';

/** Weekly restore drill (BĐ 18.6, NA 13.2, TG 16.3): on AWS its state machine invokes it once per step; locally all steps in one run. */
export const handler = coreRoot((s) => {
  const s3 = createS3Client();
  const deps = (): RestoreDrillDeps => ({
    dynamodb: s.dynamo,
    s3,
    tableName: s.table,
    backupBucket: s.config.BACKUP_BUCKET,
    verifier: backupVerifier(),
    // The deployment config's `backups.fullRestoreDrill` (infra/config/deployment.ts configEnvironment).
    fullRestore: fullRestoreCadence(process.env.BACKUP_FULL_RESTORE_DRILL),
    // Set by CDK (functions/manifest.ts importsTable): DynamoDB's ImportTable fills the scratch table; DynamoDB Local has none.
    load: process.env.DRILL_LOAD === 'import' ? 'import' : 'portable',
  });
  return steppedJobFunction(restoreDrillMachine, deps, (now, runId) => runRestoreDrill(deps(), now, runId), s.uow);
});
