import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import {
  askerIdentity,
  duplicateText,
  localDayOf,
  newSecret,
  requireCompleteAsker,
  requireVietnameseText,
  secretHash,
  secretMatches,
  trackingCode,
  type Asker,
  type QuestionField,
} from '../domain/questions';
import { questionWorkflow } from '../domain/workflow';
import { decideCreation } from '../domain/workflow/engine';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import { combine, conflictError } from '../adapters/dynamo/unit-of-work';
import { writesMayStart } from '../adapters/dynamo/held-commit';
import { dueOfPlan } from './workflow-transitions';
import { deploymentPolicy } from './deployment-policy';
import { sealAsker } from '../adapters/crypto/asker-envelope';
import type { Services } from '../composition/services';

/**
 * Asking a question (POST /public/portals/{portal}/questions) and the asker's status lookup
 * (GET /public/questions/{trackingCode}). The question, the asker's personal data (apart), the
 * classification clock, the address's rate and the duplicate guard commit in one transaction. The
 * day's number is taken just before, by one atomic ADD (never a hot item in the transaction): a
 * refused ask (429, 409, 400) writes nothing, but one refused only by the transaction (a race) leaves
 * a gap in the day's numbers.
 */
/** Per client address and hour; beyond it a 429 (WAF rate rules still cap floods before the function). */
export const ASKS_PER_ADDRESS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
/** A second identical question from the same asker within this window is a 409. */
export const DUPLICATE_WINDOW_SECONDS = 24 * 3600;

export interface NewQuestion {
  readonly asker: Asker;
  readonly field: QuestionField;
  readonly title: string;
  readonly text: string;
  readonly consent: { readonly processing: true; readonly publication: boolean };
}

