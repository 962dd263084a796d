import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsultationDraftVersion } from '../../domain/participation/consultation';
import type { ConsultationSummary } from '../../domain/participation/consultation-summary';
import { phaseOf, type ConsultationState } from '../../domain/participation/consultation-workflow';
import type { TransitionPlan } from '../../domain/workflow/types';
import type { Participant } from '../../domain/workflow/participants';
import { sweepDue } from './due-sweep';
import { CONSULTATION_DUE_SHARDS, type ConsultationPhase } from './consultation-keys';
import { keys, withoutStorageKeys } from './keys';
import { draftOfItems, draftWrites, headingOf, type ConsultationDraftHeading } from './consultation-drafts';
import { queryAll, queryIndexPage, type Page } from './pagination';
import type { Work, WriteAction } from './unit-of-work';
import { workOfPlan } from './workflow-commit';

/**
 * A consultation as stored (`CONSULT#<id>` / `CONSULTATION`): its workflow fields, its window, the
 * heading of the current version of the draft (its number and article count: its text lives in the
 * `DRAFT#` items beside it, consultation-drafts.ts, so this item stays small whatever the draft's
 * length), and the summary once written. `version` is the workflow's counter (If-Match, bumped by
 * every step); `draft.draftVersion` is the version of the text comments anchor to.
 */
export interface ConsultationRecord {
  /** The id of the first draft's content item: one consultation per draft. */
  readonly id: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
  /** The content item whose text is the current draft (a new version is a newer item). */
  readonly contentId: string;
  readonly language: string;
  readonly title: string;
  /** The kind of draft (consultation-periods.ts), which sets the minimum period. */
  readonly documentType: string;
  readonly opensAt: string;
  readonly closesAt: string;
  /** The minimum in calendar days that applied, and its basis, frozen when scheduled. */
  readonly minimumDays: number;
  readonly minimumBasis: string;
  /** Shortened under the simplified procedure, with the reason the board gave. */
  readonly simplified?: { readonly reason: string };
  readonly state: ConsultationState;
  readonly version: number;
  readonly openClocks: readonly never[];
  readonly participants?: readonly Participant[];
  readonly draft: ConsultationDraftHeading;
  readonly scheduledBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly summary?: ConsultationSummary;
  readonly publishedAt?: string;
}

/** A consultation as created: with the whole first version of its draft (stored beside it). */
export type NewConsultation = Omit<ConsultationRecord, 'draft'> & { readonly draft: ConsultationDraftVersion };

export interface ConsultationDueMarker {
  readonly id: string;
  readonly dueAt: string;
}

const read = (item: Record<string, unknown>): ConsultationRecord => {
  const record = withoutStorageKeys(item) as unknown as ConsultationRecord;
  // Written before the text moved to the draft's items: the heading of the whole version it held.
  const draft = record.draft as ConsultationDraftHeading | ConsultationDraftVersion;
  return 'articles' in draft ? { ...record, draft: headingOf(draft) } : record;
};
const { consultation } = keys;

/** The listing and due-index attributes a consultation carries in `state` (none for the due index once closed). */
export function listingOf(
  record: Pick<ConsultationRecord, 'id' | 'unitCode' | 'opensAt' | 'closesAt'>,
  state: ConsultationState,
): Record<string, unknown> {
  const phase = phaseOf(state);
  const dueAt = phase === 'scheduled' ? record.opensAt : phase === 'open' ? record.closesAt : undefined;
  return {
    ...keys.consultationsOfPortal(record.unitCode, phase, record.opensAt, record.id),
    ...(dueAt !== undefined && keys.consultationDue(keys.consultationDueShardOf(record.id), dueAt)),
  };
}

export class ConsultationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<ConsultationRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: consultation(id), ConsistentRead: true }),
    );
    return out.Item ? read(out.Item) : undefined;
  }

  /** One version of the draft with its text, from its heading and parts; undefined if none was taken in. */
  async draft(id: string, draftVersion: number): Promise<ConsultationDraftVersion | undefined> {
    const { pk, skPrefix } = keys.consultationDraftOf(id, draftVersion);
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
    return draftOfItems(items);
  }

  /** The text of the consultation's current version of the draft (the consultation holds its heading). */
  async currentDraft(record: Pick<ConsultationRecord, 'id' | 'draft'>): Promise<ConsultationDraftVersion> {
    const draft = await this.draft(record.id, record.draft.draftVersion);
    if (!draft)
      throw new Error(`Consultation ${record.id} has no stored version ${record.draft.draftVersion} of its draft`);
    return draft;
  }

  /** A portal's consultations in one phase, newest opening first. */
  ofPortal(
    portal: string,
    phase: ConsultationPhase,
    limit: number,
    cursor?: string,
  ): Promise<Page<ConsultationRecord>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.consultationsOfPortal(portal, phase).gsi1pk, limit, cursor, newestFirst: true },
      read,
    );
  }

  /**
   * A new consultation (one per draft: a second is a 409) and its first draft version; `field` is
   * named if the draft cannot be stored.
   */
  create(record: NewConsultation, field = 'id'): WriteAction[] {
    const message = {
      vi: `Dự thảo ${record.id} đã được đưa ra lấy ý kiến`,
      en: `Draft ${record.id} has a consultation already`,
    };
    const stored: ConsultationRecord = { ...record, draft: headingOf(record.draft) };
    return [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...consultation(record.id), type: 'Consultation', ...listingOf(stored, stored.state), ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: { field: 'id', message },
      },
      ...this.draftItems(record.id, record.draft, field),
    ];
  }

  /** A version of the draft, append-only (a second write of the same version is refused). */
  draftItems(id: string, draft: ConsultationDraftVersion, field = 'contentId'): WriteAction[] {
    return draftWrites(this.tableName, id, draft, field);
  }

  /** One workflow step: its workflow fields, `set` and the listing of the state it reaches, conditional on the version read. */
  stepWrites(
    plan: TransitionPlan<string, string, string>,
    record: ConsultationRecord,
    set: Readonly<Record<string, unknown>>,
  ): Work {
    const next = { ...record, ...(set as Partial<ConsultationRecord>) };
    const listing = listingOf(next, plan.to as ConsultationState);
    const leavesDueIndex = !('duePk' in listing);
    return workOfPlan(plan, {
      tableName: this.tableName,
      itemKey: consultation(plan.aggregate.id),
      dueOf: () => '',
      extraSet: { ...set, ...listing },
      ...(leavesDueIndex && { extraRemove: ['duePk', 'dueAt'] }),
    });
  }

  /** The consultations whose next opening or closing instant is due by `now`, earliest first. */
  async dueBy(now: string, limit: number): Promise<{ markers: ConsultationDueMarker[]; more: boolean }> {
    const { found, more } = await sweepDue(this.client, this.tableName, {
      shards: CONSULTATION_DUE_SHARDS,
      duePk: (shard) => keys.consultationDue(shard).duePk,
      horizon: now,
      limit,
      pageSize: 100,
      attributes: ['id', 'dueAt'],
      read: (item): ConsultationDueMarker => ({ id: String(item.id), dueAt: String(item.dueAt) }),
      order: (a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id),
    });
    return { markers: found, more };
  }
}
