/**
 * Backup and restore at scale (issue 10): BENCH_BACKUP_ITEMS (100,000) items of portal-like shape
 * loaded into the local stack's table with parallel BatchWriteItem, then, in the same run and on
 * the same table: a raw parallel Scan (the floor: reading the table and nothing else), the portable
 * backup (the same scan, plus digests, gzip and S3 writes), and the restore into a new table. Each
 * is printed in items/s and MB/s of table data, with the backup/raw-scan ratio. Then the restore
 * time projected for the reference province (200,000 items, 20 GB of media) against 24 hours,
 * from the measured restore rate and a media copy rate (measured against fauxqs, and assumed for S3).
 */
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  DeleteTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CopyObjectCommand, CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { LocalStack } from '../../infra/local/stack';
import { localClients } from '../../infra/local/resources';
import { exportTablePortably } from '../../shared/adapters/backup/portable-export';
import { restoreBackup } from '../../shared/adapters/backup/restore';
import { fileCheckpoint } from '../../shared/adapters/backup/checkpoint';
import { fmt, report } from './report';
import {
  AWS,
  LAMBDA_TIMEOUT_SECONDS,
  lambdaDigestRate,
  longestByFunction,
  monthlyUsd,
  project,
  SCALES,
  SHAPE,
} from './backup-projection';
import { functionDefinitions, type FunctionDefinition } from '../../functions/manifest';
import { TableDigest } from '../../shared/domain/backups/digest';
import { dataFileText, decodeDataFile } from '../../shared/domain/backups/manifest';
import { gzipSync } from 'node:zlib';
import { toExportJson } from '../../shared/adapters/backup/export-json';
import { streamOffForLoading } from './stream-off';

const ITEMS = Number(process.env.BENCH_BACKUP_ITEMS ?? 100_000);
const SEGMENTS = Number(process.env.BENCH_BACKUP_SEGMENTS ?? 4);
const REFERENCE = { items: 200_000, mediaBytes: 20e9 };
/** S3 server-side CopyObject within a region, one copy at a time: a conservative figure for AWS, stated, not measured here. */
const ASSUMED_S3_COPY_MB_S = 50;

/** A portal-like item: keys, index keys on some, Vietnamese text, numbers, a list and a map (~500 bytes of data). */
function benchItem(i: number): Record<string, AttributeValue> {
  const id = String(i).padStart(7, '0');
  return {
    pk: { S: `CONTENT#${id}` },
    sk: { S: i % 5 === 0 ? `REV#${String(i % 17).padStart(4, '0')}` : 'CONTENT' },
    type: { S: 'ContentItem' },
    gsi1pk: { S: `UNIT#huyen${i % 11}` },
    gsi1sk: { S: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}#${id}` },
    ...(i % 3 === 0
      ? { gsi2pk: { S: `STATUS#${['draft', 'submitted', 'published'][i % 3]}` }, gsi2sk: { S: id } }
      : {}),
    title: { S: `Thông báo số ${i}/TB-UBND về việc tổ chức tiếp công dân định kỳ tháng ${(i % 12) + 1} năm 2026` },
    summary: {
      S: `Ủy ban nhân dân huyện thông báo lịch tiếp công dân, địa điểm tại trụ sở tiếp công dân; nội dung ${'đ'.repeat(i % 120)}`,
    },
    version: { N: String(1 + (i % 9)) },
    tags: { SS: [`linh-vuc-${i % 7}`, `chu-de-${i % 13}`] },
    revisions: { L: [{ M: { at: { S: '2026-11-20T02:00:00.000Z' }, by: { S: `acc-${i % 50}` } } }] },
    expiresAt: { N: String(4_102_444_800 + i) },
  };
}

async function load(dynamodb: DynamoDBClient, table: string, count: number, concurrency = 8) {
  const send = async (items: Array<Record<string, AttributeValue>>) => {
    let pending = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      const out = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + 25);
        await send(Array.from({ length: next - from }, (_, k) => benchItem(from + k)));
      }
    }),
  );
}

/** Every item of the table through a parallel Scan, nothing done with them: the floor the backup is held to. */
async function rawScan(dynamodb: DynamoDBClient, table: string, segments: number) {
  let items = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await dynamodb.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items += out.Items?.length ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
    }),
  );
  return items;
}

