import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { contentEditingRoutes } from './editing-routes';
import { unitCodeParam } from '../../shared/api/common-schemas';
import {
  bulkResultSchema,
  bulkTransitionBody,
  contentIdParam,
  contentItemSchema,
  contentItemQuery,
  contentSummarySchema,
  syndicatedSchema,
  syndicationBody,
  feedQuery,
  legalSearchQuery,
  legalSearchResultSchema,
  pageSchema,
  portalParams,
  publicContentQuery,
  publicItemParams,
  publishedSchema,
  sitemapQuery,
  transitionBody,
  transitionedSchema,
  unitContentQuery,
} from './schemas';

/** The content area's route contracts (issue 8): staff work on items, the public reads what is published. */
export const contentRoutes = {
  createContentItem: contentEditingRoutes.createContentItem,
  listUnitContent: defineRoute({
    id: 'listUnitContent',
    method: 'GET',
    path: '/units/{code}/content',
    function: 'content',
    auth: 'signed-in',
    action: 'content.read',
    machineScopes: ['portal/read', 'portal/content.submit'],
    summary: "A portal's items for its staff: by state (the intake queue is `submitted`), category, or overdue",
    tags: ['content'],
    params: unitCodeParam,
    query: unitContentQuery,
    responses: {
      200: { description: 'A page of items (without their bodies)', schema: pageSchema(contentSummarySchema) },
      404: { description: 'No such unit' },
    },
  }),
  getContentItem: defineRoute({
    id: 'getContentItem',
    method: 'GET',
    path: '/content/{id}',
    function: 'content',
    auth: 'signed-in',
    action: 'content.read',
    machineScopes: ['portal/read', 'portal/content.submit'],
    summary:
      'A content item for staff: state, version (ETag), due instant, revisions; with `revisions=3,5`, the title and body kept with those revisions (`revisionTexts`), to compare them',
    tags: ['content'],
    params: contentIdParam,
    query: contentItemQuery,
    responses: { 200: { description: 'The item', schema: contentItemSchema }, 404: { description: 'No such item' } },
  }),
  transitionContentItem: defineRoute({
    id: 'transitionContentItem',
    method: 'POST',
    path: '/content/{id}/transitions',
    function: 'content',
    auth: 'signed-in',
    // Coarse check only: the workflow table names the rule each action needs (content.submit, content.approve…).
    action: 'content.read',
    machineScopes: ['portal/content.submit'],
    summary:
      'Take one editorial step (submit, accept, propose, approve, publish, schedule, return, reject, withdraw, archive, emergency-publish, confirm…); If-Match guards the version',
    tags: ['content'],
    params: contentIdParam,
    body: transitionBody,
    idempotencyJoinsCommit: true,
    responses: {
      200: { description: 'The step was taken', schema: transitionedSchema },
      404: { description: 'No such item' },
      409: {
        description:
          "Not allowed from the item's state, or the item changed meanwhile (no If-Match sent); or the same Idempotency-Key is in progress",
      },
      412: { description: 'If-Match names a version that is no longer current (`header.if-match`)' },
    },
  }),
  bulkTransitionContent: defineRoute({
    id: 'bulkTransitionContent',
    method: 'POST',
    path: '/units/{code}/content/bulk-transitions',
    function: 'content',
    auth: 'signed-in',
    // Coarse check only: return and assign need content.intake, reject content.approve (the workflow table).
    action: 'content.read',
    summary:
      'Return, reject or assign up to 25 items of the intake queue; each item is its own audited step with its own result (one failing leaves the others done)',
    tags: ['content'],
    params: unitCodeParam,
    body: bulkTransitionBody,
    responses: {
      200: { description: 'One result per item, in the order given', schema: bulkResultSchema },
      404: { description: 'No such unit' },
    },
  }),
  updateContentItem: contentEditingRoutes.updateContentItem,
  proposeSyndication: defineRoute({
    id: 'proposeSyndication',
    method: 'POST',
    path: '/content/{id}/syndication',
    function: 'content',
    auth: 'signed-in',
    action: 'content.read',
    summary:
      "Propose a sub-portal's published item to the provincial portal: a linked copy enters its intake (submitted); the source's new versions and withdrawal follow it as events",
    tags: ['content'],
    params: contentIdParam,
    body: syndicationBody,
    responses: {
      201: { description: 'The copy in the provincial portal', schema: syndicatedSchema },
      404: { description: 'No such item' },
      409: {
        description:
          'Not published (`state`), already in the provincial portal (`unitCode`), already proposed (`id`), or a language the province has not (`language`); or the same Idempotency-Key is in progress',
      },
    },
  }),
  listPublishedContent: defineRoute({
    id: 'listPublishedContent',
    method: 'GET',
    path: '/public/portals/{portal}/content',
    function: 'contentPublic',
    auth: 'public',
    summary: "A portal's published items in one language (and category), newest first",
    tags: ['public'],
    params: portalParams,
    query: publicContentQuery,
    responses: { 200: { description: 'A page of published items', schema: pageSchema(publishedSchema) } },
  }),
  getPublishedContent: defineRoute({
    id: 'getPublishedContent',
    method: 'GET',
    path: '/public/portals/{portal}/content/{id}',
    function: 'contentPublic',
    auth: 'public',
    summary: 'One published item with its citation line; a withdrawn item shows only its withdrawal note',
    tags: ['public'],
    params: publicItemParams,
    responses: {
      200: { description: 'The item', schema: publishedSchema },
      404: { description: 'No such portal, or no such item published in it' },
    },
  }),
  searchLegalDocuments: defineRoute({
    id: 'searchLegalDocuments',
    method: 'GET',
    path: '/public/portals/{portal}/legal-documents',
    function: 'contentPublic',
    auth: 'public',
    summary:
      'Search published legal documents by number/symbol, form, authority, issue dates, effectiveness and words (diacritics and đ/d ignored), ranked; bounded reads, no Scan',
    tags: ['public'],
    params: portalParams,
    query: legalSearchQuery,
    responses: { 200: { description: 'A page of ranked documents', schema: legalSearchResultSchema } },
  }),
  getContentFeed: defineRoute({
    id: 'getContentFeed',
    method: 'GET',
    path: '/public/portals/{portal}/feed.rss',
    function: 'contentPublic',
    auth: 'public',
    summary:
      "RSS 2.0 of a portal's latest published items in one language (and category); withdrawn items show their note",
    tags: ['public'],
    params: portalParams,
    query: feedQuery,
    responses: {
      200: { description: 'RSS 2.0 feed', contentType: 'application/rss+xml', schema: z.string() },
      404: { description: 'No such portal' },
    },
  }),
  getSitemap: defineRoute({
    id: 'getSitemap',
    method: 'GET',
    path: '/public/portals/{portal}/sitemap.xml',
    function: 'contentPublic',
    auth: 'public',
    summary:
      "Sitemap (sitemaps.org 0.9) of a portal's published and withdrawn items; over 50,000 URLs or 5 MiB, a sitemap index of pages (`?page=N`); gzip-compressed when the client accepts it",
    tags: ['public'],
    params: portalParams,
    query: sitemapQuery,
    responses: {
      200: { description: 'A urlset, or a sitemapindex', contentType: 'application/xml', schema: z.string() },
      404: { description: 'No such portal, or no such page of its sitemap index' },
    },
  }),
} as const;
