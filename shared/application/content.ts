import { can } from '../domain/access/authorize';
import { DomainError, invalidField } from '../domain/errors';
import type { ContentWorkflowItem } from '../domain/workflow';
import { withParticipants, type Participant } from '../domain/workflow/participants';
import { type ContentItemRecord, type Contributor } from '../adapters/dynamo/content';
import type { UseCaseContext } from './context';
import type { Services } from '../composition/services';
import { deploymentPolicy } from './deployment-policy';

/*
 * Content items of a portal (issue 8): created by contributors, reporters and agencies (as a draft,
 * or submitted at once: content-create.ts), read and listed by the unit's staff. Workflow steps:
 * content-transitions.ts.
 */

/**
 * Everyone who took part in an item (shared/domain/workflow/participants.ts): the set stored on it,
 * with what its own fields say for items stored before the set existed (and the co-authors named
 * now, who are barred as soon as they are named).
 */
export function contentParticipants(record: ContentItemRecord): Participant[] {
  const editors = record.editors ?? [];
  const legacyProposer =
    record.lastEditedBy !== undefined &&
    record.lastEditedBy !== record.createdBy &&
    !editors.includes(record.lastEditedBy);
  return withParticipants(record.participants, [
    { id: record.createdBy, role: 'creator' },
    ...(record.submittedBy !== undefined ? [{ id: record.submittedBy, role: 'submitter' as const }] : []),
    ...editors.map((id) => ({ id, role: 'editor' as const })),
    ...(legacyProposer ? [{ id: record.lastEditedBy!, role: 'proposer' as const }] : []),
    ...coAuthors(record.contributors),
    ...(record.emergency ? [{ id: record.emergency.by, role: 'emergency-publisher' as const }] : []),
  ]);
}

/** Co-authors with an account (QN 12.2 royalty attribution): participants as soon as they are named. */
export const coAuthors = (contributors: readonly Contributor[]): Participant[] =>
  contributors.flatMap((c) => (c.accountId ? [{ id: c.accountId, role: 'contributor' as const }] : []));

/** The item's workflow view: its author (the creator) and everyone who took part. */
export function workflowItemOf(record: ContentItemRecord): ContentWorkflowItem {
  return {
    id: record.id,
    state: record.state,
    version: record.version,
    unitPath: record.unitPath,
    openClocks: record.openClocks,
    publishPolicy: record.publishPolicy as ContentWorkflowItem['publishPolicy'],
    author: record.createdBy,
    participants: contentParticipants(record),
    ...(record.submittedBy !== undefined && { submittedBy: record.submittedBy }),
    ...(record.assignee !== undefined && { assignee: record.assignee }),
  };
}

export async function readContentItem(s: Pick<Services, 'content'>, ctx: UseCaseContext, id: string) {
  const [stored, read] = await Promise.all([s.content.get(id), s.content.revisions(id)]);
  const record = readable(ctx, id, stored);
  // The two reads run side by side: a step committed between them shows in the item but not yet in
  // the revisions read first. Its revision committed with it, so reading them again finds it.
  const revisions = (read.at(-1)?.version ?? 0) < record.version ? await s.content.revisions(id) : read;
  return { ...record, revisions };
}

/**
 * The item, if the caller may read it: one they may not see is answered as one that does not
 * exist (404), so ids reveal nothing (as questions and incidents do).
 */
export function readable(ctx: UseCaseContext, id: string, record: ContentItemRecord | undefined): ContentItemRecord {
  if (!record || !can(ctx.principal, 'content.read', record.unitPath, ctx.now)) throw notFound(id);
  return record;
}

/** The title and body kept with one revision of an item (creation, edits of the text), for a diff; none when it kept none. */
export async function readRevisionText(s: Pick<Services, 'content'>, ctx: UseCaseContext, id: string, version: number) {
  const [record, revision] = await Promise.all([s.content.get(id), s.content.revisionOf(id, version)]);
  readable(ctx, id, record);
  if (!revision)
    throw invalidField(
      'revisions',
      { vi: `Tin, bài ${id} không có phiên bản ${version}`, en: `Item ${id} has no version ${version}` },
      'not_found',
    );
  return { version, ...(revision.text && { title: revision.text.title, body: revision.text.body }) };
}

export const notFound = (id: string) =>
  new DomainError('not_found', { vi: `Không có tin, bài ${id}`, en: `No content item ${id}` });

/** The deadline policy of this deployment (its root's configuration). */
export const policy = (s: Pick<Services, 'config'>) => deploymentPolicy(s.config);
