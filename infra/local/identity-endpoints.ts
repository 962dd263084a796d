import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../shared/domain/errors';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../../shared/http/problem';
import { asAuthorizerClaims } from '../../shared/adapters/identity/tokens';
import type { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import type { Authorizer } from './gateway';
import {
  discoveryDocument,
  handleAuthorize,
  handleLogout,
  handleRevoke,
  handleUserGrant,
  type OAuthState,
} from './oauth-endpoints';

/**
 * The local stand-in for Cognito's sign-in endpoints, served by the local gateway under
 * /local-auth (on AWS the console and agency systems talk to Cognito itself):
 *   POST /local-auth/sign-in          { username, password }   → tokens, or the NEW_PASSWORD_REQUIRED challenge
 *   POST /local-auth/new-password     { session, newPassword } → tokens
 *   POST /local-auth/oauth2/token     client_credentials (client_secret_basic or _post), as Cognito's token endpoint
 * and the managed login of the console's app client (oauth-endpoints.ts): discovery, authorize,
 * the authorization_code and refresh_token grants, revoke and logout.
 */
export const LOCAL_AUTH_PREFIX = '/local-auth/';

/** The authorizer the local gateway runs where API Gateway runs Cognito's. */
/** Checks the stand-in's tokens as API Gateway's Cognito authorizer checks Cognito's. */
export const localAuthorizer =
  (identity: () => LocalIdentityProvider): Authorizer =>
  async (header) => {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    const claims = token ? identity().verify(token) : undefined;
    return claims ? asAuthorizerClaims(claims) : undefined;
  };

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, error: unknown, path: string) {
  if (error instanceof DomainError) {
    // Every field these endpoints take travels in the JSON body; the domain names the field alone.
    const fields = error.fields.map((f) => ({ ...f, field: /^body\b/.test(f.field) ? f.field : `body.${f.field}` }));
    const body = problemBody(error.code, { detail: error.messages, fields, instance: path, lang: 'vi' });
    return send(res, body.status, body, PROBLEM_CONTENT_TYPE);
  }
  console.error('local-auth failed', error);
  const body = problemBody('internal', { instance: path, lang: 'vi' });
  send(res, 500, body, PROBLEM_CONTENT_TYPE);
}

const required = (value: unknown, field: string): string => {
  if (typeof value === 'string' && value.length > 0 && value.length <= 4096) return value;
  const message = { vi: `Thiếu ${field}`, en: `${field} is required` };
  throw new DomainError('validation', message, [{ field: `body.${field}`, code: 'required', message }]);
};

/** The JSON body of sign-in calls: an object, or a 400 naming the body (null, arrays and scalars included). */
function jsonObject(body: Buffer): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    const message = { vi: 'JSON không hợp lệ', en: 'Malformed JSON' };
    throw new DomainError('validation', message, [{ field: 'body', code: 'malformed_json', message }]);
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  const message = { vi: 'Nội dung phải là một đối tượng JSON', en: 'The body must be a JSON object' };
  throw new DomainError('validation', message, [{ field: 'body', code: 'invalid_type', message }]);
}

/** The client's address as this gateway sees it (the TCP peer; forwarding headers are not trusted). */
export const sourceOf = (req: IncomingMessage): string =>
  (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** application/x-www-form-urlencoded decoding of one value ('+' is a space); undefined when malformed. */
const formDecode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

/**
 * Client authentication at the token endpoint (RFC 6749 §2.3.1): client_secret_basic, where id
 * and secret are form-urlencoded, then joined by ':' and base64-encoded into HTTP Basic; or
 * client_secret_post, in the form body. Using both at once is an invalid request.
 */
function clientAuthentication(
  req: IncomingMessage,
  form: URLSearchParams,
): { clientId?: string; clientSecret?: string; error?: string } {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!basic)
    return { clientId: form.get('client_id') ?? undefined, clientSecret: form.get('client_secret') ?? undefined };
  if (form.has('client_secret')) return { error: 'invalid_request' };
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { error: 'invalid_client' };
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  if (clientId === undefined || clientSecret === undefined) return { error: 'invalid_client' };
  if (form.has('client_id') && form.get('client_id') !== clientId) return { error: 'invalid_request' };
  return { clientId, clientSecret };
}

export async function handleLocalAuth(
  o: OAuthState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): Promise<void> {
  const path = url.pathname.slice(LOCAL_AUTH_PREFIX.length);
  try {
    if (path === '.well-known/openid-configuration' && req.method === 'GET')
      return send(res, 200, discoveryDocument(req));
    if (path === 'oauth2/authorize' && (req.method === 'GET' || req.method === 'POST'))
      return await handleAuthorize(o, req, res, url, body, sourceOf(req));
    if (path === 'logout' && req.method === 'GET') return handleLogout(req, res, url);
    if (req.method !== 'POST')
      return send(
        res,
        405,
        problemBody('method_not_allowed', { instance: url.pathname, lang: 'vi' }),
        PROBLEM_CONTENT_TYPE,
      );
    const tokens = (result: Awaited<ReturnType<LocalIdentityProvider['signIn']>>) =>
      result.kind === 'tokens'
        ? send(res, 200, { accessToken: result.accessToken, expiresIn: result.expiresIn, tokenType: result.tokenType })
        : send(res, 200, { challenge: result.challenge, session: result.session });
    if (path === 'sign-in') {
      const input = jsonObject(body);
      return tokens(
        await o
          .identity()
          .signIn(required(input.username, 'username'), required(input.password, 'password'), sourceOf(req)),
      );
    }
    if (path === 'new-password') {
      const input = jsonObject(body);
      return tokens(
        await o
          .identity()
          .completeNewPassword(required(input.session, 'session'), required(input.newPassword, 'newPassword')),
      );
    }
    if (path === 'oauth2/token') {
      // Errors as Cognito's token endpoint (and RFC 6749 §5.2) give them: 400 with an `error` code.
      const form = new URLSearchParams(body.toString('utf8'));
      const { clientId, clientSecret, error } = clientAuthentication(req, form);
      if (error) return send(res, 400, { error });
      const grant = form.get('grant_type');
      if ((grant === 'authorization_code' || grant === 'refresh_token') && !clientSecret)
        return await handleUserGrant(o, res, form, clientId);
      if (grant !== 'client_credentials') return send(res, 400, { error: 'unsupported_grant_type' });
      if (!clientId || !clientSecret) return send(res, 400, { error: 'invalid_request' });
      try {
        const result = await o
          .identity()
          .clientCredentials(clientId, clientSecret, (form.get('scope') ?? '').split(' ').filter(Boolean));
        if (result.kind !== 'tokens') return send(res, 400, { error: 'invalid_request' });
        return send(res, 200, { access_token: result.accessToken, token_type: 'Bearer', expires_in: result.expiresIn });
      } catch (refused) {
        if (refused instanceof DomainError)
          return send(res, 400, { error: refused.code === 'forbidden' ? 'invalid_scope' : 'invalid_client' });
        throw refused;
      }
    }
    if (path === 'oauth2/revoke') return handleRevoke(o, res, new URLSearchParams(body.toString('utf8')));
    send(res, 404, problemBody('route_not_found', { instance: url.pathname, lang: 'vi' }), PROBLEM_CONTENT_TYPE);
  } catch (error) {
    fail(res, error, url.pathname);
  }
}
