import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { invalidField, DomainError } from '../../shared/domain/errors';
import { expectedVersion } from '../../shared/http/if-match';
import { assertConsistentSchedule, officialScheduleSchema, parseIsoDate, civil } from '../../shared/domain/calendar';
import type { Services } from '../../shared/composition/services';
import { saveHolidayRule, saveSchedule } from '../../shared/application/calendar-admin';
import { requireAccess } from '../../shared/domain/access/authorize';
import { calendarRoutes } from './routes';

/** The calendar is portal-wide: only the province's own operators (and auditors, to read) reach it. */
const province = (s: Services) => [s.config.PROVINCE_CODE];

export const handler = lambdaRoot((s) =>
  httpFunction(
    'calendarAdmin',
    calendarRoutes,
    {
      adminGetSchedule: async ({ params, principal }) => {
        requireAccess(principal, 'calendar.read-config', province(s));
        const stored = await s.calendar.repository.getSchedule(params.year);
        if (!stored) {
          throw new DomainError('not_found', {
            vi: `Chưa cấu hình lịch nghỉ năm ${params.year} (đang dùng dữ liệu sẵn có hoặc quy tắc luật định)`,
            en: `No schedule configured for ${params.year} (shipped data or the statutory rules apply)`,
          });
        }
        return json(200, stored.value, { etag: `"${stored.version}"` });
      },
      adminPutSchedule: async ({ params, body, headers, principal, requestId }) => {
        requireAccess(principal, 'calendar.manage', province(s));
        const schedule = officialScheduleSchema.parse({ ...body, year: params.year });
        // Every date must exist and belong to the year being edited.
        const dates = [
          ...schedule.daysOff.map((d, i) => [`body.daysOff.${i}.date`, d.date] as const),
          ...schedule.workingSaturdays.flatMap((w, i) => [
            [`body.workingSaturdays.${i}.date`, w.date] as const,
            [`body.workingSaturdays.${i}.replaces`, w.replaces] as const,
          ]),
        ];
        for (const [field, iso] of dates) {
          const day = parseIsoDate(iso);
          if (day === undefined || civil(day).year !== params.year) {
            throw invalidField(field, {
              vi: `Ngày ${iso} không hợp lệ hoặc không thuộc năm ${params.year}`,
              en: `${iso} is not a valid date of ${params.year}`,
            });
          }
        }
        assertConsistentSchedule(schedule);
        const version = await saveSchedule(
          s,
          { principal, requestId, now: new Date() },
          schedule,
          expectedVersion(headers),
        );
        return json(200, { version }, { etag: `"${version}"` });
      },
      adminPutHolidayRule: async ({ params, body, headers, principal, requestId }) => {
        requireAccess(principal, 'calendar.manage', province(s));
        if (body.fromYear !== undefined && body.toYear !== undefined && body.fromYear > body.toYear) {
          throw invalidField('body.toYear', {
            vi: 'toYear phải không nhỏ hơn fromYear',
            en: 'toYear must not be before fromYear',
          });
        }
        const rule = { ...body, id: params.id };
        const version = await saveHolidayRule(
          s,
          { principal, requestId, now: new Date() },
          rule,
          expectedVersion(headers),
        );
        return json(200, { version }, { etag: `"${version}"` });
      },
    },
    httpServices(s),
  ),
);
