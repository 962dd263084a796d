import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Caller } from './contract';

/**
 * The caller as API Gateway's Cognito authorizer describes it: string-valued claims under
 * requestContext.authorizer.claims. The local gateway fills the same shape.
 */
export function callerOf(event: APIGatewayProxyEvent): Caller {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, string>;
  const sub = claims.sub;
  if (!sub) return { kind: 'anonymous', id: 'anonymous', claims: {} };
  // Machine clients (client-credentials) carry scopes and no username.
  const kind = claims.token_use === 'access' && !claims.username ? 'machine' : 'user';
  return { kind, id: sub, claims };
}
