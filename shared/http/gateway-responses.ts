import type { ProblemCode } from './error-table';

/**
 * What API Gateway itself answers (before any function runs), as problem+json. The API stack
 * installs these as gateway responses; the local gateway answers with the same codes.
 * API Gateway cannot tell an unknown path from a known path with another method: both are
 * MISSING_AUTHENTICATION_TOKEN, so both are a 404 here and locally.
 * A Cognito authorizer answers a missing, malformed or expired token with UNAUTHORIZED;
 * EXPIRED_TOKEN and INVALID_SIGNATURE are listed too, so that no 4xx falls back to API Gateway's
 * own `{"message": …}` body. DEFAULT_4XX and DEFAULT_5XX catch every type not listed.
 */
export const gatewayResponses = [
  { type: 'MISSING_AUTHENTICATION_TOKEN', code: 'route_not_found' },
  { type: 'RESOURCE_NOT_FOUND', code: 'route_not_found' },
  { type: 'UNAUTHORIZED', code: 'unauthenticated' },
  { type: 'EXPIRED_TOKEN', code: 'unauthenticated' },
  { type: 'INVALID_SIGNATURE', code: 'unauthenticated' },
  { type: 'ACCESS_DENIED', code: 'forbidden' },
  { type: 'WAF_FILTERED', code: 'forbidden' },
  // A request without the distribution's API key reached the API around CloudFront (issue 26).
  { type: 'INVALID_API_KEY', code: 'forbidden' },
  { type: 'BAD_REQUEST_BODY', code: 'bad_request' },
  { type: 'BAD_REQUEST_PARAMETERS', code: 'bad_request' },
  { type: 'THROTTLED', code: 'too_many_requests' },
  { type: 'QUOTA_EXCEEDED', code: 'too_many_requests' },
  { type: 'REQUEST_TOO_LARGE', code: 'payload_too_large' },
  { type: 'UNSUPPORTED_MEDIA_TYPE', code: 'unsupported_media_type' },
  { type: 'DEFAULT_4XX', code: 'bad_request' },
  { type: 'DEFAULT_5XX', code: 'unavailable' },
] as const satisfies ReadonlyArray<{ type: string; code: ProblemCode }>;
