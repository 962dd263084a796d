import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnswerAuthorisation } from '../../domain/questions/answerers';
import { keys, withoutStorageKeys } from './keys';
import { queryIndexPage, queryPrefix, type Page } from './pagination';
import type { ConflictReport, WriteAction } from './unit-of-work';

/** Answer authorisations (CB 11.5): in the officer's account partition, listed per unit on gsi1. */
const toAuthorisation = (item: Record<string, unknown>): AnswerAuthorisation => {
  const { type: _type, ...rest } = withoutStorageKeys(item) as Record<string, unknown>;
  return rest as unknown as AnswerAuthorisation;
};

export class AnswerAuthorisationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  ofOfficer(officerId: string): Promise<AnswerAuthorisation[]> {
    return queryPrefix(this.client, this.tableName, keys.answerAuthorisationsOf(officerId), toAuthorisation);
  }

  ofUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<AnswerAuthorisation>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.answerAuthorisationsOfUnit(unitCode).gsi1pk, limit, cursor, newestFirst: true },
      toAuthorisation,
    );
  }

  async get(officerId: string, id: string): Promise<AnswerAuthorisation | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.answerAuthorisation(officerId, id) }),
    );
    return out.Item ? toAuthorisation(out.Item) : undefined;
  }

  /** A new authorisation (`onlyIfNew`) or its revocation (only while it is not revoked yet). */
  put(authorisation: AnswerAuthorisation, onlyIfNew: boolean): WriteAction {
    const onConflict: ConflictReport = onlyIfNew
      ? { message: { vi: 'Ủy quyền trả lời đã tồn tại', en: 'The answer authorisation exists already' } }
      : {
          message: {
            vi: 'Ủy quyền trả lời đã bị thu hồi hoặc không còn',
            en: 'The answer authorisation was revoked meanwhile or is gone',
          },
        };
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.answerAuthorisation(authorisation.officerId, authorisation.id),
            ...keys.answerAuthorisationsOfUnit(authorisation.unitCode, authorisation.validFrom, authorisation.id),
            type: 'AnswerAuthorisation',
            ...authorisation,
          },
          ConditionExpression: onlyIfNew
            ? 'attribute_not_exists(pk)'
            : 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        },
      },
      onConflict,
    };
  }
}
