import * as z from 'zod';
import { holidayDateSchema, holidayRuleSchema, officialScheduleSchema } from '../../shared/domain/calendar';
import { bilingual } from '../../shared/http/validation';

/** Request and response schemas of the calendar and policy routes. */
const localized = z.object({ vi: z.string(), en: z.string() });

export const yearParam = z.object({
  year: z.coerce
    .number({ error: bilingual('Năm phải là số', 'The year must be a number') })
    .int()
    .min(1900, { error: bilingual('Năm phải từ 1900 đến 2100', 'The year must be between 1900 and 2100') })
    .max(2100, { error: bilingual('Năm phải từ 1900 đến 2100', 'The year must be between 1900 and 2100') })
    .describe('Solar year, 1900–2100'),
});

const dayCount = (what: string) =>
  z.coerce
    .number({ error: bilingual(`Số ngày ${what} phải là số`, `The number of ${what === 'làm việc' ? 'working' : 'calendar'} days must be a number`) })
    .int({ error: bilingual('Số ngày phải là số nguyên', 'The number of days must be a whole number') })
    .min(0, { error: bilingual('Số ngày không được âm', 'The number of days cannot be negative') })
    .max(400, { error: bilingual('Số ngày tối đa là 400', 'At most 400 days') });

export const dueQuery = z
  .object({
    from: z.iso.datetime({
      offset: true,
      error: bilingual(
        'Thời điểm tiếp nhận phải theo ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00',
        'The receipt instant must be ISO 8601 with an offset, e.g. 2026-02-12T10:00:00+07:00',
      ),
    }),
    workingDays: dayCount('làm việc').optional(),
    calendarDays: dayCount('theo lịch').optional(),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.calendarDays === undefined), {
    path: ['workingDays'],
    error: bilingual('Cần đúng một trong workingDays hoặc calendarDays', 'Give exactly one of workingDays or calendarDays'),
  });

const skippedDay = z.object({
  date: z.string(),
  weekday: localized,
  kind: z.enum(['receipt-day', 'outside-hours', 'weekend', 'holiday', 'compensatory', 'bridge']),
  reason: localized,
  basis: z.string().optional(),
});

export const deadlineSchema = z.object({
  receivedAt: z.string(),
  receivedLocal: z.string(),
  receiptDay: z.string(),
  unit: z.enum(['workingDays', 'calendarDays']),
  amount: z.number().int(),
  dueDate: z.string(),
  dueAt: z.string(),
  dueAtLocal: z.string(),
  countedDays: z.array(z.string()),
  skippedDays: z.array(skippedDay),
  basis: z.array(z.string()),
});

export const yearCalendarSchema = z.object({
  year: z.number().int(),
  source: z.object({ kind: z.enum(['official-schedule', 'holiday-rules']), reference: z.string().optional() }),
  workingWeek: z.string(),
  daysOff: z.array(z.object({ date: z.string(), weekday: localized, kind: z.enum(['holiday', 'compensatory', 'bridge']), name: localized, basis: z.string() })),
  workingSaturdays: z.array(z.object({ date: z.string(), replaces: z.string(), basis: z.string() })),
  pending: z.array(z.object({ id: z.string(), date: z.string(), name: localized, basis: z.string() })),
});

export const policyIdParam = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, { error: bilingual('Mã bộ thời hạn không hợp lệ', 'Invalid policy id') }).describe('`current` or a preset id'),
});

export const effectivePolicySchema = z.object({
  preset: z.string(),
  name: z.string(),
  act: z.string(),
  values: z.array(
    z.object({
      rule: z.string(),
      name: localized,
      value: z.number().int(),
      unit: z.enum(['workingDays', 'calendarDays']),
      basis: z.string(),
      note: z.string().optional(),
      source: z.enum(['preset', 'national', 'override']),
    }),
  ),
});

export const scheduleBody = officialScheduleSchema.omit({ year: true });
export const holidayRuleBody = holidayRuleSchema.omit({ id: true });
export const ruleIdParam = z.object({ id: z.string().regex(/^[a-z0-9-]{2,40}$/, { error: bilingual('Mã ngày lễ chỉ gồm a-z, 0-9 và -', 'Holiday ids use a-z, 0-9 and -') }) });
export const versionedSchema = z.object({ version: z.number().int() });
export { holidayDateSchema };
