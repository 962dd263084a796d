import { randomUUID } from 'node:crypto';
import { requireAccess } from '../domain/access/authorize';
import {
  approvalDateRefusal,
  categoryOf,
  diffSummary,
  localDateOf,
  type ContentCategoryId,
  type LegalDocument,
  type PeoplesCommitteeApproval,
} from '../domain/content';
import { cleanRichText, visibleText } from '../domain/content/rich-text';
import { DomainError, invalidField } from '../domain/errors';
// The table and the engine by path, not the barrel: the barrel also loads the Q&A table into content bundles.
import { decide, decideCreation } from '../domain/workflow/engine';
import { contentWorkflow, type ContentState } from '../domain/workflow/tables/content';
import type { ContentItemRecord, Contributor } from '../adapters/dynamo/content';
import { contentChanges } from './content-steps';
import { itemClockAndDue } from './content-clock';
import { commitContext, type UseCaseContext } from './context';
import { contentParticipants, workflowItemOf } from './content';
import type { Services } from '../composition/services';
import type { Unit } from '../domain/units/unit';

/**
 * Creating a content item (issue 8): the only use case that cleans rich text, kept apart so that
 * the functions for reads and workflow steps do not carry the HTML sanitiser.
 */
export interface NewContentItem {
  readonly category: ContentCategoryId;
  readonly language: string;
  readonly title: string;
  readonly body: string;
  readonly summary?: string | undefined;
  readonly legalDocument?: LegalDocument | undefined;
  readonly attachments?: readonly string[] | undefined;
  readonly contributors?: readonly Contributor[] | undefined;
  readonly submit?: boolean | undefined;
  readonly translationOf?: string | undefined;
  /** The date of the event the category's clock counts from, where the preset names one the item does not carry otherwise. */
  readonly eventDate?: string | undefined;
  /** Advertising: the provincial People's Committee's approval (BĐ 7.1). */
  readonly peoplesCommitteeApproval?: PeoplesCommitteeApproval | undefined;
}

/** Checks that depend on more than one field; each refusal names its field. */
function checkNewItem(input: NewContentItem, languages: readonly string[], now: Date): { body: string } {
  const category = categoryOf(input.category);
  checkApproval(input.category, input.peoplesCommitteeApproval, now);
  if (category.legalDocument && !input.legalDocument) {
    throw invalidField(
      'legalDocument',
      {
        vi: 'Văn bản phải có thông tin văn bản (hình thức, số ký hiệu…)',
        en: 'A legal document needs its metadata (form, number/symbol…)',
      },
      'required',
    );
  }
  if (!category.legalDocument && input.legalDocument) {
    throw invalidField(
      'legalDocument',
      { vi: 'Chỉ mục văn bản mới có thông tin văn bản', en: 'Only legal documents carry legal-document metadata' },
      'not_allowed',
    );
  }
  if (!languages.includes(input.language)) {
    throw invalidField(
      'language',
      { vi: `Cổng này không có ngôn ngữ "${input.language}"`, en: `This portal has no "${input.language}" version` },
      'unsupported_language',
    );
  }
  const body = cleanBody(input.body);
  checkShares(input.contributors);
  return { body };
}

/**
 * The cleaned body's bound, in UTF-8 bytes: cleaning can lengthen it (each `&` becomes `&amp;`), and
 * the item that stores it must stay within DynamoDB's 400 KB with its other attributes.
 */
const MAX_CLEAN_BODY_BYTES = 300_000;

/** Rich text cleaned against the allow-list; refused (naming `body`) if nothing visible is left, or if it grew too long. */
export function cleanBody(html: string): string {
  const body = cleanRichText(html);
  if (visibleText(body) === '') {
    throw invalidField(
      'body',
      { vi: 'Nội dung trống sau khi làm sạch HTML', en: 'The body is empty once its HTML is cleaned' },
      'empty',
    );
  }
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_CLEAN_BODY_BYTES) {
    const kb = Math.ceil(bytes / 1000);
    throw invalidField(
      'body',
      {
        vi: `Nội dung sau khi làm sạch HTML quá dài (${kb} KB, tối đa 300 KB)`,
        en: `The body is too long once its HTML is cleaned (${kb} KB; at most 300 KB)`,
      },
      'too_long',
    );
  }
  return body;
}

/** Only advertising carries the People's Committee's approval (BĐ 7.1), dated no later than today. */
export function checkApproval(
  category: ContentCategoryId,
  approval: PeoplesCommitteeApproval | undefined,
  now: Date,
): void {
  if (approval === undefined) return;
  if (!categoryOf(category).advertising) {
    throw invalidField(
      'peoplesCommitteeApproval',
      {
        vi: 'Chỉ quảng cáo mới cần văn bản chấp thuận của Ủy ban nhân dân tỉnh',
        en: 'Only advertising carries the People’s Committee’s approval',
      },
      'not_allowed',
    );
  }
  const refusal = approvalDateRefusal(approval, localDateOf(now));
  if (refusal) throw refusal;
}

export function checkShares(contributors: readonly Contributor[] | undefined): void {
  const shares = (contributors ?? []).reduce((sum, c) => sum + c.share, 0);
  if (shares > 100)
    throw invalidField(
      'contributors',
      { vi: 'Tổng tỷ lệ nhuận bút vượt 100%', en: 'Contributor shares exceed 100%' },
      'shares',
    );
}

