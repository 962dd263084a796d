import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../events/catalogue';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import type { ReceivedEvent } from '../adapters/events/consumer';
import { logger } from '../logger';
// By path, not the barrel: the consumer needs none of the asking rules.
import {
  audienceOfStep,
  composeNotice,
  type NoticeAudience,
  type NoticeFacts,
} from '../domain/questions/notifications';
import { openAsker } from '../adapters/crypto/asker-envelope';
import type { Services } from '../composition/services';

/**
 * Notifications to askers and staff (issue 9 #6): each question event that tells someone becomes
 * one e-mail per recipient. Events carry ids only; the asker's address is read here from the
 * asker item (never logged, never in an event), staff addresses from the accounts of the unit.
 *
 * Once per (event, recipient): SES has no idempotency key, so each notification is claimed in the
 * table before it is sent and marked sent after. A redelivered or replayed event finds the mark
 * and sends nothing; a concurrent consumer finds the claim and retries later (its message comes
 * back after the visibility timeout, when the claim is either sent or expired). A sender that
 * refuses releases the claim, so the retry sends. The one gap is a crash after SES accepted the
 * e-mail and before the mark: the claim's lease runs out and a redelivery sends again. We chose
 * at-least-once there, deliberately: a duplicate e-mail is a nuisance, but a lost refusal, answer
 * or escalation costs the asker their answer or the unit its deadline; at-most-once would need to
 * give up on every claim whose holder vanished, and that window (SES accepted, Lambda died before
 * one UpdateItem) is far narrower than the sends it would drop.
 */
export type NotifiableEvent = ReceivedEvent<'QuestionReceived' | 'WorkflowTransitioned' | 'QuestionEscalated'>;

/** Longer than one send and its marking can take in a consumer run (its timeout is 30 s). */
export const CLAIM_LEASE_SECONDS = 60;
const ASKER = 'asker';
const accountRecipient = (id: string) => `ACCOUNT#${id}`;

/** Who the event tells, the question it is about, and the facts the event itself carries. */
function noticeOf(
  event: NotifiableEvent,
): { audience: NoticeAudience; questionId: string; facts: Partial<NoticeFacts> } | undefined {
  switch (event.name) {
    case 'QuestionReceived':
      return {
        audience: { to: 'asker', kind: 'received' },
        questionId: event.detail.id,
        facts: { classificationDueAt: event.detail.classificationDueAt },
      };
    case 'QuestionEscalated': {
      const d = event.detail;
      return {
        audience: { to: 'staff', kind: 'escalated', unitCode: d.unitCode, roles: [d.recipientRole] },
        questionId: d.questionId,
        facts: { unitCode: d.unitCode, escalation: { level: d.level, clock: d.clock, dueAt: d.dueAt } },
      };
    }
    case 'WorkflowTransitioned': {
      const audience = audienceOfStep(event.detail);
      return audience
        ? {
            audience,
            questionId: event.detail.id,
            facts: { ...(event.detail.reason !== undefined && { reason: event.detail.reason }) },
          }
        : undefined;
    }
  }
}

/** The question's own facts a notice may cite (the answer, the clocks, the last routing). */
function questionFacts(question: QuestionRecord | undefined, audience: NoticeAudience): Partial<NoticeFacts> {
  if (!question) return {};
  const last = question.routings[question.routings.length - 1];
  const returnedAnswer = question.returnedAnswers?.[question.returnedAnswers.length - 1];
  return {
    classificationDueAt: question.classificationDueAt,
    answerDueAt: question.answerDueAt,
    returnDueAt: question.returnDueAt,
    ...(question.refusal && { refusal: { ground: question.refusal.ground, reason: question.refusal.reason } }),
    ...(question.progressNotice && { expectedBy: question.progressNotice.expectedBy }),
    ...(question.answer && { answer: question.answer }),
    ...(audience.to === 'staff' && audience.kind !== 'escalated' && last && { unitCode: last.unitCode }),
    ...(audience.to === 'staff' &&
      audience.kind === 'answer-returned' &&
      returnedAnswer && { comment: returnedAnswer.comment }),
  };
}

/** Each recipient once: `key` names the recipient in the claim (never an address). */
interface Recipient {
  readonly key: string;
  readonly address: string;
}

