import { randomUUID } from 'node:crypto';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry, type AuditEntry } from '../domain/audit';
import { citationLine, diffSummary } from '../domain/content';
import { DomainError } from '../domain/errors';
import type { ContentState } from '../domain/workflow/tables/content';
import type { ContentItemRecord, SyndicationSource } from '../adapters/dynamo/content';
import { actionCount, type Work } from '../adapters/dynamo/unit-of-work';
import { pendingEvent, type EventDetail } from '../../events/catalogue';
import { readable } from './content';
import { rendition } from './content-transitions';
import { searchIndexWrites } from './legal-search';
import type { Services } from '../composition/services';
import { commitContext, type UseCaseContext } from './context';

/**
 * Syndication (issue 8 §6): a sub-portal's board proposes one of its published items to the
 * provincial portal, where a linked copy enters the intake queue (submitted) and is moderated like
 * any other item. The source's later publications and its withdrawal reach the copy as events
 * (`followSyndicatedSource`, run by the `followSyndication` consumer).
 */
const ONLINE: ReadonlySet<ContentState> = new Set(['published', 'emergency-published']);
/** Copies the source's new content may still replace: nobody has decided on them yet. */
const FOLLOWS_CONTENT: ReadonlySet<ContentState> = new Set(['draft', 'submitted', 'returned', 'editing']);
const ENDED: ReadonlySet<ContentState> = new Set(['withdrawn', 'archived', 'rejected', 'recalled']);
/** The content a copy takes over from its source. */
const COPIED = ['title', 'body', 'summary', 'legalDocument', 'attachments'] as const;

export async function proposeSyndication(s: Services, ctx: UseCaseContext, id: string, note?: string) {
  const source = readable(ctx, id, await s.content.get(id));
  requireAccess(ctx.principal, 'content.syndicate', source.unitPath, ctx.now);
  const province = source.unitPath[source.unitPath.length - 1]!;
  if (source.unitPath.length < 2 || source.syndicatedFrom) {
    const message = {
      vi: `Tin, bài ${id} đã thuộc Cổng tỉnh`,
      en: `Content item ${id} is in the provincial portal already`,
    };
    throw new DomainError('conflict', message, [{ field: 'unitCode', code: 'provincial_portal', message }]);
  }
  if (!ONLINE.has(source.state)) {
    const message = {
      vi: `Chỉ đề xuất được tin, bài đã đăng; ${id} đang ở trạng thái "${source.state}"`,
      en: `Only published items can be proposed; ${id} is "${source.state}"`,
    };
    throw new DomainError('conflict', message, [{ field: 'state', code: 'not_published', message }]);
  }
  const target = await s.units.get(province);
  if (!target?.languages.includes(source.language)) {
    const message = {
      vi: `Cổng tỉnh không có ngôn ngữ "${source.language}"`,
      en: `The provincial portal has no "${source.language}" version`,
    };
    throw new DomainError('conflict', message, [{ field: 'language', code: 'unsupported_language', message }]);
  }
  const at = ctx.now.toISOString();
  const actor = { id: ctx.principal.id, kind: ctx.principal.kind };
  const syndicatedFrom: SyndicationSource = { portal: source.unitCode, id, version: source.version };
  const copy: ContentItemRecord = {
    id: randomUUID(),
    unitCode: province,
    unitPath: [province],
    category: source.category,
    language: source.language,
    title: source.title,
    ...(source.summary !== undefined && { summary: source.summary }),
    body: source.body,
    ...(source.legalDocument !== undefined && { legalDocument: source.legalDocument }),
    attachments: source.attachments,
    // Royalties go to the people who wrote it, as frozen at the source's publication.
    contributors: source.attribution?.contributors ?? source.contributors,
    state: 'submitted',
    version: 1,
    openClocks: [],
    publishPolicy: source.publishPolicy,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    // The proposer is the copy's submitter: they may never approve it in the provincial portal.
    submittedBy: actor.id,
    participants: [
      { id: actor.id, role: 'creator' },
      { id: actor.id, role: 'submitter' },
    ],
    syndicatedFrom,
    ...(note !== undefined && { syndicationNote: note }),
  };
  const repo = s.content;
  const audit = (scope: string, targetId: string): AuditEntry =>
    auditEntry(
      {
        scope,
        actor,
        action: 'content.syndicate',
        target: { type: 'ContentItem', id: targetId },
        before: null,
        after: { copy: copy.id, portal: province, syndicatedFrom },
        requestId: ctx.requestId,
      },
      ctx.now,
    );
  await s.uow.commit(
    {
      actions: [
        s.content.unchangedSince(source),
        s.content.syndicationLink(source.id, province, copy.id),
        repo.create(copy),
        repo.revision(copy.id, {
          version: 1,
          at,
          actor: actor.id,
          action: 'syndicate',
          summary: diffSummary(undefined, { ...copy }),
        }),
      ],
      audits: [audit(province, copy.id), audit(source.unitCode, source.id)],
      events: [pendingEvent('ContentSyndicated', { id: copy.id, unitCode: province, syndicatedFrom, actor, at })],
    },
    commitContext(ctx),
  );
  return { id: copy.id, unitCode: province, state: copy.state, version: copy.version, syndicatedFrom };
}

const SYSTEM = { id: 'syndication', kind: 'machine' as const };

/**
 * What a copy does when its source took a workflow step (a `WorkflowTransitioned` event): a new
 * published version replaces the content of a copy nobody has decided on yet, and is flagged on one
 * already decided; a withdrawal withdraws an online copy with the source's public note, and flags
 * one not yet online (it can no longer be published). Idempotent: a copy already at the event's
 * version, or already following the withdrawal, is left as it is.
 */
