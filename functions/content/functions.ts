import {
  OWN,
  resolvesPrincipal,
  idempotencyRecords,
  appendsAudit,
  readsUnits,
  readsCalendar,
  consumedBy,
  indexPrefix,
} from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import { uploadPrefixes } from '../../shared/domain/uploads/upload';
import { PUBLISHED_PREFIX } from '../../shared/domain/edge/published-files';
import type { FunctionDefinition } from '../function-definition';

/** Content: the editorial workflow, creation, the public read API, scheduled publication, the edge and syndication. */
export const contentFunctions = {
  content: {
    entry: 'functions/content/staff.ts',
    kind: 'http',
    description: 'Content items: read, list, and the editorial workflow (audited, with revisions)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      // Items, revisions and schedule markers; their clocks; syndicated copies.
      {
        actions: [...OWN],
        partitionPrefixes: [
          keys.contentItem('').pk,
          keys.work('').pk,
          keys.syndicationOf('', '').pk.replace(/#+$/, '#'),
        ],
      },
      // What publication writes beside the item: the public rendition, search entries, the attribution (QN 12.2).
      // The public rendition: written on publication, deleted when the item is archived (it leaves the public API).
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        partitionPrefixes: [keys.publishedContent('').pk],
      },
      {
        actions: ['PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')],
      },
      { actions: ['PutItem', 'Query'], partitionPrefixes: [keys.attributionOf('', '', '').pk.replace(/#+$/, '#')] },
      // The attachments' check status.
      { actions: ['GetItem'], partitionPrefixes: [keys.upload('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.contentOfUnit('x').gsi1pk),
          indexPrefix(keys.openWorkOfAssignee('x').gsi1pk),
        ],
        indexes: ['gsi1'],
      },
      {
        actions: ['Query'],
        partitionPrefixes: [
          indexPrefix(keys.contentOfUnitInState('x', 'y').gsi2pk),
          indexPrefix(keys.openWorkOfUnit('x').gsi2pk),
        ],
        indexes: ['gsi2'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.contentDue('x').duePk)], indexes: ['due'] },
    ],
    writesOutbox: true,
  },
  contentCreate: {
    entry: 'functions/content/create.ts',
    kind: 'http',
    description: 'Content items: create and edit (the HTML sanitiser lives only here)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      readsCalendar,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.contentItem('').pk, keys.work('').pk],
      },
      { actions: ['GetItem'], partitionPrefixes: [keys.upload('').pk] },
    ],
    writesOutbox: true,
  },
  contentPublic: {
    entry: 'functions/content/public.ts',
    kind: 'http',
    description:
      'Public read API: published items per portal, one item with its citation line, legal-document search, RSS',
    // Public renditions only (PUBCONTENT items and their portal listings): never drafts, accounts or stored responses.
    tableItems: [
      // BatchGetItem: a search page's renditions in one round (AWS names it apart from GetItem; the local check reads it key by key).
      {
        actions: ['GetItem', 'BatchGetItem', 'Query'],
        partitionPrefixes: [keys.publishedContent('').pk, keys.publishedOfPortal('', '').gsi1pk.replace(/#+$/, '#')],
        indexes: ['gsi1', 'gsi2'],
      },
      // Legal-document search: one Query per planned read of the term entries, nothing else.
      { actions: ['Query'], partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')] },
      // The feed's channel names the portal: units are public directory data (unitsPublic reads them too).
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk] },
    ],
  },
  publishScheduled: {
    entry: 'functions/jobs/publish-scheduled.ts',
    kind: 'job',
    description: 'Publishes scheduled content items whose time has come, as the system identity (audited)',
    timeoutSeconds: 120,
    tableItems: [
      // Due markers only, on the due index; then each item, its revision and its marker.
      {
        actions: ['Query'],
        partitionPrefixes: [keys.scheduledPublicationDue(0).duePk.replace(/\d+$/, '')],
        indexes: ['due'],
      },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.contentItem('').pk] },
      // What publication writes beside the item: its public rendition, search entries, clock work
      // (and the attribution frozen at the first publication, QN 12.2).
      {
        actions: ['PutItem'],
        partitionPrefixes: [
          keys.publishedContent('').pk,
          keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#'),
          keys.attributionOf('', '', '').pk.replace(/#+$/, '#'),
        ],
      },
      { actions: ['UpdateItem'], partitionPrefixes: [keys.work('').pk] },
      // What it reads to decide: the portal (citation line), the files' check status, the calendar.
      { actions: ['GetItem'], partitionPrefixes: [keys.unit('').pk, keys.upload('').pk] },
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
    writesOutbox: true,
  },
  refreshEdge: {
    entry: 'functions/consumers/refresh-edge.ts',
    kind: 'consumer',
    description:
      'Published attachments copied under published/ or removed, and the changed paths invalidated at the distribution in one batch (issue 26)',
    // The item's record names its attachments, in every state.
    tableItems: [{ actions: ['GetItem'], partitionPrefixes: [keys.contentItem('').pk] }],
    objects: [
      { bucket: 'media', actions: ['GetObject'], prefixes: [uploadPrefixes.clean] },
      { bucket: 'media', actions: ['PutObject', 'DeleteObject'], prefixes: [PUBLISHED_PREFIX] },
    ],
  },
  followSyndication: {
    entry: 'functions/consumers/follow-syndication.ts',
    kind: 'consumer',
    description:
      "Syndicated copies in the provincial portal follow their source's new publications and withdrawal (updated, withdrawn or flagged)",
    tableItems: [
      consumedBy('followSyndication'),
      appendsAudit,
      readsUnits,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [
          keys.contentItem('').pk,
          keys.publishedContent('').pk,
          keys.syndicationOf('', '').pk.replace(/#+$/, '#'),
        ],
      },
      {
        actions: ['PutItem', 'DeleteItem'],
        partitionPrefixes: [keys.legalSearchEntry('', '', '', '').pk.replace(/#+$/, '#')],
      },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
