/** CORS settings shared by the handlers, the API Gateway preflight and the local gateway. */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'accept-language', 'if-match'],
  exposeHeaders: ['etag', 'location', 'idempotent-replayed', 'idempotent-redacted', 'retry-after', 'www-authenticate'],
  maxAgeSeconds: 600,
} as const;

/**
 * The deployment's origins (config `corsOrigins`, env CORS_ALLOWED_ORIGINS, comma-separated).
 * `*` is never honoured: a browser may call the API only from an origin the deployment names.
 */
export const allowedOrigins = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '' && o !== '*');

/** The Access-Control-Allow-Origin for a request's Origin: that origin if configured, else none. */
export function allowOriginHeader(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const match = origin !== undefined && allowed.some((o) => o.toLowerCase() === origin.toLowerCase());
  return match ? { 'access-control-allow-origin': origin, vary: 'origin' } : { vary: 'origin' };
}
