import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteItemCommand, ListTablesCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { exportTablePortably } from '../../shared/adapters/backup/portable-export';
import { backupSigner } from '../../shared/adapters/backup/signing-keys';
import { LocalManifestKey } from '../../shared/adapters/backup/signing';
import { signatureKey } from '../../shared/adapters/backup/storage';
import { bytesDigest, tableDigestOf, type DynamoJsonItem } from '../../shared/domain/backups/digest';
import { backupManifestKey, type BackupManifest } from '../../shared/domain/backups/manifest';
import { localCredentials } from '../../infra/local/resources';
import '../../infra/local/backup-signing-root';

/**
 * `npm run restore:aws` (infra/aws/restore.ts) against the local emulators as its S3 and DynamoDB
 * endpoints: every refusal comes before any call that creates a table, in one line with exit 1.
 * DynamoDB Local has no ImportTable, so the import itself, its wait and the check after it run on
 * AWS only (the check is the drill's, tested with a portable load in restore-drill*.test.ts).
 */
const local = useLocalStack();
const c = () => local.clients();
const res = () => local.stack().resources;
const WEEK = '2026-W31'; // a fixed backup id, whatever the date
const key = backupManifestKey(WEEK, 'weekly');
let backup: BackupManifest;
let publicKeyFile: string;

const s3Bytes = async (k: string) =>
  new Uint8Array(
    await (
      await c().s3.send(new GetObjectCommand({ Bucket: res().buckets.backups, Key: k }))
    ).Body!.transformToByteArray(),
  );
const put = (k: string, body: Uint8Array | string) =>
  c().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: k, Body: body }));
const tables = async () => (await c().dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
const decode = (bytes: Uint8Array) =>
  gunzipSync(bytes)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { Item: DynamoJsonItem }).Item);

const restoreAws = (...args: string[]) => {
  const { endpoints } = local.stack();
  const credentials = localCredentials(endpoints);
  return spawnSync(process.execPath, ['--import', 'tsx', 'infra/aws/restore.ts', ...args], {
    cwd: resolve(import.meta.dirname, '../..'),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_S3: endpoints.s3sqs,
      AWS_REGION: endpoints.region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    timeout: 90_000,
  });
};
const restoreInto = (target: string) =>
  restoreAws('--backup', WEEK, '--target', target, '--bucket', res().buckets.backups, '--public-key', publicKeyFile);

/** Runs `body`, then puts the backup's objects back as they were, so the tests hold in any order. */
async function withBackupRestoredAfter(body: () => Promise<void>) {
  const keys = [key, signatureKey(key), ...backup.files.map((f) => f.key)];
  const saved = await Promise.all(keys.map(async (k) => [k, await s3Bytes(k)] as const));
  try {
    await body();
  } finally {
    for (const [k, bytes] of saved) await put(k, bytes);
  }
}

/** The attacker's edit: one item changed, that file's digest and the table's count and digest recomputed. */
async function forge() {
  const entry = backup.files.find((f) => f.itemCount > 0)!;
  const items = decode(await s3Bytes(entry.key));
  (items[0] as Record<string, unknown>).title = { S: 'FORGED' };
  const data = new Uint8Array(gzipSync(items.map((i) => `{"Item":${JSON.stringify(i)}}\n`).join('')));
  await put(entry.key, data);
  const all: DynamoJsonItem[] = [];
  for (const f of backup.files) all.push(...decode(await s3Bytes(f.key)));
  const manifest: BackupManifest = {
    ...backup,
    files: backup.files.map((f) => (f.key === entry.key ? { ...f, sha256: bytesDigest(data), bytes: data.length } : f)),
    table: { itemCount: all.length, digest: tableDigestOf(all) },
  };
  await put(key, JSON.stringify(manifest, null, 1));
}

/** Exactly one line on stderr, the refusal, exit 1; no table created by the run. */
async function expectRefusedWithoutTable(run: () => ReturnType<typeof restoreAws>, message: RegExp) {
  const before = await tables();
  const out = run();
  expect(out.status).toBe(1);
  expect(out.stderr.trim()).toMatch(message);
  expect(out.stderr.trim().split('\n')).toHaveLength(1);
  expect(await tables()).toEqual(before);
}

