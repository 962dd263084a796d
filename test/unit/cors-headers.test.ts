import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corsPolicy, requestHeaders } from '../../shared/http/cors';

/**
 * Issue 19 #4: a request header a route reads but CORS does not allow works from curl and fails
 * from every browser. The HTTP layer and the handlers read request headers by literal name or
 * through `requestHeaders`; every such name must be in the one allow-list.
 */
const root = resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Files that read request headers: the HTTP layer and every HTTP handler (not response headers, not S3 metadata). */
const readers = [
  ...sources('functions'),
  'shared/http/handler.ts',
  'shared/http/if-match.ts',
  'shared/http/idempotency.ts',
].filter((f) => !f.includes('generated'));

describe('CORS allows every request header the routes read', () => {
  it('finds the reads, and each header read is allowed', () => {
    const read = new Set<string>();
    for (const file of readers) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/headers\??\.?\[['"]([a-z0-9-]+)['"]\]/g)) read.add(m[1]!);
      for (const m of text.matchAll(/headers\??\.?\[requestHeaders\.(\w+)\]/g))
        read.add(requestHeaders[m[1] as keyof typeof requestHeaders]);
    }
    // The scan sees the reads it must (else it would pass vacuously).
    expect([...read]).toEqual(
      expect.arrayContaining(['if-match', 'idempotency-key', 'x-question-secret', 'x-challenge-token']),
    );
    for (const name of read) expect(corsPolicy.allowHeaders, name).toContain(name);
  });
});
