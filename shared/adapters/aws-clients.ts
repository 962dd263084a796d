import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

/**
 * Without the SDK's logger middleware. It runs every request's input and output through the
 * commands' sensitive-data filters to hand them to the client's logger, even when that logger is
 * the SDK's no-op one, which is ours: ~2% of the integration tests' CPU, and the same on AWS for
 * every call. We log requests ourselves (shared/http/handler.ts), never through the SDK.
 */
export function withoutSdkLogging<C extends { middlewareStack: { remove(name: string): boolean } }>(client: C): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

/**
 * A DynamoDB client and its document client over it, as every composition root builds them once.
 * Endpoints come from the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables, which the local stack
 * sets; on AWS they are unset.
 */
export function createDynamoClients(): { dynamo: DynamoDBClient; db: DynamoDBDocumentClient } {
  const dynamo = withoutSdkLogging(new DynamoDBClient({}));
  return { dynamo, db: documentClientOver(dynamo) };
}

const documentClientOver = (dynamo: DynamoDBClient) =>
  DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

/** An S3 client for a root to keep. Emulators serve buckets by path; real S3 prefers virtual-hosted names. */
export const createS3Client = () =>
  withoutSdkLogging(new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }));

/** An SQS client for a root to keep (the dependency check's). */
export const createSqsClient = () => withoutSdkLogging(new SQSClient({}));

export const createEventBridgeClient = () => withoutSdkLogging(new EventBridgeClient({}));
