import { DomainError } from '../domain/errors';
import { renderSitemaps, type SitemapLimits, type SitemapUrl } from '../domain/feeds';
import type { Services } from '../composition/services';

/**
 * A portal's sitemap (getSitemap, sitemaps.org 0.9): its home page and every item it published,
 * withdrawn ones included (their page shows the withdrawal note), at the same URLs as the RSS feed.
 * Up to 50,000 URLs (or 50 MB) it is one urlset; beyond, it is a sitemap index of
 * `https://<domain>/sitemap.xml?page=N`, each page a urlset, for the portal to serve from this route.
 * A page is also cut by size so that it fits in one Lambda response (SITEMAP_PAGE_LIMITS).
 */
const LANGUAGES = ['vi', 'en', 'zh'] as const;

/** Lambda's limit on a synchronous invocation's response: the whole proxy result (JSON-escaped body and headers). */
export const LAMBDA_RESPONSE_MAX_BYTES = 6 * 1024 * 1024;
/**
 * A sitemap page at most 5 MiB, however long its URLs: sent uncompressed (a crawler that does not
 * accept gzip), it still leaves over 1 MiB of the response limit for the envelope — JSON escapes
 * one newline per URL line, the headers are a few hundred bytes. 50,000 URLs of ordinary length
 * (~133 bytes a line) are ~6.65 MB: they now take two pages.
 */
export const SITEMAP_PAGE_LIMITS: Partial<SitemapLimits> = { maxBytes: 5 * 1024 * 1024 };

export async function contentSitemap(
  s: Services,
  portal: string,
  page?: number,
  limits?: Partial<SitemapLimits>,
): Promise<string> {
  const unit = await s.units.get(portal);
  if (!unit) throw new DomainError('not_found', { vi: `Không có cổng ${portal}`, en: `No portal ${portal}` });
  const base = `https://${unit.domain}/`;
  const urls: SitemapUrl[] = [{ loc: base }];
  for (const language of LANGUAGES) {
    for await (const item of s.publishedContent.sitemapEntries(portal, language)) {
      urls.push({
        loc: `${base}${item.language}/content/${item.id}`,
        lastmod: new Date(item.withdrawnAt ?? item.publishedAt),
      });
    }
  }
  const files = renderSitemaps(urls, {
    sitemapUrl: (n) => `${base}sitemap.xml?page=${n}`,
    limits: { ...SITEMAP_PAGE_LIMITS, ...limits },
  });
  if (page === undefined) return files.index ?? files.sitemaps[0]!;
  const file = files.sitemaps[page - 1];
  if (file === undefined) {
    const message = {
      vi: `Sơ đồ trang của ${portal} có ${files.sitemaps.length} trang`,
      en: `The sitemap of ${portal} has ${files.sitemaps.length} page(s)`,
    };
    throw new DomainError('not_found', message, [{ field: 'page', code: 'no_such_page', message }]);
  }
  return file;
}
