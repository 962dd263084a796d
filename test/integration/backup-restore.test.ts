import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  PutItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  QueryCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { localCredentials } from '../../infra/local/resources';
import { exportTablePortably } from '../../shared/adapters/backup/portable-export';
import { verifyStoredBackup } from '../../shared/adapters/backup/verify-stored';
import { digestOfTable, restoreBackup, RestoreInterrupted, RestoreRefused } from '../../shared/adapters/backup/restore';
import { tableShape } from '../../shared/adapters/backup/table-shape';
import { fileCheckpoint } from '../../shared/adapters/backup/checkpoint';
import type { BackupManifest } from '../../shared/domain/backups/manifest';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/**
 * Backup → wipe → restore on the local stack (DynamoDB Local + fauxqs): the export's layout, every
 * item and media object back with equal digests, the indexes answering as before, a tampered file
 * found, and a restore stopped half-way that finishes correctly when run again.
 */
const local = useLocalStack();
const ITEMS = 230;
const PER_FILE = 50; // 2 BatchWriteItem calls a file

const item = (i: number): Record<string, AttributeValue> => ({
  pk: { S: `THING#${String(i).padStart(4, '0')}` },
  sk: { S: 'THING' },
  gsi1pk: { S: `OWNER#${i % 7}` },
  gsi1sk: { S: `2026-11-${String((i % 28) + 1).padStart(2, '0')}#${i}` },
  ...(i % 10 === 0
    ? { duePk: { S: 'DUEWORK' }, dueAt: { S: `2026-12-${String((i % 28) + 1).padStart(2, '0')}` } }
    : {}),
  title: { S: `Tiêu đề số ${i} — ${'x'.repeat(i % 40)}` },
  count: { N: String(i * 3) },
  tags: { SS: [`a${i % 3}`, `b${i % 5}`] },
  blob: { B: new Uint8Array([i % 256, 0, 255, 7]) },
  nested: { M: { list: { L: [{ N: '1' }, { S: 'hai' }, { NULL: true }] }, ok: { BOOL: i % 2 === 0 } } },
  expiresAt: { N: String(4_102_444_800 + i) }, // far future: TTL never removes them during the test
});

const mediaKeys = ['clean/a/report.pdf', 'clean/b/ảnh đẹp.png', 'clean/c/notes.txt'];
const mediaBytes = new Map<string, Uint8Array>();
let owner3Before: string[];
let dueBefore: string[];
let backup: BackupManifest;

const c = () => local.clients();
const res = () => local.stack().resources;
const s3Bytes = async (bucket: string, key: string) =>
  await (await c().s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();

async function gsiKeys(table: string, index: string, condition: string, values: Record<string, AttributeValue>) {
  const out = await c().dynamodb.send(
    new QueryCommand({
      TableName: table,
      IndexName: index,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
    }),
  );
  return (out.Items ?? []).map((i) => i.pk!.S!);
}
const owner3 = (table: string) => gsiKeys(table, 'gsi1', 'gsi1pk = :p', { ':p': { S: 'OWNER#3' } });
const dueSoon = (table: string) =>
  gsiKeys(table, 'due', 'duePk = :p AND dueAt <= :t', { ':p': { S: 'DUEWORK' }, ':t': { S: '2026-12-15' } });

async function streamRecords(streamArn: string): Promise<number> {
  const streams = new DynamoDBStreamsClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'ap-southeast-1',
    credentials: localCredentials(local.stack().endpoints),
  });
  const shards =
    (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
  let count = 0;
  for (const shard of shards) {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    count +=
      (await streams.send(new GetRecordsCommand({ ShardIterator: ShardIterator!, Limit: 1000 }))).Records?.length ?? 0;
  }
  return count;
}

beforeAll(async () => {
  const table = res().tableName;
  for (let i = 0; i < ITEMS; i += 25) {
    const requests = Array.from({ length: Math.min(25, ITEMS - i) }, (_, j) => ({ PutRequest: { Item: item(i + j) } }));
    await c().dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
  }
  // One object overwritten (its second version is the current one) and others written once.
  for (const [n, key] of mediaKeys.entries()) {
    if (n === 0)
      await c().s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: key, Body: 'first version' }));
    const bytes = new TextEncoder().encode(`${key} — nội dung ${'z'.repeat(n * 1000)}`);
    mediaBytes.set(key, bytes);
    await c().s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: key, Body: bytes }));
  }
  owner3Before = await owner3(table);
  dueBefore = await dueSoon(table);
  backup = await exportTablePortably({
    dynamodb: c().dynamodb,
    s3: c().s3,
    tableName: table,
    backupBucket: res().buckets.backups,
    mediaBucket: res().buckets.media,
    backupId: '2026-W48',
    retention: 'weekly',
    itemsPerFile: PER_FILE,
    segments: 3,
    signer: backupSigner(),
  });
});

