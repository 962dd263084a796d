import { DomainError } from '../domain/errors';
import { auditEntry } from '../domain/audit';
import { can } from '../domain/access/authorize';
import { commentFlag, moderationTarget, type ModerationAction } from '../domain/participation/comment';
import { pendingEvent } from '../../events/catalogue';
import type { Work } from '../adapters/dynamo/unit-of-work';
import { publicCopyOf } from '../adapters/dynamo/consultation-comments';
import { noConsultation, type CommentServices } from './consultation-comments';
import type { UseCaseContext } from './context';

/**
 * The board's side of consultation comments (issue 28 #3): the moderation list and the moderation
 * step, within the rule table's scope (`consultation.moderate`). Never the commenter's data: the
 * published text was redacted when the comment was received (shared/application/consultation-comments.ts).
 */
const noComment = (id: string) => new DomainError('not_found', { vi: `Không có ý kiến ${id}`, en: `No comment ${id}` });

/** The board's list of a consultation's comments, a page at a time, with their texts, never the commenter. */
export async function commentsForModeration(
  s: Pick<CommentServices, 'comments' | 'consultationsForComments'>,
  ctx: UseCaseContext,
  consultationId: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
) {
  const consultation = await s.consultationsForComments.get(consultationId);
  if (!consultation || !can(ctx.principal, 'consultation.moderate', consultation.unitPath, ctx.now))
    throw noConsultation(consultationId);
  const found = await s.comments.ofConsultation(consultation.id, page.limit, page.cursor);
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
        publicationConsent: c.consent.publication,
        text: c.text,
        publicText: c.publicText,
        state: c.state,
        version: c.version,
        receivedAt: c.receivedAt,
        ...(c.hidden && { hidden: c.hidden }),
        ...(flag && { flag }),
      };
    }),
    ...(found.nextCursor !== undefined && { nextCursor: found.nextCursor }),
  };
}

/**
 * POST /consultation-comments/{code}/moderation: the board publishes or hides (with a reason) a
 * comment of a consultation in its scope. Never deleted: hiding takes the public copy away and keeps
 * the comment with the reason; each step is kept in its history and audited. Of concurrent steps on
 * one comment, one wins (the version read guards the write); the others are a 409.
 */
export async function moderateComment(
  s: Pick<CommentServices, 'comments' | 'uow'>,
  ctx: UseCaseContext,
  id: string,
  input: { readonly action: ModerationAction; readonly reason?: string | undefined },
) {
  const record = await s.comments.get(id);
  // Another unit's moderator learns nothing of the comment.
  if (!record || !can(ctx.principal, 'consultation.moderate', record.unitPath, ctx.now)) throw noComment(id);
  const to = moderationTarget(record.state, input.action, input.reason, record.consent.publication);
  const at = ctx.now.toISOString();
  const reason = input.action === 'hide' ? input.reason!.trim() : undefined;
  const step = {
    action: input.action,
    from: record.state,
    to,
    by: ctx.principal.id,
    at,
    ...(reason !== undefined && { reason }),
  };
  const set: Record<string, unknown> = {
    state: to,
    updatedAt: at,
    moderation: [...record.moderation, step],
    ...(to === 'published' && { publishedAt: at }),
    ...(to === 'hidden' && { hidden: { reason, at } }),
  };
  const remove = to === 'published' && record.hidden ? ['hidden'] : [];
  const work: Work = {
    actions: [
      s.comments.moderated(record, set, remove),
      ...(to === 'published' ? [s.comments.putPublic(publicCopyOf(record, at))] : []),
      ...(record.state === 'published' ? [s.comments.deletePublic(record.id)] : []),
    ],
    audits: [
      auditEntry(
        {
          scope: record.unitPath[0]!,
          actor: { id: ctx.principal.id, kind: ctx.principal.kind },
          action: 'consultation-comment.moderate',
          target: { type: 'ConsultationComment', id: record.id },
          before: { state: record.state, version: record.version },
          after: { state: to, version: record.version + 1, ...(reason !== undefined && { reason }) },
          requestId: ctx.requestId,
        },
        ctx.now,
      ),
    ],
    events: [
      pendingEvent('ConsultationCommentModerated', {
        id: record.id,
        consultationId: record.consultationId,
        unitCode: record.unitPath[0]!,
        action: input.action,
        from: record.state,
        to,
        version: record.version + 1,
        actor: { id: ctx.principal.id, kind: ctx.principal.kind },
        at,
      }),
    ],
  };
  await s.uow.commit(work, ctx);
  return {
    code: record.id,
    state: to,
    version: record.version + 1,
    ...(to === 'published' && { publishedAt: at }),
    ...(reason !== undefined && { reason }),
  };
}
