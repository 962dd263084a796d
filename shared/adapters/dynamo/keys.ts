import { commentKeys } from './comment-keys';
import { consultationKeys } from './consultation-keys';
import { participationKeys } from './participation-keys';

/**
 * Every key of the single table, in one module. Prefixes are upper-case entity names; ids that
 * come from users are never concatenated without a separator they cannot contain (`#`).
 * Index attributes: gsi1 (owner → time), gsi2 (status/category → time), due (sparse deadlines).
 */
export interface Key {
  pk: string;
  sk: string;
}

/** Partitions of the scheduled-publication markers on the due index (the job reads each). */
/** A content item or rendition as stored, without the attributes only the table and its indexes need. */
const STORAGE_ATTRIBUTES = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'duePk']);
export const withoutStorageKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_ATTRIBUTES.has(k)));

export const PUBLISH_SHARDS = 8;
/** Partitions of each aggregate type's open clocks on the due index (the escalation job reads each). */
export const WORK_DUE_SHARDS = 8;

const join = (...parts: Array<string | number>) => parts.join('#');

export const keys = {
  idempotency: (scopeHash: string): Key => ({ pk: join('IDEM', scopeHash), sk: 'IDEM' }),

  /** Operator-configured calendar data: one small partition read whole. */
  calendarConfig: () => ({ pk: 'CALENDAR' }),
  calendarSchedule: (year: number): Key => ({ pk: 'CALENDAR', sk: join('SCHEDULE', year) }),
  holidayRule: (id: string): Key => ({ pk: 'CALENDAR', sk: join('RULE', id) }),

  unit: (code: string): Key => ({ pk: join('UNIT', code), sk: 'UNIT' }),
  /** gsi1: a unit's children by code. */
  unitsUnder: (parentCode: string | null, code?: string) => ({
    gsi1pk: join('UNITS', parentCode ?? 'ROOT'),
    ...(code ? { gsi1sk: code } : {}),
  }),
  unitHistory: (code: string, at: string, id: string): Key => ({ pk: join('UNIT', code), sk: join('HISTORY', at, id) }),
  unitHistoryOf: (code: string) => ({ pk: join('UNIT', code), skPrefix: 'HISTORY#' }),
  /** Uniqueness guard: one active unit per sub-portal domain. */
  domainClaim: (domain: string): Key => ({ pk: join('DOMAIN', domain), sk: 'DOMAIN' }),

  account: (id: string): Key => ({ pk: join('ACCOUNT', id), sk: 'ACCOUNT' }),
  /** gsi1: a unit's accounts by username. */
  accountsOfUnit: (unitCode: string, username?: string) => ({
    gsi1pk: join('UNITACCOUNTS', unitCode),
    ...(username ? { gsi1sk: username } : {}),
  }),
  /**
   * A unit's frozen account facts (issue 27: role changes), one item per change, in one partition
   * per unit and local month sorted by local date, as the Q&A facts: a period is one Query per month.
   */
  accountFact: (unitCode: string, localDate: string, at: string, accountId: string, version: number): Key => ({
    pk: join('ACCTFACTS', unitCode, localDate.slice(0, 7)),
    sk: join(localDate, at, accountId, String(version)),
  }),
  accountFactsRange: (unitCode: string, month: string, fromDate: string, toDate: string) => ({
    pk: join('ACCTFACTS', unitCode, month),
    skFrom: fromDate,
    skTo: `${toDate}$`,
  }),
  /** Uniqueness guard and sign-in lookup. */
  username: (username: string): Key => ({ pk: join('USERNAME', username), sk: 'USERNAME' }),
  /** Local identity provider only: password hash, failures, lockout. */
  credentials: (accountId: string): Key => ({ pk: join('ACCOUNT', accountId), sk: 'CREDENTIALS' }),
  /** Local identity provider only: an e-mail address (lower case) held by one user, as Cognito's alias. */
  localEmail: (email: string): Key => ({ pk: join('LOCALEMAIL', email), sk: 'LOCALEMAIL' }),
  /**
   * Local identity provider only: sign-in throttling per username (a digest, so that any string a
   * caller sends fits in a key and unknown usernames are throttled exactly like known ones).
   * One item per source address (failures in a row, lock) and one per 15-minute window (all sources).
   */
  signInSource: (usernameDigest: string, source: string): Key => ({
    pk: join('SIGNIN', usernameDigest),
    sk: join('SOURCE', source),
  }),
  signInWindow: (usernameDigest: string, windowStart: string): Key => ({
    pk: join('SIGNIN', usernameDigest),
    sk: join('WINDOW', windowStart),
  }),
  signInThrottleOf: (usernameDigest: string) => ({ pk: join('SIGNIN', usernameDigest) }),
  machineClient: (clientId: string): Key => ({ pk: join('CLIENT', clientId), sk: 'CLIENT' }),
  /** Local identity provider only: the client secret's hash. */
  machineClientSecret: (clientId: string): Key => ({ pk: join('CLIENT', clientId), sk: 'CREDENTIALS' }),
  /** gsi1: a unit's machine clients. */
  machineClientsOfUnit: (unitCode: string, clientId?: string) => ({
    gsi1pk: join('UNITCLIENTS', unitCode),
    ...(clientId ? { gsi1sk: clientId } : {}),
  }),

  delegation: (deputyId: string, id: string): Key => ({ pk: join('ACCOUNT', deputyId), sk: join('DELEGATION', id) }),
  delegationsOf: (deputyId: string) => ({ pk: join('ACCOUNT', deputyId), skPrefix: 'DELEGATION#' }),
  /** gsi1: a unit's delegations by start. */
  delegationsOfUnit: (unitCode: string, validFrom?: string, id?: string) => ({
    gsi1pk: join('UNITDELEGATIONS', unitCode),
    ...(validFrom ? { gsi1sk: join(validFrom, id ?? '') } : {}),
  }),

  /**
   * A unit head's authorisation of an officer to answer questions (CB 11.5), in a partition of its own per officer:
   * the Q&A function that keeps them may then hold no write on accounts (IAM scopes by partition key only).
   */
  answerAuthorisation: (officerId: string, id: string): Key => ({
    pk: join('ANSWERAUTH', officerId),
    sk: join('ANSWERAUTH', id),
  }),
  answerAuthorisationsOf: (officerId: string) => ({ pk: join('ANSWERAUTH', officerId), skPrefix: 'ANSWERAUTH#' }),
  /** gsi1: a unit's answer authorisations by start. */
  answerAuthorisationsOfUnit: (unitCode: string, validFrom?: string, id?: string) => ({
    gsi1pk: join('UNITANSWERAUTHS', unitCode),
    ...(validFrom ? { gsi1sk: join(validFrom, id ?? '') } : {}),
  }),

  /** Open work (questions, content items…) assigned to a unit and, optionally, a person. */
  work: (workId: string): Key => ({ pk: join('WORK', workId), sk: 'ASSIGNMENT' }),
  /** gsi1 and gsi2 exist only while the work is open (sparse): who and which unit must act. */
  openWorkOfAssignee: (accountId: string, openedAt?: string, workId?: string) => ({
    gsi1pk: join('ASSIGNEE', accountId),
    ...(openedAt ? { gsi1sk: join(openedAt, workId ?? '') } : {}),
  }),
  openWorkOfUnit: (unitCode: string, openedAt?: string, workId?: string) => ({
    gsi2pk: join('UNITWORK', unitCode),
    ...(openedAt ? { gsi2sk: join(openedAt, workId ?? '') } : {}),
  }),
  /**
   * The open work of one workflow clock of one item (`ContentItem`, `c-1`, `publication`): one
   * item per clock, reopened in place when the clock starts again (the audit log keeps history).
   */
  workflowClockWorkId: (aggregateType: string, aggregateId: string, clock: string) =>
    join(aggregateType, aggregateId, clock),
  /**
   * due index (sparse, only while the work is open): an aggregate type's open deadlines by due
   * instant, over `WORK_DUE_SHARDS` partitions (`DUEWORK#Question#3`), so no partition is hot and
   * a sweep of one type (question escalation) reads only that type's clocks.
   */
  openWorkDue: (aggregateType: string, shard: number, dueAt?: string) => ({
    duePk: join('DUEWORK', aggregateType, shard),
    ...(dueAt ? { dueAt } : {}),
  }),
  /** The due-index shard of a clock's work item: a stable hash of its work id. */
  workDueShardOf: (workId: string): number => {
    let hash = 0;
    for (const ch of workId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return hash % WORK_DUE_SHARDS;
  },

  /** A content item (news, a legal document…) of a portal, and its append-only revisions. */
  contentItem: (id: string): Key => ({ pk: join('CONTENT', id), sk: 'ITEM' }),
  contentRevision: (id: string, version: number): Key => ({
    pk: join('CONTENT', id),
    sk: join('REV', String(version).padStart(6, '0')),
  }),
  contentRevisionsOf: (id: string) => ({ pk: join('CONTENT', id), skPrefix: 'REV#' }),
  /** gsi1: a unit's items by creation time. */
  contentOfUnit: (unitCode: string, createdAt?: string, id?: string) => ({
    gsi1pk: join('UNITCONTENT', unitCode),
    ...(createdAt ? { gsi1sk: join(createdAt, id ?? '') } : {}),
  }),
  /** gsi2: a unit's items in one state (the intake queue is `submitted`) by last change. */
  contentOfUnitInState: (unitCode: string, state: string, updatedAt?: string, id?: string) => ({
    gsi2pk: join('UNITCONTENT', unitCode, state),
    ...(updatedAt ? { gsi2sk: join(updatedAt, id ?? '') } : {}),
  }),
  /** due index (sparse, until published): a unit's items by publication deadline, one partition per unit (no hot key). */
  contentDue: (unitCode: string, dueAt?: string) => ({
    duePk: join('CONTENTDUE', unitCode),
    ...(dueAt ? { dueAt } : {}),
  }),
  /**
   * Scheduled publication: one marker per scheduled item, beside it (`CONTENT#<id>` / `SCHEDULE`),
   * on the sparse due index under one of `PUBLISH_SHARDS` partitions by `publishAt` while the item
   * waits, so the publishing job reads only what is due (`dueAt <= now`), with no hot partition.
   */
  scheduledPublication: (id: string): Key => ({ pk: join('CONTENT', id), sk: 'SCHEDULE' }),
  scheduledPublicationDue: (shard: number, publishAt?: string) => ({
    duePk: join('PUBLISHAT', shard),
    ...(publishAt ? { dueAt: publishAt } : {}),
  }),
  /** The shard of an item's marker: a stable hash of its id. */
  publishShardOf: (id: string): number => {
    let hash = 0;
    for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return hash % PUBLISH_SHARDS;
  },
  /** The public rendition of a published (or withdrawn) item: all the public read functions may see. */
  publishedContent: (id: string): Key => ({ pk: join('PUBCONTENT', id), sk: 'PUBLIC' }),
  /** gsi1: a portal's published items in one language, newest first; gsi2: the same within one category. */
  publishedOfPortal: (portal: string, language: string, publishedAt?: string, id?: string) => ({
    gsi1pk: join('PORTALCONTENT', portal, language),
    ...(publishedAt ? { gsi1sk: join(publishedAt, id ?? '') } : {}),
  }),
  publishedOfPortalCategory: (
    portal: string,
    language: string,
    category: string,
    publishedAt?: string,
    id?: string,
  ) => ({
    gsi2pk: join('PORTALCONTENT', portal, language, category),
    ...(publishedAt ? { gsi2sk: join(publishedAt, id ?? '') } : {}),
  }),

  /** Audit entries per scope (a unit code, or PORTAL for portal-wide settings), by time. */
  auditEntry: (scope: string, at: string, id: string): Key => ({ pk: join('AUDIT', scope), sk: join(at, id) }),
  auditOf: (scope: string) => ({ pk: join('AUDIT', scope) }),
  /** gsi1: an actor's audit entries by time. */
  auditByActor: (actorId: string, at: string) => ({ gsi1pk: join('ACTOR', actorId), gsi1sk: at }),
  /** gsi2: one actor's entries within one scope by time (the audit query with both filters). */
  auditByScopeAndActor: (scope: string, actorId: string, at: string) => ({
    gsi2pk: join('AUDITBY', scope, actorId),
    gsi2sk: at,
  }),

  jobRun: (job: string, finishedAt: string, runId: string): Key => ({
    pk: join('JOB', job),
    sk: join('RUN', finishedAt, runId),
  }),
  jobRunsOf: (job: string) => ({ pk: join('JOB', job), skPrefix: 'RUN#' }),
  /** Per job: how many runs were recorded, and the last one. */
  jobStats: (job: string): Key => ({ pk: join('JOBSTATS', job), sk: 'STATS' }),

  /** A domain event in the transactional outbox, until the stream has carried it to the bus. */
  outboxEvent: (eventId: string): Key => ({ pk: join('OUTBOX', eventId), sk: 'OUTBOX' }),
  /** A consumer's record that it processed an event: redeliveries are skipped. */
  consumedEvent: (consumer: string, eventId: string): Key => ({
    pk: join('CONSUMED', consumer, eventId),
    sk: 'CONSUMED',
  }),
  /** gsi1: every job's runs by time, for the operators' overview. */
  jobRunsByTime: (finishedAt?: string, job?: string) => ({
    gsi1pk: 'JOBRUNS',
    ...(finishedAt ? { gsi1sk: join(finishedAt, job ?? '') } : {}),
  }),

  /** An attachment upload (shared/domain/uploads): its declaration and check status. */
  upload: (uploadId: string): Key => ({ pk: join('UPLOAD', uploadId), sk: 'UPLOAD' }),

  /**
   * Legal-document search (shared/domain/search): one small item per (portal, term, document),
   * sorted by issue date then item id, carrying the entry's SearchDoc. Terms never hold `#`.
   */
  legalSearchEntry: (portal: string, term: string, issuedOn: string, itemId: string): Key => ({
    pk: join('LEGALSEARCH', portal, term),
    sk: join(issuedOn, itemId),
  }),
  /**
   * One planned read: `pk = :pk AND sk BETWEEN :from AND :to`, ScanIndexForward false, Limit from
   * the plan. `$` sorts just after `#`, so `<issuedTo>$` is above every entry of that day.
   */
  legalSearchRange: (portal: string, term: string, issuedFrom?: string, issuedTo?: string) => ({
    pk: join('LEGALSEARCH', portal, term),
    skFrom: issuedFrom ?? '0000-00-00',
    skTo: `${issuedTo ?? '9999-12-31'}$`,
  }),

  /** The weekly backup of an ISO week (`2026-W48`): its conditional put makes the job idempotent within the week. */
  backupRecord: (weekId: string): Key => ({ pk: join('BACKUP', weekId), sk: 'BACKUP' }),
  /** A named lease (one holder at a time: the restore drill's), shared/adapters/dynamo/lease.ts. */
  lease: (name: string): Key => ({ pk: join('LEASE', name), sk: 'LEASE' }),
  /** Attribution frozen at publication (QN 12.2): one item per published content item, by unit and quarter, for the royalty tally. */
  attributionOf: (unitCode: string, quarter: string, itemId: string): Key => ({
    pk: join('ATTRIBUTION', unitCode, quarter),
    sk: join('ITEM', itemId),
  }),
  attributionsOfQuarter: (unitCode: string, quarter: string) => ({
    pk: join('ATTRIBUTION', unitCode, quarter),
    skPrefix: 'ITEM#',
  }),
  /** Syndication: the copy of a sub-portal's item in the provincial portal (one per source and target portal). */
  syndicationOf: (sourceId: string, targetPortal: string): Key => ({
    pk: join('SYNDICATION', sourceId),
    sk: join('PORTAL', targetPortal),
  }),
  syndicationsOf: (sourceId: string) => ({ pk: join('SYNDICATION', sourceId), skPrefix: 'PORTAL#' }),
  /**
   * Q&A (issue 9). A question, by its tracking code (`HD.20260212.0042`, no `#`). The asker's
   * personal data lives in its own partition (`ASKER#`), never in the question's item, so it can be
   * granted, encrypted and destroyed apart from the question.
   */
  question: (id: string): Key => ({ pk: join('QUESTION', id), sk: 'QUESTION' }),
  questionAsker: (id: string): Key => ({ pk: join('ASKER', id), sk: 'ASKER' }),
  /** The per-day counter behind tracking codes (local day `20260212`). */
  questionDayCounter: (day: string): Key => ({ pk: join('QCOUNTER', day), sk: 'COUNTER' }),
  /** Asks per client address (a digest, never the address) per hour window. */
  questionAskRate: (sourceDigest: string, windowStart: string): Key => ({
    pk: join('QRATE', sourceDigest),
    sk: windowStart,
  }),
  /** Duplicate guard: one question per portal, asker and text (a digest) within the window. */
  questionDuplicate: (portal: string, digest: string): Key => ({ pk: join('QDUP', portal, digest), sk: 'QDUP' }),
  /** gsi1: every question asked on a portal, by receipt (the board's view). */
  questionsOfPortal: (portal: string, receivedAt?: string, id?: string) => ({
    gsi1pk: join('QPORTAL', portal),
    ...(receivedAt ? { gsi1sk: join(receivedAt, id ?? '') } : {}),
  }),
  /** gsi2: the questions routed to a unit, by routing (the answering unit's view; re-routing moves them). */
  questionsOfUnit: (unitCode: string, routedAt?: string, id?: string) => ({
    gsi2pk: join('QUNIT', unitCode),
    ...(routedAt ? { gsi2sk: join(routedAt, id ?? '') } : {}),
  }),
  /**
   * One escalation of a question clock (issue 9 #5) in its question's log, written in the commit
   * that marks the clock, for the question's staff view (issue 25); its own partition, so the job
   * may append to it without write access to questions.
   */
  questionEscalationLog: (questionId: string, raisedAt: string, clock: string, level: string): Key => ({
    pk: join('QESCALATIONS', questionId),
    sk: join(raisedAt, clock, level),
  }),
  questionEscalationsOf: (questionId: string) => ({ pk: join('QESCALATIONS', questionId) }),
  /**
   * One notification of one event to one recipient (`asker`, or `ACCOUNT#<id>`: never an address),
   * claimed before it is sent so that it is sent once (shared/application/question-notifications.ts).
   */
  notification: (eventId: string, recipient: string): Key => ({ pk: join('NOTIFIED', eventId), sk: recipient }),
  /** The redacted public copy of a published question and its answer: all the public Q&A function may read. */
  publishedQuestion: (id: string): Key => ({ pk: join('PUBQUESTION', id), sk: 'PUBLIC' }),
  /** gsi1: a portal's published questions, newest first; gsi2: the same within one field. */
  publishedQuestionsOfPortal: (portal: string, publishedAt?: string, id?: string) => ({
    gsi1pk: join('QPUBLISHED', portal),
    ...(publishedAt ? { gsi1sk: join(publishedAt, id ?? '') } : {}),
  }),
  publishedQuestionsOfField: (portal: string, field: string, publishedAt?: string, id?: string) => ({
    gsi2pk: join('QPUBLISHED', portal, field),
    ...(publishedAt ? { gsi2sk: join(publishedAt, id ?? '') } : {}),
  }),
  /**
   * Per-unit Q&A facts (issue 9 §9), frozen when each step happens: one small item per fact, in
   * one partition per unit and local month, sorted by local date, so a date range is one Query per month.
   */
  questionFact: (
    unitCode: string,
    localDate: string,
    at: string,
    questionId: string,
    kind: string,
    step: number,
  ): Key => ({
    pk: join('QFACTS', unitCode, localDate.slice(0, 7)),
    // The step (the question's version it made) keeps two steps of one kind at one instant apart.
    sk: join(localDate, at, questionId, kind, String(step)),
  }),
  questionFactsRange: (unitCode: string, month: string, fromDate: string, toDate: string) => ({
    pk: join('QFACTS', unitCode, month),
    skFrom: fromDate,
    skTo: `${toDate}$`,
  }),
  /** Operations (issue 10 §4): an incident, one item with its timeline; gsi1 lists them newest first. */
  incident: (id: string): Key => ({ pk: join('INCIDENT', id), sk: 'INCIDENT' }),
  incidentsByTime: (reportedAt?: string, id?: string) => ({
    gsi1pk: 'INCIDENTS',
    ...(reportedAt ? { gsi1sk: join(reportedAt, id ?? '') } : {}),
  }),
  /** Security checks (TG 16.2), one small partition by date; and the once-per-due-date reminder marker. */
  securityCheck: (performedAt: string, id: string): Key => ({ pk: 'SECCHECK', sk: join('CHECK', performedAt, id) }),
  securityChecks: () => ({ pk: 'SECCHECK', skPrefix: 'CHECK#' }),
  securityCheckReminder: (reminderKey: string): Key => ({ pk: join('SECCHECKDUE', reminderKey), sk: 'REMINDER' }),
  /** Reports (issue 27): one item per report (its figures live in S3 under its digest); gsi1 lists a unit's, newest first. */
  report: (id: string): Key => ({ pk: join('REPORT', id), sk: 'REPORT' }),
  reportsOfUnit: (unitCode: string, generatedAt?: string, id?: string) => ({
    gsi1pk: join('UNITREPORTS', unitCode),
    ...(generatedAt ? { gsi1sk: join(generatedAt, id ?? '') } : {}),
  }),
  ...commentKeys,
  ...consultationKeys,
  ...participationKeys,
} as const;
