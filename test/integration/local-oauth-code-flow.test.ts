import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { NEW_PASSWORD, person, seedTree } from '../support/directory';
import { httpFrom } from '../support/http-from';
import { ensureAccount } from '../../shared/application/bootstrap';
import { USER_SCOPE } from '../../shared/domain/access/scopes';

/**
 * The local stand-in for Cognito's managed login, as the console uses it: discovery, the sign-in
 * page with the first-sign-in password step, PKCE (S256 only), single-use codes, refresh, revoke.
 */
const local = useLocalStack();
const CLIENT = 'local-console';
const base = () => local.stack().gateway.url;
const callback = () => `${base()}/console/`;

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const authorizeQuery = (overrides: Record<string, string | undefined> = {}) => {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: callback(),
    state: 'st-1',
    scope: `openid ${USER_SCOPE}`,
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
};

const get = (path: string) => fetch(`${base()}${path}`, { redirect: 'manual' });
const postForm = (path: string, form: URLSearchParams, from?: string) =>
  httpFrom(base(), path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    ...(from && { from }),
  });

/** Signs in on the page (answering the new-password step if asked) and returns the code sent back. */
async function signInForCode(
  username: string,
  password: string,
  challenge: string,
  newPassword?: string,
): Promise<string> {
  const request = authorizeQuery({ code_challenge: challenge });
  let res = await postForm(
    '/local-auth/oauth2/authorize',
    new URLSearchParams([...request, ['username', username], ['password', password]]),
  );
  if (res.status === 200 && newPassword) {
    const session = /name="session" value="([^"]+)"/.exec(res.text)?.[1];
    expect(session).toBeDefined();
    res = await postForm(
      '/local-auth/oauth2/authorize',
      new URLSearchParams([...request, ['session', session!], ['newPassword', newPassword]]),
    );
  }
  expect(res.status).toBe(302);
  const location = new URL(String(res.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe(callback());
  expect(location.searchParams.get('state')).toBe('st-1');
  return location.searchParams.get('code')!;
}

const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  postForm(
    '/local-auth/oauth2/token',
    new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      redirect_uri: callback(),
      code,
      code_verifier: verifier,
      ...extra,
    }),
  );

const me = (token: string) => fetch(`${base()}/me`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  await seedTree();
});

