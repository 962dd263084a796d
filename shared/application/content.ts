import { requireAccess } from '../domain/access/authorize';
import { DomainError } from '../domain/errors';
import { effectivePolicy } from '../domain/policies';
import type { ContentWorkflowItem } from '../domain/workflow';
import { ContentRepository, type ContentItemRecord } from '../adapters/dynamo/content';
import { documentClient } from '../adapters/aws-clients';
import { env } from '../config/env';
import type { UseCaseContext } from './context';

/**
 * Content items of a portal (issue 8): created by contributors, reporters and agencies (as a draft,
 * or submitted at once: content-create.ts), read and listed by the unit's staff. Workflow steps:
 * content-transitions.ts.
 */
let repository: ContentRepository | undefined;
export const contentRepository = () => (repository ??= new ContentRepository(documentClient(), env().TABLE_NAME));


/** The item's workflow view: who may not decide on it besides its submitter (separation of duties). */
export function workflowItemOf(record: ContentItemRecord): ContentWorkflowItem {
  const conflicted = [
    ...(record.lastEditedBy ? [{ id: record.lastEditedBy, did: { vi: 'đã biên tập lần cuối', en: 'last edited it' } }] : []),
    // Whoever edited its content (PATCH) stays barred even after someone else proposes it.
    ...(record.editors ?? []).map((id) => ({ id, did: { vi: 'đã sửa nội dung mục này', en: 'edited its content' } })),
    ...(record.emergency ? [{ id: record.emergency.by, did: { vi: 'đã đăng khẩn mục này', en: 'published it in an emergency' } }] : []),
  ];
  return {
    id: record.id,
    state: record.state,
    version: record.version,
    unitPath: record.unitPath,
    openClocks: record.openClocks,
    publishPolicy: record.publishPolicy as ContentWorkflowItem['publishPolicy'],
    ...(record.submittedBy !== undefined && { submittedBy: record.submittedBy }),
    ...(record.assignee !== undefined && { assignee: record.assignee }),
    ...(conflicted.length > 0 && { conflictedParties: conflicted }),
  };
}

export async function readContentItem(ctx: UseCaseContext, id: string) {
  const [record, read] = await Promise.all([contentRepository().get(id), contentRepository().revisions(id)]);
  if (!record) throw notFound(id);
  requireAccess(ctx.principal, 'content.read', record.unitPath, ctx.now);
  // The two reads run side by side: a step committed between them shows in the item but not yet in
  // the revisions read first. Its revision committed with it, so reading them again finds it.
  const revisions = (read.at(-1)?.version ?? 0) < record.version ? await contentRepository().revisions(id) : read;
  return { ...record, revisions };
}

/** One revision of an item, with the title and body kept with it (create and edits of the text), for a diff. */
export async function readContentRevision(ctx: UseCaseContext, id: string, version: number) {
  const [record, revision] = await Promise.all([contentRepository().get(id), contentRepository().revisionOf(id, version)]);
  if (!record) throw notFound(id);
  requireAccess(ctx.principal, 'content.read', record.unitPath, ctx.now);
  if (!revision) throw new DomainError('not_found', { vi: `Tin, bài ${id} không có phiên bản ${version}`, en: `Item ${id} has no version ${version}` });
  const { text, ...rest } = revision;
  return { ...rest, ...(text !== undefined && { title: text.title, body: text.body }) };
}

export const notFound = (id: string) => new DomainError('not_found', { vi: `Không có tin, bài ${id}`, en: `No content item ${id}` });

export const policy = () => effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES);

