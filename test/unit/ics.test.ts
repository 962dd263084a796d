import { describe, expect, it } from 'vitest';
import { dayNumber, yearToICalendar, type YearCalendar } from '../../shared/domain/calendar';

/** A year's days off as iCalendar (RFC 5545): exact lines, escaping and folding at 75 octets. */
const now = new Date('2026-03-10T03:00:00.000Z');
const year = (name = 'Tết Dương lịch'): YearCalendar => ({
  year: 2026,
  source: { kind: 'holiday-rules' },
  daysOff: [
    {
      date: dayNumber(2026, 1, 1),
      kind: 'holiday',
      name: { vi: name, en: "New Year's Day" },
      basis: 'BLLĐ 2019 Điều 112.1a',
    },
  ],
  workingSaturdays: [{ date: dayNumber(2026, 1, 10), replaces: dayNumber(2026, 1, 2), basis: 'BLLĐ 2019 Điều 112.3' }],
  pending: [],
});
const lines = (ics: string) => ics.split('\r\n');
const bytes = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar export', () => {
  it('writes the calendar, each day off as an opaque all-day event and each working Saturday as a transparent one', () => {
    const ics = yearToICalendar(year(), {
      domain: 'binhdinh.gov.vn',
      calendarName: 'Lịch nghỉ, 2026',
      lang: 'vi',
      now,
    });
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//binhdinh.gov.vn//Lich nghi le//VI',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Lịch nghỉ\\, 2026',
        'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
        'BEGIN:VEVENT',
        'UID:20260101-holiday@binhdinh.gov.vn',
        'DTSTAMP:20260310T030000Z',
        'DTSTART;VALUE=DATE:20260101',
        'DTEND;VALUE=DATE:20260102',
        'SUMMARY:Tết Dương lịch',
        'DESCRIPTION:BLLĐ 2019 Điều 112.1a',
        'TRANSP:OPAQUE',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:20260110-working-saturday@binhdinh.gov.vn',
        'DTSTAMP:20260310T030000Z',
        'DTSTART;VALUE=DATE:20260110',
        'DTEND;VALUE=DATE:20260111',
        'SUMMARY:Làm việc bù cho ngày 2026-01-02',
        'DESCRIPTION:BLLĐ 2019 Điều 112.3',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('writes English summaries', () => {
    const ics = yearToICalendar(year(), { domain: 'd.gov.vn', calendarName: 'Days off', lang: 'en', now });
    expect(lines(ics)).toContain("SUMMARY:New Year's Day");
    expect(lines(ics)).toContain('SUMMARY:Working day in exchange for 2026-01-02');
  });

  it('escapes backslashes, semicolons, commas and new lines in text', () => {
    const ics = yearToICalendar(year('a\\b;c,d\ne'), { domain: 'd.gov.vn', calendarName: 'x', lang: 'vi', now });
    expect(lines(ics)).toContain('SUMMARY:a\\\\b\\;c\\,d\\ne');
  });

  it('stamps the current time by default', () => {
    const ics = yearToICalendar(year(), { domain: 'd.gov.vn', calendarName: 'x', lang: 'vi' });
    const stamp = lines(ics).find((l) => l.startsWith('DTSTAMP:'))!;
    expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(
      Math.abs(
        Date.parse(stamp.replace(/^DTSTAMP:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) -
          Date.now(),
      ),
    ).toBeLessThan(60_000);
  });

  it('keeps a 75-octet line whole and folds longer ones at 75 octets, continuation lines starting with a space', () => {
    const exact = 'a'.repeat(75 - 'SUMMARY:'.length);
    expect(lines(yearToICalendar(year(exact), { domain: 'd.gov.vn', calendarName: 'x', lang: 'vi', now }))).toContain(
      `SUMMARY:${exact}`,
    );
    const long = 'b'.repeat(200);
    const folded = lines(yearToICalendar(year(long), { domain: 'd.gov.vn', calendarName: 'x', lang: 'vi', now }));
    const start = folded.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(folded.slice(start, start + 4)).toEqual([
      `SUMMARY:${'b'.repeat(67)}`,
      ` ${'b'.repeat(74)}`,
      ` ${'b'.repeat(59)}`,
      'DESCRIPTION:BLLĐ 2019 Điều 112.1a',
    ]);
  });

  it('never splits a multi-byte character', () => {
    const long = 'ầ'.repeat(60); // 3 octets each
    const folded = lines(yearToICalendar(year(long), { domain: 'd.gov.vn', calendarName: 'x', lang: 'vi', now }));
    const start = folded.findIndex((l) => l.startsWith('SUMMARY:'));
    const summary = folded.slice(start, start + 3);
    expect(summary.map(bytes)).toEqual([8 + 22 * 3, 1 + 24 * 3, 1 + 14 * 3]);
    expect(summary.join('\r\n').replace(/\r\n /g, '')).toBe(`SUMMARY:${long}`);
  });
});
