import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, person, seedTree, type Person } from '../support/directory';
import { httpFrom, type RawResponse } from '../support/http-from';

/**
 * The local gateway answers as API Gateway does (issue 12 #8, #12): odd query names and bad
 * %-encoding are client errors, not 503s; bodies that are not JSON objects or exceed the 10 MB
 * limit get 400 / 413 problem+json; a token without the route's scope is a 401; the token
 * endpoint accepts client_secret_basic with form-urlencoded credentials (RFC 6749 §2.3.1).
 */
const local = useLocalStack();
let admin: Person;
const raw = (path: string, init: Parameters<typeof httpFrom>[2] = {}) =>
  httpFrom(local.stack().gateway.url, path, init);

const isProblem = (res: RawResponse) => String(res.headers['content-type']).startsWith('application/problem+json');
const expectClientError = (res: RawResponse, status?: number) => {
  expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  if (status) expect(res.status).toBe(status);
  expect(isProblem(res)).toBe(true);
};
const expectServedOrRefused = (res: RawResponse) => {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  if (res.status >= 400) expect(isProblem(res)).toBe(true);
};

const ELEVEN_MIB = Buffer.alloc(11 * 1024 * 1024, 'a');

beforeAll(async () => {
  await local.monitored(); // /health stands for any public route here: it must answer 200
  await seedTree();
  admin = await person(local.api, 'admin', 'demo', ['operator']);
});

describe('query and header names that are Object.prototype members', () => {
  it.each(['constructor=1', '__proto__=1', 'constructor=1&constructor=2', '__proto__=1&toString=2&hasOwnProperty=3'])(
    '?%s is served or refused with a 4xx',
    async (query) => {
      expectServedOrRefused(await raw(`/health?${query}`));
      expectServedOrRefused(await raw(`/calendar/2026?${query}`));
      expectServedOrRefused(await raw(`/units/soa/accounts?${query}`, { headers: bearer(admin) }));
    },
  );

  it('headers named constructor or __proto__ change nothing', async () => {
    const res = await raw('/calendar/2026', {
      headers: Object.fromEntries([
        ['constructor', 'x'],
        ['__proto__', 'y'],
        ['x-a', 'z'],
      ]),
    });
    expect(res.status).toBe(200);
  });
});

describe('bad %-encoding in a path', () => {
  it.each(['/calendar/%E0%A4%A', '/calendar/%zz', '/calendar/%'])(
    '%s is a 400 naming the path parameter',
    async (path) => {
      const res = await raw(path);
      expectClientError(res, 400);
      expect(res.json.errors[0].field).toBe('path.year');
    },
  );

  it('on an authenticated route too', async () => {
    const res = await raw('/units/%C0%AF/accounts', { headers: bearer(admin) });
    expectClientError(res, 400);
    expect(res.json.errors[0].field).toBe('path.code');
  });

  it('a target that is not a path is a 400', async () => {
    expectClientError(await raw('//[bad/units'), undefined);
  });
});

describe('sign-in bodies', () => {
  it.each(['null', '[]', '"admin"', '42', 'true', '{"username":null,"password":null}'])(
    '%s on /local-auth is a 400 naming the body',
    async (body) => {
      for (const path of ['/local-auth/sign-in', '/local-auth/new-password']) {
        const res = await raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expectClientError(res, 400);
        expect(res.json.errors[0].field).toMatch(/^body/);
      }
    },
  );

  it('an 11 MiB body on /local-auth is a 413', async () => {
    expectClientError(
      await raw('/local-auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: ELEVEN_MIB,
      }),
      413,
    );
  });
});

describe('API Gateway’s 10 MB payload limit', () => {
  it('an 11 MiB body is a 413 problem, announced by Content-Length or not', async () => {
    const headers = { ...bearer(admin), 'content-type': 'application/json' };
    expectClientError(await raw('/units', { method: 'POST', headers, body: ELEVEN_MIB }), 413);
    expectClientError(
      await raw('/units', {
        method: 'POST',
        headers: { ...headers, 'transfer-encoding': 'chunked' },
        body: ELEVEN_MIB,
      }),
      413,
    );
    // A public route and a fetch client (which must read the answer, not a reset).
    const res = await local.api('/local-auth/oauth2/token', { method: 'POST', body: ELEVEN_MIB });
    expect(res.status).toBe(413);
  });
});

describe('machine clients at the gateway and the token endpoint', () => {
  let clientId: string;
  let clientSecret: string;
  beforeAll(async () => {
    const res = await local.api('/machine-clients', {
      method: 'POST',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hệ thống một cửa', unitCode: 'soa', scopes: ['portal/read'] }),
    });
    ({
      client: { clientId },
      clientSecret,
    } = (await res.json()) as { client: { clientId: string }; clientSecret: string });
  });
  const form = 'application/x-www-form-urlencoded';
  const token = (headers: Record<string, string>, body: string) =>
    raw('/local-auth/oauth2/token', { method: 'POST', headers: { 'content-type': form, ...headers }, body });
  /** Every character %-encoded: a valid application/x-www-form-urlencoded form of the value. */
  const encodeAll = (value: string) =>
    [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  });

  it('accepts client_secret_basic with form-urlencoded credentials (RFC 6749 §2.3.1)', async () => {
    const res = await token(basic(encodeAll(clientId), encodeAll(clientSecret)), 'grant_type=client_credentials');
    expect(res.status, res.text).toBe(200);
    expect(res.json.token_type).toBe('Bearer');
    expect(
      (
        await token(
          basic(new URLSearchParams({ a: clientId }).get('a')!, encodeURIComponent(clientSecret)),
          'grant_type=client_credentials',
        )
      ).status,
    ).toBe(200);
  });

  it('accepts client_secret_post, and refuses both methods at once or a wrong secret', async () => {
    const post = await token(
      {},
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    );
    expect(post.status, post.text).toBe(200);
    const both = await token(
      basic(clientId, clientSecret),
      new URLSearchParams({ grant_type: 'client_credentials', client_secret: clientSecret }).toString(),
    );
    expect(both.json).toEqual({ error: 'invalid_request' });
    const wrong = await token(basic(clientId, `${clientSecret}x`), 'grant_type=client_credentials');
    expect([wrong.status, wrong.json]).toEqual([400, { error: 'invalid_client' }]);
    const malformed = await token(basic(clientId, '%E0%A4%A'), 'grant_type=client_credentials');
    expect([malformed.status, malformed.json]).toEqual([400, { error: 'invalid_client' }]);
    const huge = await token(
      {},
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'x'.repeat(5000),
        client_secret: 's',
      }).toString(),
    );
    expect([huge.status, huge.json]).toEqual([400, { error: 'invalid_client' }]);
  });

  it('a token without the route’s scope is refused with 401, as API Gateway does', async () => {
    const access = (await token(basic(clientId, clientSecret), 'grant_type=client_credentials')).json
      .access_token as string;
    const refused = await raw('/units/soa/accounts', { headers: { authorization: `Bearer ${access}` } });
    expectClientError(refused, 401);
    expect((await raw('/me', { headers: { authorization: `Bearer ${access}` } })).status).toBe(200);
  });
});
