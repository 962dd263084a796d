import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CreateTableCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { eventually, useLocalStack } from '../support/local-stack';
import { runWeeklyBackup } from '../../shared/application/weekly-backup';
import { DRILL_LEASE } from '../../shared/application/restore-drill';
import { acquireLease } from '../../shared/adapters/dynamo/lease';
import { tableShape } from '../../shared/adapters/backup/table-shape';
import { readBackupManifest } from '../../shared/adapters/backup/storage';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/**
 * The drill at a sustainable cost (issue 24), through the job runner (local IAM on): with the
 * default cadence the newest backup, a weekly one, is verified without restoring; one drill at a
 * time (a lease); a dead drill's lease expires and its scratch table goes; a stale backup fails it.
 * Each test sets the clock it needs: the drills' week is fixed, whatever the date.
 */
const local = useLocalStack();
vi.useFakeTimers({ toFake: ['Date'] });
afterAll(() => void vi.useRealTimers());
const MONDAY_W11 = new Date('2027-03-15T03:00:00Z'); // 10:00 in Hà Nội, 2027-W11
const res = () => local.stack().resources;
const c = () => local.clients();
const scratchTables = async () =>
  ((await c().dynamodb.send(new ListTablesCommand({}))).TableNames ?? []).filter((t) =>
    t.startsWith(`${res().tableName}-drill-`),
  );
const drill = () => local.stack().runJob('restore-drill') as Promise<Record<string, unknown>>;
const s3Bytes = async (key: string) =>
  new Uint8Array(
    await (
      await c().s3.send(new GetObjectCommand({ Bucket: res().buckets.backups, Key: key }))
    ).Body!.transformToByteArray(),
  );

beforeAll(async () => {
  for (let i = 0; i < 30; i++)
    await c().dynamodb.send(
      new PutItemCommand({ TableName: res().tableName, Item: { pk: { S: `THING#${i}` }, sk: { S: 'THING' } } }),
    );
  for (let i = 0; i < 7; i++)
    await c().s3.send(
      new PutObjectCommand({ Bucket: res().buckets.media, Key: `clean/m/${i}.txt`, Body: `media ${i}` }),
    );
  const deps = {
    dynamodb: c().dynamodb,
    s3: c().s3,
    tableName: res().tableName,
    backupBucket: res().buckets.backups,
    mediaBucket: res().buckets.media,
    mode: 'portable' as const,
    signer: backupSigner(),
    verifier: backupVerifier(),
  };
  // March's first backup (monthly), then the next week's (weekly): the newest is a weekly one.
  // The exporter stamps its manifest with the clock: each backup made at its own week's time.
  for (const at of [new Date('2027-03-08T03:00:00Z'), MONDAY_W11]) {
    vi.setSystemTime(at);
    await runWeeklyBackup(at, deps);
  }
});

describe('restore drill: modes, lease, age', () => {
  it('verifies the newest (weekly) backup without restoring it: sampled data files and media read back, no scratch table', async () => {
    vi.setSystemTime(MONDAY_W11);
    const summary = await drill();
    expect(summary).toMatchObject({
      outcome: 'succeeded',
      mode: 'verify',
      backupId: '2027-W11',
      backupAgeHours: 0,
      filesChecked: 3,
      mediaChecked: 5,
      mediaObjects: 7,
      mediaMismatched: 0,
    });
    expect(summary).not.toHaveProperty('digestMatch');
    expect(await scratchTables()).toEqual([]);
  });

  it('a verify drill fails when a sampled data file was tampered with', async () => {
    vi.setSystemTime(MONDAY_W11);
    const manifest = await readBackupManifest(c().s3, res().buckets.backups, '2027-W11');
    const originals = await Promise.all(manifest.files.map(async (f) => [f.key, await s3Bytes(f.key)] as const));
    try {
      // Every file altered, so whichever the sample picks is caught.
      for (const [key, bytes] of originals)
        await c().s3.send(
          new PutObjectCommand({
            Bucket: res().buckets.backups,
            Key: key,
            Body: Uint8Array.from(bytes, (b, i) => (i === bytes.length >> 1 ? b ^ 1 : b)),
          }),
        );
      await expect(drill()).rejects.toThrow(
        /restore drill \(verify\) of 2027-W11 does not match the backup: .*does not match its digest|cannot be read/,
      );
    } finally {
      for (const [key, bytes] of originals)
        await c().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: key, Body: bytes }));
    }
  });

  it('one drill at a time: two at once give one run and one "already running", both in the job ledger', async () => {
    vi.setSystemTime(MONDAY_W11);
    const [a, b] = await Promise.all([drill(), drill()]);
    const ran = [a, b].filter((s) => s!.mode === 'verify');
    const skipped = [a, b].filter((s) => s!.alreadyRunning === true);
    expect([ran.length, skipped.length]).toEqual([1, 1]);
    expect(skipped[0]).toMatchObject({ outcome: 'succeeded', backupId: '2027-W11' });
    const runs = await eventually(async () => {
      const found = (await local.scanAll()).filter(
        (i) => i.pk === 'JOB#restore-drill' && String(i.sk).startsWith('RUN#') && i.summary?.backupId === '2027-W11',
      );
      return found.some((r) => r.summary.alreadyRunning === true) ? found : undefined;
    });
    expect(runs.some((r) => r.summary.mode === 'verify')).toBe(true);
  });

  it('a drill that holds the lease keeps others out until it expires; then the next takes it and drops the dead drill’s scratch table', async () => {
    vi.setSystemTime(MONDAY_W11);
    const deadScratch = `${res().tableName}-drill-2027-W11-deadbeef`;
    await c().dynamodb.send(new CreateTableCommand(tableShape(deadScratch)));
    const taken = await acquireLease(
      c().dynamodb,
      res().tableName,
      DRILL_LEASE,
      'a-drill-that-died',
      MONDAY_W11,
      20 * 60,
      { scratchTable: deadScratch },
    );
    expect(taken.acquired).toBe(true);
    expect(await drill()).toMatchObject({ alreadyRunning: true, heldBy: 'a-drill-that-died' });
    vi.setSystemTime(new Date(MONDAY_W11.getTime() + 21 * 60_000)); // its 20 minutes are over
    expect(await drill()).toMatchObject({ outcome: 'succeeded', mode: 'verify' });
    expect(await scratchTables()).toEqual([]);
  });

  it('fails when the newest backup is older than 8 days', async () => {
    vi.setSystemTime(new Date(MONDAY_W11.getTime() + 9 * 86_400_000));
    await expect(drill()).rejects.toThrow(/the newest backup, 2027-W11, is 216 hours old/);
  });
});
