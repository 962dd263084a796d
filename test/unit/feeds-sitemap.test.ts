import { describe, expect, it } from 'vitest';
import { renderSitemaps, SITEMAP_LIMITS, w3cDatetime, type SitemapUrl } from '../../shared/domain/feeds';
import { xmlErrors } from '../support/xml-validation';

/** Sitemaps are checked by libxml2 against the official sitemaps.org 0.9 schemas (test/fixtures/sitemaps-org). */
const sitemapUrl = (n: number) => `https://binhdinh.gov.vn/sitemap-${n}.xml`;
const page = (i: number, lastmod?: Date): SitemapUrl => ({
  loc: `https://binhdinh.gov.vn/tin-tuc/c-${i}`,
  ...(lastmod ? { lastmod } : {}),
});
const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

describe('sitemap', () => {
  it('validates against sitemap.xsd, with Vietnamese paths percent-encoded and & escaped', async () => {
    const files = renderSitemaps(
      [
        { loc: 'https://binhdinh.gov.vn/', lastmod: new Date('2026-11-23T00:05:00.123Z') },
        { loc: 'https://binhdinh.gov.vn/văn-bản/quyết-định?năm=2026&loại=QĐ' },
        page(1, new Date('2026-02-13T00:00:00Z')),
      ],
      { sitemapUrl },
    );
    expect(files.index).toBeUndefined();
    expect(files.sitemaps).toHaveLength(1);
    const xml = files.sitemaps[0]!;
    expect(await xmlErrors(xml, 'sitemap.xsd')).toEqual([]);
    expect(locsOf(xml)).toEqual([
      'https://binhdinh.gov.vn/',
      'https://binhdinh.gov.vn/v%C4%83n-b%E1%BA%A3n/quy%E1%BA%BFt-%C4%91%E1%BB%8Bnh?n%C4%83m=2026&amp;lo%E1%BA%A1i=Q%C4%90',
      'https://binhdinh.gov.vn/tin-tuc/c-1',
    ]);
    expect(xml).toContain('<lastmod>2026-11-23T00:05:00Z</lastmod>');
  });

  it('the validator is live: it refuses what the schema refuses', async () => {
    const xml = renderSitemaps([page(1, new Date('2026-01-01T00:00:00Z'))], { sitemapUrl }).sitemaps[0]!;
    expect(await xmlErrors(xml.replace('2026-01-01T00:00:00Z', 'yesterday'), 'sitemap.xsd')).not.toEqual([]);
    expect(
      await xmlErrors(xml.replace('<urlset', '<urlsett').replace('</urlset>', '</urlsett>'), 'sitemap.xsd'),
    ).not.toEqual([]);
    expect(await xmlErrors(xml, 'siteindex.xsd')).not.toEqual([]);
  });

  it('splits 50,001 URLs into two files under a sitemap index, each valid', async () => {
    const urls = Array.from({ length: SITEMAP_LIMITS.maxUrls + 1 }, (_, i) =>
      page(i, new Date(Date.UTC(2026, 0, 1) + i * 60_000)),
    );
    const files = renderSitemaps(urls, { sitemapUrl });
    expect(files.sitemaps).toHaveLength(2);
    expect(locsOf(files.sitemaps[0]!)).toHaveLength(SITEMAP_LIMITS.maxUrls);
    expect(locsOf(files.sitemaps[1]!)).toEqual(['https://binhdinh.gov.vn/tin-tuc/c-50000']);
    for (const xml of files.sitemaps) expect(await xmlErrors(xml, 'sitemap.xsd')).toEqual([]);
    expect(await xmlErrors(files.index!, 'siteindex.xsd')).toEqual([]);
    expect(locsOf(files.index!)).toEqual([sitemapUrl(1), sitemapUrl(2)]);
    // Each file's lastmod in the index is its newest URL's.
    expect(files.index).toContain(`<lastmod>${w3cDatetime(urls[49_999]!.lastmod!)}</lastmod>`);
    expect(files.index).toContain(`<lastmod>${w3cDatetime(urls[50_000]!.lastmod!)}</lastmod>`);
  });

  it('splits on size before count, keeping every URL once and in order', async () => {
    const urls = Array.from({ length: 120 }, (_, i) => page(i));
    const maxBytes = 2_000;
    const files = renderSitemaps(urls, { sitemapUrl, limits: { maxBytes } });
    expect(files.sitemaps.length).toBeGreaterThan(1);
    for (const xml of files.sitemaps) expect(new TextEncoder().encode(xml).length).toBeLessThanOrEqual(maxBytes);
    expect(files.sitemaps.flatMap(locsOf)).toEqual(urls.map((u) => u.loc));
    expect(await xmlErrors(files.index!, 'siteindex.xsd')).toEqual([]);
    expect(locsOf(files.index!)).toHaveLength(files.sitemaps.length);
  });

  it('keeps each limit exactly: a file that fits is one file, one byte less splits it', () => {
    const urls = [page(1), page(2), page(3)];
    const size = renderSitemaps(urls, { sitemapUrl }).sitemaps[0]!.length;
    expect(renderSitemaps(urls, { sitemapUrl, limits: { maxBytes: size } }).sitemaps).toHaveLength(1);
    expect(renderSitemaps(urls, { sitemapUrl, limits: { maxBytes: size - 1 } }).sitemaps).toHaveLength(2);
    expect(renderSitemaps(urls, { sitemapUrl, limits: { maxUrls: 3 } }).index).toBeUndefined();
    expect(renderSitemaps(urls, { sitemapUrl, limits: { maxUrls: 2 } }).sitemaps).toHaveLength(2);
    // An index lists at most maxUrls sitemaps, and is itself bounded in size.
    expect(renderSitemaps([...urls, page(4)], { sitemapUrl, limits: { maxUrls: 2 } }).sitemaps).toHaveLength(2);
    expect(() => renderSitemaps([...urls, page(4), page(5)], { sitemapUrl, limits: { maxUrls: 2 } })).toThrow(/index/);
    const tenUrls = Array.from({ length: 10 }, (_, i) => page(i));
    expect(() => renderSitemaps(tenUrls, { sitemapUrl, limits: { maxBytes: 250 } })).toThrow(/index/);
    expect(() => renderSitemaps([page(1)], { sitemapUrl, limits: { maxBytes: 100 } })).toThrow(/entry/);
    // A URL of exactly 2,048 characters is allowed.
    const longest = `https://binhdinh.gov.vn/${'a'.repeat(2048 - 'https://binhdinh.gov.vn/'.length)}`;
    expect(renderSitemaps([{ loc: longest }], { sitemapUrl }).sitemaps[0]).toContain(longest);
    expect(() => renderSitemaps([{ loc: `${longest}a` }], { sitemapUrl })).toThrow(/2048/);
  });

  it("gives each file's newest lastmod in the index, whatever the order", () => {
    const urls = [
      page(1, new Date('2026-03-01T00:00:00Z')),
      page(2, new Date('2026-01-01T00:00:00Z')),
      page(3),
      page(4, new Date('2026-02-01T00:00:00Z')),
    ];
    const index = renderSitemaps(urls, { sitemapUrl, limits: { maxUrls: 2 } }).index!;
    expect([...index.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)].map((m) => m[1])).toEqual([
      '2026-03-01T00:00:00Z',
      '2026-02-01T00:00:00Z',
    ]);
  });

  it('takes http URLs too (the local stack)', () => {
    expect(
      locsOf(
        renderSitemaps([{ loc: 'http://localhost:3000/public/portals/demo/content/c-1' }], { sitemapUrl }).sitemaps[0]!,
      ),
    ).toEqual(['http://localhost:3000/public/portals/demo/content/c-1']);
  });

  it('refuses what no sitemap may hold', () => {
    expect(() => renderSitemaps([], { sitemapUrl })).toThrow(RangeError);
    expect(() => renderSitemaps([{ loc: '/tin-tuc/c-1' }], { sitemapUrl })).toThrow(RangeError);
    expect(() => renderSitemaps([{ loc: 'javascript:alert(1)' }], { sitemapUrl })).toThrow(RangeError);
    expect(() => renderSitemaps([{ loc: `https://binhdinh.gov.vn/${'a'.repeat(2048)}` }], { sitemapUrl })).toThrow(
      RangeError,
    );
    expect(() => renderSitemaps([{ loc: 'https://binhdinh.gov.vn/', lastmod: new Date('x') }], { sitemapUrl })).toThrow(
      RangeError,
    );
  });
});