/** The copies' changes for a source's step; `null` when there is nothing to do (no copy, or none to change), so nothing is written. */
export async function followSyndicatedSource(
  s: Services,
  event: EventDetail<'WorkflowTransitioned'>,
  requestId: string,
): Promise<Work | null> {
  const published = event.to === 'published';
  const withdrawn = event.action === 'withdraw';
  // The routing rule sends only these (events/rules.ts); a redelivered or replayed other step is still ignored.
  if (event.type !== 'ContentItem' || (!published && !withdrawn)) return null;
  const links = await s.content.syndicatedCopiesOf(event.id);
  if (links.length === 0) return null;
  const [source, ...copies] = await Promise.all([
    s.content.get(event.id),
    ...links.map((copyId) => s.content.get(copyId)),
  ]);
  const works = await Promise.all(
    copies.map((copy) =>
      !copy || !source || ENDED.has(copy.state)
        ? {}
        : withdrawn
          ? followWithdrawal(s, copy, source, requestId)
          : followPublication(s, copy, source, requestId),
    ),
  );
  const work = {
    actions: works.flatMap((w) => w.actions ?? []),
    audits: works.flatMap((w) => w.audits ?? []),
    events: works.flatMap((w) => w.events ?? []),
  };
  return actionCount(work) === 0 ? null : work;
}

function followPublication(s: Services, copy: ContentItemRecord, source: ContentItemRecord, requestId: string): Work {
  const from = copy.syndicatedFrom!;
  if (!ONLINE.has(source.state) || source.version <= from.version) return {};
  const at = new Date().toISOString();
  const syndicatedFrom = { ...from, version: source.version };
  if (FOLLOWS_CONTENT.has(copy.state)) {
    const content = Object.fromEntries(COPIED.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
    const before = Object.fromEntries(COPIED.map((f) => [f, copy[f]]));
    return changed(
      s,
      requestId,
      copy,
      { ...content, syndicatedFrom, updatedAt: at },
      'updated',
      diffSummary(before, content),
    );
  }
  const flag = { at, version: source.version };
  return changed(s, requestId, copy, { syndicatedFrom, sourceChanged: flag, updatedAt: at }, 'flagged-update', {
    vi: `Bản gốc có phiên bản mới (${source.version}); Ban Biên tập xem xét`,
    en: `The source has a new version (${source.version}); for the board to review`,
  });
}

/**
 * As for a publication, the source is read again rather than the event trusted: only a source that
 * is withdrawn now (or archived after its withdrawal) takes its copies down, with its own public note.
 */
async function followWithdrawal(
  s: Services,
  copy: ContentItemRecord,
  source: ContentItemRecord,
  requestId: string,
): Promise<Work> {
  if (
    copy.sourceWithdrawn ||
    source.withdrawnAt === undefined ||
    (source.state !== 'withdrawn' && source.state !== 'archived')
  )
    return {};
  const at = new Date().toISOString();
  const sourceWithdrawn = {
    at,
    version: source.version,
    ...(source.publicNote !== undefined && { publicNote: source.publicNote }),
  };
  if (!ONLINE.has(copy.state)) {
    return changed(s, requestId, copy, { sourceWithdrawn, updatedAt: at }, 'flagged-withdrawal', {
      vi: 'Bản gốc đã bị gỡ; bản này không được đăng',
      en: 'The source was withdrawn; this copy will not be published',
    });
  }
  // Online: the copy goes offline with the source's public note, as the source did.
  const publicNote = source.publicNote ?? 'Bản gốc đã được gỡ khỏi Cổng thông tin của đơn vị cung cấp';
  const after: ContentItemRecord = { ...copy, state: 'withdrawn', publicNote, withdrawnAt: at, updatedAt: at };
  const portal = await s.units.get(copy.unitCode);
  const index = searchIndexWrites(s, after, false);
  const work = changed(
    s,
    requestId,
    copy,
    { state: 'withdrawn', publicNote, withdrawnAt: at, sourceWithdrawn, updatedAt: at },
    'withdrawn',
    diffSummary({ state: copy.state }, { state: 'withdrawn' }),
    index.stored === null && copy.searchIndex !== undefined ? ['searchIndex'] : [],
  );
  return {
    ...work,
    actions: [
      ...work.actions!,
      s.content.putPublic(rendition(after, portal ? citationLine(portal, after.language, s.config.POLICY_PRESET) : '')),
      ...index.actions,
    ],
  };
}

/** The copy's conditional update, its revision, audit entry and `SyndicatedCopyFollowed` event. */
function changed(
  s: Services,
  requestId: string,
  copy: ContentItemRecord,
  set: Record<string, unknown>,
  change: EventDetail<'SyndicatedCopyFollowed'>['change'],
  summary: { vi: string; en: string },
  remove: readonly string[] = [],
): Work {
  const at = set.updatedAt as string;
  const version = copy.version + 1;
  const syndicatedFrom = (set.syndicatedFrom as SyndicationSource | undefined) ?? copy.syndicatedFrom!;
  const repo = s.content;
  return {
    actions: [
      repo.update(copy, set, remove, false),
      repo.revision(copy.id, { version, at, actor: SYSTEM.id, action: `source-${change}`, summary }),
    ],
    audits: [
      auditEntry(
        {
          scope: copy.unitCode,
          actor: SYSTEM,
          action: 'content.follow-source',
          target: { type: 'ContentItem', id: copy.id },
          before: { state: copy.state, version: copy.version },
          after: { state: (set.state as string | undefined) ?? copy.state, version, change, syndicatedFrom },
          requestId,
        },
        new Date(at),
      ),
    ],
    events: [
      pendingEvent('SyndicatedCopyFollowed', {
        id: copy.id,
        unitCode: copy.unitCode,
        version,
        syndicatedFrom,
        change,
        at,
      }),
    ],
  };
}
