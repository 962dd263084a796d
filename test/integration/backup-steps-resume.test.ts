import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { ListTablesCommand, ScanCommand, UpdateTableCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { runStepsInProcess, memoryJournal, StepRunKilled } from '../../shared/jobs/step-machine';
import { weeklyBackupMachine, type BackupState } from '../../shared/application/weekly-backup-steps';
import {
  DRILL_LEASE,
  restoreDrillMachine,
  type DrillState,
  type RestoreDrillDeps,
} from '../../shared/application/restore-drill-steps';
import { runRestoreDrill } from '../../shared/application/restore-drill';
import type { WeeklyBackupDeps } from '../../shared/application/weekly-backup';
import { writeInWaves } from '../../shared/adapters/backup/batch-write';
import { digestOfTable } from '../../shared/adapters/backup/restore';
import { getObjectBytes, readBackupManifest, readMediaManifest } from '../../shared/adapters/backup/storage';
import { toExportJson } from '../../shared/adapters/backup/export-json';
import { TableDigest, type DynamoJsonItem } from '../../shared/domain/backups/digest';
import { decodeDataFile } from '../../shared/domain/backups/manifest';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { leaseOf } from '../../shared/adapters/dynamo/lease';

/**
 * The backup and the drill as their state machines' steps, run in this process on a table of
 * BACKUP_STEPS_ITEMS (10,000) items and 200 media objects (issue 24): the drill is killed half-way
 * through loading its scratch table (before its 6th step: 2 of 4 data files written), a second
 * drill meanwhile finds it running, and the first resumes from its journal (as Step Functions
 * redrives an execution from the failed state) and ends with every digest equal: the live table's,
 * the backup's, the restored table's, and each media object's.
 */
const ITEMS = Number(process.env.BACKUP_STEPS_ITEMS ?? 10_000);
const MEDIA = 200;
const local = useLocalStack();
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2027-05-02T19:00:00Z')); // Monday 02:00 in Hà Nội, 2027-W18: the month's first backup
afterAll(() => void vi.useRealTimers());
const res = () => local.stack().resources;
const c = () => local.clients();

const item = (i: number): Record<string, AttributeValue> => ({
  pk: { S: `THING#${String(i).padStart(6, '0')}` },
  sk: { S: 'THING' },
  title: { S: `Văn bản số ${i}/2027 về quản lý đất đai` },
  n: { N: String(i) },
  gsi1pk: { S: `OWNER#${i % 7}` },
  gsi1sk: { S: `t#${i}` },
  ...(i % 5 === 0
    ? {
        gsi2pk: { S: 'STATUS#open' },
        gsi2sk: { S: `t#${i}` },
        duePk: { S: 'DUEWORK' },
        dueAt: { S: `2027-06-${String((i % 28) + 1).padStart(2, '0')}` },
      }
    : {}),
  ...(i % 3 === 0
    ? { tags: { SS: ['a', `t${i % 11}`] }, body: { M: { lines: { L: [{ S: 'x' }, { N: String(i) }] } } } }
    : {}),
});
const isWeekRecord = (i: DynamoJsonItem) => JSON.stringify(i.pk ?? '').includes('BACKUP#');
const mediaBody = (i: number) => `media object ${i}: ${'đ'.repeat(i)}`;

describe('backup and drill steps: killed half-way, resumed', () => {
  it(`backs up ${ITEMS.toLocaleString('en')} items and ${MEDIA} media objects, drills it killed after 2 of 4 files, resumes, and every digest is equal`, async () => {
    const started = performance.now();
    // Loading is setup: no outbox consumer needed, and DynamoDB Local writes faster with the stream off.
    await c()
      .dynamodb.send(
        new UpdateTableCommand({ TableName: res().tableName, StreamSpecification: { StreamEnabled: false } }),
      )
      .catch(() => undefined);
    const requests = Array.from({ length: ITEMS }, (_, i) => ({ PutRequest: { Item: item(i) } }));
    await writeInWaves(c().dynamodb, res().tableName, requests);
    for (let i = 0; i < MEDIA; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          c().s3.send(
            new PutObjectCommand({
              Bucket: res().buckets.media,
              Key: `clean/steps/${i + j}.txt`,
              Body: mediaBody(i + j),
            }),
          ),
        ),
      );
    }
    const loaded = performance.now();

    const backupDeps: WeeklyBackupDeps = {
      dynamodb: c().dynamodb,
      s3: c().s3,
      tableName: res().tableName,
      backupBucket: res().buckets.backups,
      mediaBucket: res().buckets.media,
      mode: 'portable',
      signer: backupSigner(),
      verifier: backupVerifier(),
    };
    const backup = await runStepsInProcess(
      weeklyBackupMachine,
      { runId: randomUUID(), now: new Date().toISOString() } satisfies BackupState,
      backupDeps,
    );
    expect(backup).toMatchObject({
      backupId: '2027-W18',
      created: true,
      status: 'verified',
      retention: 'monthly',
      mediaObjects: MEDIA,
    });
    const backedUp = performance.now();

    // The drill, one data file per load step, killed before its 6th step (Begin, CheckFiles, CreateTable, LoadTable ×2 done).
    const drillDeps: RestoreDrillDeps = {
      dynamodb: c().dynamodb,
      s3: c().s3,
      tableName: res().tableName,
      backupBucket: res().buckets.backups,
      verifier: backupVerifier(),
      fullRestore: 'monthly',
      load: 'portable',
      filesPerLoadStep: 1,
    };
    const journal = memoryJournal<DrillState>();
    const runId = randomUUID();
    const initial: DrillState = { runId, now: new Date().toISOString() };
    await expect(
      runStepsInProcess(restoreDrillMachine, initial, drillDeps, { journal, killBeforeStep: 6 }),
    ).rejects.toBeInstanceOf(StepRunKilled);
    const killedAt = (await journal.load())!;
    expect(killedAt.step).toBe('LoadTable');
    expect(killedAt.state).toMatchObject({ mode: 'full', load: 'portable', filesLoaded: 2, backupId: '2027-W18' });
    const scratch = killedAt.state.scratch!;
    expect((await digestOfTable(c().dynamodb, scratch)).count).toBeLessThan(ITEMS);
    // Meanwhile another drill finds this one running and touches nothing.
    expect(await runRestoreDrill(drillDeps, new Date())).toMatchObject({ alreadyRunning: true, heldBy: runId });

    const summary = await runStepsInProcess(restoreDrillMachine, initial, drillDeps, { journal });
    const drilled = performance.now();
    const manifest = await readBackupManifest(c().s3, res().buckets.backups, '2027-W18');
    expect(summary).toMatchObject({
      mode: 'full',
      backupId: '2027-W18',
      load: 'portable',
      items: manifest.table.itemCount,
      countMatch: true,
      digestMatch: true,
      mediaObjects: MEDIA,
      mediaMismatched: 0,
      indexQueries: 9,
      indexQueriesAnswered: 9,
    });
    // The steps after the kill ran once each: the two remaining files, then the checks.
    expect(journal.saved.map((e) => e.step)).toEqual([
      'CheckFiles',
      'CreateTable',
      'LoadTable',
      'LoadTable',
      'LoadTable',
      'LoadTable',
      'CheckTable',
      'CheckMedia',
      'Finish',
      'done',
    ]);
    // Every digest equal: the restored table matched the backup (digestMatch above); the backup's items are the live
    // table's, but for the week's own BACKUP# record, in the backup as `started` and since marked `verified`.
    expect(manifest.table.itemCount).toBe(ITEMS + 1);
    const backupItems = new TableDigest();
    for (const file of manifest.files)
      for (const i of decodeDataFile((await getObjectBytes(c().s3, res().buckets.backups, file.key))!))
        if (!isWeekRecord(i)) backupItems.add(i);
    const liveItems = new TableDigest();
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await c().dynamodb.send(
        new ScanCommand({ TableName: res().tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const raw of out.Items ?? []) if (!isWeekRecord(toExportJson(raw))) liveItems.add(toExportJson(raw));
      start = out.LastEvaluatedKey;
    } while (start);
    expect([liveItems.count, liveItems.digest()]).toEqual([ITEMS, backupItems.digest()]);
    const media = (await readMediaManifest(c().s3, res().buckets.backups, manifest)).manifest.objects.filter((o) =>
      o.key.startsWith('clean/steps/'),
    );
    expect(media).toHaveLength(MEDIA);
    for (const object of media) {
      const i = Number(object.key.replace(/^clean\/steps\/(\d+)\.txt$/, '$1'));
      expect(object.sha256, object.key).toBe(createHash('sha256').update(mediaBody(i)).digest('hex'));
    }
    // Nothing left behind: the scratch table is gone and the lease given back.
    expect(
      ((await c().dynamodb.send(new ListTablesCommand({}))).TableNames ?? []).filter((t) => t.includes('-drill-')),
    ).toEqual([]);
    expect(await leaseOf(c().dynamodb, res().tableName, DRILL_LEASE)).toBeUndefined();
    const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`;
    console.info(
      `backup steps, ${ITEMS} items: load ${s(started, loaded)}, backup ${s(loaded, backedUp)}, drill (killed, resumed) ${s(backedUp, drilled)}`,
    );
  }, 600_000);
});
