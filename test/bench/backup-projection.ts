/**
 * Backup, verify and full-restore drill projected onto AWS for the reference province and for ten
 * times it (issue 24), step by step as the state machines run them (shared/application/
 * weekly-backup-steps.ts, restore-drill-steps.ts), from throughput measured here (`npm run bench --
 * backup`) and from figures AWS publishes or that are stated as assumptions below. Pure: the bench
 * prints what this returns, a unit test holds its arithmetic, and an infra test reads each step's
 * longest invocation at 10× against its function's Timeout in the synthesized template.
 */
import { IMPORT_POLL_SECONDS, LOAD_STEP_SECONDS } from '../../shared/application/restore-drill-steps';
import { EXPORT_POLL_SECONDS } from '../../shared/application/weekly-backup-steps';
import { MEDIA_IN_FLIGHT } from '../../shared/adapters/backup/media-checksums';

export const LAMBDA_TIMEOUT_SECONDS = 900;

export interface Scale {
  readonly name: string;
  readonly items: number;
  readonly mediaBytes: number;
}
export const SCALES: readonly Scale[] = [
  { name: 'reference (1×)', items: 200_000, mediaBytes: 20e9 },
  { name: '10×', items: 2_000_000, mediaBytes: 200e9 },
];

/** Measured on this machine by the bench (DynamoDB Local and fauxqs: pessimistic for AWS). */
export interface Measured {
  /**
   * Items of a gzipped data file decoded and added to the TableDigest per second of CPU time (not
   * wall time: on this shared machine the wall clock mostly measures the other sessions). What
   * sealing, checking every file and digesting the scanned table cost per item; single-threaded.
   */
  readonly digestItemsPerCpuSecond: number;
}
/**
 * The last `npm run bench -- backup` (2026-12-07, 20,000 items; this 2-core machine at load average
 * 50–58: 30,242 items per CPU second, where the wall clock said 1,670/s; a quieter moment measured
 * ~50,000): what the infra test projects with. Update it with the bench's figure.
 */
export const LAST_MEASURED: Measured = { digestItemsPerCpuSecond: 30_000 };

/**
 * What AWS publishes (us-east-1 list prices, aws.amazon.com/dynamodb/pricing/on-demand, and the
 * S3, Lambda and Step Functions pricing pages; check the deployment's region before relying on
 * them) and what is assumed where AWS publishes nothing (marked). AWS publishes a price per GB for
 * ExportTableToPointInTime and ImportTable but no throughput: both run in AWS, outside any
 * invocation of ours, and the state machines poll them (no invocation waits).
 */
export const AWS = {
  exportUsdPerGb: 0.1, // DynamoDB export to S3, full export
  importUsdPerGb: 0.15, // DynamoDB import from S3 (uncompressed source size); consumes no write capacity
  writeUsdPerMillion: 0.625, // on-demand write request units (≤ 1 KB items)
  readUsdPerMillion: 0.125, // on-demand read request units (4 KB strongly consistent)
  s3GetUsdPerThousand: 0.0004, // GET (and GetObjectAttributes) requests
  s3PutUsdPerThousand: 0.005, // PUT/COPY requests
  lambdaUsdPerGbSecond: 0.0000166667,
  stepFunctionsUsdPerThousandTransitions: 0.025, // standard workflows
  /** Assumed: a new on-demand table serves about 4,000 writes/s at first (AWS: "up to 4,000 write request units" initially). */
  newTableWritesPerSecond: 4_000,
  /** Assumed: GetObjectAttributes round trip within the region; as many in flight as the code sends (media-checksums.ts). */
  attributesLatencySeconds: 0.03,
  attributesInFlight: MEDIA_IN_FLIGHT,
  /** Assumed: reading from S3 inside the region, one stream. */
  s3ReadMbPerSecond: 50,
  /** Assumed: a parallel Scan (4 segments) of the restored table. */
  scanMbPerSecond: 40,
  /** Assumed: how long DynamoDB's import of the table takes (AWS publishes none): it sets how often the drill polls. */
  importMinutesPerGb: 30,
} as const;

