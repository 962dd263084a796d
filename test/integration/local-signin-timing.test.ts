import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { person, seedTree, type Person } from '../support/directory';
import { postJsonFrom } from '../support/http-from';

/**
 * The local stand-in's password hashing at its real cost, as `npm start` runs it: the other
 * tests use a cheap cost (test/support/local-stack.ts), under which timing tells little.
 */
vi.setConfig({ testTimeout: 180_000 }); // 100 ms hashes on a loaded 2-core machine
const local = useLocalStack({ passwordHashing: 'default' });
const WRONG = 'Sai-Mat-Khau-9!';

let sourceCounter = 10;
/** A loopback address no other test has used, so that no lockout counter is shared. */
const freshSource = () => `127.0.${Math.floor(sourceCounter / 250)}.${(sourceCounter++ % 250) + 2}`;
const signInFrom = (from: string, username: string, password: string) =>
  postJsonFrom(local.stack().gateway.url, '/local-auth/sign-in', { username, password }, from);

let known: Person;
beforeAll(async () => {
  await seedTree();
  known = await person(local.api, 'coten.soa', 'soa', ['editor']);
});

describe('password hashing of the local stack by default', () => {
  it('stores scrypt hashes at N=2^15, r=8, p=1 (32 MiB each)', async () => {
    const hashes = (await local.scanAll()).filter((i) => i.type === 'Credentials').map((i) => String(i.hash));
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
  });
});

describe('username enumeration by timing', () => {
  it('runs the same password hashing for unknown usernames (time ratio unknown/known within 0.4–2.5)', async () => {
    const ratios: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const unknown = await signInFrom(freshSource(), `khongco${i}.soa`, WRONG);
      const t1 = performance.now();
      const wrong = await signInFrom(freshSource(), known.username, WRONG);
      const t2 = performance.now();
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      ratios.push((t1 - t0) / (t2 - t1));
    }
    const median = ratios.sort((a, b) => a - b)[2]!;
    expect(median, `ratios ${ratios.map((r) => r.toFixed(2)).join(' ')}`).toBeGreaterThan(0.4);
    expect(median).toBeLessThan(2.5);
  });
});
