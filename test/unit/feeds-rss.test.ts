import fc from 'fast-check';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderRss, rfc822, type RssChannel, type RssItem } from '../../shared/domain/feeds';
import { absoluteUrl, validDate } from '../../shared/domain/feeds/xml';
import { xmlErrors, xmlErrorsOfEach } from '../support/xml-validation';

/**
 * The feed is read back with rss-parser, the parser many Node feed readers use (xml2js in strict
 * mode underneath), and parsed strictly by libxml2; the RSS 2.0 required elements are checked on
 * what the parser returns.
 */
const parser = new Parser();

const item = (overrides: Partial<RssItem> = {}): RssItem => ({
  title: 'Quyết định số 12/2026/QĐ-UBND ban hành Quy chế hoạt động Cổng thông tin điện tử',
  link: 'https://binhdinh.gov.vn/tin-tuc/c-1',
  guid: 'https://binhdinh.gov.vn/tin-tuc/c-1',
  guidIsPermaLink: true,
  pubDate: new Date('2026-02-13T03:00:00Z'),
  description: 'Ủy ban nhân dân tỉnh ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh.',
  categories: ['Văn bản pháp luật'],
  ...overrides,
});

const channel = (items: RssItem[], overrides: Partial<RssChannel> = {}): RssChannel => ({
  title: 'Cổng thông tin điện tử tỉnh Bình Định — Văn bản pháp luật',
  link: 'https://binhdinh.gov.vn/',
  description: 'Văn bản pháp luật mới ban hành',
  language: 'vi',
  lastBuildDate: new Date('2026-02-14T01:02:03Z'),
  selfUrl: 'https://api.binhdinh.gov.vn/public/portals/binhdinh/feed.rss?category=legal&language=vi',
  items,
  ...overrides,
});

/** RSS 2.0's required elements: a channel's title, link and description; an item's title or description. */
async function parseRss2(xml: string) {
  expect(await xmlErrors(xml)).toEqual([]);
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
  const feed = await parser.parseString(xml);
  expect(feed.title).toBeTruthy();
  expect(feed.link).toBeTruthy();
  expect(feed.description).toBeTruthy();
  for (const entry of feed.items) expect(entry.title || entry.content).toBeTruthy();
  return feed as typeof feed & { language?: string; lastBuildDate?: string };
}

