import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContentState } from '../../domain/workflow';
import type { Attribution, ContentItemRecord, ContentStepChanges, Revision } from './content-record';
import { keys, withoutStorageKeys } from './keys';
import { decodeCursor, encodeCursor, indexCursorShape, queryPrefix, type CursorShape, type Page } from './pagination';
import { combine, type Work, type WriteAction } from './unit-of-work';
import type { PublicRendition } from './published-content';
import { trailOfPlan, workOfPlan } from './workflow-commit';
import { ScheduledPublicationRepository } from './scheduled-publication';
import type { TransitionPlan } from '../../domain/workflow/types';
import type { CreationPlan } from '../../domain/workflow/engine';
import { pendingEvent, type EventDetail } from '../../../events/catalogue';

export type {
  Attribution,
  ContentItemRecord,
  ContentStepChanges,
  Contributor,
  Revision,
  RevisionText,
  SyndicationSource,
} from './content-record';

/** The item's listing keys for its current state: by unit, by unit and state, and by deadline until published. */
export const contentIndexKeys = (
  r: Pick<ContentItemRecord, 'unitCode' | 'state' | 'createdAt' | 'updatedAt' | 'id' | 'dueAt' | 'publishedAt'>,
) => ({
  ...keys.contentOfUnit(r.unitCode, r.createdAt, r.id),
  ...keys.contentOfUnitInState(r.unitCode, r.state, r.updatedAt, r.id),
  ...(r.dueAt !== undefined && r.publishedAt === undefined ? keys.contentDue(r.unitCode, r.dueAt) : {}),
});

const toRecord = (item: Record<string, unknown>): ContentItemRecord =>
  withoutStorageKeys(item) as unknown as ContentItemRecord;

