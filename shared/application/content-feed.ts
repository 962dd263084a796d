import { contentCategories, type ContentCategoryId } from '../domain/content/categories';
import { DomainError } from '../domain/errors';
import { renderRss, type RssItem } from '../domain/feeds';
import type { PublicRendition } from '../adapters/dynamo/published-content';
import type { Services } from '../composition/services';

/**
 * A portal's RSS 2.0 feed (getContentFeed): its latest renditions in one language (and category).
 * The portal's name and domain come from its unit (public directory data); a withdrawn item shows
 * its withdrawal note, never its content, as the public API does.
 */
const FEED_ITEMS = 50;

export async function contentFeed(
  s: Services,
  portal: string,
  language: 'vi' | 'en' | 'zh',
  category: ContentCategoryId | undefined,
  now: Date,
): Promise<string> {
  const unit = await s.units.get(portal);
  if (!unit) throw new DomainError('not_found', { vi: `Không có cổng ${portal}`, en: `No portal ${portal}` });
  const page = await s.publishedContent.list(portal, language, category, FEED_ITEMS);
  const label = (id: string) =>
    contentCategories[id as ContentCategoryId]?.label[language === 'vi' ? 'vi' : 'en'] ?? id;
  const name = language === 'vi' ? unit.name.vi : unit.name.en;
  return renderRss({
    title: category === undefined ? name : `${name}: ${label(category)}`,
    link: `https://${unit.domain}/`,
    description:
      language === 'vi'
        ? `Tin, bài mới đăng trên Cổng thông tin điện tử ${unit.name.vi}`
        : `Latest items published on the ${unit.name.en} e-portal`,
    language,
    lastBuildDate: now,
    ttlMinutes: 5,
    items: page.items.map((item) => feedItem(item, unit.domain, label)),
  });
}

function feedItem(item: PublicRendition, domain: string, label: (id: string) => string): RssItem {
  const withdrawn = item.status === 'withdrawn';
  return {
    title: withdrawn ? `[Đã gỡ] ${item.title}` : item.title,
    link: `https://${domain}/${item.language}/content/${item.id}`,
    // Not the page's URL: that may change with the site's design, the item's id does not.
    guid: `content:${item.id}`,
    guidIsPermaLink: false,
    pubDate: new Date(withdrawn && item.withdrawnAt ? item.withdrawnAt : item.publishedAt),
    description: withdrawn ? (item.publicNote ?? '') : (item.summary ?? item.legalDocument?.summary ?? item.title),
    categories: [label(item.category)],
  };
}
