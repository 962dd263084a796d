import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsultationDraftVersion } from '../../domain/participation/consultation';
import type { ConsultationSummary } from '../../domain/participation/consultation-summary';
import { phaseOf, type ConsultationState } from '../../domain/participation/consultation-workflow';
import type { TransitionPlan } from '../../domain/workflow/types';
import type { Participant } from '../../domain/workflow/participants';
import { sweepDue } from './due-sweep';
import { CONSULTATION_DUE_SHARDS, type ConsultationPhase } from './consultation-keys';
import { keys, withoutStorageKeys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import type { Work, WriteAction } from './unit-of-work';
import { workOfPlan } from './workflow-commit';

/**
 * A consultation as stored (`CONSULT#<id>` / `CONSULTATION`): its workflow fields, its window, the
 * current version of the draft with its articles (earlier versions stay as `DRAFT#` items beside
 * it), and the summary once written. `version` is the workflow's counter (If-Match, bumped by every
 * step); `draft.draftVersion` is the version of the text comments anchor to.
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
  readonly draft: ConsultationDraftVersion;
  readonly scheduledBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly summary?: ConsultationSummary;
  readonly publishedAt?: string;
}

export interface ConsultationDueMarker {
  readonly id: string;
  readonly dueAt: string;
}

const read = (item: Record<string, unknown>) => withoutStorageKeys(item) as unknown as ConsultationRecord;
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

  /** Every version of the draft taken in, oldest first. */
  async drafts(id: string): Promise<ConsultationDraftVersion[]> {
    const { pk, skPrefix } = keys.consultationDraftsOf(id);
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => (withoutStorageKeys(i) as { draft: ConsultationDraftVersion }).draft);
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

  /** A new consultation (one per draft: a second is a 409) and its first draft version. */
  create(record: ConsultationRecord): WriteAction[] {
    const message = {
      vi: `Dự thảo ${record.id} đã được đưa ra lấy ý kiến`,
      en: `Draft ${record.id} has a consultation already`,
    };
    return [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...consultation(record.id), type: 'Consultation', ...listingOf(record, record.state), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: { field: 'id', message },
      },
      this.draftItem(record.id, record.draft),
    ];
  }

  /** A version of the draft, append-only (a second write of the same version is refused). */
  draftItem(id: string, draft: ConsultationDraftVersion): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.consultationDraft(id, draft.draftVersion), type: 'ConsultationDraft', id, draft },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: {
        message: {
          vi: `Phiên bản ${draft.draftVersion} của dự thảo ${id} đã có`,
          en: `Version ${draft.draftVersion} of draft ${id} exists already`,
        },
      },
    };
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