describe('the portable export', () => {
  it('writes DynamoDB’s export layout and format, and our manifests beside it', async () => {
    const listed = await c().s3.send(
      new ListObjectsV2Command({ Bucket: res().buckets.backups, Prefix: 'backups/weekly/2026-W48/' }),
    );
    const keys = (listed.Contents ?? []).map((o) => o.Key!);
    const dir = `backups/weekly/2026-W48/AWSDynamoDB/${backup.exportId}/`;
    expect(backup.exportId).toMatch(/^\d{13}-[0-9a-f]{8}$/);
    for (const name of [
      '_started',
      'manifest-summary.json',
      'manifest-summary.checksum',
      'manifest-files.json',
      'manifest-files.checksum',
    ])
      expect(keys).toContain(`${dir}${name}`);
    expect(keys).toContain('backups/weekly/2026-W48/backup-manifest.json');
    expect(keys).toContain('backups/weekly/2026-W48/media-manifest.json');

    const summary = JSON.parse(
      new TextDecoder().decode(await s3Bytes(res().buckets.backups, `${dir}manifest-summary.json`)),
    );
    expect(summary).toMatchObject({
      version: '2020-06-30',
      itemCount: ITEMS,
      outputFormat: 'DYNAMODB_JSON',
      exportType: 'FULL_EXPORT',
      manifestFilesS3Key: `${dir}manifest-files.json`,
    });
    const lines = new TextDecoder()
      .decode(await s3Bytes(res().buckets.backups, `${dir}manifest-files.json`))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.reduce((n, l) => n + l.itemCount, 0)).toBe(ITEMS);
    expect(lines.map((l) => l.dataFileS3Key).sort()).toEqual(backup.files.map((f) => f.key));
    for (const l of lines) expect(l.dataFileS3Key).toMatch(new RegExp(`^${dir}data/[\\w-]+\\.json\\.gz$`));

    const first = gunzipSync(await s3Bytes(res().buckets.backups, backup.files[0]!.key))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(first.length).toBe(backup.files[0]!.itemCount);
    const parsed = JSON.parse(first[0]!);
    expect(Object.keys(parsed)).toEqual(['Item']);
    expect(parsed.Item.pk.S).toMatch(/^THING#/);
    expect(parsed.Item.blob.B).toMatch(/^[A-Za-z0-9+/]+=*$/); // binary as base64, as the export writes it

    expect(backup.table.itemCount).toBe(ITEMS);
    expect(backup.media).toMatchObject({ objectCount: mediaKeys.length });
    expect(await verifyStoredBackup(c().s3, res().buckets.backups, '2026-W48', backupVerifier())).toMatchObject({
      ok: true,
      findings: [],
      itemCount: ITEMS,
    });
  });
});

