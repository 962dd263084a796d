import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { auditEntry } from '../domain/audit';
import {
  localDayOf,
  newSecret,
  redactPersonalData,
  requireCompleteAsker,
  requireVietnameseText,
  secretHash,
  secretMatches,
} from '../domain/questions';
import {
  anchorOf,
  commentCode,
  commentFlag,
  initialCommentState,
  requireOpenForComment,
  type CommentableConsultation,
  type Commenter,
} from '../domain/participation/comment';
import { pendingEvent, type EventDetail } from '../../events/catalogue';
import { sealAsker, type AskerKeys } from '../adapters/crypto/asker-envelope';
import { writesMayStart } from '../adapters/dynamo/held-commit';
import { hourWindowOf } from '../adapters/dynamo/rate-window';
import { combine, conflictError, type UnitOfWork, type Work } from '../adapters/dynamo/unit-of-work';
import { publicCopyOf, type CommentRecord, type CommentRepository } from '../adapters/dynamo/consultation-comments';
import type { Env } from '../config/env';

/**
 * Comments on a draft open for consultation, the commenter's side (issue 28 #2; the board's side is
 * consultation-comment-moderation.ts). Commenting follows asking a question
 * (shared/application/questions.ts): the commenter's fields per preset, Vietnamese text, the data
 * sealed apart under its own key, a follow code and a secret shown once, a per-address rate in the
 * transaction, and (here) a per-consultation rate as an atomic counter beside it. The audit entry and the event hold no personal data.
 */
export interface ConsultationsForComments {
  get(id: string): Promise<CommentableConsultation | undefined>;
}

/** What these use cases need from the root's services, plus the comment repository and the consultations' view. */
export interface CommentServices {
  readonly config: Pick<Env, 'POLICY_PRESET'>;
  readonly uow: UnitOfWork;
  readonly askerKeys: AskerKeys;
  readonly comments: CommentRepository;
  readonly consultationsForComments: ConsultationsForComments;
}

/** Per client address and hour, across consultations (a public terminal's NAT may carry several people); beyond it a 429. */
export const COMMENTS_PER_ADDRESS_PER_HOUR = 20;
/**
 * Per consultation and hour, from every address: a flood on one draft is held back without
 * refusing the others (regulations.gov caps a key at 500 an hour). Beyond it a 429.
 */
export const COMMENTS_PER_CONSULTATION_PER_HOUR = 500;

export interface NewComment {
  readonly commenter: Commenter;
  /** The article's number; none for a comment on the whole draft. */
  readonly article?: number | undefined;
  readonly text: string;
  readonly consent: { readonly processing: true; readonly publication: boolean };
}

export interface CommentContext {
  readonly requestId: string;
  readonly now: Date;
  readonly clientAddress: string;
}

const ANONYMOUS = { id: 'commenter', kind: 'anonymous' } as const;
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

export const noConsultation = (id: string) => {
  const message = { vi: `Không có đợt lấy ý kiến ${id}`, en: `No consultation ${id}` };
  return new DomainError('not_found', message, [{ field: 'id', code: 'not_found', message }]);
};

/** The consultation, on the portal named in the path (its drafting unit's portal): another portal's is a 404. */
async function consultationOf(s: Pick<CommentServices, 'consultationsForComments'>, portal: string, id: string) {
  const consultation = await s.consultationsForComments.get(id);
  if (!consultation || consultation.unitPath[0] !== portal) throw noConsultation(id);
  return consultation;
}

const tooMany = () =>
  new DomainError('too_many_requests', {
    vi: 'Dự thảo này đang nhận quá nhiều ý kiến trong một giờ; hãy thử lại sau',
    en: 'This draft is receiving too many comments this hour; try again later',
  });

