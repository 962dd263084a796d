import * as z from 'zod/mini';
import { contentCategoryIds } from '../../shared/domain/content/categories';
import { civilDateSchema, legalDocumentSchema } from '../../shared/domain/content/legal-document';
import { peoplesCommitteeApprovalSchema } from '../../shared/domain/content/approval';
import { bilingual, humanText, isCleanCharacters } from '../../shared/domain/text';
import { recordId } from '../../shared/api/common-schemas';

/**
 * The schemas of the routes that take rich text (create and edit), apart from the rest of the
 * area's (./schemas.ts re-exports them): their function carries the HTML sanitiser, and its bundle
 * should hold nothing else it does not serve.
 */
export const languages = ['vi', 'en', 'zh'] as const;
export const uuid = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: bilingual('Mã không hợp lệ', 'Invalid id'),
  }),
);
/** Upload ids (POST /uploads): letters, digits and dashes. */
export const uploadId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: bilingual('Mã tệp tải lên không hợp lệ', 'Invalid upload id') }));

export const contentIdParam = z.object({ id: uuid });

export const newContentBody = z.object({
  category: z.enum(contentCategoryIds),
  language: z.enum(languages),
  title: humanText(300, 2),
  body: z.string().check(
    z.minLength(1),
    z.maxLength(200_000),
    z.refine(isCleanCharacters, {
      error: bilingual(
        'Nội dung không được chứa ký tự điều khiển hoặc ký tự Unicode hỏng',
        'The body must not hold control characters or broken Unicode (lone surrogates)',
      ),
    }),
    z.describe('HTML; cleaned against an allow-list on input'),
  ),
  summary: z.optional(humanText(1000, 2)),
  legalDocument: z.optional(legalDocumentSchema),
  attachments: z.optional(
    z.array(uploadId).check(
      z.maxLength(20),
      z.refine((ids) => new Set(ids).size === ids.length, {
        error: bilingual('Tệp đính kèm bị lặp', 'An attachment is listed twice'),
      }),
    ),
  ),
  contributors: z.optional(
    z
      .array(
        z.object({
          name: humanText(120, 2),
          accountId: z.optional(recordId),
          share: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
        }),
      )
      .check(z.maxLength(20)),
  ),
  submit: z.optional(z.boolean()),
  translationOf: z
    .optional(uuid)
    .check(
      z.describe('The item this one translates (same portal, another language); each version keeps its own state'),
    ),
  eventDate: z
    .optional(civilDateSchema)
    .check(
      z.describe(
        'YYYY-MM-DD: the date of the event the publication clock counts from, where the preset names one the item does not otherwise carry (an announcement, a plan’s approval, the head’s decision to publish: GET /policies/current `countsFrom`). Required then, refused otherwise; not in the future, not before the issue date',
      ),
    ),
  peoplesCommitteeApproval: z
    .optional(peoplesCommitteeApprovalSchema)
    .check(
      z.describe(
        'Advertising: the provincial People’s Committee’s approval (number/symbol, date, signed file), required before publication where the preset says so (BĐ 7.1)',
      ),
    ),
});

/** PATCH /content/{id}: any of the content fields (at least one; the use case says which are missing). */
export const editContentBody = z.partial(
  z.pick(newContentBody, {
    title: true,
    body: true,
    summary: true,
    legalDocument: true,
    attachments: true,
    contributors: true,
    eventDate: true,
    peoplesCommitteeApproval: true,
  }),
);

export const createdSchema = z.object({ id: z.string(), state: z.string(), version: z.number() });
export const revisionSchema = z.object({
  version: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  summary: z.object({ vi: z.string(), en: z.string() }),
  textKept: z.optional(
    z
      .literal(true)
      .check(z.describe('The title and body after this revision were kept: GET /content/{id}?revisions={version}')),
  ),
});
export const editedSchema = z.object({
  id: z.string(),
  state: z.string(),
  version: z.number(),
  revision: revisionSchema,
});
