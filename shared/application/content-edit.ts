import { auditEntry } from '../domain/audit';
import {
  categoryOf,
  diffSummary,
  type ContentCategoryId,
  type LegalDocument,
  type PeoplesCommitteeApproval,
} from '../domain/content';
// By path, not the barrel: the public read bundle takes the barrel and needs no edit rules.
import { editableFields, editingFor, editRefusal, type EditableField } from '../domain/content/editing';
import { withParticipants } from '../domain/workflow/participants';
import { invalidField } from '../domain/errors';
import type { Contributor } from '../adapters/dynamo/content';
import { pendingEvent } from '../../events/catalogue';
import { itemClockAndDue } from './content-clock';
import { commitContext, type UseCaseContext } from './context';
import { coAuthors, contentParticipants, readable } from './content';
import type { Services } from '../composition/services';
import { checkApproval, checkShares, cleanBody } from './content-create';

/**
 * Editing an item's content (PATCH /content/{id}, issue 8 §1/§5): who may edit in which state comes
 * from the workflow table (`contentEditing`); the body is cleaned like at creation (so this lives in
 * the creation function's bundle, the only one with the sanitiser). The item, its revision (who,
 * when, which fields), the audit entry and a `ContentItemEdited` event commit together, conditioned
 * on the version the client saw (If-Match): of concurrent edits of one version exactly one wins.
 */
export interface ContentEdit {
  readonly title?: string | undefined;
  readonly body?: string | undefined;
  readonly summary?: string | undefined;
  readonly legalDocument?: LegalDocument | undefined;
  readonly attachments?: readonly string[] | undefined;
  readonly contributors?: readonly Contributor[] | undefined;
  readonly eventDate?: string | undefined;
  readonly peoplesCommitteeApproval?: PeoplesCommitteeApproval | undefined;
}

export async function editContentItem(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  edit: ContentEdit,
  expectedVersion: number | undefined,
) {
  const fields = editableFields.filter((f) => edit[f] !== undefined);
  if (fields.length === 0) {
    throw invalidField(
      'body',
      {
        vi: `Cần ít nhất một trường để sửa: ${editableFields.join(', ')}`,
        en: `Give at least one field to edit: ${editableFields.join(', ')}`,
      },
      'empty',
    );
  }
  const record = readable(ctx, id, await s.content.get(id));
  const refusal = editRefusal(record, fields, ctx.principal, expectedVersion, ctx.now);
  if (refusal) throw refusal;
  if (expectedVersion === undefined) {
    throw invalidField(
      'expectedVersion',
      {
        vi: 'Cần gửi If-Match với phiên bản đang sửa, ví dụ "3"',
        en: 'Send If-Match with the version you edit, e.g. "3"',
      },
      'required',
    );
  }

  const changes = checkedChanges(edit, record.category as ContentCategoryId, ctx.now);
  const at = ctx.now.toISOString();
  const actor = { id: ctx.principal.id, kind: ctx.principal.kind };
  const before = Object.fromEntries(fields.map((f) => [f, record[f]]));
  const after = Object.fromEntries(fields.map((f) => [f, changes[f]]));
  const summary = diffSummary(before, after);
  // The text after the edit, kept with its revision when the title or body changed (the console's diff).
  const textChanged = changes.title !== undefined || changes.body !== undefined;
  const version = record.version + 1;
  // The editor, and every co-author the edit names, take part from now on (separation of duties).
  const participants = withParticipants(contentParticipants(record), [
    { id: actor.id, role: 'editor' },
    ...coAuthors((changes.contributors as Contributor[] | undefined) ?? []),
  ]);
  const onBehalfOf = editingFor(record, ctx.principal, ctx.now);
  const set: Record<string, unknown> = {
    ...changes,
    updatedAt: at,
    lastEditedBy: actor.id,
    editors: [...new Set([...(record.editors ?? []), actor.id])],
    participants,
  };
  if (changes.legalDocument !== undefined || changes.eventDate !== undefined) {
    // The clock's event date changed: checked as at creation, and the due instant counted again until publication.
    const facts = {
      category: record.category as ContentCategoryId,
      legalDocument: changes.legalDocument ?? record.legalDocument,
      eventDate: (changes.eventDate as string | undefined) ?? record.eventDate,
      translation: record.translationOf !== undefined,
    };
    const { dueAt } = await itemClockAndDue(s, facts, { now: ctx.now, submitting: false });
    // A new deadline moves the item on the due index (the repository keeps the index key with it).
    if (dueAt !== undefined && dueAt !== record.dueAt && record.publishedAt === undefined) set.dueAt = dueAt;
  }
  const repo = s.content;
  await s.uow.commit(
    {
      actions: [
        repo.update(record, set, [], true),
        repo.revision(id, {
          version,
          at,
          actor: actor.id,
          action: 'edit',
          summary,
          ...(textChanged && {
            text: { title: String(changes.title ?? record.title), body: String(changes.body ?? record.body) },
          }),
        }),
      ],
      audits: [
        auditEntry(
          {
            scope: record.unitCode,
            actor,
            action: 'content.edit',
            target: { type: 'ContentItem', id },
            before: { state: record.state, version: record.version },
            after: {
              state: record.state,
              version,
              ...(typeof onBehalfOf === 'string' && { onBehalfOf }),
              fields: Object.keys(after).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])),
            },
            requestId: ctx.requestId,
          },
          ctx.now,
        ),
      ],
      events: [
        pendingEvent('ContentItemEdited', { id, unitCode: record.unitCode, version, fields: [...fields], actor, at }),
      ],
    },
    commitContext(ctx),
  );
  return { id, state: record.state, version, revision: { version, at, actor: actor.id, action: 'edit', summary } };
}

/** The edited values as they will be stored, each checked as at creation (refusals name their field). */
function checkedChanges(
  edit: ContentEdit,
  category: ContentCategoryId,
  now: Date,
): Partial<Record<EditableField, unknown>> & { legalDocument?: LegalDocument } {
  const changes: Partial<Record<EditableField, unknown>> & { legalDocument?: LegalDocument } = {};
  if (edit.title !== undefined) changes.title = edit.title;
  if (edit.summary !== undefined) changes.summary = edit.summary;
  if (edit.body !== undefined) changes.body = cleanBody(edit.body);
  if (edit.attachments !== undefined) changes.attachments = [...edit.attachments];
  if (edit.contributors !== undefined) {
    if (edit.contributors.length === 0) {
      throw invalidField(
        'contributors',
        { vi: 'Cần ít nhất một người đóng góp', en: 'Give at least one contributor' },
        'empty',
      );
    }
    checkShares(edit.contributors);
    changes.contributors = [...edit.contributors];
  }
  if (edit.eventDate !== undefined) changes.eventDate = edit.eventDate;
  if (edit.peoplesCommitteeApproval !== undefined) {
    checkApproval(category, edit.peoplesCommitteeApproval, now);
    changes.peoplesCommitteeApproval = edit.peoplesCommitteeApproval;
  }
  if (edit.legalDocument !== undefined) {
    if (!categoryOf(category).legalDocument) {
      throw invalidField(
        'legalDocument',
        { vi: 'Chỉ mục văn bản mới có thông tin văn bản', en: 'Only legal documents carry legal-document metadata' },
        'not_allowed',
      );
    }
    changes.legalDocument = edit.legalDocument;
  }
  return changes;
}
