import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../shared/domain/errors';
import { LOCAL_CONSOLE_CLIENT_ID } from '../../shared/adapters/identity/local';
import { USER_SCOPE } from '../../shared/domain/access/scopes';
import type { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import { errorPage, signInPage, type Lang, type PageState } from './sign-in-page';

/**
 * What Cognito's managed login offers a public app client, as a local stand-in under /local-auth:
 *   GET  .well-known/openid-configuration   the discovery document (RFC 8414 / OIDC Discovery)
 *   GET  oauth2/authorize                   the sign-in page (response_type=code, PKCE S256 required)
 *   POST oauth2/authorize                   username+password, then the first-sign-in new password
 *   POST oauth2/token                       authorization_code and refresh_token grants (client_credentials: identity-endpoints.ts)
 *   POST oauth2/revoke                      revokes a refresh token (RFC 7009)
 *   GET  logout                             back to a registered sign-out URL
 * Codes live in this process's memory for five minutes and are single-use, as Cognito's.
 */
export const CONSOLE_PATH = '/console/';
const CODE_TTL_MS = 5 * 60_000;

interface PendingCode {
  readonly accessToken: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly expiresAt: number;
}
/** One local stack's sign-in state: its stand-in, the codes not yet exchanged, the refresh tokens revoked. */
export interface OAuthState {
  readonly identity: () => LocalIdentityProvider;
  readonly codes: Map<string, PendingCode>;
  readonly revokedRefreshTokens: Set<string>;
}

export const createOAuthState = (identity: () => LocalIdentityProvider): OAuthState => ({
  identity,
  codes: new Map(),
  revokedRefreshTokens: new Set(),
});

/** The origins this gateway answers on: the console's callback and sign-out URLs are registered for these only. */
const ownOrigins = (req: IncomingMessage) => {
  const port = req.socket.localPort;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
};
/** The issuer as the client reached it (one of this gateway's own origins). */
export const issuerOf = (req: IncomingMessage) => {
  const origins = ownOrigins(req);
  const asked = `http://${req.headers.host ?? ''}`;
  return `${origins.includes(asked) ? asked : origins[0]}/local-auth`;
};
const registeredCallback = (req: IncomingMessage, clientId: string | null, uri: string | null) =>
  clientId === LOCAL_CONSOLE_CLIENT_ID && uri !== null && ownOrigins(req).some((o) => uri === `${o}${CONSOLE_PATH}`);

export function discoveryDocument(req: IncomingMessage) {
  const issuer = issuerOf(req);
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    revocation_endpoint: `${issuer}/oauth2/revoke`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', USER_SCOPE],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}

const html = (res: ServerResponse, status: number, body: string) => {
  // The page is framed by nobody (clickjacking on a password form) and runs no script.
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(body);
};
const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
};
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    pragma: 'no-cache',
  });
  res.end(JSON.stringify(body));
};

const REQUEST_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
] as const;
const langOf = (value: string | null): Lang => (value === 'en' ? 'en' : 'vi');

/** Checks an authorization request; an error it may send back to the client, or a page when it may not. */
function checkRequest(
  req: IncomingMessage,
  params: URLSearchParams,
): { page?: { vi: string; en: string }; error?: string; description?: string } {
  if (!registeredCallback(req, params.get('client_id'), params.get('redirect_uri'))) {
    return {
      page: {
        vi: 'Ứng dụng hoặc địa chỉ trả về không được đăng ký',
        en: 'Unknown client or unregistered callback URL',
      },
    };
  }
  if (params.get('response_type') !== 'code') return { error: 'unsupported_response_type' };
  // As Cognito: PKCE with S256 only (RFC 7636 §4.2 lets a server refuse `plain`).
  if (
    params.get('code_challenge_method') !== 'S256' ||
    !/^[A-Za-z0-9_-]{43}$/.test(params.get('code_challenge') ?? '')
  ) {
    return { error: 'invalid_request', description: 'code_challenge with code_challenge_method=S256 is required' };
  }
  const scopes = (params.get('scope') ?? USER_SCOPE).split(' ').filter(Boolean);
  if (scopes.some((s) => s !== USER_SCOPE && s !== 'openid')) return { error: 'invalid_scope' };
  return {};
}

const backTo = (params: URLSearchParams, query: Record<string, string>) => {
  const target = new URL(params.get('redirect_uri')!);
  for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
  const state = params.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return target.toString();
};

const requestOf = (params: URLSearchParams) =>
  Object.fromEntries(REQUEST_PARAMS.filter((p) => params.has(p)).map((p) => [p, params.get(p)!])) as Record<
    string,
    string
  >;

