import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import { versionCondition, type WriteAction } from './unit-of-work';

/** Agency systems registered on a unit: what principal resolution reads for machine tokens. */
export interface MachineClient {
  readonly clientId: string;
  readonly name: string;
  readonly unitCode: string;
  readonly scopes: readonly string[];
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
  readonly version: number;
}

export const toClient = (item: Record<string, unknown>): MachineClient => {
  const { clientId, name, unitCode, scopes, status, createdAt, version } = item as unknown as MachineClient;
  return { clientId, name, unitCode, scopes, status, createdAt, version };
};

export class MachineClientRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(clientId: string): Promise<MachineClient | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.machineClient(clientId) }),
    );
    return out.Item ? toClient(out.Item) : undefined;
  }

  ofUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<MachineClient>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.machineClientsOfUnit(unitCode).gsi1pk, limit, cursor },
      toClient,
    );
  }

  /** The client's new state, if it is still at `expectedVersion` (0: new). */
  put(client: MachineClient, expectedVersion: number): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.machineClient(client.clientId),
            ...keys.machineClientsOfUnit(client.unitCode, client.clientId),
            type: 'MachineClient',
            ...client,
          },
          ...versionCondition(expectedVersion),
        },
      },
      onConflict: {
        message: { vi: `Ứng dụng ${client.name} vừa bị thay đổi`, en: `Client ${client.name} changed meanwhile` },
      },
    };
  }
}