describe('restore', () => {
  it('backup → wipe → restore into a new table: every item and media object back, the indexes answer as before', async () => {
    // Wipe: the table is gone. Media come back into an empty bucket: fauxqs keeps no object
    // versions (it accepts PutBucketVersioning and ignores it), so bringing an overwritten or deleted
    // object's recorded version back in place can only be shown on S3 itself.
    await c().dynamodb.send(new DeleteTableCommand({ TableName: res().tableName }));
    const mediaTarget = `${res().buckets.media}-restored`;
    await c().s3.send(new CreateBucketCommand({ Bucket: mediaTarget }));

    const target = `${res().tableName}-restored`;
    const progress: number[] = [];
    const summary = await restoreBackup({
      dynamodb: c().dynamodb,
      s3: c().s3,
      backupBucket: res().buckets.backups,
      backupId: '2026-W48',
      targetTable: target,
      targetMediaBucket: mediaTarget,
      checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-')), 'checkpoint.json')),
      verifier: backupVerifier(),
      onProgress: (p) => p.phase === 'items' && progress.push(p.filesDone),
    });
    expect(summary).toMatchObject({
      items: ITEMS,
      itemsWrittenNow: ITEMS,
      countMatch: true,
      digestMatch: true,
      tableDigest: backup.table.digest,
    });
    expect(summary.media).toEqual({ objects: 3, bytes: backup.media.totalBytes, copied: 3, mismatched: [] });
    expect(progress).toEqual(backup.files.map((_, i) => i + 1));

    expect(await owner3(target)).toEqual(owner3Before);
    expect(await dueSoon(target)).toEqual(dueBefore);
    expect(owner3Before.length).toBeGreaterThan(20);
    const described = (await c().dynamodb.send(new DescribeTableCommand({ TableName: target }))).Table!;
    expect(described.GlobalSecondaryIndexes!.map((g) => g.IndexName).sort()).toEqual(['due', 'gsi1', 'gsi2']);
    expect(described.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    // The stream is turned on after loading: restored items (old outbox events too) are not replayed as new.
    expect(await streamRecords(described.LatestStreamArn!)).toBe(0);
    const ttl = await c().dynamodb.send(new DescribeTimeToLiveCommand({ TableName: target }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    for (const key of mediaKeys) expect(await s3Bytes(mediaTarget, key)).toEqual(mediaBytes.get(key));
  });

  it('resumes after being stopped half-way: the same digest, no item twice', async () => {
    const target = `${res().tableName}-resumed`;
    const checkpoint = fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-')), 'checkpoint.json'));
    const options = {
      dynamodb: c().dynamodb,
      s3: c().s3,
      backupBucket: res().buckets.backups,
      backupId: '2026-W48',
      targetTable: target,
      checkpoint,
      verifier: backupVerifier(),
    };
    // Stopped one batch into the third file: two files written in full, part of the third.
    const batchesOf = (n: number) => Math.ceil(backup.files[n]!.itemCount / 25);
    await expect(
      restoreBackup({ ...options, stopAfterBatches: batchesOf(0) + batchesOf(1) + 1 }),
    ).rejects.toBeInstanceOf(RestoreInterrupted);
    expect((await checkpoint.load())?.doneFiles).toEqual(backup.files.slice(0, 2).map((f) => f.key));
    const doneItems = backup.files[0]!.itemCount + backup.files[1]!.itemCount;
    expect(backup.files[2]!.itemCount).toBeGreaterThan(25);

    const summary = await restoreBackup(options);
    expect(summary).toMatchObject({
      filesResumed: 2,
      itemsWrittenNow: ITEMS - doneItems,
      countMatch: true,
      digestMatch: true,
      tableDigest: backup.table.digest,
    });
    expect(await checkpoint.load()).toBeUndefined(); // cleared once the restore checked out
    expect(await owner3(target)).toEqual(owner3Before);
  });

  it('refuses a target table that exists already (a mistyped live table), writing nothing', async () => {
    const live = `${res().tableName}-live`;
    await c().dynamodb.send(new CreateTableCommand(tableShape(live)));
    await c().dynamodb.send(new PutItemCommand({ TableName: live, Item: { pk: { S: 'LIVE' }, sk: { S: 'ONLY' } } }));
    await expect(
      restoreBackup({
        dynamodb: c().dynamodb,
        s3: c().s3,
        backupBucket: res().buckets.backups,
        backupId: '2026-W48',
        targetTable: live,
        checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-')), 'checkpoint.json')),
        verifier: backupVerifier(),
      }),
    ).rejects.toThrow(/exists already/);
    expect((await digestOfTable(c().dynamodb, live)).count).toBe(1);
  });

  it('a tampered data file is found by the verifier, and refused by the restore', async () => {
    const key = backup.files[1]!.key;
    const bytes = await s3Bytes(res().buckets.backups, key);
    const tampered = new Uint8Array(bytes);
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    await c().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: key, Body: tampered }));
    try {
      const result = await verifyStoredBackup(c().s3, res().buckets.backups, '2026-W48', backupVerifier());
      expect(result.ok).toBe(false);
      expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'digest-mismatch', key }));
      await expect(
        restoreBackup({
          dynamodb: c().dynamodb,
          s3: c().s3,
          backupBucket: res().buckets.backups,
          backupId: '2026-W48',
          targetTable: `${res().tableName}-tampered`,
          checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-')), 'checkpoint.json')),
          verifier: backupVerifier(),
        }),
      ).rejects.toThrow(RestoreRefused);
    } finally {
      await c().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: key, Body: bytes }));
    }
  });
});
