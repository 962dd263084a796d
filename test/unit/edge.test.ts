import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  edgeChangeOf,
  invalidationPaths,
  publishedFileKey,
  uniquePaths,
} from '../../shared/domain/edge/published-files';
import { compressBody, MIN_COMPRESSION_BYTES, encodingFor } from '../../shared/http/compression';
import { etagOf, noneMatch, withSharedMaxAge } from '../../shared/http/conditional-get';
import { cachedBehaviours, cacheControlOf, patternMatches } from '../../shared/http/edge-cache';
import { applyEdgeStep, invalidateBatch } from '../../shared/application/edge-refresh';
import { allRoutes } from '../../functions/routes';

const step = (from: string, to: string, type = 'ContentItem') => ({ type, id: 'i1', unitCode: 'huyena', from, to });

describe('edge changes (shared/domain/edge)', () => {
  it('knows which steps put an item online or take it offline', () => {
    expect(edgeChangeOf(step('approved', 'published'))).toEqual({ kind: 'published', portal: 'huyena', itemId: 'i1' });
    expect(edgeChangeOf(step('editing', 'emergency-published'))?.kind).toBe('published');
    expect(edgeChangeOf(step('emergency-published', 'published'))?.kind).toBe('republished');
    expect(edgeChangeOf(step('published', 'withdrawn'))?.kind).toBe('withdrawn');
    expect(edgeChangeOf(step('published', 'archived'))?.kind).toBe('withdrawn');
    expect(edgeChangeOf(step('submitted', 'editing'))).toBeUndefined();
    expect(edgeChangeOf(step('approved', 'published', 'Question'))).toBeUndefined();
  });

  it('invalidates nothing on a first publication, the item on a change online, and two paths on withdrawal (the item with any query, and its files)', () => {
    expect(invalidationPaths({ kind: 'published', portal: 'huyena', itemId: 'i1' }, '/v1', false)).toEqual([]);
    expect(invalidationPaths({ kind: 'republished', portal: 'huyena', itemId: 'i1' }, '/v1', false)).toEqual([
      '/v1/public/portals/huyena/content/i1',
    ]);
    expect(invalidationPaths({ kind: 'withdrawn', portal: 'huyena', itemId: 'i1' }, '/v1', false)).toEqual([
      '/v1/public/portals/huyena/content/i1*',
      '/published/huyena/i1/*',
    ]);
    expect(publishedFileKey('huyena', 'i1', 'u1')).toBe('published/huyena/i1/u1');
    expect(uniquePaths(['/b', '/a', '/b'])).toEqual(['/a', '/b']);
  });

  it('copies on publication, removes on withdrawal, and sends one invalidation per batch', async () => {
    const done: string[] = [];
    const files = {
      copy: async (from: string, to: string) => void done.push(`copy ${from} → ${to}`),
      remove: async (key: string) => void done.push(`remove ${key}`),
    };
    const detail = (from: string, to: string) => ({
      ...step(from, to),
      key: 'k',
      event: 'E',
      action: 'a',
      version: 2,
      assignedTo: null,
      actor: { id: 'x', kind: 'user' as const },
      at: '2026-12-07T00:00:00Z',
    });
    const a = await applyEdgeStep(detail('approved', 'published'), files, async () => ['u1']);
    const b = await applyEdgeStep(detail('published', 'withdrawn'), files, async () => ['u1']);
    expect(done).toEqual(['copy clean/u1 → published/huyena/i1/u1', 'remove published/huyena/i1/u1']);
    const sent: string[][] = [];
    expect(a).toEqual([]);
    expect(
      await invalidateBatch([...a, ...b, ...b], { invalidate: async (paths) => void sent.push([...paths]) }, 'r'),
    ).toHaveLength(2);
    expect(sent).toHaveLength(1);
    expect(await invalidateBatch([], { invalidate: async (paths) => void sent.push([...paths]) }, 'r')).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});

describe('origin caching rules (shared/http)', () => {
  it('matches weak and strong ETags in If-None-Match, and * ', () => {
    const etag = etagOf('{"a":1}');
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(noneMatch(etag, etag)).toBe(true);
    expect(noneMatch(etag.slice(2), etag)).toBe(true);
    expect(noneMatch(`"other", ${etag}`, etag)).toBe(true);
    expect(noneMatch('*', etag)).toBe(true);
    expect(noneMatch('"other"', etag)).toBe(false);
    expect(noneMatch(undefined, etag)).toBe(false);
    expect(etagOf('{"a":2}')).not.toBe(etag);
  });

  it('compresses from 1 KiB when gzip (or br) is accepted, never when refused with q=0', () => {
    const big = Buffer.from('x'.repeat(MIN_COMPRESSION_BYTES));
    expect(encodingFor('gzip', MIN_COMPRESSION_BYTES - 1)).toBeUndefined();
    expect(encodingFor('gzip, deflate', MIN_COMPRESSION_BYTES)).toBe('gzip');
    expect(encodingFor('br', MIN_COMPRESSION_BYTES)).toBe('br');
    expect(encodingFor('gzip;q=0, identity', MIN_COMPRESSION_BYTES)).toBeUndefined();
    expect(encodingFor(undefined, MIN_COMPRESSION_BYTES)).toBeUndefined();
    const out = compressBody(big, 'gzip', false)!;
    expect(out.headers).toEqual({ 'content-encoding': 'gzip' });
    expect(gunzipSync(out.body).equals(big)).toBe(true);
    expect(compressBody(big, 'gzip', true)).toBeUndefined();
  });

  it("keeps a route's own browser lifetime and adds the class's for shared caches", () => {
    expect(withSharedMaxAge('public, max-age=300', 'feed')).toBe('public, max-age=300, s-maxage=900');
    expect(withSharedMaxAge(undefined, 'item')).toBe('public, max-age=60, s-maxage=3600');
    expect(withSharedMaxAge('no-store', 'item')).toBe('no-store');
    expect(withSharedMaxAge('public, s-maxage=5', 'item')).toBe('public, s-maxage=5');
  });

  it('tells browsers a minute and shared caches the class lifetime', () => {
    expect(cacheControlOf('item')).toBe('public, max-age=60, s-maxage=3600');
    expect(cacheControlOf('list')).toBe('public, max-age=60, s-maxage=60');
  });

  it('orders behaviours most literal first and gives a caught uncached route its own entry', () => {
    expect(patternMatches('/calendar/*', '/calendar/due')).toBe(true);
    expect(patternMatches('/calendar/*/days-off.ics', '/calendar/2026')).toBe(false);
    const order = cachedBehaviours(allRoutes).map((b) => b.pattern);
    expect(order.indexOf('/calendar/*/days-off.ics')).toBeLessThan(order.indexOf('/calendar/*'));
    expect(order.indexOf('/calendar/due')).toBeLessThan(order.indexOf('/calendar/*'));
    expect(cachedBehaviours(allRoutes).find((b) => b.pattern === '/calendar/due')?.cacheClass).toBeUndefined();
  });
});
