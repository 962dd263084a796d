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
    expect(six?.fields.map((f) => f.field)).toEqual(['startsAt']);
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
      field: 'startsAt',
      code: 'in_past',
    });
    const backwards = outageRefusal(
      { startsAt: vn('2026-12-20T10:00:00').toISOString(), endsAt: vn('2026-12-20T09:00:00').toISOString() },
      announced,
      rule,
      earliest(announced),
    );
    expect(backwards?.code).toBe('validation');
    expect(backwards?.fields.map((f) => f.field)).toEqual(['endsAt']);
    const returnBefore = refusal(announced, '2026-12-20T10:00:00', {
      expectedReturnAt: vn('2026-12-20T09:00:00').toISOString(),
    });
    expect(returnBefore?.fields.map((f) => f.field)).toEqual(['expectedReturnAt']);
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
  const outage = () =>
    plannedOutage(
      {
        portal: 'demo',
        ...window('2026-12-19T22:00:00', 6),
        affectedServices: ['portal'],
        notice: { vi: 'Nâng cấp máy chủ' },
      },
      { id: 'o1', announcedAt: announced, announcedBy: 'acct-1', rule, earliestStart: earliest(announced) },
    );

  it('expects service back at the window’s end unless told, and freezes the rule it met', () => {
    expect(outage()).toMatchObject({
      expectedReturnAt: vn('2026-12-20T04:00:00').toISOString(),
      emergency: false,
      requiredNotice: { workingDays: 7, basis: rule.basis, earliestStart: '2026-12-16T17:00:00.000Z' },
      notice: { vi: 'Nâng cấp máy chủ' },
    });
    expect(outage().notice).not.toHaveProperty('en');
    expect(outage()).not.toHaveProperty('emergencyReason');
  });

  it('shows the public its status, never who announced it', () => {
    expect(publicOutage(outage(), announced)).not.toHaveProperty('announcedBy');
    expect(publicOutage(outage(), announced).status).toBe('upcoming');
    expect(publicOutage(outage(), vn('2026-12-19T22:00:00')).status).toBe('ongoing');
    expect(publicOutage(outage(), vn('2026-12-20T04:00:00')).status).toBe('over');
  });
});

describe('each refusal names its field, its code and both languages', () => {
  const announced = vn('2026-12-07T09:00:00');
  const starts = vn('2026-12-20T10:00:00');
  const at = (ms: number) => new Date(starts.getTime() + ms).toISOString();
  const check = (a: Parameters<typeof outageRefusal>[0], now = announced) => outageRefusal(a, now, rule, earliest(now));

  it('an end at the start is no window', () => {
    const r = check({ startsAt: at(0), endsAt: at(0) });
    expect(r?.fields).toEqual([
      {
        field: 'endsAt',
        code: 'before_start',
        message: { vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu', en: 'The end must come after the start' },
      },
    ]);
    expect(r?.messages).toEqual(r?.fields[0]?.message);
    expect(check({ startsAt: at(0), endsAt: at(1) })).toBeUndefined();
  });

  it('a return before the start is refused; at the start, or unsaid, it is not', () => {
    expect(check({ startsAt: at(0), endsAt: at(3_600_000), expectedReturnAt: at(-1) })?.fields).toEqual([
      {
        field: 'expectedReturnAt',
        code: 'before_start',
        message: {
          vi: 'Thời điểm dự kiến hoạt động trở lại không được trước khi tạm ngừng',
          en: 'The expected return cannot come before the suspension starts',
        },
      },
    ]);
    expect(check({ startsAt: at(0), endsAt: at(3_600_000), expectedReturnAt: at(0) })).toBeUndefined();
    expect(check({ startsAt: at(0), endsAt: at(3_600_000), expectedReturnAt: undefined })).toBeUndefined();
  });

  it('a start at this very instant is in the past, even for an emergency', () => {
    const now = new Date(starts);
    const r = check({ startsAt: at(0), endsAt: at(3_600_000), emergency: { reason: 'Sự cố nghiêm trọng' } }, now);
    expect(r?.code).toBe('validation');
    expect(r?.fields).toEqual([
      {
        field: 'startsAt',
        code: 'in_past',
        message: { vi: 'Thời điểm bắt đầu đã qua', en: 'The start is in the past' },
      },
    ]);
    expect(
      check({ startsAt: at(1), endsAt: at(3_600_000), emergency: { reason: 'Sự cố nghiêm trọng' } }, now),
    ).toBeUndefined();
  });

  it('too short a notice names the rule, its basis and the earliest start in both languages', () => {
    const r = refusal(announced, '2026-12-16T08:00:00');
    expect(r?.messages.vi).toBe(
      'Phải thông báo trước ít nhất 7 ngày làm việc (NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a); sớm nhất bắt đầu từ 2026-12-16T17:00:00.000Z, hoặc đánh dấu là khẩn cấp kèm lý do',
    );
    expect(r?.messages.en).toBe(
      'A planned suspension must be announced at least 7 working days ahead (NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a); the earliest start is 2026-12-16T17:00:00.000Z, or mark it an emergency with its reason',
    );
  });
});

describe('an emergency notice as kept', () => {
  const announced = vn('2026-12-07T09:00:00');
  // Built inside each test, so the mutation run sees which test covers it.
  const outage = () =>
    plannedOutage(
      {
        portal: 'demo',
        ...window('2026-12-07T22:00:00', 2),
        expectedReturnAt: vn('2026-12-08T06:00:00').toISOString(),
        affectedServices: ['portal', 'search'],
        notice: { vi: 'Vá lỗi bảo mật', en: 'Security patch' },
        emergency: { reason: 'Lỗ hổng được công bố hôm nay' },
      },
      { id: 'o2', announcedAt: announced, announcedBy: 'acct-1', rule, earliestStart: earliest(announced) },
    );

  it('keeps both languages, the emergency and its reason, and its own expected return', () => {
    expect(outage()).toMatchObject({
      notice: { vi: 'Vá lỗi bảo mật', en: 'Security patch' },
      emergency: true,
      emergencyReason: 'Lỗ hổng được công bố hôm nay',
      expectedReturnAt: vn('2026-12-08T06:00:00').toISOString(),
      affectedServices: ['portal', 'search'],
    });
  });

  it('is ongoing until the later of its end and its expected return', () => {
    expect(publicOutage(outage(), vn('2026-12-08T01:00:00')).status).toBe('ongoing');
    expect(publicOutage(outage(), vn('2026-12-08T05:59:00')).status).toBe('ongoing');
    expect(publicOutage(outage(), vn('2026-12-08T06:00:00')).status).toBe('over');
  });
});
