import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommentAnchor, CommentState, Commenter, ModerationAction } from '../../domain/participation/comment';
import type { SealedAsker } from '../crypto/asker-envelope';
import type { LocalizedText } from '../../domain/text';
import { keys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import { chargeWindow, windowUsed } from './rate-window';
import { guardedUpdate } from './guarded-update';
import type { WriteAction } from './unit-of-work';

/**
 * Consultation comments (issue 28 #2, #3): one item per comment (`COMMENT#<code>`, gsi1 by
 * consultation), the commenter's sealed data apart (`COMMENTER#`), and the redacted public copy of
 * a published one (`PUBCOMMENT#`, gsi1 by consultation), which is all the public read may see. A
 * comment is never deleted: hiding it takes its public copy away and keeps it, with the reason.
 */
export interface ModerationStep {
  readonly action: ModerationAction;
  readonly from: CommentState;
  readonly to: CommentState;
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
}

export interface CommentRecord {
  readonly id: string;
  readonly consultationId: string;
  /** The drafting unit, then its ancestors. */
  readonly unitPath: readonly string[];
  /** The version of the draft it was written on (the consultation's `draftVersion`). */
  readonly draftVersion: number;
  /** The article, by number and the digest of its text then; none for the whole draft. */
  readonly article?: CommentAnchor;
  readonly commenterKind: Commenter['kind'];
  readonly consent: { readonly processing: true; readonly publication: boolean };
  readonly text: string;
  /** The text with personal data (the commenter's own, and any phone, e-mail, ID, name) replaced: what is published. */
  readonly publicText: string;
  readonly state: CommentState;
  readonly version: number;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
  readonly hidden?: { readonly reason: string; readonly at: string };
  readonly moderation: readonly ModerationStep[];
  readonly secretHash: string;
  /** The commenter's data was destroyed at their request (NĐ 356/2025); `text` is then the redacted one. */
  readonly erasure?: { readonly requestedAt: string; readonly erasedAt: string };
}

/** The public copy: no commenter, no original text. */
export interface PublishedComment {
  readonly id: string;
  readonly consultationId: string;
  readonly draftVersion: number;
  readonly article?: CommentAnchor;
  readonly commenterKind: Commenter['kind'];
  readonly text: string;
  readonly receivedAt: string;
  readonly publishedAt: string;
}

export interface StoredCommenter {
  readonly commentId: string;
  readonly receivedAt: string;
  readonly sealed: SealedAsker;
}

const STORED = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk']);
const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !STORED.has(k))) as T;

export const publicCopyOf = (c: CommentRecord, publishedAt: string): PublishedComment => ({
  id: c.id,
  consultationId: c.consultationId,
  draftVersion: c.draftVersion,
  ...(c.article && { article: c.article }),
  commenterKind: c.commenterKind,
  text: c.publicText,
  receivedAt: c.receivedAt,
  publishedAt,
});

