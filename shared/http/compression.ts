import { brotliCompressSync, gzipSync } from 'node:zlib';

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
export function negotiateEncoding(acceptEncoding: string | undefined, bytes: number): Encoding | undefined {
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
export function compressBody(body: Buffer, acceptEncoding: string | undefined, alreadyEncoded: boolean): { body: Buffer; headers: Record<string, string> } | undefined {
  if (alreadyEncoded) return undefined;
  const encoding = negotiateEncoding(acceptEncoding, body.length);
  if (!encoding) return undefined;
  return { body: encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body), headers: { 'content-encoding': encoding } };
}
