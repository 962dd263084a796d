import * as z from 'zod/mini';
import { clockEventIds } from '../../shared/domain/policies/clock-events';
import { holidayDateSchema, holidayRuleSchema, officialScheduleSchema } from '../../shared/domain/calendar';
import { bilingual } from '../../shared/http/validation';
import { decimalInteger } from '../../shared/api/common-schemas';

/** Request and response schemas of the calendar and policy routes. */
const localized = z.object({ vi: z.string(), en: z.string() });

export const yearParam = z.object({
  year: decimalInteger(
    1900,
    2100,
    bilingual(
      'Năm phải là số từ 1900 đến 2100, chỉ gồm chữ số',
      'The year must be a number from 1900 to 2100, in decimal digits only',
    ),
  ).check(z.describe('Solar year, 1900–2100')),
});

const dayCount = (what: string) =>
  decimalInteger(
    0,
    400,
    bilingual(
      `Số ngày ${what} phải là số nguyên từ 0 đến 400, chỉ gồm chữ số`,
      `The number of ${what === 'làm việc' ? 'working' : 'calendar'} days must be a whole number from 0 to 400, in decimal digits only`,
    ),
  );

export const dueQuery = z
  .object({
    from: z.iso.datetime({
      offset: true,
      error: bilingual(
        'Thời điểm tiếp nhận phải theo ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00',
        'The receipt instant must be ISO 8601 with an offset, e.g. 2026-02-12T10:00:00+07:00',
      ),
    }),
    workingDays: z.optional(dayCount('làm việc')),
    calendarDays: z.optional(dayCount('theo lịch')),
  })
  .check(
    z.refine((q) => (q.workingDays === undefined) !== (q.calendarDays === undefined), {
      path: ['workingDays'],
      error: bilingual(
        'Cần đúng một trong workingDays hoặc calendarDays',
        'Give exactly one of workingDays or calendarDays',
      ),
    }),
  );

const skippedDay = z.object({
  date: z.string(),
  weekday: localized,
  kind: z.enum(['receipt-day', 'outside-hours', 'weekend', 'holiday', 'compensatory', 'bridge']),
  reason: localized,
  basis: z.optional(z.string()),
});

export const deadlineSchema = z.object({
  receivedAt: z.string(),
  receivedLocal: z.string(),
  receiptDay: z.string(),
  unit: z.enum(['workingDays', 'calendarDays']),
  amount: z.int(),
  dueDate: z.string(),
  dueAt: z.string(),
  dueAtLocal: z.iso
    .datetime({ offset: true })
    .check(z.describe('RFC 3339, local time: the end (24:00) of the due date is 00:00 of the next day')),
  dueLocalText: localized,
  countedDays: z.array(z.string()),
  skippedDays: z.array(skippedDay),
  basis: z.array(z.string()),
});

export const yearCalendarSchema = z.object({
  year: z.int(),
  source: z.object({ kind: z.enum(['official-schedule', 'holiday-rules']), reference: z.optional(z.string()) }),
  workingWeek: z.string(),
  daysOff: z.array(
    z.object({
      date: z.string(),
      weekday: localized,
      kind: z.enum(['holiday', 'compensatory', 'bridge']),
      name: localized,
      basis: z.string(),
    }),
  ),
  workingSaturdays: z.array(z.object({ date: z.string(), replaces: z.string(), basis: z.string() })),
  pending: z.array(z.object({ id: z.string(), date: z.string(), name: localized, basis: z.string() })),
});

export const policyIdParam = z.object({
  id: z
    .string()
    .check(
      z.regex(/^[a-z0-9-]{2,40}$/, { error: bilingual('Mã bộ thời hạn không hợp lệ', 'Invalid policy id') }),
      z.describe('`current` or a preset id'),
    ),
});

export const effectivePolicySchema = z.object({
  preset: z.string(),
  name: z.string(),
  act: z.string(),
  values: z.array(
    z.object({
      rule: z.string(),
      name: localized,
      value: z.int(),
      unit: z.enum(['workingDays', 'calendarDays']),
      basis: z.string(),
      note: z.optional(z.string()),
      source: z.enum(['preset', 'national', 'override']),
      countsFrom: z
        .enum(clockEventIds)
        .check(z.describe('The event the clock counts from (receipt, routing, issue date, announcement, approval…)')),
      countsFromName: localized,
      issuer: z.optional(
        z
          .object({ id: z.string(), name: localized, otherIssuers: z.object({ value: z.int(), basis: z.string() }) })
          .check(
            z.describe(
              'The value applies to this issuer’s documents only (CB 10.1c); other issuers’ documents take `otherIssuers`',
            ),
          ),
      ),
    }),
  ),
});

export const scheduleBody = z.omit(officialScheduleSchema, { year: true });
export const holidayRuleBody = z.omit(holidayRuleSchema, { id: true });
export const ruleIdParam = z.object({
  id: z.string().check(
    z.regex(/^[a-z0-9-]{2,40}$/, {
      error: bilingual('Mã ngày lễ chỉ gồm a-z, 0-9 và -', 'Holiday ids use a-z, 0-9 and -'),
    }),
  ),
});
export const versionedSchema = z.object({ version: z.int() });
export { holidayDateSchema };
