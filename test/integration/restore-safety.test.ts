import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { exportTablePortably } from '../../shared/adapters/backup/portable-export';
import { verifyStoredBackup } from '../../shared/adapters/backup/verify-stored';
import { restoreBackup, RestoreRefused } from '../../shared/adapters/backup/restore';
import { tableShape } from '../../shared/adapters/backup/table-shape';
import { fileCheckpoint } from '../../shared/adapters/backup/checkpoint';
import { backupSigner, backupVerifier } from '../../shared/adapters/backup/signing-keys';
import { LocalManifestKey, signManifest } from '../../shared/adapters/backup/signing';
import { signatureKey } from '../../shared/adapters/backup/storage';
import { bytesDigest, tableDigestOf, type DynamoJsonItem } from '../../shared/domain/backups/digest';
import { backupManifestKey, type BackupManifest } from '../../shared/domain/backups/manifest';
import { invocation } from '../../infra/local/table-permissions';
import '../../infra/local/backup-signing-root';

/**
 * Issue 24's reproductions, tried as an attacker would: a forged backup (data altered, digests
 * recomputed with the project's own functions) is refused by verify and restore before any table
 * exists; a checkpoint file cannot turn a restore onto a live table; a tampered file is caught
 * before the first write; a missing backup gets a message, not a stack trace.
 */
const local = useLocalStack();
const c = () => local.clients();
const res = () => local.stack().resources;
const WEEK = '2026-W30'; // a fixed backup id: the test sets its own, whatever the date
const PER_FILE = 20;
const key = backupManifestKey(WEEK, 'weekly');
let backup: BackupManifest;

const s3Bytes = async (k: string) =>
  new Uint8Array(
    await (
      await c().s3.send(new GetObjectCommand({ Bucket: res().buckets.backups, Key: k }))
    ).Body!.transformToByteArray(),
  );
const put = (k: string, body: Uint8Array | string) =>
  c().s3.send(new PutObjectCommand({ Bucket: res().buckets.backups, Key: k, Body: body }));
const tables = async () => (await c().dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
const restoreInto = (
  targetTable: string,
  checkpointFile = join(mkdtempSync(join(tmpdir(), 'restore-safety-')), 'checkpoint.json'),
) =>
  restoreBackup({
    dynamodb: c().dynamodb,
    s3: c().s3,
    backupBucket: res().buckets.backups,
    backupId: WEEK,
    targetTable,
    checkpoint: fileCheckpoint(checkpointFile),
    verifier: backupVerifier(),
  });

/** Runs `body` with the backup's objects as they are now put back afterwards, so the tests hold in any order. */
async function withBackupRestoredAfter(keys: string[], body: () => Promise<void>) {
  const saved = await Promise.all(keys.map(async (k) => [k, await s3Bytes(k)] as const));
  try {
    await body();
  } finally {
    for (const [k, bytes] of saved) await put(k, bytes);
  }
}

/** The attacker's edit: one item changed in a data file, that file's digest, count and the table digest recomputed. */
async function forge(): Promise<{ manifest: BackupManifest; bytes: Uint8Array }> {
  const entry = backup.files.find((f) => f.itemCount > 0)!;
  const items = gunzipSync(await s3Bytes(entry.key))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { Item: DynamoJsonItem }).Item);
  (items[0] as Record<string, unknown>).title = { S: 'FORGED' };
  const data = new Uint8Array(gzipSync(items.map((i) => `{"Item":${JSON.stringify(i)}}\n`).join('')));
  await put(entry.key, data);
  const all: DynamoJsonItem[] = [];
  for (const f of backup.files)
    all.push(
      ...gunzipSync(await s3Bytes(f.key))
        .toString('utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { Item: DynamoJsonItem }).Item),
    );
  const manifest: BackupManifest = {
    ...backup,
    files: backup.files.map((f) => (f.key === entry.key ? { ...f, sha256: bytesDigest(data), bytes: data.length } : f)),
    table: { itemCount: all.length, digest: tableDigestOf(all) },
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  await put(key, bytes);
  return { manifest, bytes };
}

beforeAll(async () => {
  const item = (i: number): Record<string, AttributeValue> => ({
    pk: { S: `THING#${i}` },
    sk: { S: 'THING' },
    title: { S: `số ${i}` },
    version: { N: '1' },
  });
  for (let i = 0; i < 100; i += 25) {
    await c().dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [res().tableName]: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: item(i + j) } })),
        },
      }),
    );
  }
  backup = await exportTablePortably({
    dynamodb: c().dynamodb,
    s3: c().s3,
    tableName: res().tableName,
    backupBucket: res().buckets.backups,
    mediaBucket: res().buckets.media,
    backupId: WEEK,
    retention: 'weekly',
    itemsPerFile: PER_FILE,
    segments: 2,
    signer: backupSigner(),
  });
});

