import * as z from 'zod/mini';
import { roles } from '../shared/domain/roles';

/**
 * Every domain event the system publishes: its source, detail-type and the zod schema of its
 * data. Events leave only through the transactional outbox (events/outbox.ts): the unit of work
 * writes them in the transaction that makes the change, and the outbox relay puts them on the
 * bus. Consumers validate after receiving.
 */
export const EVENT_SOURCE_PREFIX = 'portal';

/**
 * An event's data schema, built at its first use: a function builds only the schemas of the
 * events it commits or reads, not the whole catalogue's (~240 zod schemas, ~5 ms of every cold
 * start).
 */
function lazily<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

const jobRunDetail = lazily(() =>
  z.object({
    job: z.string().check(z.minLength(1)),
    runId: z.string().check(z.minLength(1)),
    trigger: z.enum(['schedule', 'manual']),
    startedAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }),
    outcome: z.enum(['succeeded', 'failed']),
    summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }),
);

const role = lazily(() => z.enum(roles));

/** A change to an account's sign-in that the identity provider must mirror (issue 12 #5). */
const accountIdentityDetail = lazily(() =>
  z.object({
    accountId: z.string().check(z.minLength(1)),
    username: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
  }),
);

/**
 * One accepted workflow action (shared/domain/workflow): the item, the step, and only what the
 * public or the submitter may read (internal comments stay in the audit log). `event` is the
 * table's name for the step (`ContentApproved`), `key` is stable per item and version so
 * consumers can de-duplicate by it even across transactions.
 */
const workflowTransitionedDetail = lazily(() =>
  z.object({
    key: z.string().check(z.minLength(1)),
    event: z.string().check(z.minLength(1)),
    type: z.string().check(z.minLength(1)),
    id: z.string().check(z.minLength(1)),
    action: z.string().check(z.minLength(1)),
    from: z.string().check(z.minLength(1)),
    to: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    unitCode: z.string(),
    assignedTo: z.nullable(z.string()),
    actor: z.object({ id: z.string().check(z.minLength(1)), kind: z.enum(['user', 'machine', 'system']) }),
    /** An authorship step taken by a proxy (the secretary for the board): the author it was taken for. */
    onBehalfOf: z.optional(z.string()),
    at: z.iso.datetime({ offset: true }),
    reason: z.optional(z.string()),
    publicNote: z.optional(z.string()),
  }),
);

const accountRolesChangedDetail = lazily(() =>
  z.extend(accountIdentityDetail(), { previous: z.array(role()), next: z.array(role()) }),
);

/** A content item was created (as a draft, or submitted at once: a WorkflowTransitioned follows then). */
const contentItemCreatedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    category: z.string().check(z.minLength(1)),
    language: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    actor: z.object({ id: z.string().check(z.minLength(1)), kind: z.enum(['user', 'machine', 'system']) }),
    at: z.iso.datetime({ offset: true }),
  }),
);

/**
 * An attachment's bytes were checked (shared/domain/uploads): clean ones may be published,
 * quarantined ones never are and are reported to the unit (issue 8 #2).
 */
const uploadCheckedDetail = lazily(() =>
  z.object({
    uploadId: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    uploaderId: z.string().check(z.minLength(1)),
    fileName: z.string(),
    declaredType: z.string(),
    detectedType: z.string(),
    size: z.number(),
    reason: z.optional(z.enum(['type-mismatch', 'forbidden-type', 'size-mismatch', 'replaced'])),
    checkedAt: z.iso.datetime({ offset: true }),
  }),
);

const actorDetail = lazily(() =>
  z.object({ id: z.string().check(z.minLength(1)), kind: z.enum(['user', 'machine', 'system']) }),
);

/** An item's content was edited (PATCH /content/{id}): which fields, by whom, the version it reached. */
const contentItemEditedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    fields: z.array(z.string()),
    actor: actorDetail(),
    at: z.iso.datetime({ offset: true }),
  }),
);

const syndicationSource = lazily(() =>
  z.object({
    portal: z.string().check(z.minLength(1)),
    id: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
  }),
);

/**
 * Syndication (issue 8 #6): a sub-portal's published item was proposed to the provincial portal
 * (`ContentSyndicated`: a copy entered its intake), or a copy followed its source
 * (`SyndicatedCopyFollowed`: `change` says what the source did and what the copy did about it).
 */
const contentSyndicatedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    syndicatedFrom: syndicationSource(),
    actor: actorDetail(),
    at: z.iso.datetime({ offset: true }),
  }),
);
const syndicatedCopyFollowedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    syndicatedFrom: syndicationSource(),
    change: z.enum(['updated', 'flagged-update', 'withdrawn', 'flagged-withdrawal']),
    at: z.iso.datetime({ offset: true }),
  }),
);