beforeAll(async () => {
  const item = (i: number): Record<string, AttributeValue> => ({
    pk: { S: `AWSRESTORE#${i}` },
    sk: { S: 'THING' },
    title: { S: `số ${i}` },
  });
  await c().dynamodb.send(
    new BatchWriteItemCommand({
      RequestItems: { [res().tableName]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: item(i) } })) },
    }),
  );
  backup = await exportTablePortably({
    dynamodb: c().dynamodb,
    s3: c().s3,
    tableName: res().tableName,
    backupBucket: res().buckets.backups,
    mediaBucket: res().buckets.media,
    backupId: WEEK,
    retention: 'weekly',
    itemsPerFile: 10,
    segments: 1,
    signer: backupSigner(),
  });
  publicKeyFile = join(mkdtempSync(join(tmpdir(), 'restore-aws-')), 'key.pem');
  writeFileSync(publicKeyFile, new LocalManifestKey(process.env.LOCAL_BACKUP_SIGNING_KEY_FILE!).publicKeyPem());
});

describe('npm run restore:aws refuses before any table is created', () => {
  it('an existing target, the live table above all: one line, and the live table is untouched', async () => {
    const live = res().tableName;
    const count = async () =>
      (await c().dynamodb.send(new ScanCommand({ TableName: live, Select: 'COUNT', ConsistentRead: true }))).Count;
    const items = await count();
    await expectRefusedWithoutTable(
      () => restoreInto(live),
      new RegExp(`^restore refused \\(method: import\\): Table ${live} exists already`),
    );
    expect(await count()).toBe(items);
  });

  it('a forged backup (data altered, digests recomputed): the signature no longer matches', async () => {
    await withBackupRestoredAfter(async () => {
      await forge();
      await expectRefusedWithoutTable(
        () => restoreInto(`${res().tableName}-aws-forged`),
        /^restore refused \(method: import\): .*changed after it was signed/,
      );
    });
  });

  it('an unsigned backup, and one signed by another key', async () => {
    await withBackupRestoredAfter(async () => {
      await put(signatureKey(key), '');
      await expectRefusedWithoutTable(
        () => restoreInto(`${res().tableName}-aws-unsigned`),
        /^restore refused \(method: import\): .*not signed/,
      );
    });
    const otherKey = join(mkdtempSync(join(tmpdir(), 'restore-aws-other-')), 'key.pem');
    writeFileSync(
      otherKey,
      new LocalManifestKey(join(mkdtempSync(join(tmpdir(), 'restore-aws-attacker-')), 'key.pem')).publicKeyPem(),
    );
    await expectRefusedWithoutTable(
      () =>
        restoreAws(
          '--backup',
          WEEK,
          '--target',
          'x-aws-other',
          '--bucket',
          res().buckets.backups,
          '--public-key',
          otherKey,
        ),
      /^restore refused \(method: import\): .*not made with this deployment's backup signing key/,
    );
  });

  it('a tampered data file (digest not recomputed), and a missing backup', async () => {
    await withBackupRestoredAfter(async () => {
      const last = backup.files.filter((f) => f.itemCount > 0).at(-1)!;
      const bytes = await s3Bytes(last.key);
      bytes[bytes.length >> 1]! ^= 0x01;
      await put(last.key, bytes);
      await expectRefusedWithoutTable(
        () => restoreInto(`${res().tableName}-aws-tampered`),
        /^restore refused \(method: import\): Backup .* is refused, no table was created: /,
      );
    });
    await expectRefusedWithoutTable(
      () =>
        restoreAws(
          '--backup',
          '2099-W01',
          '--target',
          'x-aws-missing',
          '--bucket',
          res().buckets.backups,
          '--public-key',
          publicKeyFile,
        ),
      /^restore refused \(method: import\): No backup "2099-W01"/,
    );
  });

  it('the untouched backup checks out and reaches ImportTable, which DynamoDB Local does not have', async () => {
    const out = restoreInto(`${res().tableName}-aws-genuine`);
    expect(out.stderr).toMatch(new RegExp(`^\\[check\\] backup ${WEEK}: signature, ${backup.files.length} files`));
    // DynamoDB Local's answer to ImportTable: on AWS the import starts here.
    expect(out.stderr.trim().split('\n').at(-1)).toBe(
      'restore refused (method: import): An unknown operation was requested.',
    );
    expect(out.status).toBe(1);
  });

  it('without the arguments it needs: the usage, exit 2', () => {
    const out = restoreAws('--backup', WEEK, '--target', 'x');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^usage: npm run restore:aws/);
  });
});
