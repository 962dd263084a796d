import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ListTablesCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { restoreBackup } from '../../shared/adapters/backup/restore';
import { fileCheckpoint } from '../../shared/adapters/backup/checkpoint';
import { writeMediaManifest } from '../../shared/adapters/backup/portable-export';
import { readBackupManifest } from '../../shared/adapters/backup/storage';
import { sealAwsExport } from '../../shared/adapters/backup/aws-export';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { toExportJson } from '../../shared/adapters/backup/export-json';
import { tableDigestOf, type DynamoJsonItem } from '../../shared/domain/backups/digest';

/**
 * Restoring what DynamoDB's ExportTableToPointInTime writes (test/fixtures/aws-export, hand-written
 * from AWS's documented format), as the weekly job leaves it on AWS: the export under the week's
 * prefix and our media manifest beside it. The first reader seals it with a digest manifest.
 */
// The drill here restores in full every week (the default restores monthly backups in full only).
const config = loadDeploymentConfig();
const local = useLocalStack({ config: { ...config, backups: { ...config.backups, fullRestoreDrill: 'weekly' } } });
// The fixture export ended 2026-11-21 00:05 UTC: the drill refuses a backup older than 8 days, so it runs the next day.
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-11-22T00:00:00Z'));
afterAll(() => void vi.useRealTimers());
const c = () => local.clients();
const res = () => local.stack().resources;
const fixture = resolve(import.meta.dirname, '../fixtures/aws-export');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
const exportFiles = files(join(fixture, 'AWSDynamoDB'));
/** The fixture's items, read straight from its data files (not through the code under test). */
const fixtureItems: DynamoJsonItem[] = exportFiles
  .filter((f) => f.endsWith('.json.gz'))
  .flatMap((f) =>
    gunzipSync(readFileSync(f))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { Item: DynamoJsonItem }).Item),
  );

async function upload(prefix: string, tamper = false) {
  for (const file of exportFiles) {
    let body = new Uint8Array(readFileSync(file));
    if (tamper && file.endsWith('.json.gz') && body.length > 100)
      body = Uint8Array.from(body, (b, i) => (i === 60 ? b ^ 1 : b));
    await c().s3.send(
      new PutObjectCommand({ Bucket: res().buckets.backups, Key: `${prefix}/${relative(fixture, file)}`, Body: body }),
    );
  }
}

beforeAll(async () => {
  await c().s3.send(
    new PutObjectCommand({ Bucket: res().buckets.media, Key: 'clean/fixture/tệp.txt', Body: 'tệp đính kèm' }),
  );
  await upload('backups/weekly/2026-W47');
  // What the weekly job writes on AWS when it starts the export.
  await writeMediaManifest(c().s3, res().buckets.media, res().buckets.backups, '2026-W47', 'weekly');
});

/** What the backup writer does once DynamoDB has finished the export (weekly-backup.ts): seals and signs it, once. */
let sealing: Promise<unknown> | undefined;
const sealed = () => (sealing ??= sealAwsExport(c().s3, res().buckets.backups, '2026-W47', 'weekly', backupSigner()));