export interface AskContext {
  readonly requestId: string;
  readonly now: Date;
  readonly clientAddress: string;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

const questionNotFound = (portal: string) =>
  new DomainError('not_found', { vi: `Không có Cổng ${portal}`, en: `No portal ${portal}` }, [
    {
      field: 'portal',
      code: 'not_found',
      message: { vi: `Không có Cổng ${portal}`, en: `No portal ${portal}` },
    },
  ]);

export async function askQuestion(s: Services, ctx: AskContext, portal: string, input: NewQuestion) {
  const repo = s.questions;
  const windowStart = new Date(Math.floor(ctx.now.getTime() / HOUR_MS) * HOUR_MS).toISOString();
  const sourceDigest = sha256(`question-source\n${ctx.clientAddress}`);
  const duplicateDigest = sha256(
    ['question-duplicate', portal, askerIdentity(input.asker), duplicateText(input.text)].join('\n'),
  );
  // Read alongside the portal (one round): a refusal found here burns no number.
  const refusalRead = repo.refusalBefore(
    sourceDigest,
    windowStart,
    ASKS_PER_ADDRESS_PER_HOUR,
    portal,
    duplicateDigest,
    ctx.now,
  );
  refusalRead.catch(() => undefined);
  const unit = await s.units.get(portal);
  if (!unit) throw questionNotFound(portal);
  requireCompleteAsker(input.asker, s.config.POLICY_PRESET);
  requireVietnameseText('title', { vi: 'Tiêu đề câu hỏi', en: 'question title' }, input.title);
  requireVietnameseText('text', { vi: 'Nội dung câu hỏi', en: 'question text' }, input.text);
  const refusal = await refusalRead;
  if (refusal) throw conflictError(refusal);

  const day = localDayOf(ctx.now);
  // The number, the calendar and (for a unit without stored ancestors) its path: one round.
  const [number, deadlines, ancestors] = await Promise.all([
    // Under an Idempotency-Key, once the request is known not to be a replay (a replay takes no number).
    writesMayStart().then(() => repo.nextNumber(day)),
    s.calendar.deadlines(),
    unit.ancestorCodes ?? s.units.scopeOf(portal).then((codes) => codes.slice(1)),
  ]);
  const unitPath = [unit.code, ...ancestors];
  const receivedAt = ctx.now.toISOString();
  const secret = newSecret();
  const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
  const id = trackingCode(day, number);
  // The table's initial step: received, the classification clock open; the fact of asking is audited, never the asker.
  const plan = decideCreation(
    questionWorkflow,
    'ask',
    { id, state: questionWorkflow.initial, version: 1, unitPath, openClocks: [] },
    ctx,
    {
      actor: { id: 'asker', kind: 'anonymous' },
      after: { field: input.field, askerKind: input.asker.kind },
    },
  );
  const due = await dueOfPlan(plan.work.open, { deadlines, policy: deploymentPolicy(s.config) });
  const classificationDueAt = due.classify!;
  const record: QuestionRecord = {
    id,
    portal: unit.code,
    unitPath,
    field: input.field,
    title: input.title,
    text: input.text,
    askerKind: input.asker.kind,
    consent: input.consent,
    state: plan.next.state,
    version: plan.next.version,
    openClocks: [...plan.next.openClocks],
    receivedAt,
    updatedAt: receivedAt,
    classificationDueAt,
    dueAt: classificationDueAt,
    routings: [],
    secretHash: secretHash(secret),
  };
  // Sealed under a data key of its own, bound to this question (KMS on AWS).
  const asker = {
    questionId: id,
    receivedAt,
    sealed: await sealAsker(s.askerKeys, id, input.asker),
    duplicateGuard: repo.duplicateGuardOf(unit.code, duplicateDigest),
  };
  const detail = {
    id,
    portal: unit.code,
    field: record.field,
    askerKind: record.askerKind,
    publicationConsent: record.consent.publication,
    receivedAt,
    classificationDueAt,
  };
  const work = combine(
    {
      actions: [
        repo.chargeAsk(sourceDigest, windowStart, ASKS_PER_ADDRESS_PER_HOUR, nowSeconds + 2 * 3600),
        repo.guardDuplicate(unit.code, duplicateDigest, ctx.now, nowSeconds + DUPLICATE_WINDOW_SECONDS, receivedAt),
      ],
    },
    repo.askWrites(record, plan, asker, detail, due),
  );
  await s.uow.commit(work, { requestId: ctx.requestId, now: ctx.now });
  return { trackingCode: id, secret, receivedAt, classificationDueAt };
}

/**
 * What the asker may see: the stage and its due instants, the refusal's reason; never personal
 * data, never who inside the administration handles it. An unknown code and a wrong secret get
 * the same answer after the same work (a read and a constant-time comparison).
 */
export async function questionForAsker(
  s: Pick<Services, 'questions'>,
  trackingCode: string,
  secret: string,
): Promise<QuestionRecord> {
  const record = await s.questions.get(trackingCode);
  if (!secretMatches(secret, record?.secretHash) || !record) {
    throw new DomainError('not_found', {
      vi: 'Không có câu hỏi với mã và mã bí mật này',
      en: 'No question with this tracking code and secret',
    });
  }
  return record;
}

export async function questionStatus(s: Pick<Services, 'questions'>, trackingCode: string, secret: string) {
  const record = await questionForAsker(s, trackingCode, secret);
  const stage = questionWorkflow.states[record.state];
  return {
    trackingCode: record.id,
    stage: record.state,
    stageLabel: stage.label,
    receivedAt: record.receivedAt,
    classificationDueAt: record.classificationDueAt,
    ...(record.answerDueAt !== undefined && { answerDueAt: record.answerDueAt }),
    ...(record.dueAt !== undefined && { dueAt: record.dueAt }),
    ...(record.refusal !== undefined && {
      refusal: { ground: record.refusal.ground, reason: record.refusal.reason, at: record.refusal.at },
    }),
    ...(record.progressNotice !== undefined && {
      progressNotice: {
        at: record.progressNotice.at,
        ...(record.progressNotice.kind !== undefined && { kind: record.progressNotice.kind }),
        ...(record.progressNotice.expectedBy !== undefined && { expectedBy: record.progressNotice.expectedBy }),
      },
    }),
    // The answer only once the board has sent it; never who in the unit wrote it.
    ...(record.sentAt !== undefined &&
      record.answer !== undefined && {
        answer: {
          text: record.answer.text,
          citations: record.answer.citations,
          advisoryNotice: record.answer.advisoryNotice,
          answeredAt: record.answer.at,
          sentAt: record.sentAt,
        },
      }),
    ...(record.publishedAt !== undefined && { publishedAt: record.publishedAt }),
    ...(record.rating !== undefined && { rating: record.rating }),
    ...(record.erasure !== undefined && {
      erasure: { requestedAt: record.erasure.requestedAt, erasedAt: record.erasure.erasedAt },
    }),
  };
}
