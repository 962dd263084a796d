import type { BucketKey } from '../infra/definitions/buckets';
import type { QueueKey } from '../infra/definitions/queues';

/**
 * Every Lambda function: its entry file and the least privilege it needs. CDK builds one
 * NodejsFunction per entry and grants exactly this; the local stack imports the same entries.
 */
/** `probe`: may only ask whether the resource exists and answers (health, monitoring). */
export type Access = 'probe' | 'read' | 'readwrite';

export interface FunctionDefinition {
  readonly entry: string;
  readonly kind: 'http' | 'job' | 'consumer';
  readonly description: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly table?: Access;
  readonly buckets?: Partial<Record<BucketKey, Access>>;
  /** Queues the function may inspect or send to (consumers get their own queue implicitly). */
  readonly queues?: readonly QueueKey[];
  /** May put events on the bus: only the outbox relay; everything else commits events to the outbox. */
  readonly publishesEvents?: boolean;
  /** Commits domain events (outbox items) without other table writes: may put OUTBOX# items only. */
  readonly writesOutbox?: boolean;
  /** May create, disable and change users in the Cognito user pool. */
  readonly identityAdmin?: boolean;
}

export const functionDefinitions = {
  health: {
    entry: 'functions/http/health.ts',
    kind: 'http',
    description: 'GET /health: reports whether the table, buckets and queues answer',
    table: 'probe',
    buckets: { media: 'probe', backups: 'probe' },
    queues: ['jobRuns', 'identitySync'],
  },
  openapi: {
    entry: 'functions/http/openapi.ts',
    kind: 'http',
    description: 'GET /openapi.json: the OpenAPI 3.1 document generated from the route contracts',
  },
  calendar: {
    entry: 'functions/http/calendar.ts',
    kind: 'http',
    description: 'Public calendar: days off per year, .ics export, due dates',
    table: 'read',
  },
  policies: {
    entry: 'functions/http/policies.ts',
    kind: 'http',
    description: 'Deadline policy presets and the effective values of this deployment',
  },
  calendarAdmin: {
    entry: 'functions/http/calendar-admin.ts',
    kind: 'http',
    description: 'Operators edit official schedules and holiday rules (audited)',
    table: 'readwrite',
  },
  unitsPublic: {
    entry: 'functions/http/units-public.ts',
    kind: 'http',
    description: 'Public unit directory: units, sub-portal domains, history',
    table: 'read',
  },
  units: {
    entry: 'functions/http/units.ts',
    kind: 'http',
    description: 'Operators create, rename, merge and split units (audited)',
    table: 'readwrite',
  },
  accounts: {
    entry: 'functions/http/accounts.ts',
    kind: 'http',
    description: 'Accounts, roles, closure with hand-over, delegations, own password',
    table: 'readwrite',
    identityAdmin: true,
  },
  audit: {
    entry: 'functions/http/audit.ts',
    kind: 'http',
    description: 'Audit log queries for auditors and operators',
    table: 'read',
  },
  dependencyCheck: {
    entry: 'functions/jobs/dependency-check.ts',
    kind: 'job',
    description: 'Scheduled monitoring: checks dependencies and publishes the run',
    table: 'probe',
    buckets: { media: 'probe', backups: 'probe' },
    queues: ['jobRuns', 'identitySync'],
    writesOutbox: true,
  },
  bootstrapDirectory: {
    entry: 'functions/jobs/bootstrap-directory.ts',
    kind: 'job',
    description: 'Creates the province unit and the first operator account once',
    table: 'readwrite',
    identityAdmin: true,
  },
  recordJobRun: {
    entry: 'functions/consumers/record-job-run.ts',
    kind: 'consumer',
    description: 'Writes every finished job run to the job ledger',
    table: 'readwrite',
  },
  syncIdentity: {
    entry: 'functions/consumers/sync-identity.ts',
    kind: 'consumer',
    description: 'Mirrors committed account closures, unlocks and role changes at the identity provider',
    table: 'readwrite',
    identityAdmin: true,
  },
  outboxRelay: {
    entry: 'functions/consumers/outbox-relay.ts',
    kind: 'consumer',
    description: "Relays outbox items from the table's stream to the event bus",
    publishesEvents: true,
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionKey = keyof typeof functionDefinitions;
