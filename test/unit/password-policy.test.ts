import { describe, expect, it } from 'vitest';
import { lockoutAfter, passwordExpired, passwordIssues, passwordPolicy } from '../../shared/domain/accounts/password-policy';

/** Each password rule of NA 10.2đ, alone and together, with the message that names it. */
const needs = (vi: string, en: string) => [
  { field: 'body.newPassword', code: 'weak_password', message: { vi: `Mật khẩu cần ${vi} (NA 10.2đ)`, en: `The password needs ${en} (NA 10.2đ)` } },
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
    expect(passwordIssues('', 'body.password')).toStrictEqual([
      {
        field: 'body.password',
        code: 'weak_password',
        message: {
          vi: 'Mật khẩu cần ít nhất 8 ký tự, một chữ hoa, một chữ thường, một chữ số, một ký tự đặc biệt (NA 10.2đ)',
          en: 'The password needs at least 8 characters, an upper-case letter, a lower-case letter, a digit, a special character (NA 10.2đ)',
        },
      },
    ]);
    expect(passwordIssues('abcdefgh')[0]?.message.en).toBe('The password needs an upper-case letter, a digit, a special character (NA 10.2đ)');
  });
});

describe('password age and lockout', () => {
  const now = new Date('2026-03-10T03:00:00.000Z');
  const daysBefore = (days: number, ms = 0) => new Date(now.getTime() - days * 86_400_000 - ms).toISOString();

  it('expires a password after 90 days, not at 90 days exactly', () => {
    expect(passwordPolicy.maxAgeDays.value).toBe(90);
    expect(passwordExpired(now.toISOString(), now)).toBe(false);
    expect(passwordExpired(daysBefore(90), now)).toBe(false);
    expect(passwordExpired(daysBefore(90, 1), now)).toBe(true);
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