export interface UnitContentQuery {
  readonly state?: ContentState;
  readonly category?: string;
  /** Only items whose deadline passed before `now` and that are not online yet. */
  readonly overdueAt?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Content items (one item per content item, its revisions beside it) and their public renditions
 * (`PUBCONTENT#`), the only content items the public read functions are granted.
 */
export class ContentRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<ContentItemRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.contentItem(id), ConsistentRead: true }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  }

  revisions(id: string): Promise<Array<Omit<Revision, 'text'> & { textKept?: true }>> {
    // Consistent, as the item's own read: a revision commits in the same transaction as its version.
    return queryPrefix(
      this.client,
      this.tableName,
      { ...keys.contentRevisionsOf(id), limit: 200, consistent: true },
      (i) => {
        const { version, at, actor, action, summary, text } = i as unknown as Revision;
        // The list stays light: whether the text was kept, not the text (read one revision for it).
        return { version, at, actor, action, summary, ...(text !== undefined && { textKept: true }) };
      },
    );
  }

  /** One revision with its kept text, if any. */
  async revisionOf(id: string, version: number): Promise<Revision | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.contentRevision(id, version), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { version: v, at, actor, action, summary, text } = Item as unknown as Revision;
    return { version: v, at, actor, action, summary, ...(text !== undefined && { text }) };
  }

  /**
   * One page of a unit's items: overdue ones by deadline (their own partition of the due index),
   * one state's by last change, or all by creation, newest first. A category narrows the page
   * (a filter on the page read, so a page may hold fewer items than `limit`).
   */
  async ofUnit(unitCode: string, query: UnitContentQuery): Promise<Page<ContentItemRecord>> {
    const names: Record<string, string> = { '#pk': '', '#sk': '' };
    const values: Record<string, unknown> = {};
    let index: string;
    let condition = '#pk = :pk';
    let shape: CursorShape;
    if (query.overdueAt !== undefined) {
      index = 'due';
      Object.assign(names, { '#pk': 'duePk', '#sk': 'dueAt' });
      Object.assign(values, { ':pk': keys.contentDue(unitCode).duePk, ':now': query.overdueAt });
      condition += ' AND #sk < :now';
      shape = { attributes: { pk: null, sk: null, duePk: values[':pk'] as string, dueAt: null } };
    } else if (query.state !== undefined) {
      index = 'gsi2';
      Object.assign(names, { '#pk': 'gsi2pk', '#sk': 'gsi2sk' });
      values[':pk'] = keys.contentOfUnitInState(unitCode, query.state).gsi2pk;
      shape = indexCursorShape('gsi2', values[':pk'] as string);
    } else {
      index = 'gsi1';
      Object.assign(names, { '#pk': 'gsi1pk', '#sk': 'gsi1sk' });
      values[':pk'] = keys.contentOfUnit(unitCode).gsi1pk;
      shape = indexCursorShape('gsi1', values[':pk'] as string);
    }
    const filters: string[] = [];
    if (query.category !== undefined) {
      filters.push('#category = :category');
      names['#category'] = 'category';
      values[':category'] = query.category;
    }
    if (query.overdueAt !== undefined && query.state !== undefined) {
      filters.push('#state = :state');
      names['#state'] = 'state';
      values[':state'] = query.state;
    }
    if (!condition.includes('#sk')) delete names['#sk'];
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: index === 'due',
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, shape),
      }),
    );
    return { items: (out.Items ?? []).map(toRecord), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /**
   * Everything one editorial step writes (`content.stepWrites(item, plan)`): the item's workflow
   * fields and the fields the step's effects changed, conditional on the version read; its listing
   * keys for the new state (by deadline only until the first publication); the plan's audit entry,
   * clock work and event; and the effects' own writes (revision, rendition, index entries…).
   */
  stepWrites(
    record: ContentItemRecord,
    plan: TransitionPlan<string, string, string>,
    changes: ContentStepChanges,
    due: Readonly<Partial<Record<string, string>>>,
  ): Work {
    const after = { ...record, ...changes.set, state: plan.to } as ContentItemRecord;
    const { duePk: _duePk, dueAt: _dueAt, ...listing } = contentIndexKeys(after) as Record<string, string>;
    const set: Record<string, unknown> = { ...changes.set, ...listing };
    if (after.publishedAt === undefined && after.dueAt !== undefined)
      Object.assign(set, keys.contentDue(record.unitCode, after.dueAt));
    // The first publication takes the item off the due index.
    const remove: string[] = [
      ...changes.remove,
      ...(record.publishedAt === undefined && after.publishedAt !== undefined ? ['duePk'] : []),
    ];
    return combine(
      workOfPlan(plan, {
        tableName: this.tableName,
        itemKey: keys.contentItem(record.id),
        dueOf: (open) => due[open.clock]!,
        title: record.title,
        extraSet: set,
        extraRemove: remove,
      }),
      { actions: changes.writes },
    );
  }

  /**
   * What creating an item writes: the item as it stands after the request, the creation's audit
   * entry and event, and its effects' writes; then, for a step taken in the same request (created
   * and submitted at once), that step's trail and effects' writes, without a second write of the item.
   */
  createWrites(
    record: ContentItemRecord,
    creation: {
      readonly plan: CreationPlan<string, string>;
      readonly detail: EventDetail<'ContentItemCreated'>;
      readonly writes: readonly WriteAction[];
    },
    steps: readonly {
      readonly plan: TransitionPlan<string, string, string>;
      readonly changes: ContentStepChanges;
    }[] = [],
  ): Work {
    const created: Work = {
      actions: [this.create(record), ...creation.writes],
      audits: [creation.plan.audit],
      events: [pendingEvent('ContentItemCreated', creation.detail)],
    };
    return steps.reduce<Work>(
      (work, { plan, changes }) =>
        combine(
          work,
          combine(
            trailOfPlan(plan, { tableName: this.tableName, dueOf: () => record.updatedAt, title: record.title }),
            { actions: changes.writes },
          ),
        ),
      created,
    );
  }

  /** The scheduled-publication marker (scheduled-publication.ts): put by `schedule`, deleted by the step that leaves `scheduled`. */
  scheduleMarker(id: string, publishAt: string): WriteAction {
    return new ScheduledPublicationRepository(this.client, this.tableName).mark(id, publishAt);
  }

  scheduleMarkerCleared(id: string): WriteAction {
    return new ScheduledPublicationRepository(this.client, this.tableName).clear(id);
  }

  /** The item is still at the version read (a copy is of the version its proposer saw online). */
  unchangedSince(source: Pick<ContentItemRecord, 'id' | 'version'>): WriteAction {
    return {
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: keys.contentItem(source.id),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': source.version },
        },
      },
      onConflict: {
        message: {
          vi: `Tin, bài ${source.id} vừa thay đổi; hãy thử lại`,
          en: `Content item ${source.id} just changed; try again`,
        },
      },
    };
  }

  /** One copy per source and portal. */
  syndicationLink(sourceId: string, portal: string, copyId: string): WriteAction {
    const message = {
      vi: `Tin, bài ${sourceId} đã được đề xuất lên Cổng ${portal}`,
      en: `Content item ${sourceId} was proposed to portal ${portal} already`,
    };
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.syndicationOf(sourceId, portal), type: 'ContentSyndication', sourceId, portal, copyId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { field: 'id', message },
    };
  }

  /** The ids of the copies proposed from a source. */
  syndicatedCopiesOf(sourceId: string): Promise<string[]> {
    return queryPrefix(this.client, this.tableName, keys.syndicationsOf(sourceId), (i) => i.copyId as string);
  }

  /** A new item; never overwrites one. */
  create(record: ContentItemRecord): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.contentItem(record.id), type: 'ContentItem', ...record, ...contentIndexKeys(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: {
        message: { vi: `Tin, bài ${record.id} đã tồn tại`, en: `Content item ${record.id} exists already` },
      },
    };
  }

  /**
   * Links a new language version to its source item, which must still exist and still have the
   * `known` versions the caller checked the language against: of two concurrent versions in one
   * language, one wins. Not an editorial change of the source (its version stays): each language
   * version has its own state.
   */
  linkTranslation(sourceId: string, translation: { language: string; id: string }, known: number): WriteAction {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.contentItem(sourceId),
          UpdateExpression: 'SET #tr = list_append(if_not_exists(#tr, :none), :one)',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#tr) OR size(#tr) = :known)',
          ExpressionAttributeNames: { '#tr': 'translations' },
          ExpressionAttributeValues: { ':none': [], ':one': [translation], ':known': known },
        },
      },
      onConflict: {
        field: 'translationOf',
        message: {
          vi: `Tin, bài ${sourceId} vừa có thêm bản ngôn ngữ khác; hãy thử lại`,
          en: `Item ${sourceId} has just gained another language version; try again`,
        },
      },
    };
  }

  /**
   * Changes an item that is still in `expected.state` at `expected.version` (edits, syndication
   * updates): sets and removes attributes, bumps the version, keeps its state listing current.
   * A lost race is a 412 when the client named the version (If-Match), else a 409.
   */
  update(
    record: ContentItemRecord,
    set: Readonly<Record<string, unknown>>,
    remove: readonly string[],
    ifMatch: boolean,
  ): WriteAction {
    const at = set.updatedAt as string;
    const state = (set.state as string | undefined) ?? record.state;
    const all: Record<string, unknown> = {
      ...set,
      version: record.version + 1,
      ...keys.contentOfUnitInState(record.unitCode, state, at, record.id),
    };
    // A deadline set before the first publication is listed on the due index with it.
    if (typeof set.dueAt === 'string' && record.publishedAt === undefined)
      Object.assign(all, keys.contentDue(record.unitCode, set.dueAt));
    const names: Record<string, string> = { '#state': 'state', '#version': 'version' };
    const values: Record<string, unknown> = { ':state': record.state, ':expected': record.version };
    const assignments = Object.entries(all).map(([name, value], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    const removals = remove.map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    const message = ifMatch
      ? {
          vi: `Tin, bài ${record.id} đã thay đổi từ phiên bản ${record.version} bạn đã xem`,
          en: `Content item ${record.id} changed since version ${record.version} you saw`,
        }
      : {
          vi: `Tin, bài ${record.id} vừa được người khác thay đổi; hãy thử lại`,
          en: `Content item ${record.id} was just changed by someone else; try again`,
        };
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.contentItem(record.id),
          UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
          ConditionExpression: '#state = :state AND #version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConflict: ifMatch
        ? { code: 'precondition_failed', field: 'expectedVersion', message }
        : { code: 'conflict', message },
    };
  }

  /** The attribution frozen at publication, listed by unit and quarter (written once). */
  putAttribution(
    record: Pick<ContentItemRecord, 'id' | 'unitCode' | 'title' | 'category'>,
    attribution: Attribution,
  ): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.attributionOf(record.unitCode, attribution.quarter, record.id),
            type: 'ContentAttribution',
            itemId: record.id,
            unitCode: record.unitCode,
            title: record.title,
            category: record.category,
            ...attribution,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: {
        message: {
          vi: `Nhuận bút của ${record.id} đã được chốt`,
          en: `The attribution of ${record.id} is frozen already`,
        },
      },
    };
  }

  /** Attributions frozen in one quarter for one unit (the royalty tally reads these). */
  attributionsOf(unitCode: string, quarter: string): Promise<Array<Attribution & { itemId: string; title: string }>> {
    return queryPrefix(
      this.client,
      this.tableName,
      { ...keys.attributionsOfQuarter(unitCode, quarter), limit: 1000 },
      (i) => {
        const {
          itemId,
          title,
          contributors,
          frozenAt,
          quarter: q,
        } = i as unknown as Attribution & { itemId: string; title: string };
        return { itemId, title, contributors, frozenAt, quarter: q };
      },
    );
  }

  /** A revision: append-only, one per version. */
  revision(id: string, revision: Revision): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.contentRevision(id, revision.version), type: 'ContentRevision', ...revision },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: {
        message: {
          vi: `Phiên bản ${revision.version} của ${id} đã có`,
          en: `Revision ${revision.version} of ${id} exists already`,
        },
      },
    };
  }

  /** Takes the public rendition away (an archived item leaves the public API: item, lists, feeds). */
  deletePublic(id: string): WriteAction {
    return {
      item: { Delete: { TableName: this.tableName, Key: keys.publishedContent(id) } },
      onConflict: {
        message: { vi: `Không gỡ được bản công khai của ${id}`, en: `Could not remove the public rendition of ${id}` },
      },
    };
  }

  /** Writes (or replaces) the public rendition: what the public read API serves. */
  putPublic(rendition: PublicRendition): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.publishedContent(rendition.id),
            type: 'PublishedContent',
            ...rendition,
            ...keys.publishedOfPortal(rendition.portal, rendition.language, rendition.publishedAt, rendition.id),
            ...keys.publishedOfPortalCategory(
              rendition.portal,
              rendition.language,
              rendition.category,
              rendition.publishedAt,
              rendition.id,
            ),
          },
        },
      },
      onConflict: {
        message: {
          vi: `Không ghi được bản công khai của ${rendition.id}`,
          en: `Could not write the public rendition of ${rendition.id}`,
        },
      },
    };
  }
}
