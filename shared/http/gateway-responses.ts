import type { ProblemCode } from './error-table';

/**
 * What API Gateway itself answers (before any function runs), as problem+json. The API stack
 * installs these as gateway responses; the local gateway answers with the same codes.
 * API Gateway cannot tell an unknown path from a known path with another method: both are
 * MISSING_AUTHENTICATION_TOKEN, so both are a 404 here and locally.
 */
export const gatewayResponses = [
  { type: 'MISSING_AUTHENTICATION_TOKEN', code: 'route_not_found' },
  { type: 'UNAUTHORIZED', code: 'unauthenticated' },
  { type: 'ACCESS_DENIED', code: 'forbidden' },
  { type: 'THROTTLED', code: 'too_many_requests' },
  { type: 'REQUEST_TOO_LARGE', code: 'payload_too_large' },
  { type: 'UNSUPPORTED_MEDIA_TYPE', code: 'unsupported_media_type' },
  { type: 'DEFAULT_5XX', code: 'unavailable' },
] as const satisfies ReadonlyArray<{ type: string; code: ProblemCode }>;