export class CommentRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<CommentRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.consultationComment(id), ConsistentRead: true }),
    );
    return out.Item ? strip<CommentRecord>(out.Item) : undefined;
  }

  /** A page of a consultation's comments, oldest first (the board's moderation list). */
  ofConsultation(consultationId: string, limit: number, cursor?: string): Promise<Page<CommentRecord>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.commentsOfConsultation(consultationId).gsi1pk, limit, cursor },
      (item) => strip<CommentRecord>(item),
    );
  }

  /** A page of a consultation's published comments, oldest first. */
  published(consultationId: string, limit: number, cursor?: string): Promise<Page<PublishedComment>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.publishedCommentsOf(consultationId).gsi1pk, limit, cursor },
      (item) => strip<PublishedComment>(item),
    );
  }

  /** The day's next follow number: one atomic ADD outside the comment's transaction (numbers may have gaps). */
  async nextNumber(day: string): Promise<number> {
    return this.add(keys.commentDayCounter(day), 'CommentDayCounter');
  }

  /** Counts one comment against the consultation's hour, outside the transaction (no hot item in it); the count after. */
  async countForConsultation(consultationId: string, windowStart: string, expiresAt: number): Promise<number> {
    return this.add(keys.commentConsultationRate(consultationId, windowStart), 'CommentConsultationRate', expiresAt);
  }

  private async add(key: { pk: string; sk: string }, type: string, expiresAt?: number): Promise<number> {
    const out = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `ADD #count :one SET #type = :type${expiresAt !== undefined ? ', expiresAt = :expiresAt' : ''}`,
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':type': type,
          ...(expiresAt !== undefined && { ':expiresAt': expiresAt }),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.count);
  }

  /** Whether the address has used its comments of the hour (read before a number is taken; the transaction checks again). */
  async addressRefused(sourceDigest: string, windowStart: string, max: number): Promise<boolean> {
    const out = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.commentAddressRate(sourceDigest, windowStart),
        ConsistentRead: true,
      }),
    );
    return windowUsed(out.Item, max);
  }

  chargeAddress(sourceDigest: string, windowStart: string, max: number, expiresAt: number): WriteAction {
    return chargeWindow(
      this.tableName,
      keys.commentAddressRate(sourceDigest, windowStart),
      'CommentAddressRate',
      max,
      expiresAt,
      ADDRESS_LIMIT(max),
    );
  }

  create(record: CommentRecord): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.consultationComment(record.id),
            type: 'ConsultationComment',
            ...record,
            ...keys.commentsOfConsultation(record.consultationId, record.receivedAt, record.id),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: NUMBER_TAKEN },
    };
  }

  createCommenter(stored: StoredCommenter): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.commenter(stored.commentId), type: 'Commenter', ...stored },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: NUMBER_TAKEN },
    };
  }

  /** A moderation step: only while the comment is still in the state and version read (one of concurrent steps wins). */
  moderated(record: CommentRecord, set: Readonly<Record<string, unknown>>, remove: readonly string[]): WriteAction {
    return guardedUpdate(
      this.tableName,
      keys.consultationComment(record.id),
      record.version,
      set,
      remove,
      { expression: '#state = :state', names: { '#state': 'state' }, values: { ':state': record.state } },
      CHANGED,
    );
  }

  /** The commenter's data erased: once; the comment keeps only its redacted text. */
  erased(record: CommentRecord, set: Readonly<Record<string, unknown>>): WriteAction {
    return guardedUpdate(
      this.tableName,
      keys.consultationComment(record.id),
      record.version,
      set,
      [],
      { expression: 'attribute_not_exists(#erasure)', names: { '#erasure': 'erasure' } },
      CHANGED,
    );
  }

  /** Destroys the sealed commenter item with its wrapped data key (unconditional: erasing twice finds none). */
  deleteCommenter(id: string): WriteAction {
    return {
      item: { Delete: { TableName: this.tableName, Key: keys.commenter(id) } },
      onConflict: { message: CHANGED },
    };
  }

  putPublic(copy: PublishedComment): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.publishedComment(copy.id),
            type: 'PublishedComment',
            ...copy,
            ...keys.publishedCommentsOf(copy.consultationId, copy.receivedAt, copy.id),
          },
        },
      },
      onConflict: { message: CHANGED },
    };
  }

  deletePublic(id: string): WriteAction {
    return {
      item: { Delete: { TableName: this.tableName, Key: keys.publishedComment(id) } },
      onConflict: { message: CHANGED },
    };
  }
}

const ADDRESS_LIMIT = (max: number): LocalizedText => ({
  vi: `Địa chỉ này đã gửi ${max} ý kiến trong một giờ; hãy thử lại sau`,
  en: `This address has sent ${max} comments within an hour; try again later`,
});
const NUMBER_TAKEN = { vi: 'Số tiếp nhận vừa được dùng; hãy thử lại', en: 'The number was just taken; try again' };
const CHANGED = {
  vi: 'Ý kiến vừa được kiểm duyệt hoặc thay đổi; hãy tải lại',
  en: 'The comment was just moderated or changed; reload it',
};
