import * as z from 'zod/mini';
import { humanText, type LocalizedText } from '../text';

/**
 * Public holidays as data. The statutory ones ship here with their citation; operators add
 * others (e.g. the proposed 24/11, Ngày Văn hóa Việt Nam) by configuration, in force or pending.
 */
const localized = z.object({ vi: humanText(200), en: humanText(200) });
const between = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const holidayDateSchema = z.discriminatedUnion('calendar', [
  z.object({ calendar: z.literal('solar'), month: between(1, 12), day: between(1, 31) }),
  z.object({ calendar: z.literal('lunar'), month: between(1, 12), day: between(1, 30) }),
  /** Tết: `daysBefore` days of the old lunar year and `daysAfter` days from mùng 1. */
  z.object({ calendar: z.literal('tet'), daysBefore: between(0, 5), daysAfter: between(1, 9) }),
]);

export const holidayRuleSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  name: localized,
  date: holidayDateSchema,
  /** Extra days next to the date (Quốc khánh: 2/9 and one adjacent day). */
  adjacent: z.optional(z.object({ direction: z.enum(['before', 'after']), days: between(1, 3) })),
  basis: humanText(300),
  /** `pending`: known and shown, not yet counted (a proposal awaiting its legal act). */
  status: z.enum(['in-force', 'pending']),
  fromYear: z.optional(between(1900, 2100)),
  toYear: z.optional(between(1900, 2100)),
});

export type HolidayRule = z.infer<typeof holidayRuleSchema>;
export type HolidayDate = z.infer<typeof holidayDateSchema>;

const name = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Bộ luật Lao động 2019, Điều 112 khoản 1 (in force 01/01/2021). */
export const statutoryHolidays: readonly HolidayRule[] = [
  {
    id: 'new-year',
    name: name('Tết Dương lịch', "New Year's Day"),
    date: { calendar: 'solar', month: 1, day: 1 },
    basis: 'BLLĐ 2019 Điều 112.1a',
    status: 'in-force',
  },
  {
    id: 'tet',
    name: name('Tết Âm lịch', 'Lunar New Year (Tết)'),
    // Five days; the Government fixes the window each year. Without a decision: the last day of
    // the old year and mùng 1–4.
    date: { calendar: 'tet', daysBefore: 1, daysAfter: 4 },
    basis: 'BLLĐ 2019 Điều 112.1b',
    status: 'in-force',
  },
  {
    id: 'victory-day',
    name: name('Ngày Chiến thắng 30/4', 'Reunification Day'),
    date: { calendar: 'solar', month: 4, day: 30 },
    basis: 'BLLĐ 2019 Điều 112.1c',
    status: 'in-force',
  },
  {
    id: 'labour-day',
    name: name('Ngày Quốc tế lao động', 'International Labour Day'),
    date: { calendar: 'solar', month: 5, day: 1 },
    basis: 'BLLĐ 2019 Điều 112.1d',
    status: 'in-force',
  },
  {
    id: 'national-day',
    name: name('Quốc khánh', 'National Day'),
    date: { calendar: 'solar', month: 9, day: 2 },
    // "ngày 02/9 và 01 ngày liền kề trước hoặc sau": without a decision, the day before.
    adjacent: { direction: 'before', days: 1 },
    basis: 'BLLĐ 2019 Điều 112.1đ',
    status: 'in-force',
  },
  {
    id: 'hung-kings',
    name: name('Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration"),
    date: { calendar: 'lunar', month: 3, day: 10 },
    basis: 'BLLĐ 2019 Điều 112.1e',
    status: 'in-force',
  },
];

/** Proposed holidays shipped as pending, so operators see them and switch them on by configuration. */
export const proposedHolidays: readonly HolidayRule[] = [
  {
    id: 'vietnamese-culture-day',
    name: name('Ngày Văn hóa Việt Nam', 'Vietnamese Culture Day'),
    date: { calendar: 'solar', month: 11, day: 24 },
    basis: 'Đề xuất (proposal); chưa có văn bản quy định ngày nghỉ',
    status: 'pending',
  },
];