describe('RSS 2.0', () => {
  it('parses with a real feed parser, every field as given', async () => {
    const second = item({
      link: 'https://binhdinh.gov.vn/tin-tuc/c-2',
      guid: 'content:c-2',
      guidIsPermaLink: false,
      categories: ['Tin tức', 'Chỉ đạo điều hành'],
    });
    const xml = renderRss(channel([item(), second], { ttlMinutes: 15 }));
    const feed = await parseRss2(xml);
    expect(feed.title).toBe('Cổng thông tin điện tử tỉnh Bình Định — Văn bản pháp luật');
    expect(feed.link).toBe('https://binhdinh.gov.vn/');
    expect(feed.language).toBe('vi');
    expect(feed.lastBuildDate).toBe('Sat, 14 Feb 2026 01:02:03 GMT');
    expect(feed.items).toHaveLength(2);
    const [first, other] = feed.items;
    expect(first).toMatchObject({
      title: item().title,
      link: 'https://binhdinh.gov.vn/tin-tuc/c-1',
      guid: 'https://binhdinh.gov.vn/tin-tuc/c-1',
      pubDate: 'Fri, 13 Feb 2026 03:00:00 GMT',
      isoDate: '2026-02-13T03:00:00.000Z',
      content: item().description,
      categories: ['Văn bản pháp luật'],
    });
    expect(other).toMatchObject({ guid: 'content:c-2', categories: ['Tin tức', 'Chỉ đạo điều hành'] });
    expect(xml).toContain('<guid isPermaLink="true">https://binhdinh.gov.vn/tin-tuc/c-1</guid>');
    expect(xml).toContain('<guid isPermaLink="false">content:c-2</guid>');
    expect(xml).toContain(
      '<atom:link href="https://api.binhdinh.gov.vn/public/portals/binhdinh/feed.rss?category=legal&amp;language=vi" rel="self" type="application/rss+xml"/>',
    );
    expect(xml).toContain('<ttl>15</ttl>');
  });

  it('is valid with no items (a new category), and leaves out what it was not given', async () => {
    const xml = renderRss(channel([], { language: 'en', selfUrl: undefined }));
    const feed = await parseRss2(xml);
    expect(feed.items).toEqual([]);
    expect(feed.language).toBe('en');
    expect(xml).not.toContain('atom:link');
    expect(xml).not.toContain('<ttl>');
  });

  it('writes an item as its elements only, categories when it has some', () => {
    const plainItem = item({
      link: 'http://localhost:3000/c/1',
      guid: 'c-1',
      guidIsPermaLink: false,
      categories: undefined,
      title: 'T',
      description: 'D',
    });
    expect(renderRss(channel([plainItem]))).toContain(
      '<item><title>T</title><link>http://localhost:3000/c/1</link><guid isPermaLink="false">c-1</guid><pubDate>Fri, 13 Feb 2026 03:00:00 GMT</pubDate><description>D</description></item>',
    );
  });

  it('lets no markup through: summaries and titles reach the reader as text', async () => {
    const hostile = item({
      title: 'Tin <script>alert(1)</script> & "ưu tiên"',
      description: '<img src=x onerror=alert(1)> Sở Tài chính & Kế hoạch <a href="javascript:alert(1)">x</a>',
      categories: ['<b>Tin</b>'],
    });
    const feed = await parseRss2(renderRss(channel([hostile])));
    const [entry] = feed.items;
    expect(entry?.title).toBe('Tin ‹script›alert(1)‹/script› & "ưu tiên"');
    // What a reader renders as HTML: entities only, so it shows the text and runs nothing.
    expect(entry?.content).toBe(
      '&lt;img src=x onerror=alert(1)&gt; Sở Tài chính &amp; Kế hoạch &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;',
    );
    expect(entry?.content).not.toMatch(/[<>]/);
    expect(entry?.categories).toEqual(['<b>Tin</b>']); // a category is text to every reader
  });

  it('drops the characters XML 1.0 forbids, so the feed stays XML', async () => {
    const dirty = 'A\u0000B\u0001\u0008\u000B\u000C\u001F\u007F\u0085\uFFFE\uFFFF\uD800C\tD';
    const feed = await parseRss2(renderRss(channel([item({ title: dirty, description: dirty, categories: [dirty] })])));
    expect(feed.items[0]?.title).toBe('ABC\tD');
    expect(feed.items[0]?.content).toBe('ABC\tD');
  });

  it('stays well-formed and round-trips any text', async () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    );
    // Sampled, not asserted one by one, so that one xmllint run checks them all (each run costs ~0.3 s).
    const feeds = fc.sample(fc.array(fc.tuple(anyText, anyText), { minLength: 1, maxLength: 20 }), 40).map((texts) => {
      const items = texts.map(([title, description], i) =>
        item({ title: `T${title}`, description: `D${description}`, guid: `id-${i}`, guidIsPermaLink: false }),
      );
      return { items, xml: renderRss(channel(items)) };
    });
    const errors = await xmlErrorsOfEach(feeds.map((f) => f.xml));
    expect(
      errors.flatMap((e, i) =>
        e.length ? [{ feed: feeds[i]!.items.map((x) => [x.title, x.description]), errors: e }] : [],
      ),
    ).toEqual([]);
    for (const { items, xml } of feeds) {
      const feed = await parser.parseString(xml);
      expect(feed.items.map((e) => e.guid)).toEqual(items.map((e) => e.guid));
    }
  });

  it('refuses links that are not absolute http(s) URLs and dates that are not dates', () => {
    expect(() => renderRss(channel([item({ link: 'javascript:alert(1)' })]))).toThrow(RangeError);
    expect(() => renderRss(channel([item({ link: '/tin-tuc/c-1' })]))).toThrow(RangeError);
    expect(() => renderRss(channel([], { link: 'ftp://binhdinh.gov.vn/' }))).toThrow(RangeError);
    expect(() => renderRss(channel([], { language: 'vi"><x' }))).toThrow(RangeError);
    expect(() => rfc822(new Date('no date'))).toThrow(RangeError);
  });
});

/** The feeds' guards against programming errors say what they refused, cut to 100 characters. */
describe('feed value guards (RSS and sitemaps): a programming error names what was refused', () => {
  it('names a relative or malformed URL, cut to 100 characters', () => {
    expect(() => absoluteUrl('/tin-tuc/1')).toThrow(new RangeError('not an absolute URL: /tin-tuc/1'));
    const long = `/${'a'.repeat(150)}`;
    expect(() => absoluteUrl(long)).toThrow(new RangeError(`not an absolute URL: ${long.slice(0, 100)}`));
  });
  it('names a URL of another scheme, cut to 100 characters', () => {
    expect(() => absoluteUrl('javascript:alert(1)')).toThrow(new RangeError('not an http(s) URL: javascript:alert(1)'));
    const long = `ftp://a.vn/${'b'.repeat(150)}`;
    expect(() => absoluteUrl(long)).toThrow(new RangeError(`not an http(s) URL: ${long.slice(0, 100)}`));
  });
  it('names the invalid date', () => {
    expect(() => validDate(new Date(Number.NaN), 'pubDate')).toThrow(new RangeError('pubDate is not a valid date'));
  });
});
