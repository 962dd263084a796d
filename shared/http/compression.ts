import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * gzip for large text responses (sitemaps), when the caller accepts it (RFC 9110 §12.5.3). Through
 * API Gateway's Lambda proxy a compressed body travels base64-encoded with `isBase64Encoded`, which
 * API Gateway turns back into bytes because the API treats every media type as binary
 * (infra/definitions/api.ts BINARY_MEDIA_TYPES); the local gateway does the same. The response
 * varies by Accept-Encoding, compressed or not, so a shared cache keeps the two apart.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') gzip = weight;
    else if (coding.trim() === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

const headerOf = (headers: Record<string, string | undefined> | null | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/** The response as the caller asked for it: gzip-compressed (base64, `isBase64Encoded`) when it accepts gzip. */
export function negotiateEncoding(response: APIGatewayProxyResult, requestHeaders: Record<string, string | undefined> | null | undefined): APIGatewayProxyResult {
  const existing = headerOf(response.headers as Record<string, string> | undefined, 'vary');
  const headers = { ...response.headers, vary: existing ? `${existing}, Accept-Encoding` : 'Accept-Encoding' };
  if (response.isBase64Encoded || !acceptsGzip(headerOf(requestHeaders, 'accept-encoding'))) return { ...response, headers };
  const body = gzipSync(Buffer.from(response.body, 'utf8')).toString('base64');
  return { ...response, headers: { ...headers, 'content-encoding': 'gzip' }, body, isBase64Encoded: true };
}
