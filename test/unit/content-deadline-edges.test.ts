import { describe, expect, it } from 'vitest';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { publicationDue, startOfLocalDay } from '../../shared/domain/content';
import { effectivePolicy } from '../../shared/domain/policies';
import { extensionOf } from '../../shared/domain/uploads/file-types';

/** Small edges: the local day's start (UTC+7), calendar-day rules, file names ending in a dot. */
describe('publication clocks', () => {
  const deadlines = new DeadlineCalculator(shippedCalendar());
  it('a date starts at 00:00 in Việt Nam, 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-02-13').toISOString()).toBe('2026-02-12T17:00:00.000Z');
  });
  it('counts a calendar-day rule in calendar days, not working days', () => {
    const friday = startOfLocalDay('2026-03-06');
    const due = publicationDue('dataSubject.complete', friday, effectivePolicy('national'), deadlines);
    expect(due).toBe(deadlines.addCalendarDays(friday, 15).dueAt);
    expect(due).not.toBe(deadlines.addWorkingDays(friday, 15).dueAt);
  });
});

describe('extensionOf', () => {
  it('has none for a name ending in a dot or starting with its only dot', () => {
    expect(extensionOf('bao-cao.')).toBeUndefined();
    expect(extensionOf('.pdf')).toBeUndefined();
    expect(extensionOf('Báo cáo.PDF')).toBe('pdf');
  });
});
