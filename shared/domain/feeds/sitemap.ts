import { absoluteUrl, validDate, xmlText } from './xml';

/**
 * Sitemaps (https://www.sitemaps.org/protocol.html, schema 0.9): the portal's public pages for
 * crawlers. One file holds at most 50,000 URLs and 50 MB uncompressed; beyond either, the URLs are
 * split over several files listed by a sitemap index (itself at most 50,000 sitemaps).
 */
export const SITEMAP_LIMITS = {
  maxUrls: 50_000,
  maxBytes: 50 * 1024 * 1024,
  /** tLoc in sitemap.xsd: 12 to 2,048 characters. */
  maxLocChars: 2048,
} as const;

export type SitemapLimits = { readonly [K in keyof typeof SITEMAP_LIMITS]: number };

export interface SitemapUrl {
  /** Absolute http(s) URL; non-ASCII characters are percent-encoded on output. */
  readonly loc: string;
  readonly lastmod?: Date;
}

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n`;
const TAIL = '</urlset>\n';
const INDEX_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n`;
const INDEX_TAIL = '</sitemapindex>\n';

/** W3C Datetime to the second, in UTC: `2026-11-23T00:05:00Z`. */
export const w3cDatetime = (date: Date): string =>
  validDate(date, 'lastmod')
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

function locOf(value: string, limits: SitemapLimits): string {
  const loc = absoluteUrl(value);
  if (loc.length > limits.maxLocChars)
    throw new RangeError(`a sitemap URL is longer than ${limits.maxLocChars} characters`);
  return xmlText(loc);
}

const entry = (tag: 'url' | 'sitemap', loc: string, lastmod: Date | undefined) =>
  `<${tag}><loc>${loc}</loc>${lastmod ? `<lastmod>${w3cDatetime(lastmod)}</lastmod>` : ''}</${tag}>\n`;

export interface SitemapFiles {
  /** The sitemap index, when the URLs needed more than one file; serve it as the sitemap then. */
  readonly index?: string;
  /** The urlset files, in order; file n (from 1) is served at `sitemapUrl(n)`. */
  readonly sitemaps: readonly string[];
}

/**
 * The sitemap files for these URLs: one urlset when they fit in one file, else as many as needed
 * and an index listing them at `sitemapUrl(1…n)`, each with its newest lastmod.
 */
export function renderSitemaps(
  urls: Iterable<SitemapUrl>,
  options: { sitemapUrl: (n: number) => string; limits?: Partial<SitemapLimits> },
): SitemapFiles {
  const limits: SitemapLimits = { ...SITEMAP_LIMITS, ...options.limits };
  const files: Array<{ parts: string[]; bytes: number; newest?: Date }> = [];
  // Every character written is ASCII (URL.href percent-encodes, dates are ASCII): length is bytes.
  const fixed = HEAD.length + TAIL.length;
  let current: (typeof files)[number] | undefined;
  for (const url of urls) {
    const text = entry('url', locOf(url.loc, limits), url.lastmod);
    const bytes = text.length;
    if (fixed + bytes > limits.maxBytes) throw new RangeError('one sitemap entry is larger than a sitemap file may be');
    if (!current || current.parts.length >= limits.maxUrls || current.bytes + bytes > limits.maxBytes) {
      current = { parts: [], bytes: fixed };
      files.push(current);
    }
    current.parts.push(text);
    current.bytes += bytes;
    if (url.lastmod && (!current.newest || url.lastmod > current.newest)) current.newest = url.lastmod;
  }
  // The schema requires at least one <url>: a portal's sitemap always holds its home page.
  if (files.length === 0) throw new RangeError('a sitemap needs at least one URL (the portal home page)');
  const sitemaps = files.map((f) => HEAD + f.parts.join('') + TAIL);
  if (files.length <= 1) return { sitemaps };
  if (files.length > limits.maxUrls) throw new RangeError('more sitemaps than one sitemap index may list');
  const index =
    INDEX_HEAD +
    files.map((f, i) => entry('sitemap', locOf(options.sitemapUrl(i + 1), limits), f.newest)).join('') +
    INDEX_TAIL;
  if (index.length > limits.maxBytes) throw new RangeError('the sitemap index is larger than a sitemap file may be');
  return { index, sitemaps };
}