export async function createContentItem(
  s: Services,
  ctx: UseCaseContext,
  unitCode: string,
  input: NewContentItem,
  /** The unit's read, if the caller started it already (read ahead with the caller's: issue 22). */
  unitRead: Promise<Unit | undefined> = s.units.get(unitCode),
): Promise<{ id: string; state: ContentState; version: number }> {
  const unit = await unitRead;
  if (!unit) throw new DomainError('not_found', { vi: `Không có đơn vị ${unitCode}`, en: `No unit ${unitCode}` });
  const unitPath = [unit.code, ...(unit.ancestorCodes ?? (await s.units.scopeOf(unitCode)).slice(1))];
  requireAccess(ctx.principal, 'content.submit', unitPath, ctx.now);
  const { body } = checkNewItem(input, unit.languages, ctx.now);
  const source =
    input.translationOf !== undefined
      ? await checkTranslation(s, input.translationOf, unit.code, input.language)
      : undefined;
  const knownTranslations = source?.versions ?? 0;
  const at = ctx.now.toISOString();
  const facts = {
    category: input.category,
    legalDocument: input.legalDocument,
    eventDate: input.eventDate,
    translation: input.translationOf !== undefined,
  };
  const { clock, dueAt } = await itemClockAndDue(s, facts, {
    now: ctx.now,
    submitting: input.submit === true,
    sourcePublishedAt: source?.publishedAt,
  });
  let draft: ContentItemRecord = {
    id: randomUUID(),
    unitCode: unit.code,
    unitPath,
    category: input.category,
    language: input.language,
    title: input.title,
    ...(input.summary !== undefined && { summary: input.summary }),
    body,
    ...(input.legalDocument !== undefined && { legalDocument: input.legalDocument }),
    ...(input.eventDate !== undefined && { eventDate: input.eventDate }),
    ...(input.peoplesCommitteeApproval !== undefined && { peoplesCommitteeApproval: input.peoplesCommitteeApproval }),
    attachments: [...(input.attachments ?? [])],
    contributors: input.contributors?.length
      ? [...input.contributors]
      : [{ name: ctx.principal.id, accountId: ctx.principal.id, share: 100 }],
    state: contentWorkflow.initial,
    version: 1,
    openClocks: [],
    publishPolicy: clock.rule,
    createdBy: ctx.principal.id,
    createdAt: at,
    updatedAt: at,
    lastEditedBy: ctx.principal.id,
    participants: [],
    ...(dueAt !== undefined && { dueAt }),
    ...(input.translationOf !== undefined && { translationOf: input.translationOf }),
  };
  draft = { ...draft, participants: contentParticipants(draft) };
  const actor = { id: ctx.principal.id, kind: ctx.principal.kind };
  const repo = s.content;
  // The table's initial step: its audit entry and event; its one effect, the first revision, keeps the text.
  const creation = decideCreation(contentWorkflow, 'create', workflowItemOf(draft), ctx, {
    after: { category: draft.category, title: draft.title },
  });
  const detail = {
    id: draft.id,
    unitCode: unit.code,
    category: draft.category,
    language: draft.language,
    version: 1 as const,
    actor,
    at,
  };
  const revision = repo.revision(draft.id, {
    version: 1,
    at,
    actor: actor.id,
    action: 'create',
    summary: diffSummary(undefined, { ...draft }),
    text: { title: draft.title, body: draft.body },
  });
  let record = draft;
  const steps = [];
  if (input.submit) {
    // Submitted in the same transaction as created: the `submit` row on the new draft, written with it.
    const decision = decide(contentWorkflow, workflowItemOf(draft), 'submit', {}, ctx);
    if (!decision.ok) throw decision.error;
    const plan = decision.value;
    record = {
      ...draft,
      state: plan.next.state,
      version: plan.nextVersion,
      submittedBy: plan.next.submittedBy!,
      participants: plan.next.participants,
    };
    steps.push({
      plan,
      changes: await contentChanges(contentWorkflow.transitions.submit.effects ?? [], {
        s,
        ctx,
        record: draft,
        request: { action: 'submit' },
        plan,
        due: {},
      }),
    });
  }
  const link =
    input.translationOf !== undefined
      ? [repo.linkTranslation(input.translationOf, { language: record.language, id: record.id }, knownTranslations)]
      : [];
  const work = repo.createWrites(record, { plan: creation, detail, writes: [revision, ...link] }, steps);
  await s.uow.commit(work, commitContext(ctx));
  return { id: record.id, state: record.state, version: record.version };
}

/**
 * A language version translates an item of the same portal, in another language it has no version
 * in yet. Returns how many versions the source has, which the link is conditioned on.
 */
async function checkTranslation(
  s: Pick<Services, 'content'>,
  sourceId: string,
  unitCode: string,
  language: string,
): Promise<{ versions: number; publishedAt?: string | undefined }> {
  const source = await s.content.get(sourceId);
  const refuse = (vi: string, en: string, code: string) => invalidField('translationOf', { vi, en }, code);
  if (!source || source.unitCode !== unitCode)
    throw refuse(`Cổng này không có tin, bài ${sourceId}`, `This portal has no item ${sourceId}`, 'not_found');
  const taken = [source.language, ...(source.translations ?? []).map((t) => t.language)];
  if (taken.includes(language))
    throw refuse(
      `Đã có bản ngôn ngữ "${language}" của ${sourceId}`,
      `Item ${sourceId} has a "${language}" version already`,
      'language_taken',
    );
  return { versions: taken.length - 1, publishedAt: source.publishedAt };
}
