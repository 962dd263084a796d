/** Public feeds: RSS 2.0 per portal, category and language, and the sitemap. Pure text rendering. */
export * from './rss';
export * from './sitemap';
export { xmlText } from './xml';