describe('restore from an AWS export', () => {
  it('readers never seal: an export the writer has not sealed is refused, not signed by the reader', async () => {
    const bucket = `unsealed-${Date.now().toString(36)}`;
    await c().s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const file of exportFiles) {
      await c().s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `backups/weekly/2026-W45/${relative(fixture, file)}`,
          Body: readFileSync(file),
        }),
      );
    }
    await expect(
      restoreBackup({
        dynamodb: c().dynamodb,
        s3: c().s3,
        backupBucket: bucket,
        backupId: '2026-W45',
        targetTable: `${res().tableName}-unsealed`,
        verifier: backupVerifier(),
        checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-aws-')), 'checkpoint.json')),
      }),
    ).rejects.toThrow(/not yet sealed by the backup writer/);
    expect((await c().dynamodb.send(new ListTablesCommand({}))).TableNames).not.toContain(
      `${res().tableName}-unsealed`,
    );
  });

  it('the restore drill restores the export the writer sealed: digests equal, every index answers', async () => {
    await sealed();
    const summary = (await local.stack().runJob('restore-drill')) as Record<string, unknown>;
    expect(summary).toMatchObject({
      outcome: 'succeeded',
      backupId: '2026-W47',
      items: 4,
      countMatch: true,
      digestMatch: true,
      mediaObjects: 1,
      mediaMismatched: 0,
      indexQueries: 4,
      indexQueriesAnswered: 4,
    });
    const manifest = await readBackupManifest(c().s3, res().buckets.backups, '2026-W47');
    expect(manifest).toMatchObject({
      source: 'aws',
      retention: 'weekly',
      exportId: '01763683200000-5f3c9a1e',
      tableName: 'Portal-dev-Data-PortalTable',
      table: { itemCount: 4, digest: tableDigestOf(fixtureItems) },
      media: { key: 'backups/weekly/2026-W47/media-manifest.json', objectCount: 1 },
    });
    expect(manifest.files.map((f) => [f.key, f.itemCount])).toEqual([
      ['backups/weekly/2026-W47/AWSDynamoDB/01763683200000-5f3c9a1e/data/3ykd4hbyhe5ozc6cfyeu4cbmxm.json.gz', 4],
      ['backups/weekly/2026-W47/AWSDynamoDB/01763683200000-5f3c9a1e/data/x6ykfzspwm3vpbqg5y7ydlkkq4.json.gz', 0],
    ]);
  });

  it('`npm run restore`’s core restores every item of the export, binary and sets included, and its media', async () => {
    await sealed();
    const target = `${res().tableName}-from-aws`;
    const mediaTarget = `${res().buckets.media}-from-aws`;
    await c().s3.send(new CreateBucketCommand({ Bucket: mediaTarget }));
    const summary = await restoreBackup({
      dynamodb: c().dynamodb,
      s3: c().s3,
      backupBucket: res().buckets.backups,
      backupId: '2026-W47',
      targetTable: target,
      targetMediaBucket: mediaTarget,
      checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-aws-')), 'checkpoint.json')),
      verifier: backupVerifier(),
    });
    expect(summary).toMatchObject({
      method: 'portable',
      backupSource: 'aws',
      items: 4,
      itemsWrittenNow: 4,
      countMatch: true,
      digestMatch: true,
      media: { objects: 1, copied: 1, mismatched: [] },
    });
    const scanned = (await c().dynamodb.send(new ScanCommand({ TableName: target, ConsistentRead: true }))).Items!.map(
      toExportJson,
    );
    const byKey = (items: DynamoJsonItem[]) => new Map(items.map((i) => [JSON.stringify([i.pk, i.sk]), i]));
    const restored = byKey(scanned);
    for (const [key, item] of byKey(fixtureItems)) {
      const back = restored.get(key)!;
      expect(back).toBeDefined();
      // Sets come back in any order; everything else exactly as exported.
      const sortSets = (i: DynamoJsonItem) =>
        JSON.parse(JSON.stringify(i, (k, v) => (['SS', 'NS', 'BS'].includes(k) ? [...v].sort() : v)));
      expect(sortSets(back)).toEqual(sortSets(item));
    }
    const inGsi1 = await c().dynamodb.send(
      new QueryCommand({
        TableName: target,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': { S: 'UNITS#tinh' } },
      }),
    );
    expect(inGsi1.Items?.map((i) => i.pk!.S)).toEqual(['UNIT#huyena']);
  });

  it('the writer refuses to seal an export whose data file does not match its md5Checksum; restore refuses it, creating no table', async () => {
    await upload('backups/weekly/2026-W46', true);
    await writeMediaManifest(c().s3, res().buckets.media, res().buckets.backups, '2026-W46', 'weekly');
    await expect(sealAwsExport(c().s3, res().buckets.backups, '2026-W46', 'weekly', backupSigner())).rejects.toThrow(
      /does not match its md5Checksum/,
    );
    const target = `${res().tableName}-tampered-aws`;
    await expect(
      restoreBackup({
        dynamodb: c().dynamodb,
        s3: c().s3,
        backupBucket: res().buckets.backups,
        backupId: '2026-W46',
        targetTable: target,
        verifier: backupVerifier(),
        checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'restore-aws-')), 'checkpoint.json')),
      }),
    ).rejects.toThrow(/not yet sealed/);
    expect((await c().dynamodb.send(new ListTablesCommand({}))).TableNames).not.toContain(target);
  });
});
