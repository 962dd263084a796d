import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt (memory-hard, in Node's crypto): N=2^15, r=8, p=1 uses 32 MiB per hash. */
export const DEFAULT_SCRYPT_N = 2 ** 15;
const PARAMS = { r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

/** The cost factors a deployment may choose: powers of two from 2^10 (tests) to 2^20. */
export const isScryptN = (n: number) => Number.isSafeInteger(n) && n >= 2 ** 10 && n <= 2 ** 20 && (n & (n - 1)) === 0;

const scrypt = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))),
  );

/** Hashes with cost factor `n`; the hash carries its cost, so verifying needs no configuration. */
export async function hashPassword(password: string, n = DEFAULT_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { ...PARAMS, N: n });
  return ['scrypt', n, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * A well-formed hash that no password matches (its key is all zeros), verified when a username is
 * unknown so that sign-in does the same scrypt work either way: the answer's timing tells nothing.
 * Give it the cost that new hashes get.
 */
export const dummyHash = (n = DEFAULT_SCRYPT_N) =>
  ['scrypt', n, PARAMS.r, PARAMS.p, 'A'.repeat(22), 'A'.repeat(43)].join('$');

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key || !Object.values(cost).every((v) => Number.isSafeInteger(v) && v > 0))
    return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { ...cost, maxmem: PARAMS.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A temporary password that satisfies the policy: 14 characters from every class. */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+'];
  const chars = sets.map((set) => set[randomInt(set.length)]!);
  const all = sets.join('');
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