/**
 * A question was asked on a portal (issue 9). No personal data: neither the asker's fields nor the
 * question's text travel; consumers read what they need from the table with their own grants.
 */
const questionReceivedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    portal: z.string().check(z.minLength(1)),
    field: z.string().check(z.minLength(1)),
    askerKind: z.enum(['individual', 'organisation']),
    publicationConsent: z.boolean(),
    receivedAt: z.iso.datetime({ offset: true }),
    classificationDueAt: z.iso.datetime({ offset: true }),
  }),
);

/** One escalation of one open clock of a question (issue 9 #5): fired once per question, clock, due instant and level. */
const questionEscalatedDetail = lazily(() =>
  z.object({
    questionId: z.string().check(z.minLength(1)),
    portal: z.string().check(z.minLength(1)),
    clock: z.enum(['classify', 'answer', 'return']),
    level: z.enum(['reminder', 'overdue', 'very-overdue']),
    dueAt: z.iso.datetime({ offset: true }),
    /** The unit that must act (the board's own unit for `classify`). */
    unitCode: z.string().check(z.minLength(1)),
    /** Who is told, by the escalation ladder: unit officer → unit head → board secretary → chief editor. */
    recipientRole: z.enum(['unit-officer', 'unit-head', 'secretary', 'chief-editor']),
    assigneeId: z.optional(z.string().check(z.minLength(1))),
  }),
);

/** Operations (issue 10 §4): an incident was reported; the operators are told at once (QN 20.2, TG 17.1). */
const incidentReportedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    severity: z.string(),
    affectedServices: z.array(z.string()),
    unitCode: z.string(),
    reportedBy: z.string(),
    reportedAt: z.iso.datetime({ offset: true }),
    detectedAt: z.nullable(z.iso.datetime({ offset: true })),
    restoreDeadline: z.iso.datetime({ offset: true }),
  }),
);

/** A comment on a draft open for consultation (issue 28 #2): no personal data, no text. */
const consultationCommentReceivedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    consultationId: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    draftVersion: z.int().check(z.positive()),
    article: z.nullable(z.int()),
    commenterKind: z.enum(['individual', 'organisation']),
    publicationConsent: z.boolean(),
    state: z.enum(['pending', 'published', 'hidden']),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
);

/** The board published or hid a comment (issue 28 #3); the reason stays in the comment and the audit log. */
const consultationCommentModeratedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    consultationId: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    action: z.enum(['publish', 'hide']),
    from: z.enum(['pending', 'published', 'hidden']),
    to: z.enum(['pending', 'published', 'hidden']),
    version: z.int().check(z.positive()),
    actor: actorDetail(),
    at: z.iso.datetime({ offset: true }),
  }),
);

/** Someone rated a published item or answer (issue 28 §5): what and how, never who, never the text. */
const informationRatedDetail = lazily(() =>
  z.strictObject({
    id: z.string().check(z.minLength(1)),
    targetKind: z.enum(['content', 'answer']),
    targetId: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    category: z.string(),
    scale: z.enum(['useful', 'score']),
    value: z.int().check(z.gte(0), z.lte(5)),
    reason: z.optional(z.string()),
    localDate: z.iso.date(),
  }),
);

/** An operator announced a planned suspension of the portal (NĐ 224/2026 Điều 13.1a). */
const plannedOutageAnnouncedDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    portal: z.string().check(z.minLength(1)),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    expectedReturnAt: z.iso.datetime({ offset: true }),
    emergency: z.boolean(),
    emergencyReason: z.optional(z.string()),
    announcedBy: z.string().check(z.minLength(1)),
    announcedAt: z.iso.datetime({ offset: true }),
    requiredNoticeWorkingDays: z.int(),
    earliestStart: z.iso.datetime({ offset: true }),
  }),
);

/** A security check (TG 16.2) falls due soon, or is overdue, or was never recorded. */
const securityCheckDueDetail = lazily(() =>
  z.object({
    reminderKey: z.string().check(z.minLength(1)),
    lastCheckAt: z.nullable(z.iso.datetime({ offset: true })),
    dueAt: z.nullable(z.iso.datetime({ offset: true })),
    overdue: z.boolean(),
    periodMonths: z.int(),
    basis: z.string(),
    remindedAt: z.iso.datetime({ offset: true }),
  }),
);

/** A report (issue 27) was generated, or its free text changed: its figures' digest and version. */
const reportDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    kind: z.string().check(z.minLength(1)),
    period: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    digest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    sections: z.optional(z.array(z.string())),
    actor: z.object({ id: z.string().check(z.minLength(1)), kind: z.enum(['user', 'machine', 'system']) }),
    at: z.iso.datetime({ offset: true }),
  }),
);

