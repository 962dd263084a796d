import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { affectedServices, incidentStatuses, severities } from '../../shared/domain/operations/incidents';
import { findingSeverities } from '../../shared/domain/operations/security-checks';
import { decimalInteger, pageQuery } from '../../shared/api/common-schemas';

/** Request and response schemas of the operations register: incidents and security checks. */
const instant = z.iso.datetime({ offset: true });
const severity = z
  .enum(severities)
  .check(
    z.describe(
      'critical: the portal is down, or data lost, leaked or altered; high: a main function unavailable (publishing, Q&A, sign-in); medium: slow or partly failing, with a workaround; low: minor, no effect on users',
    ),
  );

export const reportIncidentBody = z.strictObject({
  title: humanText(200),
  description: humanText(5000),
  severity,
  affectedServices: z.array(z.enum(affectedServices)).check(
    z.minLength(1, {
      error: bilingual('Cần ít nhất một dịch vụ bị ảnh hưởng', 'Name at least one affected service'),
    }),
    z.maxLength(affectedServices.length),
  ),
  detectedAt: z.optional(instant),
});

export const incidentIdParam = z.object({
  id: z
    .string()
    .check(z.regex(/^[0-9a-f-]{36}$/, { error: bilingual('Mã sự cố không hợp lệ', 'Invalid incident id') })),
});

export const incidentTimelineBody = z.strictObject({
  note: humanText(2000),
  status: z.optional(z.enum(incidentStatuses)),
  restoredAt: z.optional(instant),
});

export const incidentsQuery = pageQuery;

const localized = z.object({ vi: z.string(), en: z.string() });
export const incidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(severities),
  severityMeaning: localized,
  affectedServices: z.array(z.string()),
  status: z.enum(incidentStatuses),
  unitCode: z.string(),
  reportedBy: z.string(),
  reportedAt: z.string(),
  detectedAt: z.nullable(z.string()),
  restoredAt: z.nullable(z.string()),
  timeline: z.array(
    z.object({ at: z.string(), by: z.string(), note: z.string(), status: z.optional(z.enum(incidentStatuses)) }),
  ),
  version: z.int(),
  restore: z.object({
    limitHours: z.number(),
    basis: z.string(),
    from: z.string(),
    deadline: z.string(),
    restoredAt: z.nullable(z.string()),
    hours: z.number().check(z.describe('From detection (or the report) to restoration, or to now while not restored')),
    withinRestoreLimit: z.boolean(),
  }),
});

const finding = z.strictObject({
  title: humanText(300),
  severity: z.enum(findingSeverities),
  remediation: z.optional(humanText(2000)),
});

export const recordSecurityCheckBody = z.strictObject({
  performedAt: instant,
  performedBy: humanText(200),
  scope: humanText(1000),
  findings: z.array(finding).check(z.maxLength(200)),
});

export const securityChecksQuery = z.object({ limit: z._default(decimalInteger(1, 100), 20) });

const calendarSchema = z.object({
  lastCheckAt: z.nullable(z.string()),
  dueAt: z.nullable(z.string()),
  remindFrom: z.nullable(z.string()),
  periodMonths: z.int(),
  basis: z.string(),
  reminderDue: z.boolean(),
  overdue: z.boolean(),
  reminderKey: z.string(),
});
export const securityCheckSchema = z.object({
  id: z.string(),
  performedAt: z.string(),
  performedBy: z.string(),
  scope: z.string(),
  findings: z.array(
    z.object({ title: z.string(), severity: z.enum(findingSeverities), remediation: z.optional(z.string()) }),
  ),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const recordedSecurityCheckSchema = z.object({ check: securityCheckSchema, calendar: calendarSchema });
export const securityChecksSchema = z.object({ items: z.array(securityCheckSchema), calendar: calendarSchema });
