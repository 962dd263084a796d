import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, NEW_PASSWORD, person, seedTree, type Person } from '../support/directory';
import { httpFrom, postJsonFrom } from '../support/http-from';
import { ensureAccount } from '../../shared/application/bootstrap';

/**
 * The local stand-in for Cognito, tried as an attacker would (issue 12 #4): parallel guesses,
 * races with a password change, replayed first-sign-in sessions, username enumeration by
 * timing and by message, and lockout of someone else's account from one source.
 * Sources are told apart by the loopback address a request comes from (127.0.0.x).
 * With the suite's cheap password hashing (test/support/local-stack.ts); enumeration by timing,
 * which needs the real cost, is in local-signin-timing.test.ts.
 */
// Still dozens of sign-ins at once: room for a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });
const local = useLocalStack();
const WRONG = 'Sai-Mat-Khau-9!';

const signInFrom = (from: string, username: string, password: string) =>
  postJsonFrom(local.stack().gateway.url, '/local-auth/sign-in', { username, password }, from);

/** What a caller can compare between two answers: everything but per-request ids. */
const visible = (res: { status: number; json: any }) => ({
  status: res.status,
  type: res.json?.type,
  title: res.json?.title,
  detail: res.json?.detail,
  i18n: res.json?.i18n,
});

let sourceCounter = 10;
/** A loopback address no other test has used: each test plays its own clients. */
const freshSource = () => `127.0.${Math.floor(sourceCounter / 250)}.${(sourceCounter++ % 250) + 2}`;

beforeAll(async () => {
  await seedTree();
});

describe('lockout counters', () => {
  it('locks after 5 failures even when 31 wrong guesses arrive at once: the right password then gets no token', async () => {
    const victim = await person(local.api, 'song.soa', 'soa', ['editor']);
    const source = freshSource();
    const guesses = await Promise.all(
      Array.from({ length: 31 }, (_, i) => signInFrom(source, victim.username, `${WRONG}${i}`)),
    );
    expect(guesses.filter((g) => g.status === 200)).toEqual([]);
    expect(guesses.filter((g) => g.status === 401).length).toBeLessThanOrEqual(5);
    const right = await signInFrom(source, victim.username, NEW_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.json?.accessToken).toBeUndefined();
  });

  it('five failures from one source do not lock the account for its owner elsewhere', async () => {
    const operator = await person(local.api, 'tinh.admin', 'demo', ['operator']);
    const attacker = freshSource();
    for (let i = 0; i < 5; i++) expect((await signInFrom(attacker, operator.username, WRONG)).status).toBe(401);
    expect((await signInFrom(attacker, operator.username, NEW_PASSWORD)).status).toBe(423);
    const owner = await signInFrom(freshSource(), operator.username, NEW_PASSWORD);
    expect(owner.status).toBe(200);
    expect(typeof owner.json.accessToken).toBe('string');
  });

  it('locks the account for every source once many sources together fail 25 times in the window', async () => {
    const target = await person(local.api, 'nhieu.soa', 'soa', ['editor']);
    const burst = async () => {
      const source = freshSource();
      for (let i = 0; i < 5; i++) expect((await signInFrom(source, target.username, WRONG)).status).toBe(401);
    };
    await Promise.all(Array.from({ length: 4 }, burst)); // 20 failures from 4 sources
    expect((await signInFrom(freshSource(), target.username, NEW_PASSWORD)).status).toBe(200);
    await burst(); // 25
    const after = await signInFrom(freshSource(), target.username, NEW_PASSWORD);
    expect(after.status).toBe(423);
    expect(after.json?.accessToken).toBeUndefined();
  });

  it('a failed sign-in never undoes a password change made at the same moment', async () => {
    for (let round = 1; round <= 3; round++) {
      const changer = await person(local.api, `doimk${round}.soa`, 'soa', ['editor']);
      const next = `Mật-Khẩu-Vòng-${round}!`;
      const source = freshSource();
      let changing = true;
      const change = local
        .api('/me/password', {
          method: 'POST',
          headers: { ...bearer(changer), 'content-type': 'application/json' },
          body: JSON.stringify({ currentPassword: NEW_PASSWORD, newPassword: next }),
        })
        .finally(() => (changing = false));
      // Failed sign-ins back to back while the change runs (at most 4, under the lockout): one spans its write.
      const failures = (async () => {
        for (let i = 0; i < 4 && changing; i++) await signInFrom(source, changer.username, WRONG);
      })();
      const [changed] = await Promise.all([change, failures]);
      expect(changed.status).toBe(204);
      expect(
        (await signInFrom(freshSource(), changer.username, NEW_PASSWORD)).status,
        `round ${round}: the old password is gone`,
      ).toBe(401);
      expect(
        (await signInFrom(freshSource(), changer.username, next)).status,
        `round ${round}: the new password works`,
      ).toBe(200);
    }
  });
});

