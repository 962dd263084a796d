import { afterAll, describe, expect, it, vi } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { eventually, useLocalStack } from '../support/local-stack';
import { runWeeklyBackup, exportRequest, type WeeklyBackupDeps } from '../../shared/application/weekly-backup';
import { isoWeekId } from '../../shared/domain/backups/manifest';
import { readBackupManifest } from '../../shared/adapters/backup/storage';
import { schedules } from '../../events/schedules';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';

/**
 * The weekly-backup job on the local stack: the portable exporter, one backup per ISO week
 * (the second run in the week writes nothing new), its run in the job ledger.
 */
const local = useLocalStack();
// The job reads the clock in this process: each run below says when it happens.
vi.useFakeTimers({ toFake: ['Date'] });
afterAll(() => void vi.useRealTimers());
const res = () => local.stack().resources;
const deps = (): WeeklyBackupDeps => ({
  dynamodb: local.clients().dynamodb,
  s3: local.clients().s3,
  tableName: res().tableName,
  backupBucket: res().buckets.backups,
  mediaBucket: res().buckets.media,
  mode: 'portable',
  signer: backupSigner(),
  verifier: backupVerifier(),
});
const backupManifests = async () => {
  const out = await local
    .clients()
    .s3.send(new ListObjectsV2Command({ Bucket: res().buckets.backups, Prefix: 'backups/' }));
  return (out.Contents ?? [])
    .map((o) => o.Key!)
    .filter((k) => k.endsWith('backup-manifest.json'))
    .sort();
};
const dataFiles = async () => {
  const out = await local
    .clients()
    .s3.send(new ListObjectsV2Command({ Bucket: res().buckets.backups, Prefix: 'backups/monthly/2027-W11/' }));
  return (out.Contents ?? []).filter((o) => o.Key!.includes('/data/')).length;
};