export async function handleAuthorize(
  o: OAuthState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
  source: string,
): Promise<void> {
  const params = req.method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
  const lang = langOf(params.get('lang'));
  const checked = checkRequest(req, params);
  if (checked.page) return html(res, 400, errorPage(lang, checked.page));
  if (checked.error)
    return redirect(
      res,
      backTo(params, { error: checked.error, ...(checked.description && { error_description: checked.description }) }),
    );
  const request = requestOf(params);
  const page = (state: Omit<PageState, 'lang' | 'request'>, status = 200) =>
    html(res, status, signInPage({ lang, request, ...state }));
  if (req.method === 'GET') return page({ step: 'password' });

  try {
    const session = params.get('session');
    const result = session
      ? await o.identity().completeNewPassword(session, params.get('newPassword') ?? '')
      : await o.identity().signIn(params.get('username') ?? '', params.get('password') ?? '', source);
    if (result.kind === 'challenge') return page({ step: 'new-password', session: result.session });
    const code = randomBytes(32).toString('base64url');
    o.codes.set(code, {
      accessToken: result.accessToken,
      clientId: params.get('client_id')!,
      redirectUri: params.get('redirect_uri')!,
      codeChallenge: params.get('code_challenge')!,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    return redirect(res, backTo(params, { code }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const session = params.get('session');
    // An expired or replayed first-sign-in session starts again at the password step.
    if (session && error.code === 'validation') {
      return page(
        { step: 'new-password', session, error: { field: 'newPassword', message: error.messages[lang] } },
        400,
      );
    }
    const status = error.code === 'locked' ? 423 : 401;
    return page(
      {
        step: 'password',
        username: params.get('username') ?? '',
        error: { field: 'password', message: error.messages[lang] },
      },
      status,
    );
  }
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** The authorization_code and refresh_token grants of a public client (no secret, as the console's). */
export async function handleUserGrant(
  o: OAuthState,
  res: ServerResponse,
  form: URLSearchParams,
  clientId: string | undefined,
): Promise<void> {
  const code = form.get('code') ?? '';
  const pending = o.codes.get(code);
  o.codes.delete(code); // single use, whatever happens next (RFC 6749 §4.1.2), even when presented by another client
  if (clientId !== LOCAL_CONSOLE_CLIENT_ID) return json(res, 400, { error: 'invalid_client' });
  if (form.get('grant_type') === 'refresh_token') {
    try {
      const result = await o
        .identity()
        .refresh(form.get('refresh_token') ?? '', clientId, (jti) => o.revokedRefreshTokens.has(jti));
      if (result.kind !== 'tokens') return json(res, 400, { error: 'invalid_grant' });
      return json(res, 200, { access_token: result.accessToken, token_type: 'Bearer', expires_in: result.expiresIn });
    } catch (error) {
      if (error instanceof DomainError) return json(res, 400, { error: 'invalid_grant' });
      throw error;
    }
  }
  const verifier = form.get('code_verifier') ?? '';
  if (
    !pending ||
    pending.expiresAt < Date.now() ||
    pending.clientId !== clientId ||
    pending.redirectUri !== form.get('redirect_uri') ||
    !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
    s256(verifier) !== pending.codeChallenge
  ) {
    return json(res, 400, { error: 'invalid_grant' });
  }
  return json(res, 200, {
    access_token: pending.accessToken,
    refresh_token: o.identity().refreshTokenFor(pending.accessToken, clientId),
    token_type: 'Bearer',
    expires_in: 3600,
  });
}

/** RFC 7009: revoking an unknown or invalid token is a 200 as well. */
export function handleRevoke(o: OAuthState, res: ServerResponse, form: URLSearchParams): void {
  const jti = o.identity().refreshTokenId(form.get('token') ?? '', form.get('client_id') ?? '');
  if (jti) o.revokedRefreshTokens.add(jti);
  res.writeHead(200, { 'cache-control': 'no-store' });
  res.end();
}

/** Cognito's /logout: back to the client's registered sign-out URL (this stand-in keeps no sign-in cookie). */
export function handleLogout(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const target = url.searchParams.get('logout_uri');
  if (!registeredCallback(req, url.searchParams.get('client_id'), target)) {
    return html(
      res,
      400,
      errorPage(langOf(url.searchParams.get('lang')), {
        vi: 'Địa chỉ đăng xuất không được đăng ký',
        en: 'Unregistered sign-out URL',
      }),
    );
  }
  redirect(res, target!);
}
