import {
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { tableDefinition } from '../definitions/table';
import { withoutSdkLogging } from '../../shared/adapters/aws-clients';
import { tableShape } from '../../shared/adapters/backup/table-shape';
import { configEnvironment, type DeploymentConfig } from '../config/deployment';
import { bucketDefinitions, type BucketKey } from '../definitions/buckets';
import { dlqName, queueDefinitions, type QueueKey } from '../definitions/queues';

/**
 * Creates, on the local emulators, the same table, buckets and queues the CDK stacks create on
 * AWS, from the same definitions. Every call is idempotent: a second start reuses what exists.
 */
export interface LocalEndpoints {
  readonly dynamodb: string;
  /** One endpoint serves S3 and SQS (fauxqs). */
  readonly s3sqs: string;
  readonly region: string;
  /**
   * The account on the emulators (default `local`). Without `sharedDb`, DynamoDB Local keeps one
   * database per access key: the tests give each file its own, because every request there costs
   * more with every stream record in its database (emulators.ts).
   */
  readonly accessKeyId?: string;
}

export interface LocalResources {
  readonly tableName: string;
  readonly buckets: Record<BucketKey, string>;
  readonly queueUrls: Record<QueueKey, string>;
  readonly dlqUrls: Record<QueueKey, string>;
  readonly eventBusName: string;
}

export const localCredentials = (endpoints: LocalEndpoints) => ({
  accessKeyId: endpoints.accessKeyId ?? 'local',
  secretAccessKey: 'local',
});

export const localClients = (endpoints: LocalEndpoints, credentials = localCredentials(endpoints)) => ({
  dynamodb: withoutSdkLogging(
    new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials }),
  ),
  s3: withoutSdkLogging(
    new S3Client({ endpoint: endpoints.s3sqs, region: endpoints.region, credentials, forcePathStyle: true }),
  ),
  sqs: withoutSdkLogging(new SQSClient({ endpoint: endpoints.s3sqs, region: endpoints.region, credentials })),
});

/** Bucket names are global on S3 and limited to lower-case letters, digits and dashes. */
const bucketName = (prefix: string, name: string) => `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');

export async function createLocalResources(endpoints: LocalEndpoints, prefix: string): Promise<LocalResources> {
  const clients = localClients(endpoints);
  const tableName = `${prefix}-${tableDefinition.logicalName}`;
  await createTable(clients.dynamodb, tableName);

  const buckets = {} as Record<BucketKey, string>;
  for (const [key, def] of Object.entries(bucketDefinitions) as Array<
    [BucketKey, (typeof bucketDefinitions)[BucketKey]]
  >) {
    const name = bucketName(prefix, def.localName);
    await clients.s3.send(new CreateBucketCommand({ Bucket: name })).catch((error: Error) => {
      if (!/BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(error.name)) throw error;
    });
    if (def.versioned) {
      await clients.s3.send(
        new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
      );
    }
    buckets[key] = name;
  }

  const queueUrls = {} as Record<QueueKey, string>;
  const dlqUrls = {} as Record<QueueKey, string>;
  for (const [key, def] of Object.entries(queueDefinitions) as Array<[QueueKey, (typeof queueDefinitions)[QueueKey]]>) {
    const dlq = await clients.sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${dlqName(def.localName)}` }));
    const dlqArn = (
      await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn;
    const queue = await clients.sqs.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${def.localName}`,
        Attributes: {
          VisibilityTimeout: String(def.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: def.maxReceiveCount }),
        },
      }),
    );
    queueUrls[key] = onEndpoint(endpoints, queue.QueueUrl!);
    dlqUrls[key] = onEndpoint(endpoints, dlq.QueueUrl!);
  }
  return { tableName, buckets, queueUrls, dlqUrls, eventBusName: `${prefix}-bus` };
}

/** fauxqs names queues `sqs.<region>.<host>`, which does not resolve; the path alone is the queue. */
const onEndpoint = (endpoints: LocalEndpoints, queueUrl: string) => `${endpoints.s3sqs}${new URL(queueUrl).pathname}`;

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    // The same shape a restore creates (keys, every GSI), from the one table definition.
    await client.send(new CreateTableCommand(tableShape(tableName)));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/** The environment every function gets on the local stack, as CDK sets it on AWS. */
export function functionEnvironment(
  endpoints: LocalEndpoints,
  resources: LocalResources,
  config?: DeploymentConfig,
): Record<string, string> {
  return {
    ...(config ? configEnvironment(config) : {}),
    AWS_REGION: endpoints.region,
    AWS_ACCESS_KEY_ID: localCredentials(endpoints).accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials(endpoints).secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3sqs,
    AWS_ENDPOINT_URL_SQS: endpoints.s3sqs,
    TABLE_NAME: resources.tableName,
    MEDIA_BUCKET: resources.buckets.media,
    BACKUP_BUCKET: resources.buckets.backups,
    EVENT_BUS_NAME: resources.eventBusName,
    QUEUE_URLS: JSON.stringify(resources.queueUrls),
    EVENT_TRANSPORT: 'local',
  };
}
