import { everyQueue } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import { uploadPrefixes } from '../../shared/domain/uploads/upload';
import type { FunctionDefinition } from '../function-definition';

/** Operations: health, the OpenAPI document, monitoring, backups and their drill, the job ledger, the outbox relay. */
export const operationsFunctions = {
  health: {
    entry: 'functions/operations/health.ts',
    kind: 'http',
    description:
      'GET /health: probes the table, and reports the buckets and queues as the dependency-check job last found them',
    table: 'probe',
    // The dependency-check job's ledger only: its latest run.
    tableItems: [{ actions: ['Query'], partitionPrefixes: [keys.jobRunsOf('dependency-check').pk] }],
  },
  openapi: {
    entry: 'functions/operations/openapi.ts',
    kind: 'http',
    description: 'GET /openapi.json: the OpenAPI 3.1 document generated from the route contracts',
  },
  dependencyCheck: {
    entry: 'functions/jobs/dependency-check.ts',
    kind: 'job',
    description: 'Scheduled monitoring: checks dependencies and publishes the run',
    table: 'probe',
    buckets: { media: 'probe', backups: 'probe' },
    queues: everyQueue,
    writesOutbox: true,
  },
  weeklyBackup: {
    entry: 'functions/jobs/weekly-backup.ts',
    kind: 'job',
    description: 'Weekly backup: table export and media manifest into the backups bucket, once per ISO week',
    memoryMb: 1024,
    timeoutSeconds: 900,
    // Its own week record only (the claim that makes it idempotent), and the job-run event.
    tableItems: [{ actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.backupRecord('').pk] }],
    writesOutbox: true,
    // The media manifest lists every version and hashes the current ones.
    readsAllVersions: ['media'],
    exportsTable: { bucket: 'backups', prefix: 'backups/' },
    // Signs each backup's manifest: the only function that may.
    backupSigning: 'sign',
    // Re-reads what it wrote, to verify it (the portable path); lists monthly backups (retention).
    objects: [{ bucket: 'backups', actions: ['GetObject'], prefixes: ['backups/'] }],
    buckets: { backups: 'probe' },
  },
  restoreDrill: {
    entry: 'functions/jobs/restore-drill.ts',
    kind: 'job',
    description:
      'Weekly restore drill, one step per invocation: the latest backup verified, or imported into a scratch table, digests and index queries checked, the table deleted',
    memoryMb: 1024,
    timeoutSeconds: 900,
    writesOutbox: true,
    // Fills them with DynamoDB's ImportTable from the backup's data files on AWS (a new table built by AWS).
    scratchTables: { infix: '-drill-', importsFrom: 'backups' },
    // Checks each backup's signature before reading it; may not sign.
    backupSigning: 'verify',
    // Its lease: one drill at a time (shared/adapters/dynamo/lease.ts).
    tableItems: [
      { actions: ['GetItem', 'PutItem', 'DeleteItem'], partitionPrefixes: [keys.lease('restore-drill').pk] },
    ],
    // Finds the latest backup and reads it; reads the media versions it names.
    buckets: { backups: 'probe' },
    objects: [
      { bucket: 'backups', actions: ['GetObject'], prefixes: ['backups/'] },
      // Seals a finished AWS export with our digest manifest (aws-export.ts): that one object name only.
      { bucket: 'backups', actions: ['PutObject'], prefixes: ['backups/*/*/backup-manifest.json'] },
    ],
    readsAllVersions: ['media'],
  },
  mediaChecksums: {
    entry: 'functions/jobs/media-checksums.ts',
    kind: 'job',
    description:
      'Gives clean media objects without a SHA-256 checksum one, once (a copy onto itself; S3 computes it): the backup then reads no media byte',
    timeoutSeconds: 900,
    writesOutbox: true,
    buckets: { media: 'probe' },
    // A copy onto itself: read and write of the same clean/ object, and its stored checksum.
    objects: [
      { bucket: 'media', actions: ['GetObject', 'PutObject', 'GetObjectAttributes'], prefixes: [uploadPrefixes.clean] },
    ],
  },
  recordJobRun: {
    entry: 'functions/consumers/record-job-run.ts',
    kind: 'consumer',
    description: 'Writes every finished job run to the job ledger',
    // Job runs, per-job counts and its own record of processed events: nothing else.
    tableItems: [
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.jobRunsOf('').pk, keys.jobStats('').pk, keys.consumedEvent('recordJobRun', '').pk],
      },
    ],
  },
  outboxRelay: {
    entry: 'functions/consumers/outbox-relay.ts',
    kind: 'consumer',
    description: "Relays outbox items from the table's stream to the event bus",
    publishesEvents: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