/** A published draft was scheduled for comment (issue 28 §1): its window and its first version's articles. */
const consultationScheduledDetail = lazily(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    unitCode: z.string().check(z.minLength(1)),
    documentType: z.string().check(z.minLength(1)),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    draftVersion: z.int().check(z.positive()),
    articles: z.int().check(z.nonnegative()),
    actor: z.object({ id: z.string().check(z.minLength(1)), kind: z.enum(['user', 'machine', 'system']) }),
    at: z.iso.datetime({ offset: true }),
  }),
);

export const eventCatalogue = {
  JobRunFinished: {
    source: `${EVENT_SOURCE_PREFIX}.jobs`,
    detailType: 'JobRunFinished',
    get detail() {
      return jobRunDetail();
    },
    description: 'A scheduled or manually started compliance job finished.',
  },
  AccountClosed: {
    source: `${EVENT_SOURCE_PREFIX}.directory`,
    detailType: 'AccountClosed',
    get detail() {
      return accountIdentityDetail();
    },
    description: 'An account was closed: its sign-in must stop (the identity provider disables the user).',
  },
  AccountUnlocked: {
    source: `${EVENT_SOURCE_PREFIX}.directory`,
    detailType: 'AccountUnlocked',
    get detail() {
      return accountIdentityDetail();
    },
    description: 'An operator unlocked an account: the identity provider clears its lockout.',
  },
  AccountRolesChanged: {
    source: `${EVENT_SOURCE_PREFIX}.directory`,
    detailType: 'AccountRolesChanged',
    get detail() {
      return accountRolesChangedDetail();
    },
    description: "An account's roles changed: the identity provider's groups follow.",
  },
  WorkflowTransitioned: {
    source: `${EVENT_SOURCE_PREFIX}.workflow`,
    detailType: 'WorkflowTransitioned',
    get detail() {
      return workflowTransitionedDetail();
    },
    description:
      'A content item or question took a workflow step (routed to the syndication consumer, which follows content publications and withdrawals). Its `event` names the step: ContentAssigned (an editor assigned at intake, in bulk or alone), ContentUnscheduled, and ContentPublished with `action: publish-scheduled` and `actor.kind: system` when the publish-scheduled job released a scheduled item.',
  },
  ContentItemCreated: {
    source: `${EVENT_SOURCE_PREFIX}.content`,
    detailType: 'ContentItemCreated',
    get detail() {
      return contentItemCreatedDetail();
    },
    description:
      'A contributor, reporter or agency created a content item in a portal (its steps follow as WorkflowTransitioned: ContentSubmitted, ContentApproved, ContentPublished…).',
  },
  ContentItemEdited: {
    source: `${EVENT_SOURCE_PREFIX}.content`,
    detailType: 'ContentItemEdited',
    get detail() {
      return contentItemEditedDetail();
    },
    description:
      "An item's content was edited by its author (draft, returned) or the board (editing); a revision records the diff.",
  },
  ContentSyndicated: {
    source: `${EVENT_SOURCE_PREFIX}.content`,
    detailType: 'ContentSyndicated',
    get detail() {
      return contentSyndicatedDetail();
    },
    description:
      "A sub-portal's published item was proposed to the provincial portal: a linked copy entered its intake (submitted).",
  },
  SyndicatedCopyFollowed: {
    source: `${EVENT_SOURCE_PREFIX}.content`,
    detailType: 'SyndicatedCopyFollowed',
    get detail() {
      return syndicatedCopyFollowedDetail();
    },
    description:
      'A syndicated copy followed a new published version or the withdrawal of its source (updated or withdrawn, or flagged for the board).',
  },
  UploadCleared: {
    source: `${EVENT_SOURCE_PREFIX}.uploads`,
    detailType: 'UploadCleared',
    get detail() {
      return uploadCheckedDetail();
    },
    description: 'An uploaded file is what it was declared to be: it is served from clean/ and may be published.',
  },
  UploadQuarantined: {
    source: `${EVENT_SOURCE_PREFIX}.uploads`,
    detailType: 'UploadQuarantined',
    get detail() {
      return uploadCheckedDetail();
    },
    description:
      'An uploaded file is not what it was declared to be, or not an allowed type (CB 13.2): moved to quarantine/, never published.',
  },
  QuestionReceived: {
    source: `${EVENT_SOURCE_PREFIX}.questions`,
    detailType: 'QuestionReceived',
    get detail() {
      return questionReceivedDetail();
    },
    description:
      'Someone asked a question on a portal (no personal data); its steps follow as WorkflowTransitioned: QuestionClassified, QuestionRefused, QuestionRouted, QuestionReturned…',
  },
  QuestionEscalated: {
    source: `${EVENT_SOURCE_PREFIX}.questions`,
    detailType: 'QuestionEscalated',
    get detail() {
      return questionEscalatedDetail();
    },
    description:
      'An open clock of a question is near or past its due instant (reminder, overdue, very overdue), once per level (issue 9 #5).',
  },
  ConsultationCommentReceived: {
    source: `${EVENT_SOURCE_PREFIX}.participation`,
    detailType: 'ConsultationCommentReceived',
    get detail() {
      return consultationCommentReceivedDetail();
    },
    description:
      'Someone commented on a draft open for consultation, on the whole draft or one article (no personal data, no text); published at once only where the preset says so (CB 10.1đ).',
  },
  ConsultationCommentModerated: {
    source: `${EVENT_SOURCE_PREFIX}.participation`,
    detailType: 'ConsultationCommentModerated',
    get detail() {
      return consultationCommentModeratedDetail();
    },
    description: 'The board published or hid (with a reason, never deleted) a comment on a consultation (issue 28 #3).',
  },
  IncidentReported: {
    source: `${EVENT_SOURCE_PREFIX}.operations`,
    detailType: 'IncidentReported',
    get detail() {
      return incidentReportedDetail();
    },
    description:
      'A staff member reported an incident (QN 20.2, NA 15.6, TG 17.1): delivered to the operators at once (events/rules.ts notificationRules).',
  },
  SecurityCheckDue: {
    source: `${EVENT_SOURCE_PREFIX}.operations`,
    detailType: 'SecurityCheckDue',
    get detail() {
      return securityCheckDueDetail();
    },
    description:
      'The periodic security check (TG 16.2) falls due within the reminder lead, or is overdue: the operators are reminded once per due date.',
  },
  InformationRated: {
    source: `${EVENT_SOURCE_PREFIX}.participation`,
    detailType: 'InformationRated',
    get detail() {
      return informationRatedDetail();
    },
    description:
      'Someone rated a published item or answer (NĐ 224/2026 Điều 10.3b; QN 14.12): the target, its unit, the value and reason; never the rater, the address or the text.',
  },
  PlannedOutageAnnounced: {
    source: `${EVENT_SOURCE_PREFIX}.operations`,
    detailType: 'PlannedOutageAnnounced',
    get detail() {
      return plannedOutageAnnouncedDetail();
    },
    description:
      'An operator announced a planned suspension with its window and expected return, at least 7 working days ahead (NĐ 224/2026 Điều 13.1a) or marked as an emergency with its reason.',
  },
  ReportGenerated: {
    source: `${EVENT_SOURCE_PREFIX}.reports`,
    detailType: 'ReportGenerated',
    get detail() {
      return reportDetail();
    },
    description:
      'A periodic or ad hoc report was generated as a draft, its figures stored with their SHA-256 digest (issue 27); its steps follow as WorkflowTransitioned: ReportApproved, ReportReopened, ReportSent.',
  },
  ReportTextUpdated: {
    source: `${EVENT_SOURCE_PREFIX}.reports`,
    detailType: 'ReportTextUpdated',
    get detail() {
      return reportDetail();
    },
    description:
      "A draft report's free-text sections were written or changed (NA Phụ lục I, III, IV, V); whoever did so may not approve it.",
  },
  ConsultationScheduled: {
    source: `${EVENT_SOURCE_PREFIX}.participation`,
    detailType: 'ConsultationScheduled',
    get detail() {
      return consultationScheduledDetail();
    },
    description:
      'A published draft was scheduled for comment with its opening and closing instants (issue 28 §1); its steps follow as WorkflowTransitioned: ConsultationOpened and ConsultationClosed (`actor.kind: system` when the consultation-schedule job took them at the announced instants), ConsultationDraftVersioned, ConsultationSummaryWritten, ConsultationSummaryReturned, ConsultationSummaryApproved, ConsultationSummaryPublished.',
  },
} as const;

export type EventName = keyof typeof eventCatalogue;
export type EventDetail<N extends EventName> = z.infer<(typeof eventCatalogue)[N]['detail']>;

/**
 * What every event carries besides its data: a unique id (consumers deduplicate on it), the
 * transaction that produced it, the request that started that transaction, when it happened.
 * EventBridge assigns its own envelope id, so ours travels in the detail.
 */
export const eventMetadata = z.object({
  eventId: z.string().check(z.minLength(1)),
  transactionId: z.string().check(z.minLength(1)),
  requestId: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type EventMetadata = z.infer<typeof eventMetadata>;

/** The `detail` of every event on the bus: `{ metadata, data }`. */
export const eventDetailEnvelope = z.object({ metadata: eventMetadata, data: z.unknown() });

/** The envelope EventBridge delivers to SQS targets (the same shape is produced locally). */
export const eventEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelope>;

/** A domain event waiting to be committed: its name and data. */
export interface PendingEvent<N extends EventName = EventName> {
  readonly name: N;
  readonly detail: EventDetail<N>;
}

export const pendingEvent = <N extends EventName>(name: N, detail: EventDetail<N>): PendingEvent<N> => ({
  name,
  detail,
});
