import middyHttpSecurityHeaders from '@middy/http-security-headers';
import { describe, expect, it } from 'vitest';
import { httpSecurityHeaders, securityHeaders } from '../../shared/http/security-headers';

/**
 * Our security headers are @middy/http-security-headers' defaults written out as data
 * (shared/http/security-headers.ts says why): held equal to the package, so a change in its
 * defaults shows up here when it is upgraded.
 */
const run = (
  middleware: { after?: unknown },
  response: { statusCode: number; headers?: Record<string, string>; body?: string },
) => {
  const request = { response, event: {}, context: {}, error: undefined, internal: {} } as never;
  (middleware.after as (r: never) => void)(request);
  return (request as { response: { headers: Record<string, string> } }).response.headers;
};

describe('security headers', () => {
  it('are exactly the package’s defaults', () => {
    expect(run(httpSecurityHeaders(), { statusCode: 200 })).toEqual(
      run(middyHttpSecurityHeaders(), { statusCode: 200 }),
    );
    expect(Object.keys(securityHeaders)).toHaveLength(13);
  });

  it('replace what a handler set for them, keep its other headers, and drop Server and X-Powered-By, as the package does', () => {
    const given = () => ({
      statusCode: 201,
      headers: { 'X-Frame-Options': 'ALLOWALL', Server: 'x', 'X-Powered-By': 'y', ETag: '"3"' },
    });
    const ours = run(httpSecurityHeaders(), given());
    expect(ours).toEqual(run(middyHttpSecurityHeaders(), given()));
    expect(ours).toMatchObject({ 'X-Frame-Options': 'DENY', ETag: '"3"' });
    expect(ours).not.toHaveProperty('Server');
  });

  it('are added on errors only when an answer exists', () => {
    const onError = httpSecurityHeaders().onError as (r: never) => void;
    const without = { response: undefined } as never;
    onError(without);
    expect((without as { response?: unknown }).response).toBeUndefined();
    const withAnswer = { response: { statusCode: 500, headers: {} } } as never;
    onError(withAnswer);
    expect(
      (withAnswer as { response: { headers: Record<string, string> } }).response.headers['X-Content-Type-Options'],
    ).toBe('nosniff');
  });
});
