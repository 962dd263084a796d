import { describe, expect, it } from 'vitest';
import {
  lockoutAfter,
  passwordExpired,
  passwordIssues,
  passwordPolicy,
  passwordRenewBy,
} from '../../shared/domain/accounts/password-policy';

/** Each password rule of NA 10.2đ, alone and together, with the message that names it. */
const needs = (vi: string, en: string) => [
  {
    field: 'newPassword',
    code: 'weak_password',
    message: { vi: `Mật khẩu cần ${vi} (NA 10.2đ)`, en: `The password needs ${en} (NA 10.2đ)` },
  },
];

describe('password rules (NA 10.2đ)', () => {
  it('accepts 8 characters with upper case, lower case, a digit and a special character, Vietnamese letters included', () => {
    expect(passwordIssues('Abcdef1!')).toEqual([]);
    expect(passwordIssues('Mật-Khẩu-2026')).toEqual([]);
    expect(passwordIssues('ĐẶNGvăn1?')).toEqual([]);
  });

  it('needs at least 8 characters', () => {
    expect(passwordIssues('Abcde1!')).toStrictEqual(needs('ít nhất 8 ký tự', 'at least 8 characters'));
  });

  it('needs an upper-case letter', () => {
    expect(passwordIssues('abcdef1!')).toStrictEqual(needs('một chữ hoa', 'an upper-case letter'));
    expect(passwordIssues('đặngvăn1!')).toStrictEqual(needs('một chữ hoa', 'an upper-case letter'));
  });

  it('needs a lower-case letter', () => {
    expect(passwordIssues('ABCDEF1!')).toStrictEqual(needs('một chữ thường', 'a lower-case letter'));
    expect(passwordIssues('ĐẶNGVĂN1!')).toStrictEqual(needs('một chữ thường', 'a lower-case letter'));
  });

  it('needs a digit', () => {
    expect(passwordIssues('Abcdefg!')).toStrictEqual(needs('một chữ số', 'a digit'));
  });

  it('needs a special character: letters, digits and spaces are not', () => {
    for (const password of ['Abcdefg1', 'Mậtkhẩu12', 'Abc def 1']) {
      expect(passwordIssues(password), password).toStrictEqual(needs('một ký tự đặc biệt', 'a special character'));
    }
  });

  it('lists every rule a password breaks, in order, under the field given', () => {
    expect(passwordIssues('', 'password')).toStrictEqual([
      {
        field: 'password',
        code: 'weak_password',
        message: {
          vi: 'Mật khẩu cần ít nhất 8 ký tự, một chữ hoa, một chữ thường, một chữ số, một ký tự đặc biệt (NA 10.2đ)',
          en: 'The password needs at least 8 characters, an upper-case letter, a lower-case letter, a digit, a special character (NA 10.2đ)',
        },
      },
    ]);
    expect(passwordIssues('abcdefgh')[0]?.message.en).toBe(
      'The password needs an upper-case letter, a digit, a special character (NA 10.2đ)',
    );
  });
});

describe('password age and lockout', () => {
  const now = new Date('2026-03-10T03:00:00.000Z');

  // NA 10.2đ "ít nhất 3 tháng/lần", read as 3 calendar months on local dates (BLDS 2015 Điều 148.1): the period
  // ends at 24:00 (UTC+7) of the same day 3 months on, or of that month's last day when it has none.
  it.each([
    ['2026-01-31T03:00:00Z', '2026-04-30T17:00:00.000Z'], // 31/01 → end of 30/04 (April has no 31st)
    ['2026-01-15T03:00:00Z', '2026-04-15T17:00:00.000Z'], // 15/01 → end of 15/04
    ['2027-11-30T10:00:00Z', '2028-02-29T17:00:00.000Z'], // 30/11 → end of 29/02 in a leap year
    ['2026-11-30T10:00:00Z', '2027-02-28T17:00:00.000Z'], // 30/11 → end of 28/02
    ['2026-01-31T18:00:00Z', '2026-05-01T17:00:00.000Z'], // 01:00 on 01/02 local → end of 01/05
  ])('a password changed at %s must be renewed by %s (calendar months, end of month clamped)', (changed, renewBy) => {
    expect(passwordPolicy.maxAgeMonths.value).toBe(3);
    expect(passwordRenewBy(changed)).toBe(renewBy);
    expect(passwordExpired(changed, new Date(Date.parse(renewBy) - 1))).toBe(false);
    expect(passwordExpired(changed, new Date(renewBy))).toBe(true);
  });

  it('keeps a password changed just now', () => {
    expect(passwordExpired(now.toISOString(), now)).toBe(false);
  });

  it('treats a password never changed as expired', () => {
    expect(passwordExpired(undefined, now)).toBe(true);
    expect(passwordExpired('', now)).toBe(true);
  });

  it('locks after the 5th failure, for 15 minutes', () => {
    expect(lockoutAfter(0, now)).toBeUndefined();
    expect(lockoutAfter(4, now)).toBeUndefined();
    expect(lockoutAfter(5, now)).toBe('2026-03-10T03:15:00.000Z');
    expect(lockoutAfter(6, now)).toBe('2026-03-10T03:15:00.000Z');
  });
});
