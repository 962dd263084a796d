import type { FieldIssue } from '../errors';

/**
 * Password rules of the regulations, as data (NA 10.2đ): at least 8 characters with upper case,
 * lower case, a digit and a special character; changed at first sign-in and at least every
 * 3 months. Lockout after repeated failures is a product default guarding credentials (BĐ 18.7).
 */
export const passwordPolicy = {
  minLength: { value: 8, basis: 'NA 10.2đ' },
  requireUpper: { value: true, basis: 'NA 10.2đ' },
  requireLower: { value: true, basis: 'NA 10.2đ' },
  requireDigit: { value: true, basis: 'NA 10.2đ' },
  requireSpecial: { value: true, basis: 'NA 10.2đ' },
  changeAtFirstSignIn: { value: true, basis: 'NA 10.2đ' },
  /** Calendar months (BLDS 2015 Điều 148): a change on 31/01 must be renewed by the end of 30/04. */
  maxAgeMonths: {
    value: 3,
    basis: 'NA 10.2đ (ít nhất 3 tháng/lần); BLDS 2015 Điều 148 (tháng không có ngày tương ứng: ngày cuối tháng)',
  },
  lockoutAfterFailures: { value: 5, basis: 'Mặc định an toàn (BĐ 18.7: giữ bí mật thông tin tài khoản)' },
  lockoutMinutes: { value: 15, basis: 'Mặc định an toàn (BĐ 18.7)' },
  temporaryPasswordValidityDays: { value: 3, basis: 'Mặc định an toàn' },
} as const;

export function passwordIssues(password: string, field = 'newPassword'): FieldIssue[] {
  const missing: Array<[boolean, string, string]> = [
    [
      password.length >= passwordPolicy.minLength.value,
      `ít nhất ${passwordPolicy.minLength.value} ký tự`,
      `at least ${passwordPolicy.minLength.value} characters`,
    ],
    [/\p{Lu}/u.test(password), 'một chữ hoa', 'an upper-case letter'],
    [/\p{Ll}/u.test(password), 'một chữ thường', 'a lower-case letter'],
    [/\d/.test(password), 'một chữ số', 'a digit'],
    [/[^\p{L}\d\s]/u.test(password), 'một ký tự đặc biệt', 'a special character'],
  ];
  const failing = missing.filter(([ok]) => !ok);
  if (failing.length === 0) return [];
  return [
    {
      field,
      code: 'weak_password',
      message: {
        vi: `Mật khẩu cần ${failing.map((f) => f[1]).join(', ')} (NA 10.2đ)`,
        en: `The password needs ${failing.map((f) => f[2]).join(', ')} (NA 10.2đ)`,
      },
    },
  ];
}

/** Việt Nam's offset (UTC+7, no daylight saving): the months are counted on local dates. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;

/**
 * The instant a password changed at `changedAt` must have been renewed by: the end (24:00 local) of
 * the day `maxAgeMonths` calendar months later, or of that month's last day when it has no such day
 * (BLDS 2015 Điều 148.1): changed 31/01 → renewed by the end of 30/04; changed 15/01 → by the end of 15/04.
 */
export function passwordRenewBy(changedAt: string): string {
  const local = new Date(Date.parse(changedAt) + LOCAL_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + passwordPolicy.maxAgeMonths.value;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day + 1) - LOCAL_OFFSET_MS).toISOString();
}

export function passwordExpired(passwordChangedAt: string | undefined, now: Date): boolean {
  if (!passwordChangedAt || Number.isNaN(Date.parse(passwordChangedAt))) return true;
  return now.getTime() >= Date.parse(passwordRenewBy(passwordChangedAt));
}

/** Failed attempts → locked until when (or undefined when still free). */
export function lockoutAfter(failedAttempts: number, now: Date): string | undefined {
  if (failedAttempts < passwordPolicy.lockoutAfterFailures.value) return undefined;
  return new Date(now.getTime() + passwordPolicy.lockoutMinutes.value * 60_000).toISOString();
}
