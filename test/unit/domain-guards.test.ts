import { describe, expect, it } from 'vitest';
import { assertDistinctParts, assertMergeable } from '../../shared/domain/units/unit';
import { assertConsistentSchedule } from '../../shared/domain/calendar/official-schedules';
import { DomainError } from '../../shared/domain/errors';

/** The pure guards the attack findings added (unit merges and splits, official day-off schedules). */
const refusal = (f: () => void): DomainError => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a unit merge', () => {
  it('never takes the province as a source (403)', () => {
    const error = refusal(() => assertMergeable(['demo'], ['soa', 'demo'], 'body.sources.0'));
    expect(error.code).toBe('forbidden');
    expect(error.messages).toEqual({ vi: 'Không thể sáp nhập cấp tỉnh', en: 'The province cannot be merged' });
  });

  it('never merges a unit into one of its own units (400 naming the field)', () => {
    const error = refusal(() => assertMergeable(['hoaian', 'demo'], ['xa1', 'hoaian', 'demo'], 'body.sources.1'));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ field: 'body.sources.1', code: 'inside_source', message: { vi: expect.stringContaining('hoaian'), en: 'hoaian cannot merge into xa1, which is one of its own units' } }]);
    expect(error.fields[0]!.message.vi).toBe('Không thể sáp nhập hoaian vào đơn vị trực thuộc nó (xa1)');
  });

  it('takes siblings and cousins', () => {
    expect(() => assertMergeable(['xa1', 'hoaian', 'demo'], ['xa2', 'hoaian', 'demo'], 'body.sources.0')).not.toThrow();
    expect(() => assertMergeable(['xa1', 'hoaian', 'demo'], ['hoaian', 'demo'], 'body.sources.0')).not.toThrow();
  });
});

describe('a unit split', () => {
  const part = (code: string, domain: string) => ({ code, domain });

  it('refuses a part named like the source or like another part, and a domain used twice, naming the part', () => {
    const source = refusal(() => assertDistinctParts('hoaian', [part('hoaian', 'a.gov.vn')]));
    expect(source.fields).toEqual([{ field: 'body.into.0.code', code: 'duplicate', message: { vi: 'Mã đơn vị hoaian bị dùng hai lần', en: 'Unit code hoaian is used twice' } }]);
    const code = refusal(() => assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'b.gov.vn'), part('a', 'c.gov.vn')]));
    expect(code.fields[0]).toMatchObject({ field: 'body.into.2.code', code: 'duplicate' });
    const domain = refusal(() => assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'a.gov.vn')]));
    expect(domain.code).toBe('validation');
    expect(domain.fields).toEqual([{ field: 'body.into.1.slug', code: 'duplicate', message: { vi: 'Tên miền a.gov.vn bị dùng hai lần', en: 'Domain a.gov.vn is used twice' } }]);
  });

  it('takes distinct parts', () => {
    expect(() => assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'b.gov.vn')])).not.toThrow();
  });
});

describe('an official schedule of days off', () => {
  const day = (date: string) => ({ date });

  it('refuses a day off listed twice, naming its second place', () => {
    const error = refusal(() => assertConsistentSchedule({ daysOff: [day('2026-09-02'), day('2026-09-01'), day('2026-09-02')] as never, workingSaturdays: [] }));
    expect(error.fields).toEqual([{ field: 'body.daysOff.2.date', code: 'duplicate', message: { vi: 'Ngày nghỉ 2026-09-02 bị liệt kê hai lần', en: 'Day off 2026-09-02 is listed twice' } }]);
  });

  it('refuses a working Saturday that is no Saturday, that is a day off, or that is listed twice', () => {
    const wednesday = refusal(() => assertConsistentSchedule({ daysOff: [], workingSaturdays: [day('2026-08-19')] as never }));
    expect(wednesday.fields).toEqual([{ field: 'body.workingSaturdays.0.date', code: 'not_saturday', message: { vi: '2026-08-19 không phải thứ Bảy', en: '2026-08-19 is not a Saturday' } }]);
    const both = refusal(() => assertConsistentSchedule({ daysOff: [day('2026-08-22')] as never, workingSaturdays: [day('2026-08-22')] as never }));
    expect(both.fields[0]).toMatchObject({ field: 'body.workingSaturdays.0.date', code: 'day_off', message: { en: '2026-08-22 is both a day off and a working Saturday' } });
    const twice = refusal(() => assertConsistentSchedule({ daysOff: [], workingSaturdays: [day('2026-08-22'), day('2026-08-29'), day('2026-08-22')] as never }));
    expect(twice.fields[0]).toMatchObject({ field: 'body.workingSaturdays.2.date', code: 'duplicate', message: { vi: 'Ngày làm bù 2026-08-22 bị liệt kê hai lần' } });
  });

  it('takes a consistent schedule', () => {
    expect(() => assertConsistentSchedule({ daysOff: [day('2026-09-01'), day('2026-09-02')] as never, workingSaturdays: [day('2026-08-22')] as never })).not.toThrow();
  });
});
