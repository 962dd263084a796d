import { brotliCompressSync, gzipSync } from 'node:zlib';
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
export function negotiateEncoding(
  response: APIGatewayProxyResult,
  requestHeaders: Record<string, string | undefined> | null | undefined,
): APIGatewayProxyResult {
  const existing = headerOf(response.headers as Record<string, string> | undefined, 'vary');
  const headers = { ...response.headers, vary: existing ? `${existing}, Accept-Encoding` : 'Accept-Encoding' };
  if (response.isBase64Encoded || !acceptsGzip(headerOf(requestHeaders, 'accept-encoding')))
    return { ...response, headers };
  const body = gzipSync(Buffer.from(response.body, 'utf8')).toString('base64');
  return { ...response, headers: { ...headers, 'content-encoding': 'gzip' }, body, isBase64Encoded: true };
}

/**
 * Compression of large answers, as API Gateway applies it on AWS (the REST API's
 * minimumCompressionSize, set from this constant in infra/stacks/api-stack.ts) and the local
 * gateway applies it from the same rule: an answer of at least this many bytes, to a client whose
 * Accept-Encoding names gzip (or br, or deflate: gzip is offered first here), travels compressed
 * with `Content-Encoding` and `Vary: Accept-Encoding`. CloudFront compresses cached copies itself.
 */
export const MIN_COMPRESSION_BYTES = 1024;

export type Encoding = 'gzip' | 'br';

/** The encoding to use for a body of this size, or undefined (small body, or the client did not ask). */
export function encodingFor(acceptEncoding: string | undefined, bytes: number): Encoding | undefined {
  if (bytes < MIN_COMPRESSION_BYTES || !acceptEncoding) return undefined;
  const accepted = acceptEncoding
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('gzip') || accepted.includes('*')) return 'gzip';
  if (accepted.includes('br')) return 'br';
  return undefined;
}

/** The compressed bytes and the headers to add, or undefined when the answer stays as it is. */
export function compressBody(
  body: Buffer,
  acceptEncoding: string | undefined,
  alreadyEncoded: boolean,
): { body: Buffer; headers: Record<string, string> } | undefined {
  if (alreadyEncoded) return undefined;
  const encoding = encodingFor(acceptEncoding, body.length);
  if (!encoding) return undefined;
  return {
    body: encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body),
    headers: { 'content-encoding': encoding },
  };
}
