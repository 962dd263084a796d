import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderSitemaps, SITEMAP_LIMITS, type SitemapUrl } from '../../shared/domain/feeds';
import { LAMBDA_RESPONSE_MAX_BYTES, SITEMAP_PAGE_LIMITS } from '../../shared/application/content-sitemap';
import { negotiateEncoding, acceptsGzip } from '../../shared/http/compression';
import { xmlErrors } from '../support/xml-validation';

/**
 * Issue 19 #7: every sitemap page fits in one Lambda response (6 MB for the whole proxy result),
 * uncompressed or gzip-compressed, however long its URLs; the index lists every page.
 */
const base = 'https://so-thong-tin-va-truyen-thong.cong-thong-tin-dien-tu.binhdinh.gov.vn/';
const sitemapUrl = (n: number) => `${base}sitemap.xml?page=${n}`;
const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
/** A URL of exactly `length` characters. */
const urlOf = (i: number, length: number): SitemapUrl => {
  const head = `${base}vi/content/${i}-`;
  return {
    loc: head + 'a'.repeat(Math.max(0, length - head.length)),
    lastmod: new Date(Date.UTC(2026, 0, 1) + i * 1000),
  };
};
/** The proxy result as the handler returns it (shared/http/handler.ts), serialised as Lambda counts it. */
const responseBytes = (body: string, acceptEncoding?: string) =>
  Buffer.byteLength(
    JSON.stringify(
      negotiateEncoding(
        {
          statusCode: 200,
          headers: {
            'content-type': 'application/xml; charset=utf-8',
            'cache-control': 'public, max-age=3600',
            'x-request-id': 'x'.repeat(36),
          },
          body,
        },
        acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      ),
    ),
  );

describe('sitemap pages within the Lambda response limit', () => {
  const cases = [
    ['50,000 URLs of ordinary length (the 6.65 MB page of the issue)', 120, SITEMAP_LIMITS.maxUrls],
    ['6,000 URLs of the longest length a sitemap allows (12 MB)', SITEMAP_LIMITS.maxLocChars, 6_000],
  ] as const;
  for (const [name, length, count] of cases) {
    it(`${name}: every page fits, uncompressed and gzip; the index lists every page and every URL is on one`, async () => {
      const urls = Array.from({ length: count }, (_, i) => urlOf(i, length));
      const files = renderSitemaps(urls, { sitemapUrl, limits: SITEMAP_PAGE_LIMITS });
      for (const page of files.sitemaps) {
        expect(responseBytes(page)).toBeLessThanOrEqual(LAMBDA_RESPONSE_MAX_BYTES);
        expect(responseBytes(page, 'gzip')).toBeLessThanOrEqual(LAMBDA_RESPONSE_MAX_BYTES);
      }
      // Without the size cut they would be one page (no more than 50,000 URLs), over the limit: this guards something.
      expect(files.sitemaps.reduce((sum, page) => sum + page.length, 0)).toBeGreaterThan(LAMBDA_RESPONSE_MAX_BYTES);
      expect(files.index).toBeDefined();
      expect(locsOf(files.index!)).toEqual(files.sitemaps.map((_, i) => sitemapUrl(i + 1)));
      expect(files.sitemaps.flatMap(locsOf)).toEqual(urls.map((u) => u.loc));
      // The pages are urlsets of the same renderer (test/unit/feeds-sitemap.test.ts validates them); the index against siteindex.xsd.
      expect(await xmlErrors(files.index!, 'siteindex.xsd')).toEqual([]);
    });
  }

  it('gzip round-trips: base64 with isBase64Encoded and Content-Encoding, to the same bytes', () => {
    const body = renderSitemaps([urlOf(1, 200), urlOf(2, 300)], { sitemapUrl }).sitemaps[0]!;
    const zipped = negotiateEncoding(
      { statusCode: 200, headers: { 'content-type': 'application/xml' }, body },
      { 'Accept-Encoding': 'deflate, gzip' },
    );
    expect(zipped).toMatchObject({
      isBase64Encoded: true,
      headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
    });
    expect(gunzipSync(Buffer.from(zipped.body, 'base64')).toString('utf8')).toBe(body);
    const plain = negotiateEncoding(
      { statusCode: 200, headers: { vary: 'Origin' }, body },
      { 'accept-encoding': 'br' },
    );
    expect(plain).toEqual({ statusCode: 200, headers: { vary: 'Origin, Accept-Encoding' }, body });
  });

  it('reads Accept-Encoding as RFC 9110 does: q=0 refuses, * stands for gzip when gzip is not named', () => {
    expect(['gzip', 'GZIP', 'br, gzip;q=0.5', 'x-gzip', '*', 'identity, *;q=0.1'].map(acceptsGzip)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([undefined, '', 'identity', 'br', 'gzip;q=0', 'gzip;q=0, *', '*;q=0'].map(acceptsGzip)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
