import { queueDefinitions, type QueueKey } from '../infra/definitions/queues';
import { keys } from '../shared/adapters/dynamo/keys';
import { uploadPrefixes } from '../shared/domain/uploads/upload';
import { PUBLISHED_PREFIX } from '../shared/domain/edge/published-files';

export type {
  Access,
  TableItemAccess,
  ObjectAccess,
  IdentityAdminAction,
  FunctionDefinition,
} from './function-definition';
import type { TableItemAccess, FunctionDefinition } from './function-definition';
import { ratingsFunctions } from './ratings/functions';
import { outagesFunctions } from './outages/functions';

/**
 * Every Lambda function: its entry file and the least privilege it needs. CDK builds one
 * NodejsFunction per entry and grants exactly this; the local stack imports the same entries.
 */

/** Monitoring probes every queue (shared/adapters/dependency-probe.ts), so it may inspect every one. */
const everyQueue = Object.keys(queueDefinitions) as QueueKey[];

/*
 * Item grants the read-write functions share (prefixes from the keys module, each `X#`, so `UNIT#`
 * never reaches `UNITS#`). No function holds the whole table: each names the partitions it uses.
 */
const READ = ['GetItem', 'BatchGetItem', 'Query'] as const;
const OWN = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] as const;
/** Who calls: an account with its delegations (one Query of its partition), or a machine client (shared/adapters/dynamo/principal-records.ts). */
const resolvesPrincipal: TableItemAccess = {
  actions: ['GetItem', 'Query'],
  partitionPrefixes: [keys.account('').pk, keys.machineClient('').pk],
};
/** Idempotency-Key records (shared/adapters/dynamo/idempotency-store.ts). */
const idempotencyRecords: TableItemAccess = {
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
  partitionPrefixes: [keys.idempotency('').pk],
};
/** The audit entry of each change: the unit of work's conditional create, nothing else (infra/constructs/table-access.ts). */
const appendsAudit: TableItemAccess = { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] };
/** The unit directory as every use case reads it (a unit and its ancestors in one BatchGet). */
const readsUnits: TableItemAccess = { actions: [...READ], partitionPrefixes: [keys.unit('').pk] };
const readsCalendar: TableItemAccess = { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] };
/** A consumer's record of the events it processed (shared/adapters/events/consumer.ts). */
const consumedBy = (consumer: string): TableItemAccess => ({
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
  partitionPrefixes: [keys.consumedEvent(consumer, '').pk],
});
/** Prefix of an index partition key (`UNITCONTENT#…` → `UNITCONTENT#`). */
const indexPrefix = (value: string) => value.replace(/#.*$/, '#');

export const functionDefinitions = {
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
  calendar: {
    entry: 'functions/calendar/public.ts',
    kind: 'http',
    description: 'Public calendar: days off per year, .ics export, due dates',
    // The calendar partition only (official schedules, holiday rules): no accounts, no stored responses.
    tableItems: [{ actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] }],
  },
  policies: {
    entry: 'functions/calendar/policies.ts',
    kind: 'http',
    description: 'Deadline policy presets and the effective values of this deployment',
  },
  calendarAdmin: {
    entry: 'functions/calendar/admin.ts',
    kind: 'http',
    description: 'Operators edit official schedules and holiday rules (audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      { actions: [...OWN], partitionPrefixes: [keys.calendarConfig().pk] },
    ],
    writesOutbox: true,
  },
  unitsPublic: {
    entry: 'functions/units/public.ts',
    kind: 'http',
    description: 'Public unit directory: units, sub-portal domains, history',
    // Units, their history and their children only: no accounts, no stored responses.
    tableItems: [
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [keys.unit('').pk, keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, '')],
        indexes: ['gsi1'],
      },
    ],
  },
  units: {
    entry: 'functions/units/admin.ts',
    kind: 'http',
    description: 'Operators create, rename, merge and split units (audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      { actions: [...OWN], partitionPrefixes: [keys.unit('').pk, keys.domainClaim('').pk] },
      // A merge or split moves the unit's open work and accounts to the unit that carries on.
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.account('').pk, keys.work('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [indexPrefix(keys.unitsUnder(null).gsi1pk), indexPrefix(keys.accountsOfUnit('x').gsi1pk)],
        indexes: ['gsi1'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.openWorkOfUnit('x').gsi2pk)], indexes: ['gsi2'] },
    ],
    writesOutbox: true,
  },
  accounts: {
    entry: 'functions/accounts/handler.ts',
    kind: 'http',
    description: 'Accounts, roles, closure with hand-over, delegations, own password',
    tableItems: [
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      // Accounts with their delegations, the username guard, machine clients.
      { actions: [...OWN], partitionPrefixes: [keys.account('').pk, keys.username('').pk, keys.machineClient('').pk] },
      // Closure hands the account's open work over.
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.work('').pk] },
      // A role change's frozen fact, for the reports (issue 27).
      { actions: ['PutItem'], partitionPrefixes: [keys.accountFact('', '', '', '', 0).pk.replace(/#+$/, '#')] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.accountsOfUnit('x').gsi1pk,
          keys.delegationsOfUnit('x').gsi1pk,
          keys.machineClientsOfUnit('x').gsi1pk,
          keys.openWorkOfAssignee('x').gsi1pk,
        ].map(indexPrefix),
        indexes: ['gsi1'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.openWorkOfUnit('x').gsi2pk)], indexes: ['gsi2'] },
    ],
    writesOutbox: true,
    identityAdmin: true,
  },
  audit: {
    entry: 'functions/audit/handler.ts',
    kind: 'http',
    description: 'Audit log queries for auditors and operators',
    table: 'read',
    readsAudit: true,
  },
  content: {
    entry: 'functions/content/staff.ts',
    kind: 'http',
    description: 'Content items: read, list, and the editorial workflow (audited, with revisions)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      // Items, revisions and schedule markers; their clocks; syndicated copies.
      {
        actions: [...OWN],
        partitionPrefixes: [
          keys.contentItem('').pk,
          keys.work('').pk,
          keys.syndicationOf('', '').pk.replace(/#+$/, '#'),
        ],
      },
      // What publication writes beside the item: the public rendition, search entries, the attribution (QN 12.2).
      // The public rendition: written on publication, deleted when the item is archived (it leaves the public API).
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.publishedContent('').pk],
      },
      {
        actions: ['PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')],
      },
      { actions: ['PutItem', 'Query'], partitionPrefixes: [keys.attributionOf('', '', '').pk.replace(/#+$/, '#')] },
      // The attachments' check status.
      { actions: ['GetItem'], partitionPrefixes: [keys.upload('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.contentOfUnit('x').gsi1pk),
          indexPrefix(keys.openWorkOfAssignee('x').gsi1pk),
        ],
        indexes: ['gsi1'],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.contentOfUnitInState('x', 'y').gsi2pk),
          indexPrefix(keys.openWorkOfUnit('x').gsi2pk),
        ],
        indexes: ['gsi2'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.contentDue('x').duePk)], indexes: ['due'] },
    ],
    writesOutbox: true,
  },
  contentCreate: {
    entry: 'functions/content/create.ts',
    kind: 'http',
    description: 'Content items: create and edit (the HTML sanitiser lives only here)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.contentItem('').pk, keys.work('').pk],
      },
      { actions: ['GetItem'], partitionPrefixes: [keys.upload('').pk] },
    ],
    writesOutbox: true,
  },
  contentPublic: {
    entry: 'functions/content/public.ts',
    kind: 'http',
    description:
      'Public read API: published items per portal, one item with its citation line, legal-document search, RSS',
    // Public renditions only (PUBCONTENT items and their portal listings): never drafts, accounts or stored responses.
    tableItems: [
      // BatchGetItem: a search page's renditions in one round (AWS names it apart from GetItem; the local check reads it key by key).
      {
        actions: ['GetItem', 'BatchGetItem', 'Query'],
        partitionPrefixes: [keys.publishedContent('').pk, keys.publishedOfPortal('', '').gsi1pk.replace(/#+$/, '#')],
        indexes: ['gsi1', 'gsi2'],
      },
      // Legal-document search: one Query per planned read of the term entries, nothing else.
      { actions: ['Query'], partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')] },
      // The feed's channel names the portal: units are public directory data (unitsPublic reads them too).
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk] },
    ],
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
  bootstrapDirectory: {
    entry: 'functions/jobs/bootstrap-directory.ts',
    kind: 'job',
    description:
      'Creates the province unit and the first operator account once (synthesized only when asked: infra/app.ts)',
    tableItems: [
      appendsAudit,
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.unit('').pk, keys.domainClaim('').pk, keys.account('').pk, keys.username('').pk],
      },
    ],
    writesOutbox: true,
    identityAdmin: ['AdminCreateUser', 'AdminDeleteUser', 'AdminAddUserToGroup'],
  },
  publishScheduled: {
    entry: 'functions/jobs/publish-scheduled.ts',
    kind: 'job',
    description: 'Publishes scheduled content items whose time has come, as the system identity (audited)',
    timeoutSeconds: 120,
    tableItems: [
      // Due markers only, on the due index; then each item, its revision and its marker.
      {
        actions: ['Query'],
        partitionPrefixes: [keys.scheduledPublicationDue(0).duePk.replace(/\d+$/, '')],
        indexes: ['due'],
      },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.contentItem('').pk] },
      // What publication writes beside the item: its public rendition, search entries, clock work
      // (and the attribution frozen at the first publication, QN 12.2).
      {
        actions: ['PutItem'],
        partitionPrefixes: [
          keys.publishedContent('').pk,
          keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#'),
          keys.attributionOf('', '', '').pk.replace(/#+$/, '#'),
        ],
      },
      { actions: ['UpdateItem'], partitionPrefixes: [keys.work('').pk] },
      // What it reads to decide: the portal (citation line), the files' check status, the calendar.
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk, keys.upload('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
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
  cognitoPasswordChanges: {
    entry: 'functions/cognito/password-changes.ts',
    kind: 'cognito-trigger',
    description: 'Cognito triggers: records first-sign-in passwords and resets made in Cognito on the account',
    // Reads and updates the account, appends its audit entry (a transaction): nothing else.
    tableItems: [
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
  },
  syncIdentity: {
    entry: 'functions/consumers/sync-identity.ts',
    kind: 'consumer',
    description: 'Mirrors committed account closures, unlocks and role changes at the identity provider',
    // The events carry what it mirrors: its own processed-event records only.
    tableItems: [consumedBy('syncIdentity')],
    identityAdmin: true,
  },
  outboxRelay: {
    entry: 'functions/consumers/outbox-relay.ts',
    kind: 'consumer',
    description: "Relays outbox items from the table's stream to the event bus",
    publishesEvents: true,
  },
  refreshEdge: {
    entry: 'functions/consumers/refresh-edge.ts',
    kind: 'consumer',
    description:
      'Published attachments copied under published/ or removed, and the changed paths invalidated at the distribution in one batch (issue 26)',
    // The item's record names its attachments, in every state.
    tableItems: [{ actions: ['GetItem'], partitionPrefixes: [keys.contentItem('').pk] }],
    objects: [
      { bucket: 'media', actions: ['GetObject'], prefixes: [uploadPrefixes.clean] },
      { bucket: 'media', actions: ['PutObject', 'DeleteObject'], prefixes: [PUBLISHED_PREFIX] },
    ],
  },
  followSyndication: {
    entry: 'functions/consumers/follow-syndication.ts',
    kind: 'consumer',
    description:
      "Syndicated copies in the provincial portal follow their source's new publications and withdrawal (updated, withdrawn or flagged)",
    tableItems: [
      consumedBy('followSyndication'),
      appendsAudit,
      readsUnits,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [
          keys.contentItem('').pk,
          keys.publishedContent('').pk,
          keys.syndicationOf('', '').pk.replace(/#+$/, '#'),
        ],
      },
      {
        actions: ['PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')],
      },
    ],
    writesOutbox: true,
  },
  uploads: {
    entry: 'functions/uploads/handler.ts',
    kind: 'http',
    description: 'Attachments: presigned POST forms into incoming/ and their check status',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.upload('').pk] },
    ],
    writesOutbox: true,
    // The form is signed with this role's credentials: S3 authorises the browser's POST as a
    // PutObject by this role, so the role may put under incoming/ and nowhere else.
    objects: [{ bucket: 'media', actions: ['PutObject'], prefixes: [uploadPrefixes.incoming] }],
  },
  checkUpload: {
    entry: 'functions/uploads/check-upload.ts',
    kind: 'consumer',
    description: 'Checks each uploaded file from its bytes: clean files move to clean/, the others to quarantine/',
    timeoutSeconds: 30,
    // Its upload record, the audit entry and the event of the verdict: nothing else.
    tableItems: [
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.upload('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
    objects: [
      {
        bucket: 'media',
        actions: ['GetObject', 'DeleteObject'],
        prefixes: [uploadPrefixes.incoming, uploadPrefixes.checking],
      },
      {
        bucket: 'media',
        actions: ['PutObject'],
        prefixes: [uploadPrefixes.clean, uploadPrefixes.quarantine, uploadPrefixes.checking],
      },
    ],
  },
  questionsPublic: {
    entry: 'functions/questions/public.ts',
    kind: 'http',
    description: "Q&A, the asker's side: ask a question (anonymous), follow it with its tracking code and secret",
    tableItems: [
      // The question (rated, erased), the clock's work item (reopened on a rating), the guards of asking.
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.question('').pk, keys.work('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // The asker's data, sealed (never opened here): written when asking, deleted with its duplicate guard on erasure.
      { actions: ['GetItem', 'PutItem', 'DeleteItem'], partitionPrefixes: [keys.questionAsker('').pk] },
      // Read before a number is taken, so a duplicate is refused without burning one.
      {
        actions: ['GetItem', 'PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.questionDuplicate('', '').pk.replace(/#+$/, '#')],
      },
      // A published question reopened on the asker's rating leaves the public list.
      { actions: ['DeleteItem'], partitionPrefixes: [keys.publishedQuestion('').pk] },
      // The portal's "received" figure, frozen with the question.
      { actions: ['PutItem'], partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')] },
      {
        actions: ['GetItem', 'UpdateItem'],
        partitionPrefixes: [keys.questionDayCounter('').pk, keys.questionAskRate('', '').pk],
      },
      // The portal asked (units are public directory data) and the calendar in force for the clock.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.unit('').pk, keys.calendarConfig().pk] },
      // Idempotency-Key records of anonymous callers.
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
    askerKey: 'seal',
  },
  questions: {
    entry: 'functions/questions/staff.ts',
    kind: 'http',
    description:
      "Q&A, staff side: read and list questions (the asker's data for the board, and the unit it shares it with), classify, refuse, route, return, reopen, erase on demand (audited)",
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.question('').pk, keys.work('').pk],
      },
      // The asker's data (sealed) and its duplicate guard: read, and destroyed on erasure.
      {
        actions: ['GetItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.questionAsker('').pk, keys.questionDuplicate('', '').pk.replace(/#+$/, '#')],
      },
      // The unit's facts (issue 9 §9), the redacted public copy, and published content an answer cites.
      {
        actions: ['PutItem', 'Query'],
        partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')],
      },
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.publishedQuestion('').pk],
      },
      { actions: ['GetItem'], partitionPrefixes: [keys.publishedContent('').pk] },
      // The escalations the job raised, for the staff view (issue 25).
      { actions: ['Query'], partitionPrefixes: [keys.questionEscalationsOf('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.questionsOfPortal('x').gsi1pk),
          indexPrefix(keys.openWorkOfAssignee('x').gsi1pk),
        ],
        indexes: ['gsi1'],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.questionsOfUnit('x').gsi2pk),
          indexPrefix(keys.openWorkOfUnit('x').gsi2pk),
        ],
        indexes: ['gsi2'],
      },
      // Answer authorisations (CB 11.5): kept, revoked and read when an officer answers; listed per unit.
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
        partitionPrefixes: [keys.answerAuthorisation('', '').pk.replace(/#+$/, '#')],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [indexPrefix(keys.answerAuthorisationsOfUnit('x').gsi1pk)],
        indexes: ['gsi1'],
      },
    ],
    writesOutbox: true,
    askerKey: 'open',
  },
  escalateQuestions: {
    entry: 'functions/jobs/escalate-questions.ts',
    kind: 'job',
    description:
      'Escalates open question clocks near or past their due instant (reminder, overdue, very overdue), once per level (audited)',
    timeoutSeconds: 300,
    tableItems: [
      // Question clocks on the due index only; then each clock's mark (the record of what was raised) and its entries in the question's log.
      {
        actions: ['Query'],
        partitionPrefixes: [keys.openWorkDue('Question', 0).duePk.replace(/\d+$/, '')],
        indexes: ['due'],
      },
      {
        actions: ['UpdateItem'],
        partitionPrefixes: [keys.work(keys.workflowClockWorkId('Question', '', '')).pk.replace(/#+$/, '#')],
      },
      { actions: ['PutItem'], partitionPrefixes: [keys.questionEscalationsOf('').pk, keys.auditOf('').pk] },
      // Each level's frozen fact for the reports (issue 27), in the unit's fact partition.
      { actions: ['PutItem'], partitionPrefixes: [keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#')] },
      // The portal of a clock opened before work items kept it; the calendar in force.
      { actions: ['GetItem'], partitionPrefixes: [keys.question('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] },
    ],
    writesOutbox: true,
  },
  sendNotifications: {
    entry: 'functions/consumers/send-notifications.ts',
    kind: 'consumer',
    description: 'E-mails askers and staff about question steps and escalations, once per event and recipient (SES)',
    timeoutSeconds: 30,
    tableItems: [
      // The question (its public facts) and the asker item (the address only; never written).
      { actions: ['GetItem'], partitionPrefixes: [keys.question('').pk, keys.questionAsker('').pk] },
      // The staff of the unit to tell.
      { actions: ['Query'], partitionPrefixes: [keys.accountsOfUnit('').gsi1pk], indexes: ['gsi1'] },
      // Its claims and marks per (event, recipient), and its record of processed events.
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.notification('', '').pk],
      },
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.consumedEvent('sendNotifications', '').pk] },
    ],
    sendsMail: true,
    // Opens the asker item for the address only.
    askerKey: 'open',
  },
  questionsPublished: {
    entry: 'functions/questions/published.ts',
    kind: 'http',
    description: 'Q&A, public list: published questions and answers (redacted copies only), by field, with search',
    // The redacted copies and their portal and field listings: never a question, an asker or anything else.
    tableItems: [
      {
        actions: ['Query'],
        partitionPrefixes: [keys.publishedQuestionsOfPortal('').gsi1pk.replace(/#+$/, '#')],
        indexes: ['gsi1', 'gsi2'],
      },
    ],
  },
  incidents: {
    entry: 'functions/incidents/handler.ts',
    kind: 'http',
    description:
      'Operations register: incidents (report, timeline, time to restore) and security checks (issue 10 §4, audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.incident('').pk, keys.securityChecks().pk],
      },
      { actions: ['Query'], partitionPrefixes: [keys.incidentsByTime().gsi1pk], indexes: ['gsi1'] },
    ],
    writesOutbox: true,
  },
  securityCheckReminder: {
    entry: 'functions/jobs/security-check-reminder.ts',
    kind: 'job',
    description: 'Reminds the operators, once per due date, that the periodic security check (TG 16.2) falls due',
    tableItems: [
      { actions: ['Query'], partitionPrefixes: [keys.securityChecks().pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.securityCheckReminder('').pk] },
    ],
    writesOutbox: true,
  },
  reports: {
    entry: 'functions/reports/handler.ts',
    kind: 'http',
    description:
      'Reports (issue 27): generated from frozen facts, stored with their digest, written, approved, sent; royalty tallies',
    memoryMb: 512,
    timeoutSeconds: 29,
    tableItems: [
      // The frozen facts it sums, by key range (never the audit log: it writes, so it may not read audit partitions).
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [
          keys.unit('').pk,
          keys.contentItem('').pk,
          keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#'),
          keys.accountFact('', '', '', '', 0).pk.replace(/#+$/, '#'),
          keys.jobRunsOf('').pk,
          keys.securityChecks().pk,
          keys.attributionOf('', '', '').pk.replace(/#+$/, '#'),
          // Ratings of information (issue 28 §5), per unit and month.
          keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#'),
          keys.calendarConfig().pk,
        ],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, ''),
          keys.contentOfUnit('').gsi1pk,
          keys.accountsOfUnit('').gsi1pk,
          keys.incidentsByTime().gsi1pk,
        ],
        indexes: ['gsi1'],
      },
      // Its own reports, their audit entries.
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
        partitionPrefixes: [keys.report('').pk, keys.reportsOfUnit('').gsi1pk],
        indexes: ['gsi1'],
      },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      // The caller's account and delegations (principal resolution) and idempotency records.
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
    ],
    writesOutbox: true,
    // Figures under reports/ in the versioned media bucket, nothing else there.
    objects: [{ bucket: 'media', actions: ['GetObject', 'PutObject'], prefixes: ['reports/'] }],
  },
  reportDocuments: {
    entry: 'functions/reports/documents.ts',
    kind: 'http',
    description:
      'Report downloads (issue 27): CSV and the Word document of each seed (the docx package lives only here)',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tableItems: [
      // The report and its units (names for the header block): read only.
      { actions: ['GetItem'], partitionPrefixes: [keys.report('').pk, keys.unit('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
    ],
    objects: [{ bucket: 'media', actions: ['GetObject'], prefixes: ['reports/'] }],
  },
  generateReports: {
    entry: 'functions/jobs/generate-reports.ts',
    kind: 'job',
    description:
      'Generates each periodic report of the preset as a draft once its period has closed (issue 27), once per kind and period',
    memoryMb: 512,
    timeoutSeconds: 300,
    tableItems: [
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [
          keys.unit('').pk,
          keys.contentItem('').pk,
          keys.questionFact('', '', '', '', '', 0).pk.replace(/#+$/, '#'),
          keys.accountFact('', '', '', '', 0).pk.replace(/#+$/, '#'),
          keys.jobRunsOf('').pk,
          keys.securityChecks().pk,
          keys.attributionOf('', '', '').pk.replace(/#+$/, '#'),
          // Ratings of information (issue 28 §5), per unit and month.
          keys.ratingFact('', '', '', '').pk.replace(/#+$/, '#'),
        ],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, ''),
          keys.contentOfUnit('').gsi1pk,
          keys.accountsOfUnit('').gsi1pk,
          keys.incidentsByTime().gsi1pk,
        ],
        indexes: ['gsi1'],
      },
      { actions: ['GetItem', 'PutItem'], partitionPrefixes: [keys.report('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
    objects: [{ bucket: 'media', actions: ['PutObject'], prefixes: ['reports/'] }],
  },
  ...ratingsFunctions,
  ...outagesFunctions,
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionKey = keyof typeof functionDefinitions;

/** The keys of functions of one kind: schedules name job functions, queues consumer functions. */
export type FunctionKeyOfKind<K extends FunctionDefinition['kind']> = {
  [F in FunctionKey]: (typeof functionDefinitions)[F]['kind'] extends K ? F : never;
}[FunctionKey];

/** Every queue's consumer is a consumer function here: a typo fails to compile, not at synth. */
type Assert<T extends true> = T;
export type QueueConsumersAreConsumerFunctions = Assert<
  (typeof queueDefinitions)[QueueKey]['consumer'] extends FunctionKeyOfKind<'consumer'> ? true : false
>;
