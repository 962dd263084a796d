import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { reportStates } from '../../shared/domain/reports/workflow';
import { pageQuery } from '../../shared/api/common-schemas';

/** Request and response schemas of reports (issue 27). */
const kindId = z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,40}$/, { error: bilingual('Mã loại báo cáo không hợp lệ', 'Invalid report kind') }));
const periodId = z.string().check(
  z.regex(/^\d{4}(?:-\d{2}|-Q[1-4]|-H[12])?$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, {
    error: bilingual(
      'Kỳ báo cáo: YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn hoặc YYYY-MM-DD..YYYY-MM-DD',
      'Period: YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY-MM-DD..YYYY-MM-DD',
    ),
  }),
);

export const reportIdParam = z.object({
  id: z.string().check(
    z.regex(/^[a-z0-9-]{1,40}\.[0-9QH.-]{4,22}\.[a-z0-9][a-z0-9-]{1,39}$/, {
      error: bilingual('Mã báo cáo không hợp lệ', 'Invalid report id'),
    }),
  ),
});

export const reportsQuery = z.extend(pageQuery, { unit: z.optional(unitCodeSchema) });

export const generateReportBody = z.strictObject({
  kind: kindId,
  period: periodId,
  unitCode: z.optional(unitCodeSchema),
});

export const reportTextBody = z.strictObject({
  sections: z.record(z.string().check(z.regex(/^[A-Za-z0-9.]{1,20}$/)), humanText(20000)),
});

export const reportTransitionBody = z.strictObject({
  action: z.enum(['approve', 'reopen', 'send']),
  reason: z.optional(humanText(2000)),
  number: z.optional(
    z.string().check(
      z.regex(/^[0-9]{1,6}\/[A-ZĐ0-9-]{1,30}$/u, {
        error: bilingual('Số văn bản dạng 12/BC-BBT', 'A document number like 12/BC-BBT'),
      }),
    ),
  ),
  sentOn: z.optional(z.iso.date()),
});

export const downloadQuery = z.object({
  format: z.enum(['csv', 'docx']),
  bom: z._default(z.enum(['true', 'false']), 'true'),
});

export const royaltyParams = z.object({
  quarter: z
    .string()
    .check(z.regex(/^\d{4}-Q[1-4]$/, { error: bilingual('Quý dạng 2026-Q4', 'A quarter like 2026-Q4') })),
});
export const royaltyQuery = z.object({ unit: z.optional(unitCodeSchema) });

const periodSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const reportSummarySchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  kind: z.string(),
  preset: z.string(),
  citation: z.string(),
  title: z.string(),
  period: periodSchema,
  dueAt: z.string(),
  state: z.enum(reportStates),
  version: z.int(),
  trigger: z.enum(['on-demand', 'schedule']),
  generatedBy: z.string(),
  generatedAt: z.string(),
  editors: z.array(z.string()),
  sections: z.record(z.string(), z.string()),
  digest: z.string().check(z.describe('SHA-256 (hex) of the stored figures')),
  approvedBy: z.optional(z.string()),
  approvedAt: z.optional(z.string()),
  number: z.optional(z.string()),
  sentOn: z.optional(z.string()),
  sentAt: z.optional(z.string()),
});

const kindSchema = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  citation: z.string(),
  reportingBody: z.string(),
  recipients: z.array(z.string()),
  period: z.object({ kind: z.string() }),
  adHoc: z.optional(z.boolean()),
  dueBasis: z.string(),
  template: z.string(),
  sections: z.array(z.object({ id: z.string(), heading: z.string() })),
});

export const reportListSchema = z.object({
  items: z.array(reportSummarySchema),
  nextCursor: z.optional(z.string()),
  kinds: z.array(kindSchema),
});
export const reportSchema = z.extend(reportSummarySchema, {
  figures: z
    .unknown()
    .check(z.describe('The stored figures: per unit and category, totals, operations; or the royalty tally')),
});
export const royaltyTallySchema = z.object({
  quarter: z.string(),
  rates: z.object({
    currency: z.string(),
    perItem: z.record(z.string(), z.number()),
    default: z.number(),
    basis: z.string(),
  }),
  items: z.array(
    z.object({
      itemId: z.string(),
      unitCode: z.string(),
      title: z.string(),
      category: z.string(),
      frozenAt: z.string(),
      amount: z.number(),
    }),
  ),
  contributors: z.array(
    z.object({
      contributor: z.string(),
      name: z.string(),
      unitCode: z.string(),
      items: z.int(),
      shareOfItems: z.number(),
      amount: z.number(),
    }),
  ),
  units: z.array(z.object({ unitCode: z.string(), items: z.int(), amount: z.number() })),
  total: z.object({ items: z.int(), amount: z.number() }),
});
