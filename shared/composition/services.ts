import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClients } from '../adapters/aws-clients';
import { AccountRepository } from '../adapters/dynamo/accounts';
import { AuditLog } from '../adapters/dynamo/audit-log';
import { DynamoIdempotencyStore } from '../adapters/dynamo/idempotency-store';
import { JobRunRepository } from '../adapters/dynamo/job-runs';
import { MachineClientRepository } from '../adapters/dynamo/machine-clients';
import { PrincipalRecords } from '../adapters/dynamo/principal-records';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { SecurityCheckRepository } from '../adapters/dynamo/security-checks';
import { IncidentRepository } from '../adapters/dynamo/incidents';
import { PublishedContentRepository } from '../adapters/dynamo/published-content';
import { PublishedQuestionRepository } from '../adapters/dynamo/published-questions';
import { LegalSearchRepository } from '../adapters/dynamo/legal-search';
import { QuestionFactRepository } from '../adapters/dynamo/question-facts';
import { AnswerAuthorisationRepository } from '../adapters/dynamo/answer-authorisations';
import { UnitRepository } from '../adapters/dynamo/units';
import { UploadRepository } from '../adapters/dynamo/uploads';
import { WorkRepository } from '../adapters/dynamo/work';
import type { IdentityProvider } from '../application/identity-provider';
import type { Mail } from '../application/mail';
import type { AskerKeys } from '../adapters/crypto/asker-envelope';
import type { EventPublisher } from '../adapters/events/publisher';
import { QuestionRepository } from '../adapters/dynamo/questions';
import { QuestionEscalationRepository } from '../adapters/dynamo/question-escalation';
import { ContentRepository } from '../adapters/dynamo/content';
import { ScheduledPublicationRepository } from '../adapters/dynamo/scheduled-publication';
import { ConsultationRepository } from '../adapters/dynamo/consultations';
import { NotificationClaims } from '../adapters/dynamo/notification-claims';
import type { Env } from '../config/env';
import { CalendarConfigRepository } from '../adapters/dynamo/calendar-config';
import { createCalendarService } from '../application/calendar-service';
import { attachmentStatuses } from '../application/uploads';
import { once } from './once';
import { createPortalUnits } from '../application/portal-units';
import type { AttachmentStatusReader } from '../application/content-attachments';
import type { AskChallenge } from '../application/ask-challenge';

/**
 * What a composition root supplies besides the configuration: clients it already has (a test's,
 * the local stack's) and the adapters that differ per runtime, so a bundle carries only the one
 * its function uses (Cognito on AWS, the stand-in locally; functions that manage no users: none).
 */
export interface ServiceOptions {
  readonly clients?: { readonly dynamo: DynamoDBClient; readonly db: DynamoDBDocumentClient };
  readonly identity?: (services: CoreServices) => IdentityProvider;
  readonly mail?: () => Mail;
  readonly askerKeys?: (services: CoreServices) => AskerKeys;
  /** The optional human check on asking a question (shared/application/ask-challenge.ts): none by default. */
  readonly askChallenge?: AskChallenge;
  /** Who puts committed outbox events on the bus (the outbox relay's root: EventBridge; the local stack: its bus). */
  readonly events?: (services: CoreServices) => EventPublisher;
}

/** The clients and the one unit of work every table-backed service shares. */
export interface CoreServices {
  readonly config: Env;
  readonly dynamo: DynamoDBClient;
  readonly db: DynamoDBDocumentClient;
  readonly table: string;
  readonly uow: UnitOfWork;
}

/**
 * The services of one runtime, built once by its composition root (a Lambda entry point at cold
 * start, the local stack, a test) and passed into the use cases, which hold no state of their own.
 * Repositories over the table are plain objects over the shared client: cheap to build eagerly.
 * S3, SQS, KMS and mail adapters are built by the roots of the functions that use them.
 */
export function createServices(config: Env, options: ServiceOptions = {}) {
  const { dynamo, db } = options.clients ?? createDynamoClients();
  const table = config.TABLE_NAME;
  const core: CoreServices = { config, dynamo, db, table, uow: new UnitOfWork(db, table) };
  const identityOf = options.identity;
  const identity = identityOf ? once(() => identityOf(core)) : undefined;
  const uploads = new UploadRepository(db, table);
  const units = new UnitRepository(db, table);
  const mail = options.mail ? once(options.mail) : undefined;
  const askerKeysOf = options.askerKeys;
  const askerKeys = askerKeysOf ? once(() => askerKeysOf(core)) : undefined;
  const eventsOf = options.events;
  const events = eventsOf ? once(() => eventsOf(core)) : undefined;
  return {
    ...core,
    units,
    /** Portals' units as citation lines name them, kept PORTAL_TTL_MS (shared/application/portal-units.ts). */
    portalUnits: createPortalUnits(units),
    accounts: new AccountRepository(db, table),
    machineClients: new MachineClientRepository(db, table),
    work: new WorkRepository(db, table),
    audit: new AuditLog(db, table),
    jobRuns: new JobRunRepository(db, table),
    principals: new PrincipalRecords(db, table),
    uploads,
    /** Whether an item's files were checked clean, for publication (shared/application/content-attachments.ts). */
    attachmentStatus: ((ids, unitCode) =>
      attachmentStatuses({ uploads }, ids, unitCode)) satisfies AttachmentStatusReader,
    securityChecks: new SecurityCheckRepository(db, table),
    incidents: new IncidentRepository(db, table),
    publishedContent: new PublishedContentRepository(db, table),
    publishedQuestions: new PublishedQuestionRepository(db, table),
    legalSearch: new LegalSearchRepository(db, table),
    questionFacts: new QuestionFactRepository(db, table),
    answerAuthorisations: new AnswerAuthorisationRepository(db, table),
    /** The calendar in force, its configuration cached for the root's life (CONFIG_TTL_MS). */
    calendar: createCalendarService(new CalendarConfigRepository(db, table), config.WORKING_HOURS),
    idempotency: new DynamoIdempotencyStore(db, table, config.IDEMPOTENCY_TTL_SECONDS),
    questions: new QuestionRepository(db, table),
    questionEscalations: new QuestionEscalationRepository(db, table),
    content: new ContentRepository(db, table),
    scheduledPublications: new ScheduledPublicationRepository(db, table),
    consultations: new ConsultationRepository(db, table),
    notificationClaims: new NotificationClaims(db, table),
    /** The asking function's human check, if its root wired one. */
    askChallenge: options.askChallenge,
    /** The mail sender the root chose (the notification consumer's: SES; the local stack's: the outbox folder). */
    get mail(): Mail {
      if (!mail) throw new Error('No mail sender wired for this function (see its entry file)');
      return mail();
    },
    /** Who wraps the askers' data keys: the root's choice (KMS on AWS, the local key on the local stack). */
    get askerKeys(): AskerKeys {
      if (!askerKeys) throw new Error('No asker key provider wired for this function (see its entry file)');
      return askerKeys();
    },
    /** The event bus the root chose for the outbox relay. */
    get events(): EventPublisher {
      if (!events) throw new Error('No event publisher wired for this function (see its entry file)');
      return events();
    },
    /** The identity provider the root chose; a function whose root chose none fails here, naming it. */
    get identity(): IdentityProvider {
      if (!identity) throw new Error(`No identity provider wired for this function (see its entry file)`);
      return identity();
    },
  };
}

export type Services = ReturnType<typeof createServices>;

export { once } from './once';
