import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

/**
 * One client of each kind per process, created on first use. Endpoints come from the SDK's own
 * `AWS_ENDPOINT_URL_<SERVICE>` variables, which the local stack sets; on AWS they are unset.
 */
let ddb: DynamoDBClient | undefined;
let doc: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let sqs: SQSClient | undefined;
let eventBridge: EventBridgeClient | undefined;

export function dynamoClient(): DynamoDBClient {
  return (ddb ??= new DynamoDBClient({}));
}

export function documentClient(): DynamoDBDocumentClient {
  return (doc ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  }));
}

export function s3Client(): S3Client {
  // Emulators serve buckets by path; real S3 prefers virtual-hosted names.
  return (s3 ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }));
}

export function sqsClient(): SQSClient {
  return (sqs ??= new SQSClient({}));
}

export function eventBridgeClient(): EventBridgeClient {
  return (eventBridge ??= new EventBridgeClient({}));
}
