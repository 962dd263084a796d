import type middy from '@middy/core';
import { normalizeHttpResponse } from '@middy/util';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * The security headers on every API answer: helmet's defaults, exactly as
 * @middy/http-security-headers sets them (test/unit/security-headers.test.ts holds them equal to
 * that package, a dev dependency). Written out as data because the package spends ~5 KiB of every
 * function's bundle on option schemas and header builders for a set of values that never changes.
 */
const deniedFeatures = [
  'accelerometer',
  'all-screens-capture',
  'ambient-light-sensor',
  'autoplay',
  'battery',
  'camera',
  'cross-origin-isolated',
  'display-capture',
  'document-domain',
  'encrypted-media',
  'execution-while-not-rendered',
  'execution-while-out-of-viewport',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'keyboard-map',
  'magnetometer',
  'microphone',
  'midi',
  'monetization',
  'navigation-override',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'sync-xhr',
  'usb',
  'web-share',
  'xr-spatial-tracking',
  'clipboard-read',
  'clipboard-write',
  'gamepad',
  'speaker-selection',
  'conversion-measurement',
  'focus-without-user-activation',
  'hid',
  'idle-detection',
  'interest-cohort',
  'serial',
  'sync-script',
  'trust-token-redemption',
  'window-placement',
  'vertical-scroll',
];

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'report-sample' 'report-sha256'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; report-to default; require-trusted-types-for 'script'; sandbox; upgrade-insecure-requests",
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': deniedFeatures.map((feature) => `${feature}=()`).join(', '),
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

function addSecurityHeaders(request: Request): void {
  normalizeHttpResponse(request);
  const headers = request.response!.headers!;
  Object.assign(headers, securityHeaders);
  delete headers.Server;
  delete headers['X-Powered-By'];
}

/** On answers and on errors that produced an answer, as the package does. */
export function httpSecurityHeaders(): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    after: addSecurityHeaders,
    onError: (request) => {
      if (request.response !== undefined) addSecurityHeaders(request);
    },
  };
}