/** Stated shape of the data: the bench's item (608 bytes of DynamoDB JSON), 3 indexes, 1 MB media objects, gzip 16:1. */
export const SHAPE = {
  itemBytes: 608,
  indexes: 3,
  mediaObjectBytes: 1e6,
  gzipRatio: 16,
  lambdaGb: 1,
  itemsPerDataFile: 10_000,
} as const;
/** AWS: "at 1,769 MB, a function has the equivalent of one vCPU", in proportion below it; the digest uses one thread. */
export const LAMBDA_MB_PER_VCPU = 1_769;
export const lambdaDigestRate = (measured: Measured) =>
  measured.digestItemsPerCpuSecond * Math.min(1, (SHAPE.lambdaGb * 1024) / LAMBDA_MB_PER_VCPU);

export type StepFunctionKey = 'weeklyBackup' | 'restoreDrill';
export interface Step {
  /** The state machine's step (a task state of the machine), and the function it invokes. */
  readonly machineStep: string;
  readonly fn: StepFunctionKey;
  readonly step: string;
  /** The longest single invocation of ours in this step (seconds); AWS's own work is not in it. */
  readonly invocationSeconds: number;
  readonly usd: number;
  readonly note: string;
  /** Which runs take the step: every backup, the weekly verify-only drill, the monthly full drill (by import on AWS, or portably). */
  readonly runs: 'backup' | 'verify' | 'full' | 'portable';
}

