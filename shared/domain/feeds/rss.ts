import { absoluteUrl, validDate, xmlText } from './xml';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) for one portal, category and language: the
 * `getContentFeed` route renders the latest published items with it.
 */
export interface RssItem {
  /** Plain text. */
  readonly title: string;
  /** Absolute http(s) URL of the public page. */
  readonly link: string;
  /** Stable id of the item; a URL when `guidIsPermaLink`. */
  readonly guid: string;
  readonly guidIsPermaLink: boolean;
  readonly pubDate: Date;
  /** Plain-text summary, never the body's HTML. */
  readonly description: string;
  readonly categories?: readonly string[];
}

export interface RssChannel {
  readonly title: string;
  readonly link: string;
  readonly description: string;
  /** `vi`, `en`, `zh` (RFC 1766 codes, as RSS has them). */
  readonly language: string;
  readonly lastBuildDate: Date;
  /** The feed's own URL (atom:link rel="self", which validators ask for). */
  readonly selfUrl?: string;
  /** Minutes a reader may cache the feed. */
  readonly ttlMinutes?: number;
  readonly items: readonly RssItem[];
}

/** RFC 822 date-time as RSS requires, in GMT with a four-digit year: `Mon, 23 Nov 2026 00:00:00 GMT`. */
export const rfc822 = (date: Date): string => validDate(date, 'RSS date').toUTCString();

/**
 * Readers render `description` as HTML after XML-decoding it, so plain text is HTML-escaped first
 * and XML-escaped second: a summary holding `<script>` reaches the reader as the visible text
 * `<script>`, never as markup.
 */
const htmlOfPlainText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Titles are plain text for RSS, but some readers render them as HTML: angle brackets become the
 * look-alike ‹ › so that no reader, whichever way it reads titles, can see a tag.
 */
const safeTitle = (value: string) => value.replace(/</g, '‹').replace(/>/g, '›');

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export function renderRss(channel: RssChannel): string {
  if (!LANGUAGE.test(channel.language)) throw new RangeError(`not a language code: ${channel.language}`);
  const element = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;
  const items = channel.items.map((item) =>
    [
      '<item>',
      element('title', safeTitle(item.title)),
      element('link', absoluteUrl(item.link)),
      `<guid isPermaLink="${item.guidIsPermaLink}">${xmlText(item.guidIsPermaLink ? absoluteUrl(item.guid) : item.guid)}</guid>`,
      element('pubDate', rfc822(item.pubDate)),
      element('description', htmlOfPlainText(item.description)),
      ...(item.categories ?? []).map((c) => element('category', c)),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', safeTitle(channel.title)),
    element('link', absoluteUrl(channel.link)),
    element('description', htmlOfPlainText(channel.description)),
    element('language', channel.language),
    element('lastBuildDate', rfc822(channel.lastBuildDate)),
    ...(channel.selfUrl
      ? [`<atom:link href="${xmlText(absoluteUrl(channel.selfUrl))}" rel="self" type="application/rss+xml"/>`]
      : []),
    ...(channel.ttlMinutes !== undefined ? [element('ttl', String(Math.max(0, Math.floor(channel.ttlMinutes))))] : []),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
