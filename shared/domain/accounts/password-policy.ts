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
  maxAgeDays: { value: 90, basis: 'NA 10.2đ (ít nhất 3 tháng thay đổi một lần)' },
  lockoutAfterFailures: { value: 5, basis: 'Mặc định an toàn (BĐ 18.7: giữ bí mật thông tin tài khoản)' },
  lockoutMinutes: { value: 15, basis: 'Mặc định an toàn (BĐ 18.7)' },
  temporaryPasswordValidityDays: { value: 3, basis: 'Mặc định an toàn' },
} as const;

export function passwordIssues(password: string, field = 'body.newPassword'): FieldIssue[] {
  const missing: Array<[boolean, string, string]> = [
    [password.length >= passwordPolicy.minLength.value, `ít nhất ${passwordPolicy.minLength.value} ký tự`, `at least ${passwordPolicy.minLength.value} characters`],
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

export function passwordExpired(passwordChangedAt: string | undefined, now: Date): boolean {
  if (!passwordChangedAt) return true;
  const ageDays = (now.getTime() - Date.parse(passwordChangedAt)) / 86_400_000;
  return ageDays > passwordPolicy.maxAgeDays.value;
}

/** Failed attempts → locked until when (or undefined when still free). */
export function lockoutAfter(failedAttempts: number, now: Date): string | undefined {
  if (failedAttempts < passwordPolicy.lockoutAfterFailures.value) return undefined;
  return new Date(now.getTime() + passwordPolicy.lockoutMinutes.value * 60_000).toISOString();
}
