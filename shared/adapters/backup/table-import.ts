import {
  DescribeImportCommand,
  DescribeTableCommand,
  ImportTableCommand,
  QueryCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
  type ImportTableDescription,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '../../../infra/definitions/table';
import type { DynamoJsonItem } from '../../domain/backups/digest';
import { decodeDataFile, type BackupManifest } from '../../domain/backups/manifest';
import { digestOfTable } from './restore';
import { getObjectBytes } from './storage';
import { tableShape } from './table-shape';

/**
 * A backup loaded into a NEW table by DynamoDB's ImportTable (AWS builds the table from the data
 * files: no write capacity, nothing of ours waits in a Lambda), then checked: the one
 * implementation behind the restore drill's CreateTable/LoadTable/CheckTable steps
 * (restore-drill-steps.ts) and the operator's restore on AWS (import-restore.ts). DynamoDB Local
 * has no ImportTable: locally only the check runs (after a portable load).
 */
const QUERIES_PER_INDEX = 3;

export class ImportNotPossible extends Error {
  override readonly name = 'ImportNotPossible';
}

/** The one folder of the backup's data files (DynamoDB's export layout: `…/AWSDynamoDB/<id>/data/`), what ImportTable reads. */
export function dataPrefix(manifest: BackupManifest): string | undefined {
  const folders = new Set(manifest.files.map((f) => f.key.slice(0, f.key.lastIndexOf('/') + 1)));
  if (folders.size > 1)
    throw new ImportNotPossible(
      `backup ${manifest.backupId}: data files in ${folders.size} folders; ImportTable reads one prefix`,
    );
  return [...folders][0];
}

/** Starts the import into `tableName` (keys and every GSI from the table definition); answers its ARN. A retried call with the same token is the same import. */
export async function startTableImport(
  dynamodb: DynamoDBClient,
  bucket: string,
  prefix: string,
  tableName: string,
  clientToken: string,
): Promise<string> {
  const shape = tableShape(tableName);
  const out = await dynamodb.send(
    new ImportTableCommand({
      ClientToken: clientToken,
      S3BucketSource: { S3Bucket: bucket, S3KeyPrefix: prefix },
      InputFormat: 'DYNAMODB_JSON',
      InputCompressionType: 'GZIP',
      TableCreationParameters: {
        TableName: shape.TableName!,
        AttributeDefinitions: shape.AttributeDefinitions!,
        KeySchema: shape.KeySchema!,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: shape.GlobalSecondaryIndexes!,
      },
    }),
  );
  return out.ImportTableDescription?.ImportArn ?? '';
}

export type ImportProgress =
  | { readonly status: 'IN_PROGRESS' }
  | { readonly status: 'COMPLETED' }
  | { readonly status: 'FAILED'; readonly reason: string; readonly importStatus: string };

/** How the import is doing: COMPLETED only with no item in error; anything else but IN_PROGRESS is a failure, described. */
export async function importProgress(dynamodb: DynamoDBClient, importArn: string): Promise<ImportProgress> {
  const out = await dynamodb.send(new DescribeImportCommand({ ImportArn: importArn }));
  const d: ImportTableDescription | undefined = out.ImportTableDescription;
  if (d?.ImportStatus === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
  if (d?.ImportStatus === 'COMPLETED' && (d.ErrorCount ?? 0) === 0) return { status: 'COMPLETED' };
  return {
    status: 'FAILED',
    importStatus: d?.ImportStatus ?? 'unknown',
    reason: `DynamoDB's import ${d?.ImportStatus ?? 'vanished'} (${d?.ErrorCount ?? 0} items in error${d?.FailureMessage ? `: ${d.FailureMessage}` : ''})`,
  };
}

/** Whether a table of that name exists (in any state). */
export async function tableExists(dynamodb: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

export interface TableCheck {
  readonly items: number;
  readonly countMatch: boolean;
  readonly digestMatch: boolean;
  readonly indexQueries: number;
  readonly indexQueriesAnswered: number;
}
export const tableCheckPasses = (c: TableCheck) =>
  c.countMatch && c.digestMatch && c.indexQueriesAnswered === c.indexQueries;

/** The loaded table scanned: count and table digest against the manifest; each index asked for a few items by its keys. */
export async function checkLoadedTable(
  dynamodb: DynamoDBClient,
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
  tableName: string,
): Promise<TableCheck> {
  const restored = await digestOfTable(dynamodb, tableName);
  const queries = await queryIndexes(dynamodb, s3, bucket, manifest, tableName);
  return {
    items: manifest.table.itemCount,
    countMatch: restored.count === manifest.table.itemCount,
    digestMatch: restored.digest() === manifest.table.digest,
    indexQueries: queries.asked,
    indexQueriesAnswered: queries.answered,
  };
}

/** For each index, a few items of the backup that it lists, asked for by their index keys in the restored table. */
async function queryIndexes(
  dynamodb: DynamoDBClient,
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
  tableName: string,
) {
  const samples = new Map<string, DynamoJsonItem[]>(tableDefinition.indexes.map((index) => [index.name, []]));
  for (const file of manifest.files) {
    if ([...samples.values()].every((s) => s.length >= QUERIES_PER_INDEX)) break;
    const bytes = await getObjectBytes(s3, bucket, file.key);
    for (const item of bytes ? decodeDataFile(bytes) : []) {
      for (const index of tableDefinition.indexes) {
        const list = samples.get(index.name)!;
        if (list.length < QUERIES_PER_INDEX && item[index.partitionKey] && item[index.sortKey]) list.push(item);
      }
    }
  }
  let asked = 0;
  let answered = 0;
  const key = (i: Record<string, unknown>) =>
    JSON.stringify([i[tableDefinition.partitionKey], i[tableDefinition.sortKey]]);
  for (const index of tableDefinition.indexes) {
    for (const item of samples.get(index.name)!) {
      asked++;
      const out = await dynamodb.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: '#p = :p AND #s = :s',
          ExpressionAttributeNames: { '#p': index.partitionKey, '#s': index.sortKey },
          ExpressionAttributeValues: { ':p': item[index.partitionKey] as never, ':s': item[index.sortKey] as never },
        }),
      );
      if ((out.Items ?? []).some((found) => key(found) === key(item))) answered++;
    }
  }
  return { asked, answered };
}