describe('discovery and the authorization request', () => {
  it('publishes a discovery document whose issuer is where it was fetched, S256 only', async () => {
    const res = await get('/local-auth/.well-known/openid-configuration');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc.issuer).toBe(`${base()}/local-auth`);
    expect(doc.authorization_endpoint).toBe(`${base()}/local-auth/oauth2/authorize`);
    expect(doc.token_endpoint).toBe(`${base()}/local-auth/oauth2/token`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('shows the sign-in page in Vietnamese, and in English on request', async () => {
    const vi = await get(`/local-auth/oauth2/authorize?${authorizeQuery()}`);
    expect(vi.status).toBe(200);
    const page = await vi.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Tên đăng nhập');
    const en = await (await get(`/local-auth/oauth2/authorize?${authorizeQuery({ lang: 'en' })}`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Username');
  });

  it('refuses a request without PKCE, or with the plain method, back at the client', async () => {
    for (const overrides of [
      { code_challenge: undefined, code_challenge_method: undefined },
      { code_challenge_method: 'plain' },
      { code_challenge_method: undefined },
    ]) {
      const res = await get(`/local-auth/oauth2/authorize?${authorizeQuery(overrides)}`);
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('never redirects to an unregistered callback URL or for an unknown client', async () => {
    for (const overrides of [
      { redirect_uri: 'https://evil.example/console/' },
      { redirect_uri: `${base()}/elsewhere/` },
      { client_id: 'someone-else' },
    ]) {
      const res = await get(`/local-auth/oauth2/authorize?${authorizeQuery(overrides)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });
});

describe('the code flow', () => {
  it('first sign-in: the new-password step, then a code; the tokens carry the staff scope and refresh', async () => {
    const created = await ensureAccount(local.stack().services, {
      username: 'luong.soa',
      fullName: 'Lương',
      email: 'luong.soa@example.gov.vn',
      unitCode: 'soa',
      roles: ['editor'],
    });
    const { verifier, challenge } = pkce();
    const request = authorizeQuery({ code_challenge: challenge });
    const first = await postForm(
      '/local-auth/oauth2/authorize',
      new URLSearchParams([...request, ['username', 'luong.soa'], ['password', created!.temporaryPassword!]]),
    );
    expect(first.status).toBe(200);
    expect(first.text).toContain('name="newPassword"');
    const session = /name="session" value="([^"]+)"/.exec(first.text)![1]!;
    const weak = await postForm(
      '/local-auth/oauth2/authorize',
      new URLSearchParams([...request, ['session', session], ['newPassword', 'short']]),
    );
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('aria-invalid="true"');

    const code = await signInForCode('luong.soa', created!.temporaryPassword!, challenge, NEW_PASSWORD);
    const tokens = await exchange(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.json.token_type).toBe('Bearer');
    const claims = JSON.parse(Buffer.from(tokens.json.access_token.split('.')[1], 'base64url').toString());
    expect(claims.scope.split(' ')).toContain(USER_SCOPE);
    expect(claims.client_id).toBe(CLIENT);
    expect((await me(tokens.json.access_token)).status).toBe(200);

    // The code is single-use.
    expect((await exchange(code, verifier)).json).toEqual({ error: 'invalid_grant' });

    const refreshed = await postForm(
      '/local-auth/oauth2/token',
      new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT, refresh_token: tokens.json.refresh_token }),
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.access_token).not.toBe(tokens.json.access_token);
    expect((await me(refreshed.json.access_token)).status).toBe(200);

    // After revocation (the console's sign-out) the refresh token is refused.
    const revoked = await postForm(
      '/local-auth/oauth2/revoke',
      new URLSearchParams({ client_id: CLIENT, token: tokens.json.refresh_token }),
    );
    expect(revoked.status).toBe(200);
    const again = await postForm(
      '/local-auth/oauth2/token',
      new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT, refresh_token: tokens.json.refresh_token }),
    );
    expect(again.json).toEqual({ error: 'invalid_grant' });
  });

  it('refuses a code with a wrong verifier, another callback URL or another client, and burns it', async () => {
    const editor = await person(local.api, 'pkce.soa', 'soa', ['editor']);
    const wrongs: Record<string, string>[] = [
      { code_verifier: pkce().verifier },
      { redirect_uri: `${base()}/other/` },
      { client_id: 'someone-else' },
    ];
    for (const wrong of wrongs) {
      const { verifier, challenge } = pkce();
      const code = await signInForCode(editor.username, NEW_PASSWORD, challenge);
      const refused = await exchange(code, verifier, wrong);
      expect(refused.status).toBe(400);
      expect(['invalid_grant', 'invalid_client']).toContain(refused.json.error);
      expect((await exchange(code, verifier)).json).toEqual({ error: 'invalid_grant' });
    }
  });

  it('keeps the lockout rules on the page: after 5 failures the right password is refused with 423', async () => {
    const editor = await person(local.api, 'khoa.soa', 'soa', ['editor']);
    const request = authorizeQuery();
    const attempt = (password: string) =>
      postForm(
        '/local-auth/oauth2/authorize',
        new URLSearchParams([...request, ['username', editor.username], ['password', password]]),
        '127.0.9.9',
      );
    for (let i = 0; i < 5; i++) expect((await attempt(`Sai-Mat-Khau-${i}!`)).status).toBe(401);
    const locked = await attempt(NEW_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.headers.location).toBeUndefined();
  });

  it('logout returns only to a registered sign-out URL', async () => {
    const ok = await get(`/local-auth/logout?${new URLSearchParams({ client_id: CLIENT, logout_uri: callback() })}`);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(callback());
    const evil = await get(
      `/local-auth/logout?${new URLSearchParams({ client_id: CLIENT, logout_uri: 'https://evil.example/' })}`,
    );
    expect(evil.status).toBe(400);
  });
});
