import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of the local identity provider: JWTs (HS256) whose claims mirror Cognito's access
 * tokens (sub, username, cognito:groups, client_id, scope, token_use). On AWS, Cognito signs
 * them (RS256) and API Gateway verifies them; locally the gateway verifies these.
 */
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signToken(
  claims: Record<string, unknown>,
  secret: string,
  ttlSeconds: number,
  now = new Date(),
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'local' });
  const payload = b64({ iss: 'local-identity-provider', jti: randomUUID(), iat, exp: iat + ttlSeconds, ...claims });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function verifyToken(token: string, secret: string, now = new Date()): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** Claims as API Gateway's Cognito authorizer hands them to a REST proxy event: strings only. */
export function asAuthorizerClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
}
