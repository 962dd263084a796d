import { afterAll, describe, expect, it, vi } from 'vitest';
import { BatchWriteItemCommand, ListTablesCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import { eventually, useLocalStack } from '../support/local-stack';
import { isoWeekId } from '../../shared/domain/backups/manifest';
import { readBackupManifest } from '../../shared/adapters/backup/storage';
import { backupVerifier } from '../../shared/adapters/backup/signing-keys';

/**
 * The restore drill on the local stack, through the job runner (local IAM on): the latest backup
 * restored into a scratch table and checked, the result in the job ledger, the scratch table gone;
 * a tampered backup fails the drill.
 */
const local = useLocalStack();
// The backup's week and the drill's choice follow the clock: fixed here, so any day gives the same week.
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2027-02-07T21:00:00Z')); // Monday 04:00 in Hà Nội, 2027-W06
afterAll(() => void vi.useRealTimers());
const WEEK = '2027-W06';
const res = () => local.stack().resources;
const tables = async () => (await local.clients().dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
const drillRuns = async () =>
  (await local.scanAll()).filter((i) => i.pk === 'JOB#restore-drill' && String(i.sk).startsWith('RUN#'));

/** The week's backup of a small table with items in every index; made once, by whichever test needs it first. */
let backedUp: Promise<unknown> | undefined;
const backup = () => (backedUp ??= seedAndBackUp());
async function seedAndBackUp() {
  const item = (i: number): Record<string, AttributeValue> => ({
    pk: { S: `THING#${i}` },
    sk: { S: 'THING' },
    gsi1pk: { S: `OWNER#${i % 3}` },
    gsi1sk: { S: `t#${i}` },
    ...(i % 4 === 0
      ? {
          gsi2pk: { S: 'STATUS#open' },
          gsi2sk: { S: `t#${i}` },
          duePk: { S: 'DUEWORK' },
          dueAt: { S: `2026-12-0${(i % 9) + 1}` },
        }
      : {}),
  });
  for (let i = 0; i < 60; i += 20) {
    await local.clients().dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [res().tableName]: Array.from({ length: 20 }, (_, j) => ({ PutRequest: { Item: item(i + j) } })),
        },
      }),
    );
  }
  await local.clients().s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: 'clean/a/x.txt', Body: 'x' }));
  return local.stack().runJob('weekly-backup');
}

describe('restore-drill', () => {
  it('with no backup yet, fails and says so', async () => {
    // A bucket of its own, so the other tests' backup cannot be there whatever the order.
    const bucket = `empty-backups-${Date.now().toString(36)}`;
    await local.clients().s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const drill = runRestoreDrill({
      dynamodb: local.clients().dynamodb,
      s3: local.clients().s3,
      tableName: res().tableName,
      backupBucket: bucket,
      verifier: backupVerifier(),
    });
    await expect(drill).rejects.toThrow(/no backup/);
  });

  it('restores the latest backup into a scratch table, checks it, records the result and deletes the table', async () => {
    await backup();
    const summary = (await local.stack().runJob('restore-drill')) as Record<string, unknown>;
    expect(summary).toMatchObject({
      outcome: 'succeeded',
      backupId: WEEK,
      countMatch: true,
      digestMatch: true,
      mediaObjects: 1,
      mediaMismatched: 0,
      indexQueries: 9,
      indexQueriesAnswered: 9,
    });
    expect(summary.seconds).toBeGreaterThan(0);
    expect((await tables()).filter((t) => t.startsWith(`${res().tableName}-drill-`))).toEqual([]);
    const runs = await eventually(async () =>
      (await drillRuns()).some((r) => r.outcome === 'succeeded') ? drillRuns() : undefined,
    );
    expect(runs.find((r) => r.outcome === 'succeeded')!.summary).toMatchObject({
      digestMatch: true,
      indexQueriesAnswered: 9,
    });
  });

  it('fails when the backup was tampered with, and still deletes the scratch table', async () => {
    await backup();
    expect(isoWeekId(new Date())).toBe(WEEK);
    const manifest = await readBackupManifest(local.clients().s3, res().buckets.backups, WEEK);
    const key = manifest.files.find((f) => f.itemCount > 0)!.key;
    const out = await local.clients().s3.send(new GetObjectCommand({ Bucket: res().buckets.backups, Key: key }));
    const original = new Uint8Array(await out.Body!.transformToByteArray());
    const bytes = original.slice();
    bytes[bytes.length >> 1]! ^= 0x40;
    await local.clients().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: key, Body: bytes }));
    try {
      await expect(local.stack().runJob('restore-drill')).rejects.toThrow(/does not match its digest/);
      expect((await tables()).filter((t) => t.startsWith(`${res().tableName}-drill-`))).toEqual([]);
    } finally {
      // Put the backup back as it was, for the test that restores it (in whatever order they run).
      await local.clients().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: key, Body: original }));
    }
  });
});