describe('weekly-backup', () => {
  it('runs as a job: a verified backup of this week, recorded in the job ledger; a second run in the week does nothing new', async () => {
    for (let i = 0; i < 40; i++) {
      await local.clients().dynamodb.send(
        new PutItemCommand({
          TableName: res().tableName,
          Item: { pk: { S: `THING#${i}` }, sk: { S: 'THING' }, n: { N: String(i) } },
        }),
      );
    }
    await local
      .clients()
      .s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: 'clean/x/a.txt', Body: 'media' }));
    // A week no other test of this file uses (2027-W11), so any order of the tests holds.
    vi.setSystemTime(new Date('2027-03-15T03:00:00Z')); // Monday 10:00 in Hà Nội
    const week = isoWeekId(new Date());
    expect(week).toBe('2027-W11');
    const first = (await local.stack().runJob('weekly-backup')) as Record<string, unknown>;
    expect(first).toMatchObject({
      outcome: 'succeeded',
      backupId: week,
      created: true,
      status: 'verified',
      mediaObjects: 1,
    });
    expect(first.items).toBeGreaterThanOrEqual(41); // the seeded items and the week's own record
    const manifest = await readBackupManifest(local.clients().s3, res().buckets.backups, week);
    expect(manifest).toMatchObject({
      backupId: week,
      source: 'portable',
      table: { itemCount: first.items, digest: first.tableDigest },
    });

    const filesAfterFirst = await dataFiles();
    vi.setSystemTime(new Date('2027-03-21T16:59:00Z')); // Sunday 23:59 in Hà Nội, the same week
    const second = (await local.stack().runJob('weekly-backup')) as Record<string, unknown>;
    expect(second).toMatchObject({ outcome: 'succeeded', backupId: week, created: false, status: 'verified' });
    // The first backup in the bucket is its month's first: kept as a monthly one.
    expect(first.retention).toBe('monthly');
    expect((await backupManifests()).filter((k) => k.includes('2027-W1'))).toEqual([
      `backups/monthly/${week}/backup-manifest.json`,
    ]);
    expect(await dataFiles()).toBe(filesAfterFirst);

    const runs = await eventually(async () => {
      const found = (await local.scanAll()).filter(
        (i) =>
          i.pk === 'JOB#weekly-backup' &&
          String(i.sk).startsWith('RUN#') &&
          (i.summary as { backupId?: string } | undefined)?.backupId === week,
      );
      return found.length === 2 ? found : undefined;
    });
    expect(runs.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
  });

  it('one backup per ISO week in Việt Nam time: Monday 00:00 starts a new one, a failed week may be taken again', async () => {
    const sunday = new Date('2026-12-06T19:00:00Z'); // Monday 02:00 in Hà Nội: 2026-W50
    const laterThatWeek = new Date('2026-12-13T16:59:00Z'); // Sunday 23:59 in Hà Nội
    const nextMonday = new Date('2026-12-13T17:00:00Z');
    // The first backup of December (2026-W50's Thursday is 10 December) is monthly, the next ones weekly.
    expect(await runWeeklyBackup(sunday, deps())).toMatchObject({
      backupId: '2026-W50',
      created: true,
      status: 'verified',
      retention: 'monthly',
    });
    expect(await runWeeklyBackup(laterThatWeek, deps())).toEqual({
      backupId: '2026-W50',
      created: false,
      status: 'verified',
    });
    expect(await runWeeklyBackup(nextMonday, deps())).toMatchObject({
      backupId: '2026-W51',
      created: true,
      retention: 'weekly',
    });

    // A run that fails leaves the week marked failed; the next run takes it again.
    const failing = { ...deps(), mediaBucket: 'no-such-bucket' };
    const thursday = new Date('2026-12-24T03:00:00Z');
    await expect(runWeeklyBackup(thursday, failing)).rejects.toThrow();
    expect(await runWeeklyBackup(thursday, deps())).toMatchObject({
      backupId: '2026-W52',
      created: true,
      status: 'verified',
      retention: 'weekly',
    });
    expect((await backupManifests()).filter((k) => /W5[0-2]/.test(k))).toEqual([
      'backups/monthly/2026-W50/backup-manifest.json',
      'backups/weekly/2026-W51/backup-manifest.json',
      'backups/weekly/2026-W52/backup-manifest.json',
    ]);
    // A year later: January 2027's first backup is monthly again.
    expect(await runWeeklyBackup(new Date('2027-01-04T03:00:00Z'), deps())).toMatchObject({
      backupId: '2027-W01',
      retention: 'monthly',
    });
  });

  it('is scheduled on Sundays at 02:00 Hà Nội time; on AWS it asks for an idempotent export into the week’s prefix', () => {
    expect(schedules.find((s) => s.job === 'weekly-backup')).toMatchObject({
      expression: 'cron(0 2 ? * SUN *)',
      timeZone: 'Asia/Ho_Chi_Minh',
      function: 'weeklyBackup',
    });
    expect(exportRequest('2026-W48', 'weekly', 'arn:aws:dynamodb:ap-southeast-1:1:table/T', 'b')).toEqual({
      TableArn: 'arn:aws:dynamodb:ap-southeast-1:1:table/T',
      S3Bucket: 'b',
      S3Prefix: 'backups/weekly/2026-W48',
      ExportFormat: 'DYNAMODB_JSON',
      ExportType: 'FULL_EXPORT',
      S3SseAlgorithm: 'AES256',
      ClientToken: 'weekly-backup-2026-W48',
    });
    // A bucket encrypted with its own KMS key: the export names the key, or S3 would use AES256.
    expect(exportRequest('2026-W49', 'monthly', 'arn:t', 'b', 'arn:aws:kms:ap-southeast-1:1:key/k')).toMatchObject({
      S3Prefix: 'backups/monthly/2026-W49',
      S3SseAlgorithm: 'KMS',
      S3SseKmsKeyId: 'arn:aws:kms:ap-southeast-1:1:key/k',
    });
  });
});