describe('password change', () => {
  it('two changes raced from the same current password: one wins, the other is refused (409, or 400 if it read after the win)', async () => {
    const owner = await person(local.api, 'haidoi.soa', 'soa', ['editor']);
    const change = (newPassword: string) =>
      local.api('/me/password', {
        method: 'POST',
        headers: { ...bearer(owner), 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: NEW_PASSWORD, newPassword }),
      });
    const answers = await Promise.all([change('Mật-Khẩu-Một-1!'), change('Mật-Khẩu-Hai-2!')]);
    // The loser is a 409 when both read the same password; on a busy machine the winner may finish
    // before the other reads, which then finds its current password wrong (400). Never two changes.
    const statuses = answers.map((a) => a.status).sort();
    expect([
      [204, 409],
      [204, 400],
    ]).toContainEqual(statuses);
    const [winner, loser] =
      answers[0]!.status === 204 ? ['Mật-Khẩu-Một-1!', 'Mật-Khẩu-Hai-2!'] : ['Mật-Khẩu-Hai-2!', 'Mật-Khẩu-Một-1!'];
    expect((await signInFrom(freshSource(), owner.username, winner)).status).toBe(200);
    expect((await signInFrom(freshSource(), owner.username, loser)).status).toBe(401);
  });
});

describe('first-sign-in session', () => {
  it('is single-use: a replay cannot set another password', async () => {
    const created = (await ensureAccount(local.stack().services, {
      username: 'moi.soa',
      fullName: 'Người mới',
      email: 'moi@soa.gov.vn',
      unitCode: 'soa',
      roles: ['editor'],
    }))!;
    const source = freshSource();
    const first = await signInFrom(source, 'moi.soa', created.temporaryPassword!);
    expect(first.json.challenge).toBe('NEW_PASSWORD_REQUIRED');
    const url = local.stack().gateway.url;
    const done = await postJsonFrom(
      url,
      '/local-auth/new-password',
      { session: first.json.session, newPassword: NEW_PASSWORD },
      source,
    );
    expect(done.status).toBe(200);
    const replay = await postJsonFrom(
      url,
      '/local-auth/new-password',
      { session: first.json.session, newPassword: 'Ke-Tan-Cong-2026!' },
      freshSource(),
    );
    expect(replay.status).toBe(401);
    expect(replay.json.accessToken).toBeUndefined();
    expect((await signInFrom(freshSource(), 'moi.soa', NEW_PASSWORD)).status).toBe(200);
    expect((await signInFrom(freshSource(), 'moi.soa', 'Ke-Tan-Cong-2026!')).status).toBe(401);
  });

  it('two sessions raced: exactly one sets the password', async () => {
    const created = (await ensureAccount(local.stack().services, {
      username: 'dua.soa',
      fullName: 'Người đua',
      email: 'dua@soa.gov.vn',
      unitCode: 'soa',
      roles: ['editor'],
    }))!;
    const url = local.stack().gateway.url;
    const session = (await signInFrom(freshSource(), 'dua.soa', created.temporaryPassword!)).json.session as string;
    const answers = await Promise.all(
      ['Mật-Khẩu-Một-1!', 'Mật-Khẩu-Hai-2!', 'Mật-Khẩu-Ba-3!'].map((newPassword) =>
        postJsonFrom(url, '/local-auth/new-password', { session, newPassword }, freshSource()),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401]);
  });
});

describe('username enumeration', () => {
  let known: Person;
  beforeAll(async () => {
    known = await person(local.api, 'coten.soa', 'soa', ['editor']);
  });

  it('answers a closed account as it answers an unknown username, even with the right password', async () => {
    const leaving = await person(local.api, 'dong.soa', 'soa', ['editor']);
    await local.stack().services.identity.disableUser(leaving.username);
    const closed = await signInFrom(freshSource(), leaving.username, NEW_PASSWORD);
    const unknown = await signInFrom(freshSource(), 'khong-ai.soa', NEW_PASSWORD);
    expect(closed.status).toBe(401);
    expect(visible(closed)).toEqual(visible(unknown));
  });

  it('locks an unknown username exactly as a known one, so the lock tells nothing', async () => {
    const source = freshSource();
    for (let i = 0; i < 5; i++) {
      const a = await signInFrom(source, known.username, WRONG);
      const b = await signInFrom(source, 'ma.soa', WRONG);
      expect(visible(a)).toEqual(visible(b));
    }
    const lockedKnown = await signInFrom(source, known.username, NEW_PASSWORD);
    const lockedUnknown = await signInFrom(source, 'ma.soa', NEW_PASSWORD);
    expect(lockedKnown.status).toBe(423);
    expect(visible(lockedKnown)).toEqual(visible(lockedUnknown));
  });

  it('refuses an absurdly long username with the generic answer, not a 5xx', async () => {
    const res = await signInFrom(freshSource(), 'a'.repeat(3000), WRONG);
    expect(res.status).toBe(401);
  });
});

describe('unlock', () => {
  it('an operator unlock clears the lock for every source', async () => {
    const admin = await person(local.api, 'mo.admin', 'demo', ['operator']);
    const victim = await person(local.api, 'bikhoa.soa', 'soa', ['editor']);
    const source = freshSource();
    for (let i = 0; i < 5; i++) await signInFrom(source, victim.username, WRONG);
    expect((await signInFrom(source, victim.username, NEW_PASSWORD)).status).toBe(423);
    const unlocked = await httpFrom(local.stack().gateway.url, `/accounts/${victim.id}/unlock`, {
      method: 'POST',
      headers: bearer(admin),
    });
    expect(unlocked.status).toBe(204);
    expect((await signInFrom(source, victim.username, NEW_PASSWORD)).status).toBe(200);
  });
});