/** POST /public/portals/{portal}/consultations/{id}/comments. */
export async function commentOnConsultation(
  s: CommentServices,
  ctx: CommentContext,
  portal: string,
  consultationId: string,
  input: NewComment,
) {
  const windowStart = hourWindowOf(ctx.now);
  const sourceDigest = sha256(`comment-source\n${ctx.clientAddress}`);
  const max = COMMENTS_PER_ADDRESS_PER_HOUR;
  // Read alongside the consultation (one round): a refusal found here burns no number.
  const refusedRead = s.comments.addressRefused(sourceDigest, windowStart, max);
  refusedRead.catch(() => undefined);
  const consultation = await consultationOf(s, portal, consultationId);
  requireOpenForComment(consultation, ctx.now);
  const article = anchorOf(consultation, input.article);
  requireCompleteAsker(input.commenter, s.config.POLICY_PRESET, 'commenter');
  requireVietnameseText('text', { vi: 'Nội dung góp ý', en: 'comment text' }, input.text);
  const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
  const charge = s.comments.chargeAddress(sourceDigest, windowStart, max, nowSeconds + 2 * 3600);
  if (await refusedRead) throw conflictError(charge.onConflict);

  // Under an Idempotency-Key, once the request is known not to be a replay (a replay takes no number).
  await writesMayStart();
  const day = localDayOf(ctx.now);
  const [number, hourCount] = await Promise.all([
    s.comments.nextNumber(day),
    s.comments.countForConsultation(consultation.id, windowStart, nowSeconds + 2 * 3600),
  ]);
  if (hourCount > COMMENTS_PER_CONSULTATION_PER_HOUR) throw tooMany();

  const id = commentCode(day, number);
  const receivedAt = ctx.now.toISOString();
  const secret = newSecret();
  const state = initialCommentState(s.config.POLICY_PRESET, input.consent.publication);
  const record: CommentRecord = {
    id,
    consultationId: consultation.id,
    unitPath: consultation.unitPath,
    draftVersion: consultation.version,
    ...(article && { article }),
    commenterKind: input.commenter.kind,
    consent: input.consent,
    text: input.text,
    // Redacted once, here, where the commenter's data is in hand: moderation never needs to open it.
    publicText: redactPersonalData(input.text, input.commenter),
    state,
    version: 1,
    receivedAt,
    updatedAt: receivedAt,
    ...(state === 'published' && { publishedAt: receivedAt }),
    moderation: [],
    secretHash: secretHash(secret),
  };
  const sealed = await sealAsker(s.askerKeys, id, input.commenter);
  const detail: EventDetail<'ConsultationCommentReceived'> = {
    id,
    consultationId: consultation.id,
    unitCode: consultation.unitPath[0]!,
    draftVersion: consultation.version,
    article: article?.number ?? null,
    commenterKind: input.commenter.kind,
    publicationConsent: input.consent.publication,
    state,
    receivedAt,
  };
  const work = combine({
    actions: [
      charge,
      s.comments.create(record),
      s.comments.createCommenter({ commentId: id, receivedAt, sealed }),
      ...(state === 'published' ? [s.comments.putPublic(publicCopyOf(record, receivedAt))] : []),
    ],
    audits: [
      auditEntry(
        {
          scope: consultation.unitPath[0]!,
          actor: ANONYMOUS,
          action: 'consultation-comment.receive',
          target: { type: 'ConsultationComment', id },
          before: null,
          after: {
            consultationId: consultation.id,
            article: article?.number ?? null,
            kind: input.commenter.kind,
            state,
          },
          requestId: ctx.requestId,
        },
        ctx.now,
      ),
    ],
    events: [pendingEvent('ConsultationCommentReceived', detail)],
  });
  await s.uow.commit(work, ctx);
  return { code: id, secret, receivedAt, state, ...(article && { article: article.number }) };
}

/** The comment its code and secret name: an unknown code and a wrong secret are the same 404 after the same work. */
async function commentForCommenter(s: Pick<CommentServices, 'comments'>, code: string, secret: string) {
  const record = await s.comments.get(code);
  if (!secretMatches(secret, record?.secretHash) || !record) {
    throw new DomainError('not_found', {
      vi: 'Không có ý kiến với mã và mã bí mật này',
      en: 'No comment with this code and secret',
    });
  }
  return record;
}