describe('a forged backup (data altered, digests recomputed)', () => {
  it('is refused by verify and by restore before any table exists: the old signature no longer matches', async () => {
    await withBackupRestoredAfter([key, ...backup.files.map((f) => f.key)], async () => {
      await forge();
      await expect(verifyStoredBackup(c().s3, res().buckets.backups, WEEK, backupVerifier())).rejects.toThrow(
        /changed after it was signed/,
      );
      await expect(restoreInto(`${res().tableName}-forged`)).rejects.toThrow(RestoreRefused);
      expect(await tables()).not.toContain(`${res().tableName}-forged`);
    });
  });

  it('is refused when re-signed with another key, or with its signature removed', async () => {
    await withBackupRestoredAfter([key, signatureKey(key), ...backup.files.map((f) => f.key)], async () => {
      const { bytes } = await forge();
      const attackersKey = new LocalManifestKey(join(mkdtempSync(join(tmpdir(), 'attacker-')), 'key.pem'));
      await put(signatureKey(key), JSON.stringify(await signManifest(attackersKey, bytes)));
      await expect(verifyStoredBackup(c().s3, res().buckets.backups, WEEK, backupVerifier())).rejects.toThrow(
        /not made with this deployment's backup signing key/,
      );
      await expect(restoreInto(`${res().tableName}-resigned`)).rejects.toThrow(
        /not made with this deployment's backup signing key/,
      );
      await put(signatureKey(key), '');
      await expect(restoreInto(`${res().tableName}-unsigned`)).rejects.toThrow(/not signed/);
      expect((await tables()).filter((t) => /-(resigned|unsigned)$/.test(t))).toEqual([]);
    });
  });

  it('the untouched backup verifies: the refusals above are the forgery, not the check', async () => {
    expect(await verifyStoredBackup(c().s3, res().buckets.backups, WEEK, backupVerifier())).toMatchObject({
      ok: true,
      itemCount: 100,
    });
  });
});

describe('restore never touches live data', () => {
  it('refuses a live table even when a checkpoint file names it (left by an interrupted restore)', async () => {
    const live = `${res().tableName}-live`;
    await c().dynamodb.send(new CreateTableCommand(tableShape(live)));
    await c().dynamodb.send(
      new PutItemCommand({ TableName: live, Item: { pk: { S: 'THING#1' }, sk: { S: 'THING' }, version: { N: '2' } } }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'restore-safety-'));
    for (const [name, state] of [
      ['old.json', { backupId: WEEK, doneFiles: [] }], // as the previous restore wrote it
      ['guessed.json', { backupId: WEEK, restoreId: 'anything', doneFiles: [] }], // a restore id the table does not carry
    ] as const) {
      writeFileSync(join(dir, name), JSON.stringify(state));
      await expect(restoreInto(live, join(dir, name))).rejects.toThrow(
        /exists already and was not created by this restore/,
      );
    }
    const item = await c().dynamodb.send(
      new GetItemCommand({ TableName: live, Key: { pk: { S: 'THING#1' }, sk: { S: 'THING' } }, ConsistentRead: true }),
    );
    expect(item.Item?.version).toEqual({ N: '2' });
  });

  it('catches a tampered data file before the first write: no table is created', async () => {
    const last = backup.files.filter((f) => f.itemCount > 0).at(-1)!;
    await withBackupRestoredAfter([last.key], async () => {
      const bytes = await s3Bytes(last.key);
      bytes[bytes.length >> 1]! ^= 0x01;
      await put(last.key, bytes);
      await expect(restoreInto(`${res().tableName}-tampered`)).rejects.toThrow(
        /refused, no table was created: .*(does not match its digest|cannot be read)/,
      );
      expect(await tables()).not.toContain(`${res().tableName}-tampered`);
    });
  });

  it('a restore resumes only into the table it created itself', async () => {
    const target = `${res().tableName}-own`;
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'restore-safety-')), 'checkpoint.json');
    await expect(
      restoreBackup({
        dynamodb: c().dynamodb,
        s3: c().s3,
        backupBucket: res().buckets.backups,
        backupId: WEEK,
        targetTable: target,
        checkpoint: fileCheckpoint(checkpointFile),
        verifier: backupVerifier(),
        stopAfterBatches: 1,
      }),
    ).rejects.toThrow(/stopped/);
    expect(await restoreInto(target, checkpointFile)).toMatchObject({
      countMatch: true,
      digestMatch: true,
      items: 100,
    });
  });
});

describe('signing is the writer’s alone (local IAM from functions/manifest.ts)', () => {
  it('the drill may verify but not sign; the backup writer may sign', async () => {
    const message = new TextEncoder().encode('manifest');
    await expect(
      invocation.run({ function: 'restoreDrill' }, async () => backupSigner().sign(message)),
    ).rejects.toThrow(/not allowed kms:Sign/);
    await expect(
      invocation.run({ function: 'health' }, async () => backupVerifier().verify(message, new Uint8Array(8))),
    ).rejects.toThrow(/not allowed kms:Verify/);
    const signature = await invocation.run({ function: 'weeklyBackup' }, async () => backupSigner().sign(message));
    expect(
      await invocation.run({ function: 'restoreDrill' }, async () => backupVerifier().verify(message, signature)),
    ).toBe(true);
  });
});

describe('npm run restore', () => {
  const root = resolve(import.meta.dirname, '../..');
  const cli = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/restore.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LOCAL_DATA_DIR: dataDir },
      timeout: 60_000,
    });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'restore-cli-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'stack.json'), JSON.stringify({ endpoints: local.stack().endpoints, resources: res() }));
    return dir;
  };

  it('--verify-only on a missing backup: one line saying so, exit 1, no stack trace', () => {
    const dir = dataDir();
    copyFileSync(process.env.LOCAL_BACKUP_SIGNING_KEY_FILE!, join(dir, 'backup-signing-key.pem'));
    const out = cli(dir, '--backup', '2099-W01', '--verify-only');
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^verify refused: No backup "2099-W01" in bucket/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('without this stack’s signing key, says it cannot verify', () => {
    const out = cli(dataDir(), '--backup', WEEK, '--verify-only');
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^verify refused: No backup signing key in .*--public-key/);
  });
});
