import { describe, expect, it } from 'vitest';
import { DeadlineCalculator, defaultCalendarSettings, shippedCalendar } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { effectivePolicy } from '../../shared/domain/policies';
import { outageRefusal, plannedOutage, publicOutage } from '../../shared/domain/operations/planned-outage';

/**
 * The notice rule of planned suspensions (NĐ 224/2026 Điều 13.1a): at least 7 working days, counted
 * on the shipped calendar as every clock is (the announcement's day not counted).
 */
const deadlines = new DeadlineCalculator(shippedCalendar(), defaultCalendarSettings);
const v = effectivePolicy('national').value('operations.plannedOutageNotice');
const rule = { workingDays: v.value, basis: v.basis };
const vn = (local: string) => new Date(`${local}+07:00`);
const earliest = (announcedAt: Date) => deadlines.addWorkingDays(announcedAt, rule.workingDays).dueAt;
const window = (startLocal: string, hours = 4) => ({
  startsAt: vn(startLocal).toISOString(),
  endsAt: new Date(vn(startLocal).getTime() + hours * 3_600_000).toISOString(),
});
const refusal = (announced: Date, startLocal: string, extra: object = {}) =>
  outageRefusal({ ...window(startLocal), ...extra }, announced, rule, earliest(announced));

describe('the notice rule is policy data with its citation', () => {
  it('7 working days, NĐ 224/2026 Điều 13 khoản 1 điểm a, in every preset', () => {
    expect(v).toMatchObject({ value: 7, unit: 'workingDays', basis: 'NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a' });
    for (const preset of ['quang-ninh-2023', 'tien-giang-2024', 'nghe-an-2025', 'cao-bang-2015', 'binh-dinh-2020'])
      expect(effectivePolicy(preset).value('operations.plannedOutageNotice').value).toBe(7);
  });
});

describe('an ordinary week', () => {
  // Monday 7 Dec 2026, 09:00: the 7 working days are Tue 8 – Wed 16 Dec.
  const announced = vn('2026-12-07T09:00:00');

  it('6 working days ahead is refused (409 naming body.startsAt); 7 is accepted', () => {
    const six = refusal(announced, '2026-12-16T08:00:00');
    expect(six).toBeInstanceOf(DomainError);
    expect(six?.code).toBe('conflict');
    expect(six?.fields.map((f) => f.field)).toEqual(['body.startsAt']);
    expect(six?.fields[0]?.code).toBe('notice_too_short');
    expect(six?.messages.en).toContain('2026-12-16T17:00:00.000Z');
    expect(refusal(announced, '2026-12-17T00:00:00')).toBeUndefined();
    expect(refusal(announced, '2026-12-16T23:59:00')).toBeDefined();
  });

  it('an announcement after working hours counts from the next working day', () => {
    const evening = vn('2026-12-07T18:00:00');
    expect(refusal(evening, '2026-12-17T08:00:00')).toBeDefined();
    expect(refusal(evening, '2026-12-18T00:00:00')).toBeUndefined();
  });

  it('an emergency is not held to the notice, but is to the window and to the future', () => {
    const emergency = { emergency: { reason: 'Vá lỗ hổng bảo mật nghiêm trọng' } };
    expect(refusal(announced, '2026-12-07T20:00:00', emergency)).toBeUndefined();
    expect(refusal(announced, '2026-12-07T08:00:00', emergency)?.fields[0]).toMatchObject({
      field: 'body.startsAt',
      code: 'in_past',
    });
    const backwards = outageRefusal(
      { startsAt: vn('2026-12-20T10:00:00').toISOString(), endsAt: vn('2026-12-20T09:00:00').toISOString() },
      announced,
      rule,
      earliest(announced),
    );
    expect(backwards?.code).toBe('validation');
    expect(backwards?.fields.map((f) => f.field)).toEqual(['body.endsAt']);
    const returnBefore = refusal(announced, '2026-12-20T10:00:00', {
      expectedReturnAt: vn('2026-12-20T09:00:00').toISOString(),
    });
    expect(returnBefore?.fields.map((f) => f.field)).toEqual(['body.expectedReturnAt']);
  });
});

describe('across Tết Đinh Mùi (2027)', () => {
  // Monday 1 Feb 2027: Tết and its compensatory days (5–11 Feb) are not counted; the 7th working day is Wed 17 Feb.
  const announced = vn('2027-02-01T09:00:00');

  it('16 calendar days but only 6 working days ahead is refused; 7 working days is accepted', () => {
    expect(refusal(announced, '2027-02-17T08:00:00')?.fields[0]?.code).toBe('notice_too_short');
    expect(refusal(announced, '2027-02-18T08:00:00')).toBeUndefined();
  });
});

describe('the notice as kept and as shown', () => {
  const announced = vn('2026-12-07T09:00:00');
  const outage = plannedOutage(
    {
      portal: 'demo',
      ...window('2026-12-19T22:00:00', 6),
      affectedServices: ['portal'],
      notice: { vi: 'Nâng cấp máy chủ' },
    },
    { id: 'o1', announcedAt: announced, announcedBy: 'acct-1', rule, earliestStart: earliest(announced) },
  );

  it('expects service back at the window’s end unless told, and freezes the rule it met', () => {
    expect(outage).toMatchObject({
      expectedReturnAt: vn('2026-12-20T04:00:00').toISOString(),
      emergency: false,
      requiredNotice: { workingDays: 7, earliestStart: '2026-12-16T17:00:00.000Z' },
    });
    expect(outage).not.toHaveProperty('emergencyReason');
  });

  it('shows the public its status, never who announced it', () => {
    expect(publicOutage(outage, announced)).not.toHaveProperty('announcedBy');
    expect(publicOutage(outage, announced).status).toBe('upcoming');
    expect(publicOutage(outage, vn('2026-12-19T22:00:00')).status).toBe('ongoing');
    expect(publicOutage(outage, vn('2026-12-20T04:00:00')).status).toBe('over');
  });
});
