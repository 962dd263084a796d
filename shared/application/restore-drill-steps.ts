import { DeleteTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { bytesDigest } from '../domain/backups/digest';
import { decodeDataFile, type BackupManifest } from '../domain/backups/manifest';
import { describeFindings } from '../domain/backups/verify';
import { drillMode, MAX_BACKUP_AGE_HOURS, type FullRestoreCadence } from '../domain/backups/drill-plan';
import { openBackup } from '../adapters/backup/aws-export';
import { writeInWaves } from '../adapters/backup/batch-write';
import { fromExportJson } from '../adapters/backup/export-json';
import { checkMediaVersions } from '../adapters/backup/restore';
import { verifySampled } from '../adapters/backup/sampled-verify';
import type { ManifestVerifier } from '../adapters/backup/signing';
import { getObjectBytes, listBackups, readMediaManifest } from '../adapters/backup/storage';
import { createShapedTable } from '../adapters/backup/table-shape';
import {
  checkLoadedTable,
  dataPrefix as importPrefix,
  importProgress,
  startTableImport,
  tableCheckPasses,
} from '../adapters/backup/table-import';
import { verifyBackupFiles } from '../adapters/backup/verify-stored';
import { acquireLease, leaseOf, releaseLease, renewLease } from '../adapters/dynamo/lease';
import { DONE, type MachineShape, type StepFunction, type StepMachine } from '../jobs/step-machine';
import { JobFailure, type JobSummary } from '../jobs/job';

/**
 * The restore drill as steps (issue 24), each well inside one Lambda invocation at ten times the
 * reference province: on AWS a state machine runs them (infra/stacks/step-machine.ts), locally they
 * run in process (restore-drill.ts). A full restore loads the scratch table with DynamoDB's
 * ImportTable on AWS (a new table built by AWS from the backup's data files: no write capacity, no
 * invocation of ours waits for it) or, locally, portably with BatchWriteItem, a few files per step.
 * Either way the table is then scanned and its digest compared: an import that took an extra file
 * from the prefix, or lost one, does not match.
 */
export const SCRATCH_TABLE_INFIX = '-drill-';
export const DRILL_LEASE = 'restore-drill';
/** Renewed at every step, longer than any step (Lambda's 15 minutes): only a drill that stopped stepping loses it. */
export const LEASE_SECONDS = 20 * 60;
/** How often the machine asks whether DynamoDB's import has finished. */
export const IMPORT_POLL_SECONDS = 60;
/** A portable load step stops starting new files after this long (Lambda's timeout is 900 s). */
export const LOAD_STEP_SECONDS = 600;

export type DrillStepName =
  | 'Begin'
  | 'VerifySample'
  | 'CheckFiles'
  | 'CreateTable'
  | 'LoadTable'
  | 'CheckTable'
  | 'CheckMedia'
  | 'Finish'
  | 'Abort';
export const RESTORE_DRILL_MACHINE: MachineShape<DrillStepName> = {
  job: 'restore-drill',
  first: 'Begin',
  steps: [
    'Begin',
    'VerifySample',
    'CheckFiles',
    'CreateTable',
    'LoadTable',
    'CheckTable',
    'CheckMedia',
    'Finish',
    'Abort',
  ],
  onFailure: 'Abort',
  timeoutHours: 12,
};

export interface RestoreDrillDeps {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly tableName: string;
  readonly backupBucket: string;
  readonly verifier: ManifestVerifier;
  /** How often a drill restores in full (deployment config `backups.fullRestoreDrill`); default monthly. */
  readonly fullRestore?: FullRestoreCadence;
  /** How the scratch table is filled: `import` (DynamoDB ImportTable, AWS only) or `portable` (BatchWriteItem; DynamoDB Local has no import). */
  readonly load?: 'import' | 'portable';
  /** Portable load: at most this many data files per step (tests); and the step's time budget. */
  readonly filesPerLoadStep?: number;
  readonly loadStepSeconds?: number;
}

/** What the machine carries from step to step (JSON). */
export interface DrillState {
  readonly runId: string;
  /** The run's clock (ISO 8601): which backup is new enough, the lease. */
  readonly now: string;
  readonly backupId?: string;
  readonly scratch?: string;
  readonly backupAgeHours?: number;
  readonly mode?: 'verify' | 'full';
  readonly load?: 'import' | 'portable';
  readonly importArn?: string;
  readonly filesLoaded?: number;
  /** Seconds spent in our invocations so far (what Lambda bills), summed over the steps. */
  readonly seconds?: number;
  readonly result?: JobSummary;
}

type Step = StepFunction<DrillState, RestoreDrillDeps>;

/** Each step: renews the lease (except the first and the clean-up), and adds its own duration to the run's. */
const step =
  (body: Step, renew = true): Step =>
  async (state, deps, error) => {
    const started = performance.now();
    if (
      renew &&
      state.scratch &&
      !(await renewLease(deps.dynamodb, deps.tableName, DRILL_LEASE, state.runId, new Date(), LEASE_SECONDS, {
        scratchTable: state.scratch,
      }))
    ) {
      // Another drill took the lease after it expired: this one stopped stepping too long ago to go on.
      throw new JobFailure(
        `restore drill of ${state.backupId} lost its lease (more than ${LEASE_SECONDS / 60} minutes between steps)`,
        { backupId: state.backupId!, reason: 'lease lost' },
      );
    }
    const out = await body(state, deps, error);
    const seconds = Math.round(((state.seconds ?? 0) + (performance.now() - started) / 1000) * 1000) / 1000;
    return { ...out, state: { ...out.state, seconds } };
  };
const next = (name: DrillStepName | typeof DONE, state: DrillState, waitSeconds = 0) => ({
  step: name,
  state,
  waitSeconds,
});
const open = (deps: RestoreDrillDeps, state: DrillState) =>
  openBackup(deps.s3, deps.backupBucket, state.backupId!, deps.verifier);
const failure = (state: DrillState, problems: string, summary: JobSummary = {}) =>
  new JobFailure(
    `restore drill (${state.mode}) of ${state.backupId} does not match the backup${problems ? `: ${problems}` : ''}`,
    { mode: state.mode!, backupId: state.backupId!, ...summary },
  );

const begin: Step = async (state, deps) => {
  const now = new Date(state.now);
  const newest = (await listBackups(deps.s3, deps.backupBucket))
    .sort((a, b) => (a.backupId < b.backupId ? -1 : 1))
    .at(-1);
  if (!newest) throw new JobFailure('no backup to restore', { backups: 0 });
  const { backupId } = newest;
  // Each drill its own scratch table: two drills never share (or drop) one.
  const scratch = `${deps.tableName}${SCRATCH_TABLE_INFIX}${backupId}-${state.runId.slice(0, 8)}`;
  const lease = await acquireLease(deps.dynamodb, deps.tableName, DRILL_LEASE, state.runId, now, LEASE_SECONDS, {
    scratchTable: scratch,
  });
  if (!lease.acquired)
    return { step: DONE, state, summary: { backupId, alreadyRunning: true, heldBy: lease.holder, until: lease.until } };
  const held = { ...state, backupId, scratch };
  // The lease had expired: its drill died. Its scratch table, if any, goes now.
  if (lease.previous?.scratchTable) await dropTable(deps.dynamodb, lease.previous.scratchTable);
  const manifest = await open(deps, held);
  const backupAgeHours =
    Math.round(((now.getTime() - Date.parse(manifest.finishedAt || manifest.startedAt)) / 3_600_000) * 10) / 10;
  if (!(backupAgeHours <= MAX_BACKUP_AGE_HOURS)) {
    throw new JobFailure(
      `the newest backup, ${backupId}, is ${backupAgeHours} hours old (more than ${MAX_BACKUP_AGE_HOURS})`,
      { backupId, backupAgeHours },
    );
  }
  const mode = drillMode(newest, deps.fullRestore ?? 'monthly');
  return next(mode === 'full' ? 'CheckFiles' : 'VerifySample', { ...held, backupAgeHours, mode });
};

/** Most weeks: a few files and media objects chosen by the run's id read back and checked; no table. */
const verifySample: Step = async (state, deps) => {
  const manifest = await open(deps, state);
  const { ok, problems, ...checked } = await verifySampled(deps.s3, deps.backupBucket, manifest, state.runId);
  if (!ok) throw failure(state, problems ?? '', checked);
  return next('Finish', { ...state, result: { ...checked, items: manifest.table.itemCount } });
};

/** Every file (digest, items, the table's count and digest) and the media manifest, before any table exists. */
const checkFiles: Step = async (state, deps) => {
  const checked = await verifyBackupFiles(deps.s3, deps.backupBucket, await open(deps, state));
  if (!checked.ok) throw failure(state, describeFindings(checked.findings));
  return next('CreateTable', { ...state, load: deps.load ?? 'portable' });
};

/** The scratch table: created by DynamoDB's import on AWS (one call; the machine polls), or shaped here for the portable load. */
const createTable: Step = async (state, deps) => {
  const manifest = await open(deps, state);
  const prefix = dataPrefix(manifest);
  if (state.load === 'import' && prefix) {
    // The run's id as the token: a retried call is the same import.
    const importArn = await startTableImport(
      deps.dynamodb,
      deps.backupBucket,
      prefix,
      state.scratch!,
      state.runId.replace(/-/g, ''),
    );
    return next('LoadTable', { ...state, importArn }, IMPORT_POLL_SECONDS);
  }
  // The name carries this run's id and the drill may touch only `-drill-` tables: one that exists is this run's, made before a kill.
  await createShapedTable(deps.dynamodb, state.scratch!);
  return next('LoadTable', { ...state, load: 'portable', filesLoaded: 0 });
};

/** Import: asks how DynamoDB's import is doing. Portable: writes the next data files, within the step's budget. */
const loadTable: Step = async (state, deps) => {
  if (state.load === 'import') {
    const progress = await importProgress(deps.dynamodb, state.importArn!);
    if (progress.status === 'IN_PROGRESS') return next('LoadTable', state, IMPORT_POLL_SECONDS);
    if (progress.status === 'FAILED') {
      throw new JobFailure(`restore drill (full) of ${state.backupId}: ${progress.reason}`, {
        backupId: state.backupId!,
        load: 'import',
        importStatus: progress.importStatus,
      });
    }
    return next('CheckTable', state);
  }
  const manifest = await open(deps, state);
  const started = performance.now();
  const budget = deps.loadStepSeconds ?? LOAD_STEP_SECONDS;
  let filesLoaded = state.filesLoaded ?? 0;
  for (let n = 0; filesLoaded < manifest.files.length; n++) {
    if (n >= (deps.filesPerLoadStep ?? Infinity) || (performance.now() - started) / 1000 > budget) break;
    const file = manifest.files[filesLoaded]!;
    const data = await getObjectBytes(deps.s3, deps.backupBucket, file.key);
    // Checked in CheckFiles; again, as it may have been replaced since.
    if (!data || bytesDigest(data) !== file.sha256)
      throw failure(state, `${file.key} does not match its digest in the manifest (changed since it was checked)`);
    await writeInWaves(
      deps.dynamodb,
      state.scratch!,
      decodeDataFile(data).map((item) => ({ PutRequest: { Item: fromExportJson(item) } })),
    );
    filesLoaded++;
  }
  return next(filesLoaded < manifest.files.length ? 'LoadTable' : 'CheckTable', { ...state, filesLoaded });
};

/** The scratch table scanned: count and table digest against the manifest; each index asked for a few items by its keys. */
const checkTable: Step = async (state, deps) => {
  const manifest = await open(deps, state);
  const checked = await checkLoadedTable(deps.dynamodb, deps.s3, deps.backupBucket, manifest, state.scratch!);
  const result = { ...checked, load: state.load ?? 'portable' };
  if (!tableCheckPasses(checked)) throw failure(state, '', result);
  return next('CheckMedia', { ...state, result });
};

/** Every media object by S3's stored SHA-256 (read only where none is stored). */
const checkMedia: Step = async (state, deps) => {
  const manifest = await open(deps, state);
  const media = await readMediaManifest(deps.s3, deps.backupBucket, manifest);
  if (bytesDigest(media.bytes) !== manifest.media.sha256)
    throw failure(state, 'the media manifest does not match its digest in the backup manifest');
  const checked = await checkMediaVersions(deps.s3, media.manifest);
  const result = { ...state.result, mediaObjects: checked.objects, mediaMismatched: checked.mismatched.length };
  if (checked.mismatched.length > 0)
    throw failure(state, `media ${checked.mismatched.slice(0, 3).join(', ')} do not match`, result);
  return next('Finish', { ...state, result });
};

const finish: Step = async (state, deps) => {
  if (state.mode === 'full') await dropTable(deps.dynamodb, state.scratch!);
  await releaseLease(deps.dynamodb, deps.tableName, DRILL_LEASE, state.runId);
  const summary = {
    mode: state.mode!,
    backupId: state.backupId!,
    backupAgeHours: state.backupAgeHours!,
    ...state.result,
    seconds: state.seconds ?? 0,
  };
  return { step: DONE, state, summary };
};

/**
 * After a failed step: this run's scratch table dropped (its name carries the run's id; or, when the
 * failed step was Begin, the one named in the lease this run took), its lease given back.
 */
const abort: Step = async (state, deps, error) => {
  if (state.scratch) await dropTable(deps.dynamodb, state.scratch);
  const lease = await leaseOf(deps.dynamodb, deps.tableName, DRILL_LEASE);
  if (lease?.holder === state.runId) {
    if (lease.scratchTable && lease.scratchTable !== state.scratch) await dropTable(deps.dynamodb, lease.scratchTable);
    await releaseLease(deps.dynamodb, deps.tableName, DRILL_LEASE, state.runId);
  }
  return {
    step: DONE,
    state,
    summary: {
      ...(state.backupId ? { backupId: state.backupId } : {}),
      error: error?.Error ?? 'Error',
      reason: error?.Cause ?? '',
    },
  };
};

export const restoreDrillMachine: StepMachine<DrillState, RestoreDrillDeps, DrillStepName> = {
  shape: RESTORE_DRILL_MACHINE,
  run: {
    Begin: step(begin, false),
    VerifySample: step(verifySample),
    CheckFiles: step(checkFiles),
    CreateTable: step(createTable),
    LoadTable: step(loadTable),
    CheckTable: step(checkTable),
    CheckMedia: step(checkMedia),
    Finish: step(finish),
    Abort: step(abort, false),
  },
};

/** The one folder ImportTable reads (table-import.ts); a backup whose files are spread over several fails the run. */
export function dataPrefix(manifest: BackupManifest): string | undefined {
  try {
    return importPrefix(manifest);
  } catch (error) {
    throw new JobFailure((error as Error).message, { backupId: manifest.backupId });
  }
}

export async function dropTable(dynamodb: DynamoDBClient, name: string): Promise<void> {
  await dynamodb.send(new DeleteTableCommand({ TableName: name })).catch((error: unknown) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
}
