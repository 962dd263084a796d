import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { pageQuery } from '../../shared/api/common-schemas';
import { consultationStates } from '../../shared/domain/participation/consultation-workflow';
import { consultationDocumentTypes } from '../../shared/domain/participation/consultation-periods';
import { summaryResponses } from '../../shared/domain/participation/consultation-summary';

/** Request and response schemas of consultations (issue 28 §1, §4, §7). */
const uuid = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: bilingual('Mã không hợp lệ', 'Invalid id'),
  }),
);
const localized = z.object({ vi: z.string(), en: z.string() });

export const consultationIdParam = z.object({ id: uuid });
export const consultationPortalParams = z.object({ portal: unitCodeSchema });
export const publicConsultationParams = z.object({ portal: unitCodeSchema, id: uuid });

export const consultationListQuery = z.extend(pageQuery, {
  status: z._default(z.enum(['open', 'closed']), 'open'),
});

export const summaryDownloadQuery = z.object({
  format: z.enum(['csv', 'docx']),
  bom: z._default(z.enum(['true', 'false']), 'true'),
});

const summaryEntryBody = z.strictObject({
  article: z.nullable(z.int().check(z.minimum(1), z.maximum(9999))),
  received: humanText(10000),
  commentCount: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  response: z.enum(summaryResponses),
  reason: z._default(z.string().check(z.maxLength(10000)), ''),
});

const actions = [
  'schedule',
  'open',
  'close',
  'newVersion',
  'writeSummary',
  'returnSummary',
  'approveSummary',
  'publishSummary',
] as const;

export const consultationTransitionBody = z.strictObject({
  action: z.enum(actions),
  // schedule
  documentType: z.optional(z.enum(consultationDocumentTypes)),
  opensAt: z.optional(z.iso.datetime({ offset: true })),
  closesAt: z.optional(z.iso.datetime({ offset: true })),
  simplifiedReason: z.optional(humanText(2000)),
  // newVersion
  contentId: z.optional(uuid),
  // writeSummary
  summary: z.optional(z.array(summaryEntryBody).check(z.maxLength(2000))),
  // returnSummary
  reason: z.optional(humanText(2000)),
});

const articleSchema = z.object({
  number: z.int(),
  title: z.string(),
  text: z.string(),
  digest: z.string(),
  clauses: z.optional(z.array(z.object({ number: z.int(), text: z.string() }))),
});

const summaryEntrySchema = z.object({
  article: z.nullable(z.int()),
  received: z.string(),
  commentCount: z.int(),
  response: z.enum(summaryResponses),
  reason: z.string(),
  responseLabel: z.optional(localized),
});

const windowSchema = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  calendarDays: z.int().check(z.describe('Calendar days of the window as the law counts them (BLDS 2015 Điều 147)')),
  workingDays: z.int().check(z.describe('Working days the window holds, on the calendar in force')),
  minimumCalendarDays: z.int(),
  basis: z.string(),
  simplifiedProcedure: z.optional(z.string()),
});

const consultationFields = {
  id: z.string(),
  portal: z.string(),
  language: z.string(),
  title: z.string(),
  contentId: z.string(),
  documentType: z.string(),
  documentTypeLabel: z.optional(localized),
  state: z.enum(consultationStates),
  stateLabel: localized,
  acceptingComments: z.boolean(),
  window: windowSchema,
  draftVersion: z.int(),
  summary: z.optional(
    z.object({
      draftVersion: z.int(),
      approvedAt: z.optional(z.string()),
      publishedAt: z.optional(z.string()),
      entries: z.array(summaryEntrySchema),
    }),
  ),
};

export const consultationSchema = z.object({
  ...consultationFields,
  preamble: z.string(),
  articles: z.array(articleSchema),
});

export const consultationListSchema = z.object({
  items: z.array(z.object({ ...consultationFields, articleCount: z.int() })),
  nextCursor: z.optional(z.string()),
});

/** The staff view after a step: the public fields, the version (ETag) and the summary as written. */
export const consultationStepSchema = z.looseObject({
  id: z.string(),
  state: z.enum(consultationStates),
  version: z.int(),
  draftVersion: z.int(),
  articles: z.array(articleSchema),
  summary: z.optional(
    z.looseObject({ entries: z.array(summaryEntrySchema), writtenBy: z.string(), approvedBy: z.optional(z.string()) }),
  ),
});
