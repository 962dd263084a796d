/**
 * The distribution's fixed names (infra/stacks/edge-stack.ts). The API key travels as API
 * Gateway's own `x-api-key` header, added by CloudFront on the way to the origin only.
 */
export const EDGE_ORIGIN_KEY_HEADER = 'x-api-key';

/** Where the console is served (its sign-in callback URLs live under it: config `console`). */
export const CONSOLE_PATH = '/quan-tri/';

/**
 * The console's Content-Security-Policy: its own scripts and styles only (no inline code, no
 * eval), API calls to its own origin, the Cognito domain for the code flow's token endpoint, and
 * the media bucket for presigned upload forms; no framing, no plugins, no base or form tricks.
 */
export function consoleContentSecurityPolicy(origins: { cognitoDomain: string; uploadOrigin: string }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${origins.cognitoDomain} ${origins.uploadOrigin}`,
    `form-action 'self' ${origins.cognitoDomain} ${origins.uploadOrigin}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
