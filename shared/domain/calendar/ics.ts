import { toIsoDate } from './civil-date';
import type { YearCalendar } from './working-calendar';

/**
 * A year's days off (and working Saturdays) as iCalendar (RFC 5545): all-day events, lines
 * folded at 75 octets, CRLF line ends, text escaped.
 */
// Any line break (CRLF, CR or LF: human text may hold each) becomes \n: a bare CR would end the line for many readers.
const escape = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');

function fold(line: string): string {
  // Stryker disable next-line StringLiteral: Buffer reads an empty encoding name as UTF-8
  const bytes = Buffer.from(line, 'utf8');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the loop below leaves a line of ≤ 75 octets whole
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    // Stryker disable next-line StringLiteral: Buffer reads an empty encoding name as UTF-8
    const charSize = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + charSize > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (day: number) => toIsoDate(day).replace(/-/g, '');

export function yearToICalendar(
  year: YearCalendar,
  options: { domain: string; calendarName: string; lang: 'vi' | 'en'; now?: Date },
): string {
  const stamp = (options.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${options.domain}//Lich nghi le//VI`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escape(options.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  const event = (uid: string, day: number, summary: string, description: string, transparent: boolean) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@${options.domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(day)}`,
      `DTEND;VALUE=DATE:${compact(day + 1)}`,
      `SUMMARY:${escape(summary)}`,
      `DESCRIPTION:${escape(description)}`,
      `TRANSP:${transparent ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    );
  };
  for (const off of year.daysOff) {
    event(`${compact(off.date)}-${off.kind}`, off.date, off.name[options.lang], off.basis, false);
  }
  for (const saturday of year.workingSaturdays) {
    const summary =
      options.lang === 'vi'
        ? `Làm việc bù cho ngày ${toIsoDate(saturday.replaces)}`
        : `Working day in exchange for ${toIsoDate(saturday.replaces)}`;
    event(`${compact(saturday.date)}-working-saturday`, saturday.date, summary, saturday.basis, true);
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