/** What the commenter may see with their code and secret: the state, the reason it was hidden, the flag. */
export async function commentStatus(
  s: Pick<CommentServices, 'comments' | 'consultationsForComments'>,
  code: string,
  secret: string,
) {
  const record = await commentForCommenter(s, code, secret);
  const consultation = await s.consultationsForComments.get(record.consultationId);
  const flag = consultation ? commentFlag(record.article, consultation.articles) : undefined;
  return {
    code: record.id,
    consultationId: record.consultationId,
    draftVersion: record.draftVersion,
    ...(record.article && { article: record.article.number }),
    state: record.state,
    receivedAt: record.receivedAt,
    ...(record.publishedAt !== undefined && record.state === 'published' && { publishedAt: record.publishedAt }),
    ...(record.hidden !== undefined && record.state === 'hidden' && { hidden: record.hidden }),
    ...(flag && { flag }),
    ...(record.erasure !== undefined && { erasure: record.erasure }),
  };
}

/**
 * POST /public/consultation-comments/{code}/erasure: the commenter has their personal data destroyed
 * (NĐ 356/2025), at once, as an asker may: the sealed item with its wrapped data key is deleted, and
 * the comment keeps only its redacted text (their own words could name them). The comment stays for
 * the consultation and its summary. A second request answers the first one's instants.
 */
export async function eraseCommenterData(
  s: Pick<CommentServices, 'comments' | 'uow'>,
  ctx: { readonly requestId: string; readonly now: Date },
  code: string,
  secret: string,
) {
  const record = await commentForCommenter(s, code, secret);
  const receipt = (erasure: NonNullable<CommentRecord['erasure']>) => ({
    code: record.id,
    erasureRequestedAt: erasure.requestedAt,
    erasedAt: erasure.erasedAt,
  });
  if (record.erasure) return receipt(record.erasure);
  const at = ctx.now.toISOString();
  const erasure = { requestedAt: at, erasedAt: at };
  const work: Work = {
    actions: [
      s.comments.deleteCommenter(record.id),
      s.comments.erased(record, { erasure, text: record.publicText, updatedAt: at }),
    ],
    audits: [
      auditEntry(
        {
          scope: record.unitPath[0]!,
          actor: ANONYMOUS,
          action: 'consultation-comment.erase-commenter',
          target: { type: 'ConsultationComment', id: record.id },
          before: { commenterData: 'held' },
          after: { commenterData: 'destroyed', erasedAt: at },
          requestId: ctx.requestId,
        },
        ctx.now,
      ),
    ],
  };
  try {
    await s.uow.commit(work, ctx);
  } catch (error) {
    // A concurrent erasure won: answer its instants.
    const now = error instanceof DomainError ? await s.comments.get(record.id) : undefined;
    if (now?.erasure) return receipt(now.erasure);
    throw error;
  }
  return receipt(erasure);
}

/** The public list of a consultation's published comments: the redacted copies, each flagged against the version shown. */
export async function publishedComments(
  s: Pick<CommentServices, 'comments' | 'consultationsForComments'>,
  portal: string,
  consultationId: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
) {
  const consultation = await consultationOf(s, portal, consultationId);
  // Not public while scheduled, as the consultation itself (shared/application/consultation-reads.ts).
  if (consultation.state === 'scheduled') throw noConsultation(consultationId);
  const found = await s.comments.published(consultation.id, page.limit, page.cursor);
  return {
    consultationId: consultation.id,
    draftVersion: consultation.version,
    items: found.items.map((c) => {
      const flag = commentFlag(c.article, consultation.articles);
      return {
        code: c.id,
        draftVersion: c.draftVersion,
        ...(c.article && { article: c.article.number }),
        commenterKind: c.commenterKind,
        text: c.text,
        receivedAt: c.receivedAt,
        publishedAt: c.publishedAt,
        ...(flag && { flag }),
      };
    }),
    ...(found.nextCursor !== undefined && { nextCursor: found.nextCursor }),
  };
}