/** CopyObject within fauxqs: 40 objects of 1 MB, 8 at a time. */
async function mediaCopyRate(s3: S3Client, bucket: string) {
  const body = new Uint8Array(1 << 20).map((_, i) => (i * 31) & 0xff);
  const keys = Array.from({ length: 40 }, (_, i) => `bench/media-${i}.bin`);
  for (const key of keys)
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length }));
  const target = `${bucket}-copy`;
  await s3.send(new CreateBucketCommand({ Bucket: target }));
  const start = performance.now();
  for (let i = 0; i < keys.length; i += 8) {
    await Promise.all(
      keys
        .slice(i, i + 8)
        .map((key) => s3.send(new CopyObjectCommand({ Bucket: target, Key: key, CopySource: `${bucket}/${key}` }))),
    );
  }
  return (keys.length * body.length) / 1e6 / ((performance.now() - start) / 1000);
}

const rate = (items: number, bytes: number, seconds: number) =>
  `${fmt(items / seconds)} items/s, ${fmt(bytes / 1e6 / seconds, 1)} MB/s (${fmt(seconds, 1)} s)`;

export async function benchBackup(stack: LocalStack) {
  const { dynamodb, s3 } = localClients(stack.endpoints);
  const table = stack.resources.tableName;
  // Loading is setup: no outbox events, so the stream only slows DynamoDB Local down.
  await stack.outbox.stop();
  await streamOffForLoading(stack.services.db, table);
  const dataBytes =
    (Array.from({ length: 1000 }, (_, i) => JSON.stringify(benchItem(i)).length).reduce((a, b) => a + b, 0) / 1000) *
    ITEMS;

  let t = performance.now();
  await load(dynamodb, table, ITEMS);
  const loadSeconds = (performance.now() - t) / 1000;
  report(`backup: load ${fmt(ITEMS)} items (BatchWriteItem, 8 in flight)`, rate(ITEMS, dataBytes, loadSeconds));
  report(
    'backup: table data (items as DynamoDB JSON)',
    `${fmt(dataBytes / 1e6, 1)} MB, ${fmt(dataBytes / ITEMS)} bytes an item`,
  );

  // Interleaved, twice each: on a shared machine the ratio of neighbours is steadier than either figure.
  const scans: number[] = [];
  const backups: number[] = [];
  let scannedItems = 0;
  let manifest: Awaited<ReturnType<typeof exportTablePortably>> | undefined;
  for (let round = 0; round < 2; round++) {
    t = performance.now();
    const scanned = await rawScan(dynamodb, table, SEGMENTS);
    scans.push((performance.now() - t) / 1000);
    if (scanned < ITEMS) throw new Error(`raw scan read ${scanned} of ${ITEMS} items`);
    scannedItems = scanned;
    t = performance.now();
    manifest = await exportTablePortably({
      dynamodb,
      s3,
      tableName: table,
      backupBucket: stack.resources.buckets.backups,
      mediaBucket: stack.resources.buckets.media,
      backupId: `2026-W${String(40 + round)}`,
      retention: 'weekly',
      segments: SEGMENTS,
      signer: backupSigner(),
    });
    backups.push((performance.now() - t) / 1000);
  }
  const scanSeconds = Math.min(...scans);
  const backupSeconds = Math.min(...backups);
  const gzBytes = manifest!.files.reduce((n, f) => n + f.bytes, 0);
  // Each rate over the items it read (the table may hold other parts' items too), bytes in proportion (issue 22).
  const backedUp = manifest!.table.itemCount;
  const bytesOf = (items: number) => (dataBytes / ITEMS) * items;
  report(
    `backup: raw parallel scan (${SEGMENTS} segments), best of 2`,
    rate(scannedItems, bytesOf(scannedItems), scanSeconds),
  );
  report(
    `backup: portable backup (${SEGMENTS} segments), best of 2`,
    `${rate(backedUp, bytesOf(backedUp), backupSeconds)}; ${manifest!.files.length} files, ${fmt(gzBytes / 1e6, 1)} MB gzipped`,
  );
  report(
    'backup: backup / raw scan items a second (target ≥ 0.8)',
    `${fmt(backedUp / backupSeconds / (scannedItems / scanSeconds), 2)}× (${fmt(backedUp)} and ${fmt(scannedItems)} items; rounds: scan ${scans.map((s) => fmt(s, 1)).join(', ')} s; backup ${backups.map((s) => fmt(s, 1)).join(', ')} s)`,
  );

  t = performance.now();
  const target = `${table}-bench-restored`;
  const restored = await restoreBackup({
    dynamodb,
    s3,
    backupBucket: stack.resources.buckets.backups,
    backupId: manifest!.backupId,
    targetTable: target,
    checkpoint: fileCheckpoint(join(mkdtempSync(join(tmpdir(), 'bench-restore-')), 'checkpoint.json')),
    verifier: backupVerifier(),
  });
  const restoreSeconds = (performance.now() - t) / 1000;
  report(
    'backup: restore into a new table (8 × 25 in flight)',
    `${rate(restored.items, dataBytes, restoreSeconds)}; digests ${restored.digestMatch ? 'match' : 'DIFFER'}`,
  );
  await dynamodb.send(new DeleteTableCommand({ TableName: target }));

  const fauxqsCopy = await mediaCopyRate(s3, stack.resources.buckets.media);
  report('backup: media copy (CopyObject, fauxqs, 8 × 1 MB in flight)', `${fmt(fauxqsCopy, 0)} MB/s`);
  const itemSeconds = REFERENCE.items / (restored.items / restoreSeconds);
  const mediaSeconds = REFERENCE.mediaBytes / 1e6 / ASSUMED_S3_COPY_MB_S;
  // The restore checks each copied object's SHA-256 by reading it back: count the bytes twice.
  const total = itemSeconds + 2 * mediaSeconds;
  report(
    'backup: reference province restore, projected',
    `items ${fmt(itemSeconds / 60, 1)} min + media ${fmt((2 * mediaSeconds) / 60, 1)} min (20 GB copied and read back at ${ASSUMED_S3_COPY_MB_S} MB/s) = ${fmt(total / 3600, 2)} h of the 24 h limit`,
  );

  // On AWS (issue 24): each step of a backup and a drill, its longest invocation against 900 s, and a month's cost.
  const digestRate = measureDigestRate();
  report(
    'backup: data file decoded and digested, best of 3',
    `${fmt(digestRate.cpu, 0)} items per CPU second (${fmt(digestRate.wall, 0)} items/s by the wall clock); at ${SHAPE.lambdaGb * 1024} MB Lambda: ${fmt(lambdaDigestRate({ digestItemsPerCpuSecond: digestRate.cpu }), 0)} items/s`,
  );
  report(
    'backup: AWS rates used (us-east-1 list)',
    `export $${AWS.exportUsdPerGb}/GB, import $${AWS.importUsdPerGb}/GB (uncompressed; no write capacity), writes $${AWS.writeUsdPerMillion}/M, reads $${AWS.readUsdPerMillion}/M, GET $${AWS.s3GetUsdPerThousand}/1,000, Lambda $${AWS.lambdaUsdPerGbSecond}/GB-s; AWS publishes no export or import throughput (assumed import ${AWS.importMinutesPerGb} min/GB, outside our invocations)`,
  );
  for (const scale of SCALES) {
    const steps = project(scale, { digestItemsPerCpuSecond: digestRate.cpu });
    for (const step of steps.filter((s) => !/Failed|Abort/.test(s.machineStep))) {
      const timeout = (functionDefinitions[step.fn] as FunctionDefinition).timeoutSeconds ?? LAMBDA_TIMEOUT_SECONDS;
      const over = step.invocationSeconds > timeout ? ` OVER ${timeout} s` : '';
      report(
        `backup at ${scale.name}: ${step.step}`,
        `longest invocation ${fmt(step.invocationSeconds, 0)} s${over}; $${fmt(step.usd, 3)} (${step.note})`,
      );
    }
    for (const [fn, step] of Object.entries(longestByFunction(steps))) {
      const timeout =
        (functionDefinitions[fn as keyof typeof functionDefinitions] as FunctionDefinition).timeoutSeconds ??
        LAMBDA_TIMEOUT_SECONDS;
      report(
        `backup at ${scale.name}: longest ${fn} invocation`,
        `${fmt(step.invocationSeconds, 0)} s (${step.machineStep}) of its ${timeout} s timeout: ${step.invocationSeconds <= timeout ? 'fits' : 'DOES NOT FIT'}`,
      );
    }
    report(
      `backup at ${scale.name}: a month (weekly backups and drills, one full restore by import)`,
      `$${fmt(monthlyUsd(steps), 2)}`,
    );
  }
}

/**
 * Items of a gzipped data file decoded and digested per second, as the seal, the file check and the
 * table check do for every item: by wall clock and by this process's CPU time (the projection uses
 * the CPU figure: on a shared machine the wall clock mostly measures the others).
 */
function measureDigestRate(): { wall: number; cpu: number } {
  const items = Array.from({ length: 50_000 }, (_, i) => toExportJson(benchItem(i)));
  const file = new Uint8Array(gzipSync(dataFileText(items)));
  let best = { wall: 0, cpu: 0 };
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const digest = new TableDigest();
    for (const item of decodeDataFile(file)) digest.add(item);
    digest.digest();
    const used = process.cpuUsage(cpu);
    const rates = {
      wall: items.length / ((performance.now() - start) / 1000),
      cpu: items.length / ((used.user + used.system) / 1e6),
    };
    if (rates.cpu > best.cpu) best = rates;
  }
  return best;
}
