import type {
  Answer,
  Asker,
  Complexity,
  PreviousAnswer,
  ProgressNotice,
  QuestionField,
  QuestionRating,
  QuestionScope,
  RefusalGround,
} from '../../domain/questions';
import type { SealedAsker } from '../crypto/asker-envelope';
import type { Assignee, Participant, QuestionClock, QuestionState } from '../../domain/workflow';
import type { AuditEntry } from '../../domain/audit';
import type { WriteAction } from './unit-of-work';

/** What a step's effects change on a question (its own fields) and write beside it. */
export interface QuestionStepChanges {
  readonly set: Readonly<Partial<Record<keyof QuestionRecord, unknown>>>;
  readonly remove: readonly (keyof QuestionRecord)[];
  readonly writes: readonly WriteAction[];
  readonly audits: readonly AuditEntry[];
  /** Routed: listed for the unit from this instant; returned: off the unit's list. */
  readonly listedFor?: { readonly unitCode: string; readonly at: string };
  readonly unlisted?: boolean;
}

/**
 * Questions (issue 9): one item per question (`QUESTION#<tracking code>`), the asker's personal
 * data in another partition (`ASKER#`), and the small items that guard asking (the day's counter,
 * the per-address rate, the duplicate guard), each written in the question's transaction so a
 * refused ask writes nothing at all.
 */
export interface Routing {
  readonly unitCode: string;
  readonly routedAt: string;
  readonly answerDueAt: string;
  readonly returnDueAt: string;
  /** Frozen when routed: was the board within its classification clock? */
  readonly routedOnTime: boolean;
  /** Where the answer clock counts from the portal's receipt (CB 11.4): the working days it left to this unit. */
  readonly unitWorkingDays?: number;
  readonly returnedAt?: string;
  readonly returnReason?: string;
  readonly returnedOnTime?: boolean;
}

export interface QuestionRecord {
  readonly id: string;
  readonly portal: string;
  /** The portal, then its ancestors (as the rule table reads scopes). */
  readonly unitPath: readonly string[];
  readonly field: QuestionField;
  readonly title: string;
  readonly text: string;
  readonly askerKind: Asker['kind'];
  readonly consent: { readonly processing: true; readonly publication: boolean };
  readonly state: QuestionState;
  readonly version: number;
  readonly openClocks: readonly QuestionClock[];
  readonly assignee?: Assignee;
  readonly submittedBy?: string;
  /** Everyone who took part (its answerers): none of them checks the answer (shared/domain/workflow/participants.ts). */
  readonly participants?: readonly Participant[];
  readonly complexity?: Complexity;
  readonly scope?: QuestionScope;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly classificationDueAt: string;
  readonly answerDueAt?: string;
  readonly returnDueAt?: string;
  /** The due instant of the stage now open (classification or answer), for "overdue" listings. */
  readonly dueAt?: string;
  readonly routings: readonly Routing[];
  /** `onTime`: frozen when refused, within the classification clock? */
  readonly refusal?: {
    readonly ground: RefusalGround;
    readonly reason: string;
    readonly at: string;
    readonly onTime?: boolean;
  };
  /** CB 11.4: once per question; the question is on time until its expected day ends. */
  readonly progressNotice?: ProgressNotice;
  /** The unit's answer; "answered", "approved" and "sent" are separate facts with their own instants. */
  readonly answer?: Answer;
  readonly answeredAt?: string;
  /** Frozen when answered: within the answer clock running then? */
  readonly answeredOnTime?: boolean;
  readonly approval?: { readonly by: string; readonly at: string };
  readonly sentAt?: string;
  /** "Published": its own fact, with its instant (the redacted copy is PUBQUESTION#<id>). */
  readonly publishedAt?: string;
  /** Frozen when answered: working days from the routing to the answer, on the calendar then in force. */
  readonly answerWorkingDays?: number;
  /** Answers the board returned to the unit, with its comment. */
  readonly returnedAnswers?: readonly (Answer & { readonly returnedAt: string; readonly comment: string })[];
  readonly secretHash: string;
  /** The asker's rating of the sent answer (one per question). */
  readonly rating?: QuestionRating;
  /** Answers sent before the question was reopened, with their facts. */
  readonly previousAnswers?: readonly PreviousAnswer[];
  readonly reopenedAt?: string;
  /** The board chose, when routing, to show the asker's data to this unit (audited with the step). */
  readonly askerSharedWith?: string;
  /** The asker's personal data was destroyed (NĐ 356/2025): on the asker's request or an authority's demand. */
  readonly erasure?: {
    readonly requestedAt: string;
    readonly erasedAt: string;
    readonly on: 'asker-request' | 'authority-demand';
  };
}

/** The asker's data as the application sees it, once opened. */
export interface AskerRecord {
  readonly questionId: string;
  readonly asker: Asker;
  readonly receivedAt: string;
}

/**
 * The asker item as stored: the personal data sealed (shared/adapters/crypto/asker-envelope.ts),
 * and the key of the duplicate guard it caused (a digest of the asker's identity and text), which
 * erasure deletes with it.
 */
export interface StoredAsker {
  readonly questionId: string;
  readonly receivedAt: string;
  readonly sealed: SealedAsker;
  readonly duplicateGuard: { readonly pk: string; readonly sk: string };
}
