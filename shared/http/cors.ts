/** CORS settings shared by the handlers, the API Gateway preflight and the local gateway. */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'accept-language'],
  exposeHeaders: ['idempotent-replayed', 'retry-after'],
  maxAgeSeconds: 600,
} as const;