async function askerRecipient(
  s: Services,
  questionId: string,
  eventId: string,
  now: Date,
): Promise<Recipient | undefined> {
  const { questions, notificationClaims: claims } = s;
  const stored = await questions.asker(questionId);
  // Erased (the erasure use case deletes the item, data key and all): nothing to send and nothing to say about it.
  const asker = stored ? await openAsker<{ email?: string }>(s.askerKeys, questionId, stored.sealed) : undefined;
  if (!asker) {
    await claims.skip(eventId, ASKER, 'erased', now);
    logger.info('notification skipped', { eventId, questionId, recipient: ASKER, outcome: 'erased' });
    return undefined;
  }
  if (typeof asker.email !== 'string' || asker.email.trim() === '') {
    await claims.skip(eventId, ASKER, 'no-address', now);
    logger.info('notification skipped', { eventId, questionId, recipient: ASKER, outcome: 'no-address' });
    return undefined;
  }
  return { key: ASKER, address: asker.email.trim() };
}

/** The active accounts of the unit holding one of the roles, with an address. */
async function staffRecipients(s: Services, unitCode: string, roles: readonly string[]): Promise<Recipient[]> {
  const found: Recipient[] = [];
  let cursor: string | undefined;
  do {
    const page = await s.accounts.ofUnit(unitCode, 100, cursor);
    for (const account of page.items) {
      if (account.status === 'active' && account.email && account.roles.some((r) => roles.includes(r)))
        found.push({ key: accountRecipient(account.id), address: account.email });
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return found;
}

type Delivery = 'sent' | 'done' | 'in-flight' | 'failed';

async function deliver(
  s: Services,
  eventId: string,
  recipient: Recipient,
  notice: { subject: string; text: string },
): Promise<Delivery> {
  const { notificationClaims: claims } = s;
  const token = randomUUID();
  const claimed = await claims.claim(eventId, recipient.key, token, new Date(), CLAIM_LEASE_SECONDS);
  if (claimed !== 'claimed') return claimed;
  let messageId: string;
  try {
    ({ messageId } = await s.mail.sender.send({
      notificationId: randomUUID(),
      from: s.mail.from,
      to: recipient.address,
      ...notice,
    }));
  } catch (error) {
    await claims.release(eventId, recipient.key, token);
    logger.warn('notification not sent', {
      eventId,
      recipient: recipient.key === ASKER ? ASKER : recipient.key,
      error: (error as Error).name,
    });
    return 'failed';
  }
  await claims.markSent(eventId, recipient.key, token, messageId, new Date());
  return 'sent';
}

/**
 * Sends what one event tells, to each of its recipients once. Throws when a recipient could not
 * be served yet (the sender failed, or another consumer holds the claim), so the message is
 * retried and, after the queue's receive count, lands in its DLQ; recipients already served are
 * not sent again.
 */
export async function notifyOfQuestionEvent(s: Services, event: NotifiableEvent, meta: EventMetadata): Promise<void> {
  const notice = noticeOf(event);
  if (!notice) return;
  const { audience, questionId } = notice;
  const question = await s.questions.get(questionId);
  const e = s.config;
  const facts: NoticeFacts = {
    site: { vi: `Cổng Thông tin điện tử ${e.PROVINCE_NAME}`, en: `${e.PROVINCE_NAME_EN} e-Portal` },
    questionId,
    ...questionFacts(question, audience),
    ...notice.facts,
  };
  const composed = composeNotice(audience, facts);
  const recipients =
    audience.to === 'asker'
      ? [await askerRecipient(s, questionId, meta.eventId, new Date())].filter((r): r is Recipient => r !== undefined)
      : await staffRecipients(s, audience.unitCode, audience.roles);
  const outcomes: Delivery[] = [];
  for (const recipient of recipients) outcomes.push(await deliver(s, meta.eventId, recipient, composed));
  const count = (d: Delivery) => outcomes.filter((o) => o === d).length;
  logger.info('notifications', {
    eventId: meta.eventId,
    questionId,
    notice: audience.kind,
    recipients: recipients.length,
    sent: count('sent'),
    already: count('done'),
    inFlight: count('in-flight'),
    failed: count('failed'),
  });
  if (count('failed') + count('in-flight') > 0) {
    throw new Error(
      `Notifications of event ${meta.eventId} incomplete: ${count('failed')} failed, ${count('in-flight')} in flight elsewhere`,
    );
  }
}
