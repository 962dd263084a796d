/**
 * The request headers our routes read, by name: the one list a browser client may send. The
 * API Gateway preflight, the local gateway's preflight and the handlers' CORS all allow exactly
 * these (a route reading a header missing here would work from curl and fail from a browser).
 */
export const requestHeaders = {
  contentType: 'content-type',
  authorization: 'authorization',
  idempotencyKey: 'idempotency-key',
  acceptLanguage: 'accept-language',
  ifMatch: 'if-match',
  /** The asker's secret for following their question (functions/questions/public.ts). */
  questionSecret: 'x-question-secret',
  /** The commenter's secret for following their comment on a consultation (functions/participation/comments-public.ts). */
  commentSecret: 'x-comment-secret',
  /** The optional anti-abuse challenge's token when asking (shared/application/ask-challenge.ts). */
  challengeToken: 'x-challenge-token',
} as const;

/** CORS settings shared by the handlers, the API Gateway preflight and the local gateway. */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: Object.values(requestHeaders),
  exposeHeaders: ['etag', 'location', 'idempotent-replayed', 'idempotent-redacted', 'retry-after', 'www-authenticate'],
  maxAgeSeconds: 600,
} as const;

/**
 * The deployment's origins (config `corsOrigins`, env CORS_ALLOWED_ORIGINS, comma-separated).
 * `*` is never honoured for signed-in routes: a browser may call them only from an origin the
 * deployment names.
 */
export const allowedOrigins = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '' && o !== '*');

/**
 * Public reads carry no credentials and nothing per caller: any origin may read them, answered
 * `Access-Control-Allow-Origin: *` (no echo, no `Vary: Origin`), so a shared cache never hands
 * one origin's CORS headers to another. Signed-in routes answer only the configured origins.
 * A path is public when every method on it is.
 */
export const PUBLIC_ORIGIN = '*';
export const isPublicPath = (routes: readonly { readonly auth: string }[]): boolean =>
  routes.length > 0 && routes.every((r) => r.auth === 'public');

/** The Access-Control-Allow-Origin for a request's Origin: that origin if configured, else none. */
export function allowOriginHeader(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const match = origin !== undefined && allowed.some((o) => o.toLowerCase() === origin.toLowerCase());
  return match ? { 'access-control-allow-origin': origin, vary: 'origin' } : { vary: 'origin' };
}
