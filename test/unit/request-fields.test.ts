import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memberNames, requestField } from '../../shared/http/request-fields';
import { allRoutes } from '../../functions/routes';

/** Issue 21 §3: the domain names domain fields; only the HTTP layer knows where a request carries them. */
describe('request fields: the route contract places domain fields in the request', () => {
  const route = {
    params: z.object({ code: z.string() }),
    query: z.object({ period: z.string().optional() }),
    body: z.object({ slug: z.string(), into: z.array(z.object({ code: z.string() })), body: z.string() }),
  };

  it('names a body member as body.…, with the rest of its path', () => {
    expect(requestField('slug', route)).toBe('body.slug');
    expect(requestField('into.0.code', route)).toBe('body.into.0.code');
    // An item's rich text is a domain field called `body`.
    expect(requestField('body', route)).toBe('body.body');
  });

  it('names query and path members where the route has them', () => {
    expect(requestField('period', route)).toBe('query.period');
    expect(requestField('code', route)).toBe('params.code');
  });

  it('prefers the body when the body and the path both have the member', () => {
    expect(requestField('code', { ...route, body: z.object({ code: z.string() }) })).toBe('body.code');
  });

  it('keeps one spelling per header and passes request paths and non-request fields through', () => {
    expect(requestField('expectedVersion', route)).toBe('header.if-match');
    expect(requestField('expectedVersion')).toBe('header.if-match');
    expect(requestField('body.slug', route)).toBe('body.slug');
    expect(requestField('headers.idempotency-key', route)).toBe('headers.idempotency-key');
    expect(requestField('actor', route)).toBe('actor');
    expect(requestField('consent.publication', route)).toBe('consent.publication');
  });

  it('falls back to the workflow steps’ body members where no route is known (bulk results)', () => {
    expect(requestField('comment')).toBe('body.comment');
    expect(requestField('answer.citations.0.contentId')).toBe('body.answer.citations.0.contentId');
    expect(requestField('slug')).toBe('slug');
  });

  it('reads member names through optional, pipe, union and intersection wrappers', () => {
    const a = z.object({ a: z.string() });
    const b = z.object({ b: z.string() });
    expect([...memberNames(a.optional())]).toEqual(['a']);
    expect([...memberNames(a.pipe(z.transform((v) => v)))]).toEqual(['a']);
    expect([...memberNames(z.union([a, b]))].sort()).toEqual(['a', 'b']);
    expect(
      [
        ...memberNames(z.discriminatedUnion('k', [a.extend({ k: z.literal(1) }), b.extend({ k: z.literal(2) })])),
      ].sort(),
    ).toEqual(['a', 'b', 'k']);
    expect([...memberNames(z.intersection(a, b))].sort()).toEqual(['a', 'b']);
    expect([...memberNames(a.nullable().default(null))]).toEqual(['a']);
    expect([...memberNames(z.string())]).toEqual([]);
  });

  it('finds the members of every route body the API declares', () => {
    const withBody = allRoutes.filter((r) => r.body !== undefined);
    expect(withBody.length).toBeGreaterThan(20);
    for (const r of withBody) expect(memberNames(r.body!).size, `${r.method} ${r.path}`).toBeGreaterThan(0);
  });
});

describe('the domain, the use cases and the adapters name no request path', () => {
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('has no `body.…`, `query.…` or `params.…` literal under shared/domain, shared/application or shared/adapters', () => {
    const literal = /(['"`])(?:body|query|params|headers?)\.[\w.${}-]+\1?/g;
    const offenders = ['shared/domain', 'shared/application', 'shared/adapters'].flatMap(filesUnder).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          // Comments may say where a field ends up; code may not.
          /^\s*(?:\/\/|\*|\/\*)/.test(line) ? [] : [...line.matchAll(literal)].map((m) => `${file}:${i + 1} ${m[0]}`),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
