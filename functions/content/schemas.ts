import * as z from 'zod/mini';
import { contentCategoryIds } from '../../shared/domain/content/categories';
import { effectivenessStatuses, legalDocumentSchema } from '../../shared/domain/content/legal-document';
import { contentStates, contentWorkflow, type ContentAction } from '../../shared/domain/workflow/tables/content';
import { bilingual, humanText } from '../../shared/domain/text';
import { decimalInteger, pageQuery, recordId } from '../../shared/api/common-schemas';
import { unitCodeSchema } from '../../shared/domain/units/unit';

/** Request and response schemas of content items (issue 8), written with zod/mini. */
const languages = ['vi', 'en', 'zh'] as const;
const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: bilingual('Mã không hợp lệ', 'Invalid id') }));
/** Upload ids (POST /uploads): letters, digits and dashes. */
const uploadId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: bilingual('Mã tệp tải lên không hợp lệ', 'Invalid upload id') }));

export const contentIdParam = z.object({ id: uuid });
export const portalParams = z.object({ portal: unitCodeSchema });
export const publicItemParams = z.object({ portal: unitCodeSchema, id: uuid });

export const newContentBody = z.object({
  category: z.enum(contentCategoryIds),
  language: z.enum(languages),
  title: humanText(300, 2),
  body: z.string().check(z.minLength(1), z.maxLength(200_000), z.describe('HTML; cleaned against an allow-list on input')),
  summary: z.optional(humanText(1000, 2)),
  legalDocument: z.optional(legalDocumentSchema),
  attachments: z.optional(
    z.array(uploadId).check(
      z.maxLength(20),
      z.refine((ids) => new Set(ids).size === ids.length, { error: bilingual('Tệp đính kèm bị lặp', 'An attachment is listed twice') }),
    ),
  ),
  contributors: z.optional(
    z.array(z.object({ name: humanText(120, 2), accountId: z.optional(recordId), share: z.number().check(z.int(), z.minimum(0), z.maximum(100)) })).check(z.maxLength(20)),
  ),
  submit: z.optional(z.boolean()),
  translationOf: z.optional(uuid).check(z.describe('The item this one translates (same portal, another language); each version keeps its own state')),
});

/** PATCH /content/{id}: any of the content fields (at least one; the use case says which are missing). */
export const editContentBody = z.partial(z.pick(newContentBody, { title: true, body: true, summary: true, legalDocument: true, attachments: true, contributors: true }));

/** POST /content/{id}/syndication: proposes a published item of a sub-portal to the provincial portal. */
export const syndicationBody = z.object({ note: z.optional(humanText(2000).check(z.describe('For the provincial board: why this item suits the provincial portal'))) });

const actions = Object.keys(contentWorkflow.transitions) as [ContentAction, ...ContentAction[]];
export const transitionBody = z.object({
  action: z.enum(actions),
  comment: z.optional(humanText(2000)),
  reason: z.optional(humanText(2000)),
  publicNote: z.optional(humanText(2000)),
  publishAt: z.optional(z.iso.datetime({ offset: true })),
});

export const unitContentQuery = z.object({
  ...pageQuery.shape,
  state: z.optional(z.enum(contentStates)),
  category: z.optional(z.enum(contentCategoryIds)),
  overdue: z.optional(z.enum(['true', 'false'])),
});

export const publicContentQuery = z.object({
  ...pageQuery.shape,
  category: z.optional(z.enum(contentCategoryIds)),
  language: z._default(z.enum(languages), 'vi'),
});

/** searchLegalDocuments: planSearch checks the texts and dates further (README "Legal-document search and feeds"). */
const searchText = (max: number) => z.optional(z.string().check(z.minLength(1), z.maxLength(max)));
export const legalSearchQuery = z.object({
  q: searchText(200),
  number: searchText(100),
  form: searchText(100),
  authority: searchText(100),
  issuedFrom: searchText(10),
  issuedTo: searchText(10),
  status: z.optional(z.enum(effectivenessStatuses)),
  limit: z._default(decimalInteger(1, 50), 20),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,4}$/, { error: bilingual('Con trỏ trang không hợp lệ', 'Invalid page cursor') }))),
});

export const feedQuery = z.object({
  category: z.optional(z.enum(contentCategoryIds)),
  language: z._default(z.enum(languages), 'vi'),
});

/** Responses. */
export const createdSchema = z.object({ id: z.string(), state: z.string(), version: z.number() });
export const transitionedSchema = z.object({ id: z.string(), state: z.string(), version: z.number(), dueAt: z.optional(z.string()) });
const revisionSchema = z.object({ version: z.number(), at: z.string(), actor: z.string(), action: z.string(), summary: z.object({ vi: z.string(), en: z.string() }) });
export const contentItemSchema = z.looseObject({
  id: z.string(),
  unitCode: z.string(),
  category: z.string(),
  language: z.string(),
  title: z.string(),
  body: z.string(),
  state: z.string(),
  version: z.number(),
  dueAt: z.optional(z.string()),
  publishedOnTime: z.optional(z.boolean()),
  revisions: z.array(revisionSchema),
});
export const contentSummarySchema = z.looseObject({ id: z.string(), title: z.string(), state: z.string(), version: z.number(), overdue: z.boolean() });
export const publishedSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['published', 'withdrawn']),
  publishedAt: z.string(),
  citation: z.string().check(z.describe('"Theo Cổng thông tin điện tử …" (QN 13.1)')),
  body: z.optional(z.string()),
  publicNote: z.optional(z.string()),
});
export const pageSchema = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
export const legalSearchResultSchema = z.object({
  items: z.array(
    z.looseObject({ id: z.string(), title: z.string(), numberSymbol: z.string(), issuedOn: z.string(), status: z.string(), publishedAt: z.string() }),
  ),
  truncated: z.boolean().check(z.describe('Some words of q were left out to keep the search within its bounds')),
  nextCursor: z.optional(z.string()),
});

export const editedSchema = z.object({ id: z.string(), state: z.string(), version: z.number(), revision: revisionSchema });
export const syndicatedSchema = z.object({
  id: z.string().check(z.describe("The copy's id in the provincial portal (state `submitted`, in its intake queue)")),
  unitCode: z.string(),
  state: z.string(),
  version: z.number(),
  syndicatedFrom: z.object({ portal: z.string(), id: z.string(), version: z.number() }),
});
