import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What an asker keeps to follow a question: a readable tracking code, `HD.YYYYMMDD.NNNN` (the
 * local day of receipt and that day's counter, at least four digits), and a secret of 256 random
 * bits. Only the secret's SHA-256 is stored: with that much entropy a fast hash is enough (no
 * dictionary to try), and the comparison takes the same time whatever matches.
 */
export const TRACKING_CODE = /^HD\.(\d{4})(\d{2})(\d{2})\.(\d{4,6})$/;
const UTC_PLUS_7_MS = 7 * 3_600_000;

/** `20260212` for any instant of 12/02/2026 in Vietnam (UTC+7, no daylight saving). */
export const localDayOf = (instant: Date): string =>
  new Date(instant.getTime() + UTC_PLUS_7_MS).toISOString().slice(0, 10).replace(/-/g, '');

export function trackingCode(day: string, counter: number): string {
  if (!/^\d{8}$/.test(day)) throw new Error(`Not a day: ${day}`);
  if (!Number.isInteger(counter) || counter < 1 || counter > 999_999)
    throw new Error(`Counter out of range: ${counter}`);
  return `HD.${day}.${String(counter).padStart(4, '0')}`;
}

export const isTrackingCode = (value: string): boolean => TRACKING_CODE.test(value);

/** 32 random bytes, base64url (43 characters). */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const secretHash = (secret: string): string =>
  createHash('sha256').update(`question-secret\n${secret}`, 'utf8').digest('base64url');

/** Constant-time comparison of a presented secret with a stored hash (a missing hash compares with a dummy, so it takes as long). */
export function secretMatches(secret: string, storedHash: string | undefined): boolean {
  const presented = Buffer.from(secretHash(secret));
  const stored = Buffer.from(storedHash ?? DUMMY_HASH);
  const equal = presented.length === stored.length && timingSafeEqual(presented, stored);
  return equal && storedHash !== undefined;
}

const DUMMY_HASH = secretHash('no question has this secret');
