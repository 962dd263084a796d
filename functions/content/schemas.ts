import * as z from 'zod/mini';
import { contentCategoryIds } from '../../shared/domain/content/categories';
import { effectivenessStatuses } from '../../shared/domain/content/legal-document';
import { contentStates, contentWorkflow, type ContentAction } from '../../shared/domain/workflow/tables/content';
import { bilingual, humanText } from '../../shared/domain/text';
import { decimalInteger, pageQuery, recordId } from '../../shared/api/common-schemas';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { languages, revisionSchema, uuid } from './editing-schemas';

/** Request and response schemas of content items (issue 8), written with zod/mini. */
export { contentIdParam, createdSchema, editContentBody, editedSchema, newContentBody } from './editing-schemas';

export const portalParams = z.object({ portal: unitCodeSchema });
export const publicItemParams = z.object({ portal: unitCodeSchema, id: uuid });

/** POST /content/{id}/syndication: proposes a published item of a sub-portal to the provincial portal. */
export const syndicationBody = z.object({
  note: z.optional(
    humanText(2000).check(z.describe('For the provincial board: why this item suits the provincial portal')),
  ),
});

/** Steps a person may ask for: the system's own (scheduled publication) is not one. */
const actions = (Object.keys(contentWorkflow.transitions) as ContentAction[]).filter(
  (a) => a !== 'publish-scheduled',
) as [ContentAction, ...ContentAction[]];
export const transitionBody = z.object({
  action: z.enum(actions),
  comment: z.optional(humanText(2000)),
  reason: z.optional(humanText(2000)),
  publicNote: z.optional(humanText(2000)),
  publishAt: z.optional(z.iso.datetime({ offset: true })),
  assignee: z.optional(recordId).check(z.describe('`assign`: the account id of an editorial board member of the unit')),
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
  cursor: z.optional(
    z.string().check(z.regex(/^\d{1,4}$/, { error: bilingual('Con trỏ trang không hợp lệ', 'Invalid page cursor') })),
  ),
});

export const sitemapQuery = z.object({
  page: z
    .optional(decimalInteger(1, 50_000))
    .check(z.describe('A page of a sitemap index (only when the portal has more than 50,000 URLs)')),
});

export const feedQuery = z.object({
  category: z.optional(z.enum(contentCategoryIds)),
  language: z._default(z.enum(languages), 'vi'),
});

/** Responses. */
const bilingualText = z.object({ vi: z.string(), en: z.string() });
export const transitionedSchema = z.object({
  id: z.string(),
  state: z.string(),
  version: z.number(),
  dueAt: z.optional(z.string()),
});
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
  revisionTexts: z.optional(
    z
      .array(
        z.object({
          version: z.number(),
          title: z.optional(z.string().check(z.describe('The title after this revision, when it was kept'))),
          body: z.optional(z.string().check(z.describe('The cleaned body after this revision, when it was kept'))),
        }),
      )
      .check(
        z.describe(
          'The revisions asked for with `revisions`, in that order; without title and body when that revision kept none',
        ),
      ),
  ),
  steps: z.optional(
    z
      .array(
        z.object({
          action: z.string(),
          label: bilingualText,
          allowed: z.boolean(),
          reason: z.optional(bilingualText),
          requires: z.array(z.string()),
        }),
      )
      .check(
        z.describe(
          "The steps of the item's state and whether the caller may take each now (with the reason if not); advisory: the transition still decides",
        ),
      ),
  ),
});
export const contentItemQuery = z.object({
  revisions: z.optional(
    z.string().check(
      z.regex(/^[1-9][0-9]{0,5}(,[1-9][0-9]{0,5})?$/, {
        error: bilingual(
          'revisions là một hoặc hai số phiên bản, ví dụ 3,5',
          'revisions is one or two version numbers, e.g. 3,5',
        ),
      }),
      z.describe('One or two versions whose kept title and body to include as `revisionTexts` (a console diffs them)'),
    ),
  ),
});
export const contentSummarySchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  state: z.string(),
  version: z.number(),
  overdue: z.boolean(),
});
export const publishedSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['published', 'withdrawn']),
  publishedAt: z.string(),
  citation: z.string().check(z.describe('"Theo Cổng thông tin điện tử …" (QN 13.1)')),
  body: z.optional(z.string()),
  publicNote: z.optional(z.string()),
});
export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
export const legalSearchResultSchema = z.object({
  items: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      numberSymbol: z.string(),
      issuedOn: z.string(),
      status: z.string(),
      publishedAt: z.string(),
    }),
  ),
  truncated: z.boolean().check(z.describe('Some words of q were left out to keep the search within its bounds')),
  nextCursor: z.optional(z.string()),
});

/** bulkTransitionContent: up to 25 items of one intake queue, each answered on its own. */
export const bulkTransitionBody = z.object({
  action: z.enum(['return', 'reject', 'assign']),
  ids: z.array(uuid).check(
    z.minLength(1),
    z.maxLength(25),
    z.refine((ids) => new Set(ids).size === ids.length, {
      error: bilingual('Mã tin, bài bị lặp', 'An item is listed twice'),
    }),
  ),
  comment: z.optional(humanText(2000)),
  reason: z.optional(humanText(2000)),
  assignee: z.optional(recordId).check(z.describe('`assign`: the account id of an editorial board member of the unit')),
});
export const bulkResultSchema = z.object({
  action: z.string(),
  succeeded: z.number(),
  failed: z.number(),
  results: z.array(
    z.union([
      z.object({ id: z.string(), ok: z.literal(true), state: z.string(), version: z.number() }),
      z.object({
        id: z.string(),
        ok: z.literal(false),
        status: z.number().check(z.describe('The HTTP status this item alone would have had')),
        code: z.string(),
        detail: bilingualText,
        errors: z.optional(z.array(z.object({ field: z.string(), code: z.string() }))),
      }),
    ]),
  ),
});

export const syndicatedSchema = z.object({
  id: z.string().check(z.describe("The copy's id in the provincial portal (state `submitted`, in its intake queue)")),
  unitCode: z.string(),
  state: z.string(),
  version: z.number(),
  syndicatedFrom: z.object({ portal: z.string(), id: z.string(), version: z.number() }),
});