export function project(scale: Scale, measured: Measured): Step[] {
  const tableGb = (scale.items * SHAPE.itemBytes) / 1e9;
  const objects = scale.mediaBytes / SHAPE.mediaObjectBytes;
  const attributesSeconds = (objects / AWS.attributesInFlight) * AWS.attributesLatencySeconds;
  const attributesUsd = (objects / 1e3) * AWS.s3GetUsdPerThousand;
  const gzMb = (tableGb * 1e3) / SHAPE.gzipRatio;
  const digestSeconds = scale.items / lambdaDigestRate(measured);
  const readAndDigest = gzMb / AWS.s3ReadMbPerSecond + digestSeconds;
  const scanAndDigest = (tableGb * 1e3) / AWS.scanMbPerSecond + digestSeconds;
  const lambda = (seconds: number) => seconds * SHAPE.lambdaGb * AWS.lambdaUsdPerGbSecond;
  const transitions = (n: number) => (n / 1e3) * AWS.stepFunctionsUsdPerThousandTransitions;
  const scanUsd = ((scale.items * 2) / 1e6) * AWS.readUsdPerMillion;
  const importPolls = Math.ceil((tableGb * AWS.importMinutesPerGb * 60) / IMPORT_POLL_SECONDS);
  // Portable: each LoadTable invocation starts files until its budget is spent; one file more at most.
  const portableWriteSeconds = scale.items / AWS.newTableWritesPerSecond;
  const oneFileSeconds = SHAPE.itemsPerDataFile / AWS.newTableWritesPerSecond + 1;
  const small = (machineStep: string, fn: StepFunctionKey, runs: Step['runs'], note: string, seconds = 2): Step => ({
    machineStep,
    fn,
    step: `${fn === 'weeklyBackup' ? 'backup' : 'drill'}: ${machineStep}`,
    invocationSeconds: seconds,
    usd: lambda(seconds),
    note,
    runs,
  });
  return [
    {
      machineStep: 'StartWeeklyBackup',
      fn: 'weeklyBackup',
      runs: 'backup',
      step: 'backup: StartWeeklyBackup (claim, start the export, media manifest from S3 checksums)',
      invocationSeconds: attributesSeconds,
      usd: tableGb * AWS.exportUsdPerGb + attributesUsd + lambda(attributesSeconds) + transitions(4 * 6 + 6),
      note: `${Math.round(objects).toLocaleString('en')} GetObjectAttributes, ${AWS.attributesInFlight} in flight; export $${AWS.exportUsdPerGb}/GB, runs in AWS (polled every ${EXPORT_POLL_SECONDS / 60} min)`,
    },
    {
      machineStep: 'SealWhenExported',
      fn: 'weeklyBackup',
      runs: 'backup',
      step: 'backup: SealWhenExported (every data file read, MD5, SHA-256, table digest; signed)',
      invocationSeconds: readAndDigest,
      usd: lambda(readAndDigest),
      note: `${Math.round(gzMb)} MB gzipped at ${AWS.s3ReadMbPerSecond} MB/s + digest at ${Math.round(lambdaDigestRate(measured)).toLocaleString('en')} items/s (${SHAPE.lambdaGb * 1024} MB: ${(Math.min(1, (SHAPE.lambdaGb * 1024) / LAMBDA_MB_PER_VCPU)).toFixed(2)} vCPU)`,
    },
    small('BackupFailed', 'weeklyBackup', 'backup', 'only after a failed step', 1),
    small('Begin', 'restoreDrill', 'verify', 'lease, newest backup, its signature and age'),
    small('VerifySample', 'restoreDrill', 'verify', 'constant: 3 data files and 5 media objects, whatever the size', 5),
    {
      machineStep: 'CheckFiles',
      fn: 'restoreDrill',
      runs: 'full',
      step: 'drill: CheckFiles (every file, before any table exists)',
      invocationSeconds: readAndDigest,
      usd: lambda(readAndDigest),
      note: 'as the seal',
    },
    small(
      'CreateTable',
      'restoreDrill',
      'full',
      `ImportTable: a new table built by AWS from the data files, $${AWS.importUsdPerGb}/GB, no write capacity`,
    ),
    {
      machineStep: 'LoadTable',
      fn: 'restoreDrill',
      runs: 'full',
      step: 'drill: LoadTable (import: DescribeImport every minute)',
      invocationSeconds: 1,
      usd: tableGb * AWS.importUsdPerGb + lambda(importPolls) + transitions(importPolls * 4),
      note: `assumed ${AWS.importMinutesPerGb} min/GB of import: ${importPolls} polls`,
    },
    {
      machineStep: 'LoadTable',
      fn: 'restoreDrill',
      runs: 'portable',
      step: 'drill: LoadTable portable (BatchWriteItem; locally, or where ImportTable is not available)',
      invocationSeconds: Math.min(portableWriteSeconds, LOAD_STEP_SECONDS + oneFileSeconds),
      usd: ((scale.items * (1 + SHAPE.indexes)) / 1e6) * AWS.writeUsdPerMillion + lambda(portableWriteSeconds),
      note: `${Math.round(portableWriteSeconds)} s of writes at ≤ ${AWS.newTableWritesPerSecond}/s in ${Math.ceil(portableWriteSeconds / LOAD_STEP_SECONDS)} invocation(s) of ≤ ${LOAD_STEP_SECONDS} s`,
    },
    {
      machineStep: 'CheckTable',
      fn: 'restoreDrill',
      runs: 'full',
      step: 'drill: CheckTable (scan, table digest, index queries)',
      invocationSeconds: scanAndDigest,
      usd: scanUsd + lambda(scanAndDigest),
      note: `scan at ${AWS.scanMbPerSecond} MB/s + digest at ${Math.round(lambdaDigestRate(measured)).toLocaleString('en')} items/s (${SHAPE.lambdaGb * 1024} MB: ${(Math.min(1, (SHAPE.lambdaGb * 1024) / LAMBDA_MB_PER_VCPU)).toFixed(2)} vCPU)`,
    },
    {
      machineStep: 'CheckMedia',
      fn: 'restoreDrill',
      runs: 'full',
      step: 'drill: CheckMedia (S3 stored SHA-256 of every object)',
      invocationSeconds: attributesSeconds,
      usd: attributesUsd + lambda(attributesSeconds),
      note: 'as the media manifest',
    },
    small('Finish', 'restoreDrill', 'verify', 'scratch table dropped, lease given back'),
    small('Abort', 'restoreDrill', 'verify', 'only after a failed step'),
  ];
}

/** The longest invocation of each function at this scale, on the path AWS runs (the import, not the portable load). */
export function longestByFunction(steps: readonly Step[]): Record<StepFunctionKey, Step> {
  const out = {} as Record<StepFunctionKey, Step>;
  for (const step of steps.filter((s) => s.runs !== 'portable'))
    if (!out[step.fn] || step.invocationSeconds > out[step.fn].invocationSeconds) out[step.fn] = step;
  return out;
}

/**
 * A month of backups and drills: 52/12 weekly backups, as many drills, one of them the full
 * restore (the default cadence) by ImportTable, as on AWS. Backup storage not counted.
 */
export function monthlyUsd(steps: readonly Step[]): number {
  const weeks = 52 / 12;
  const sum = (runs: Step['runs']) =>
    steps.filter((s) => s.runs === runs && !/Failed|Abort/.test(s.machineStep)).reduce((n, s) => n + s.usd, 0);
  return (
    weeks * sum('backup') +
    weeks * sum('verify') -
    1 * steps.find((s) => s.machineStep === 'VerifySample')!.usd +
    sum('full')
  );
}
