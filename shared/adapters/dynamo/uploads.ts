import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CheckOutcome, Upload } from '../../domain/uploads/upload';
import { keys } from './keys';
import type { WriteAction } from './unit-of-work';

/** Upload records (`UPLOAD#<id>`): the declaration, then the checker's verdict. */
const toUpload = (item: Record<string, unknown>): Upload => {
  const { pk: _pk, sk: _sk, type: _type, ...upload } = item;
  return upload as unknown as Upload;
};

export class UploadRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(uploadId: string): Promise<Upload | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.upload(uploadId), ConsistentRead: true }),
    );
    return out.Item ? toUpload(out.Item) : undefined;
  }

  /** Several uploads, read one by one (an item has a handful of attachments). */
  async getMany(uploadIds: readonly string[]): Promise<Map<string, Upload>> {
    const found = await Promise.all([...new Set(uploadIds)].map((id) => this.get(id)));
    return new Map(found.filter((u): u is Upload => u !== undefined).map((u) => [u.id, u]));
  }

  create(upload: Upload): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.upload(upload.id), type: 'Upload', ...upload },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Mã tải lên đã tồn tại', en: 'The upload id exists already' } },
    };
  }

  /** The checker's verdict, once: only a pending upload is settled. */
  settle(uploadId: string, outcome: CheckOutcome, checkedAt: string, checkedEtag: string): WriteAction {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.upload(uploadId),
          UpdateExpression: `SET #status = :status, detectedType = :detected, checkedAt = :at, checkedEtag = :etag${outcome.reason ? ', reason = :reason' : ''}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':detected': outcome.detectedType,
            ':at': checkedAt,
            ':etag': checkedEtag,
            ':pending': 'pending',
            ...(outcome.reason ? { ':reason': outcome.reason } : {}),
          },
        },
      },
      onConflict: { message: { vi: 'Tệp đã được kiểm tra', en: 'The upload was checked already' } },
    };
  }
}
