import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy } from '../../shared/domain/policies';
import {
  escalationPolicyOf,
  escalationThresholds,
  isWorkingDayAt,
  levelsReached,
  recipientOf,
  reminderHorizon,
} from '../../shared/domain/questions/escalation';

/** Escalation levels counted on the working calendar of 2026 (Tết 14–22/02; Sat 22/08 worked for Mon 31/08). */
const calendar = shippedCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
const bd = escalationPolicyOf(effectivePolicy('binh-dinh-2020'));
const cb = escalationPolicyOf(effectivePolicy('cao-bang-2015'));

describe('escalation thresholds', () => {
  it('reminds from the start of the last working day(s), very overdue after N working days, across Tết', () => {
    // Due at the end of Fri 13/02 (the last day before Tết): very overdue two working days later, Tue 24/02.
    expect(escalationThresholds(endOf('2026-02-13'), bd, calendar)).toEqual({
      reminder: startOf('2026-02-13'),
      overdue: endOf('2026-02-13'),
      'very-overdue': endOf('2026-02-24'),
    });
    // Cao Bằng: three last working days (Thu 19/03, Fri, Mon 23/03), a working week after.
    expect(escalationThresholds(endOf('2026-03-23'), cb, calendar)).toEqual({
      reminder: startOf('2026-03-19'),
      overdue: endOf('2026-03-23'),
      'very-overdue': endOf('2026-03-30'),
    });
    // Across the working Saturday 22/08: Mon 24, Sat 22, Fri 21 remind; after it, Mon 31/08 (bridge) and 1–2/09 do not count.
    expect(escalationThresholds(endOf('2026-08-24'), cb, calendar)).toMatchObject({
      reminder: startOf('2026-08-21'),
      'very-overdue': endOf('2026-09-03'),
    });
    expect(escalationThresholds(endOf('2026-03-23'), { reminderLead: 0, veryOverdueAfter: 1 }, calendar)).toMatchObject(
      { reminder: undefined, 'very-overdue': endOf('2026-03-24') },
    );
  });

  it('raises a reminder only before the deadline, and the levels a clock has', () => {
    const due = endOf('2026-03-06');
    expect(levelsReached('answer', due, at('2026-03-05T23:59:59'), bd, calendar)).toEqual([]);
    expect(levelsReached('answer', due, at('2026-03-06T00:00:00'), bd, calendar)).toEqual(['reminder']);
    expect(levelsReached('answer', due, at('2026-03-07T00:00:00'), bd, calendar)).toEqual(['overdue']);
    expect(levelsReached('answer', due, at('2026-03-11T00:00:00'), bd, calendar)).toEqual(['overdue', 'very-overdue']);
    expect(levelsReached('return', due, at('2026-03-06T09:00:00'), bd, calendar)).toEqual(['reminder']);
    expect(levelsReached('return', due, at('2026-03-11T09:00:00'), bd, calendar)).toEqual([]);
  });

  it('reads the due index up to the end of the Nth working day from today', () => {
    expect(reminderHorizon(at('2026-03-02T09:00:00'), bd, calendar)).toBe(endOf('2026-03-02'));
    expect(reminderHorizon(at('2026-03-19T09:00:00'), cb, calendar)).toBe(endOf('2026-03-23'));
    expect(reminderHorizon(at('2026-02-13T09:00:00'), cb, calendar)).toBe(endOf('2026-02-24'));
    expect(reminderHorizon(at('2026-03-02T09:00:00'), { reminderLead: 0, veryOverdueAfter: 2 }, calendar)).toBe(
      at('2026-03-02T09:00:00').toISOString(),
    );
  });

  it('runs on working days only: a working Saturday yes, an ordinary Saturday, Tết and a bridge day no', () => {
    expect(isWorkingDayAt(at('2026-08-22T09:00:00'), calendar)).toBe(true);
    expect(isWorkingDayAt(at('2026-08-15T09:00:00'), calendar)).toBe(false);
    expect(isWorkingDayAt(at('2026-02-18T09:00:00'), calendar)).toBe(false);
    expect(isWorkingDayAt(at('2026-08-31T09:00:00'), calendar)).toBe(false);
    expect(isWorkingDayAt(at('2026-03-02T09:00:00'), calendar)).toBe(true);
  });
});

describe('escalation ladder', () => {
  it('climbs one rung per level from whoever must act: the unit for its clocks, the board for its own', () => {
    expect(['reminder', 'overdue', 'very-overdue'].map((l) => recipientOf('answer', l as 'reminder'))).toEqual([
      'unit-officer',
      'unit-head',
      'secretary',
    ]);
    expect(['reminder', 'overdue', 'very-overdue'].map((l) => recipientOf('classify', l as 'reminder'))).toEqual([
      'secretary',
      'chief-editor',
      'chief-editor',
    ]);
    expect(recipientOf('return', 'reminder')).toBe('unit-officer');
  });
});
