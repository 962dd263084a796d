import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../shared/domain/errors';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../../shared/http/problem';
import { asAuthorizerClaims } from '../../shared/adapters/identity/tokens';
import { localIdentity } from './identity-root';
import type { Authorizer } from './gateway';

/**
 * The local stand-in for Cognito's sign-in endpoints, served by the local gateway under
 * /local-auth (on AWS the console and agency systems talk to Cognito itself):
 *   POST /local-auth/sign-in          { username, password }   → tokens, or the NEW_PASSWORD_REQUIRED challenge
 *   POST /local-auth/new-password     { session, newPassword } → tokens
 *   POST /local-auth/oauth2/token     client_credentials (HTTP Basic), as Cognito's token endpoint
 */
export const LOCAL_AUTH_PREFIX = '/local-auth/';

const identity = localIdentity;

/** The authorizer the local gateway runs where API Gateway runs Cognito's. */
export const localAuthorizer: Authorizer = async (header) => {
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
    const body = problemBody(error.code, { detail: error.messages, fields: error.fields, instance: path, lang: 'vi' });
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

export async function handleLocalAuth(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
  const path = url.pathname.slice(LOCAL_AUTH_PREFIX.length);
  try {
    if (req.method !== 'POST') return send(res, 405, { message: 'POST only' });
    const tokens = (result: Awaited<ReturnType<ReturnType<typeof identity>['signIn']>>) =>
      result.kind === 'tokens'
        ? send(res, 200, { accessToken: result.accessToken, expiresIn: result.expiresIn, tokenType: result.tokenType })
        : send(res, 200, { challenge: result.challenge, session: result.session });
    if (path === 'sign-in' || path === 'new-password') {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        // `null`, a number or an array is not a sign-in: no fields (each then named as missing).
        if (input === null || typeof input !== 'object' || Array.isArray(input)) input = {};
      } catch {
        throw new DomainError('validation', { vi: 'JSON không hợp lệ', en: 'Malformed JSON' }, [
          { field: 'body', code: 'malformed_json', message: { vi: 'JSON không hợp lệ', en: 'Malformed JSON' } },
        ]);
      }
      if (path === 'sign-in') return tokens(await identity().signIn(required(input.username, 'username'), required(input.password, 'password')));
      return tokens(await identity().completeNewPassword(required(input.session, 'session'), required(input.newPassword, 'newPassword')));
    }
    if (path === 'oauth2/token') {
      const form = new URLSearchParams(body.toString('utf8'));
      const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const [clientId, clientSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [form.get('client_id'), form.get('client_secret')];
      if (form.get('grant_type') !== 'client_credentials' || !clientId || !clientSecret) {
        return send(res, 400, { error: 'invalid_request' });
      }
      const result = await identity().clientCredentials(clientId, clientSecret, (form.get('scope') ?? '').split(' ').filter(Boolean));
      if (result.kind !== 'tokens') return send(res, 400, { error: 'invalid_request' });
      return send(res, 200, { access_token: result.accessToken, token_type: 'Bearer', expires_in: result.expiresIn });
    }
    send(res, 404, { message: 'unknown local-auth endpoint' });
  } catch (error) {
    if (path === 'oauth2/token' && error instanceof DomainError) return send(res, 400, { error: 'invalid_client' });
    fail(res, error, url.pathname);
  }
}
