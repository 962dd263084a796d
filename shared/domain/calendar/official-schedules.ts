import * as z from 'zod/mini';
import { invalidField } from '../errors';
import { humanText } from '../text';
import { isoWeekday, parseIsoDate } from './civil-date';

/**
 * The Government's schedule of days off for civil servants in a given year: the exact Tết
 * window, bridge days and the Saturdays worked in exchange. Where a year has one, it replaces
 * the statutory computation for that year. Operators replace or add years through the admin API.
 */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const localized = z.object({ vi: humanText(200), en: humanText(200) });

export const officialScheduleSchema = z.object({
  year: z.int().check(z.gte(1900), z.lte(2100)),
  source: humanText(500),
  daysOff: z
    .array(
      z.object({
        date: isoDate,
        kind: z.enum(['holiday', 'compensatory', 'bridge']),
        name: localized,
        basis: humanText(300),
      }),
    )
    .check(z.maxLength(60)),
  workingSaturdays: z
    .array(z.object({ date: isoDate, replaces: isoDate, basis: humanText(300) }))
    .check(z.maxLength(10)),
});

export type OfficialSchedule = z.infer<typeof officialScheduleSchema>;

/**
 * What the schema cannot see (dates already checked valid): each day off listed once, and each
 * working Saturday a Saturday that is not also a day off; else the working calendar would count
 * a declared holiday as worked, and the .ics would carry one UID twice.
 */
export function assertConsistentSchedule(schedule: Pick<OfficialSchedule, 'daysOff' | 'workingSaturdays'>): void {
  const off = new Set<string>();
  schedule.daysOff.forEach(({ date }, i) => {
    if (off.has(date))
      throw invalidField(
        `daysOff.${i}.date`,
        { vi: `Ngày nghỉ ${date} bị liệt kê hai lần`, en: `Day off ${date} is listed twice` },
        'duplicate',
      );
    off.add(date);
  });
  const worked = new Set<string>();
  schedule.workingSaturdays.forEach(({ date }, i) => {
    const field = `workingSaturdays.${i}.date`;
    if (isoWeekday(parseIsoDate(date)!) !== 6)
      throw invalidField(field, { vi: `${date} không phải thứ Bảy`, en: `${date} is not a Saturday` }, 'not_saturday');
    if (off.has(date))
      throw invalidField(
        field,
        { vi: `${date} vừa là ngày nghỉ vừa là ngày làm bù`, en: `${date} is both a day off and a working Saturday` },
        'day_off',
      );
    if (worked.has(date))
      throw invalidField(
        field,
        { vi: `Ngày làm bù ${date} bị liệt kê hai lần`, en: `Working Saturday ${date} is listed twice` },
        'duplicate',
      );
    worked.add(date);
  });
}

const n = (vi: string, en: string) => ({ vi, en });
const TET = n('Tết Âm lịch', 'Lunar New Year (Tết)');
const SOURCE_NOTE = 'Lịch nghỉ lễ, Tết của cán bộ, công chức, viên chức do Thủ tướng Chính phủ quyết định';

export const shippedSchedules: readonly OfficialSchedule[] = [
  {
    year: 2025,
    source: `${SOURCE_NOTE} năm 2025`,
    daysOff: [
      {
        date: '2025-01-01',
        kind: 'holiday',
        name: n('Tết Dương lịch', "New Year's Day"),
        basis: 'BLLĐ 2019 Điều 112.1a',
      },
      ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({
        date,
        kind: 'holiday' as const,
        name: TET,
        basis: 'BLLĐ 2019 Điều 112.1b',
      })),
      {
        date: '2025-04-07',
        kind: 'holiday',
        name: n('Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration"),
        basis: 'BLLĐ 2019 Điều 112.1e',
      },
      {
        date: '2025-04-30',
        kind: 'holiday',
        name: n('Ngày Chiến thắng 30/4', 'Reunification Day'),
        basis: 'BLLĐ 2019 Điều 112.1c',
      },
      {
        date: '2025-05-01',
        kind: 'holiday',
        name: n('Ngày Quốc tế lao động', 'International Labour Day'),
        basis: 'BLLĐ 2019 Điều 112.1d',
      },
      {
        date: '2025-05-02',
        kind: 'bridge',
        name: n('Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'Bridge day (worked on Sat 26/4)'),
        basis: 'BLLĐ 2019 Điều 112.3',
      },
      {
        date: '2025-09-01',
        kind: 'holiday',
        name: n('Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
        basis: 'BLLĐ 2019 Điều 112.1đ',
      },
      { date: '2025-09-02', kind: 'holiday', name: n('Quốc khánh', 'National Day'), basis: 'BLLĐ 2019 Điều 112.1đ' },
    ],
    workingSaturdays: [{ date: '2025-04-26', replaces: '2025-05-02', basis: 'BLLĐ 2019 Điều 112.3' }],
  },
  {
    year: 2026,
    source: `${SOURCE_NOTE} năm 2026`,
    daysOff: [
      {
        date: '2026-01-01',
        kind: 'holiday',
        name: n('Tết Dương lịch', "New Year's Day"),
        basis: 'BLLĐ 2019 Điều 112.1a',
      },
      {
        date: '2026-01-02',
        kind: 'bridge',
        name: n('Nghỉ hoán đổi (làm bù thứ Bảy 10/1)', 'Bridge day (worked on Sat 10/1)'),
        basis: 'BLLĐ 2019 Điều 112.3',
      },
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
        date,
        kind: 'holiday' as const,
        name: TET,
        basis: 'BLLĐ 2019 Điều 112.1b',
      })),
      {
        date: '2026-04-26',
        kind: 'holiday',
        name: n('Giỗ Tổ Hùng Vương (Chủ nhật)', "Hùng Kings' Commemoration (Sunday)"),
        basis: 'BLLĐ 2019 Điều 112.1e',
      },
      {
        date: '2026-04-27',
        kind: 'compensatory',
        name: n('Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', "Hùng Kings' Day in lieu (26/4 is a Sunday)"),
        basis: 'BLLĐ 2019 Điều 111.3, 112.1e',
      },
      {
        date: '2026-04-30',
        kind: 'holiday',
        name: n('Ngày Chiến thắng 30/4', 'Reunification Day'),
        basis: 'BLLĐ 2019 Điều 112.1c',
      },
      {
        date: '2026-05-01',
        kind: 'holiday',
        name: n('Ngày Quốc tế lao động', 'International Labour Day'),
        basis: 'BLLĐ 2019 Điều 112.1d',
      },
      {
        date: '2026-08-31',
        kind: 'bridge',
        name: n('Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', 'Bridge day (worked on Sat 22/8)'),
        basis: 'BLLĐ 2019 Điều 112.3',
      },
      {
        date: '2026-09-01',
        kind: 'holiday',
        name: n('Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
        basis: 'BLLĐ 2019 Điều 112.1đ',
      },
      { date: '2026-09-02', kind: 'holiday', name: n('Quốc khánh', 'National Day'), basis: 'BLLĐ 2019 Điều 112.1đ' },
    ],
    workingSaturdays: [
      { date: '2026-01-10', replaces: '2026-01-02', basis: 'BLLĐ 2019 Điều 112.3' },
      { date: '2026-08-22', replaces: '2026-08-31', basis: 'BLLĐ 2019 Điều 112.3' },
    ],
  },
];
