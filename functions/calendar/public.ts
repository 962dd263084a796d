import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { isoWeekday, toIsoDate, WEEKDAY_NAMES, yearToICalendar } from '../../shared/domain/calendar';
import { withinCalendarRange } from '../../shared/application/calendar-service';
import { calendarRoutes } from './routes';

const weekday = (day: number) => {
  const w = isoWeekday(day);
  return { vi: WEEKDAY_NAMES.vi[w]!, en: WEEKDAY_NAMES.en[w]! };
};

export const handler = lambdaRoot((s) =>
  httpFunction(
    'calendar',
    calendarRoutes,
    {
      calendarYear: async ({ params }) => {
        const year = (await s.calendar.current()).year(params.year);
        return json(
          200,
          {
            year: year.year,
            source: year.source,
            workingWeek: 'Thứ Hai – Thứ Sáu / Monday–Friday',
            daysOff: year.daysOff.map((d) => ({
              date: toIsoDate(d.date),
              weekday: weekday(d.date),
              kind: d.kind,
              name: d.name,
              basis: d.basis,
            })),
            workingSaturdays: year.workingSaturdays.map((w) => ({
              date: toIsoDate(w.date),
              replaces: toIsoDate(w.replaces),
              basis: w.basis,
            })),
            pending: year.pending.map((p) => ({ id: p.id, date: toIsoDate(p.date), name: p.name, basis: p.basis })),
          },
          { 'cache-control': 'public, max-age=300' },
        );
      },
      calendarIcs: async ({ params, lang }) => {
        const year = (await s.calendar.current()).year(params.year);
        const body = yearToICalendar(year, {
          domain: s.config.PROVINCE_DOMAIN,
          calendarName: lang === 'vi' ? `Ngày nghỉ lễ, Tết ${params.year}` : `Public holidays ${params.year}`,
          lang,
        });
        return {
          status: 200,
          body,
          contentType: 'text/calendar; charset=utf-8',
          headers: {
            'content-disposition': `attachment; filename="ngay-nghi-${params.year}.ics"`,
            'cache-control': 'public, max-age=300',
          },
        };
      },
      calendarDue: async ({ query }) => {
        const deadlines = await s.calendar.deadlines();
        const from = new Date(query.from);
        const deadline = withinCalendarRange('query.from', () =>
          query.workingDays !== undefined
            ? deadlines.addWorkingDays(from, query.workingDays)
            : deadlines.addCalendarDays(from, query.calendarDays!),
        );
        return json(200, deadline);
      },
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
