import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localClients, type LocalEndpoints, type LocalResources } from './resources';
import { restoreBackup } from '../../shared/adapters/backup/restore';
import { fileCheckpoint } from '../../shared/adapters/backup/checkpoint';
import { verifyStoredBackup } from '../../shared/adapters/backup/verify-stored';
import { describeFindings } from '../../shared/domain/backups/verify';
import { LocalManifestKey, PublicKeyVerifier, type ManifestVerifier } from '../../shared/adapters/backup/signing';
import { localBackupSigningKeyFile } from './backup-signing-root';

/**
 * `npm run restore -- --backup <id> --target <table-name> [--media-bucket <bucket>]`: restores a
 * backup of the running `npm start` stack into a NEW table (and its media by version), then checks
 * counts and digests. Run it again after an interruption: it continues from its checkpoint
 * (`.local/restores/<target>.json`). `--verify-only` re-reads the backup and checks it, writing nothing.
 * Both check the manifest's signature first: with the local stack's key, or `--public-key <pem>`
 * (the KMS key's public half, for a backup signed on AWS). Every refusal is one line, exit 1.
 */
const { values } = parseArgs({
  options: {
    backup: { type: 'string' },
    target: { type: 'string' },
    'media-bucket': { type: 'string' },
    'verify-only': { type: 'boolean', default: false },
    'public-key': { type: 'string' },
  },
});
if (!values.backup || (!values.target && !values['verify-only'])) {
  console.error(
    'usage: npm run restore -- --backup <yyyy-Www> --target <new-table-name> [--media-bucket <bucket>] | --backup <id> --verify-only',
  );
  process.exit(2);
}
const dataDir = resolve(import.meta.dirname, '../..', process.env.LOCAL_DATA_DIR ?? '.local');
const stateFile = resolve(dataDir, 'stack.json');
if (!existsSync(stateFile)) {
  console.error('The local stack is not running: start it with `npm start` first.');
  process.exit(2);
}
const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { endpoints: LocalEndpoints; resources: LocalResources };
const clients = localClients(state.endpoints);

/** The signature is checked with the KMS key's public half when given, else with the local stack's key. */
function verifier(): ManifestVerifier {
  if (values['public-key']) return new PublicKeyVerifier(readFileSync(values['public-key'], 'utf8'));
  const keyFile = localBackupSigningKeyFile(dataDir);
  if (!existsSync(keyFile))
    throw new Error(
      `No backup signing key in ${dataDir}: backups of this stack cannot be verified (give --public-key for a backup signed on AWS)`,
    );
  return new LocalManifestKey(keyFile);
}

try {
  if (values['verify-only']) {
    const { manifest: _manifest, ...result } = await verifyStoredBackup(
      clients.s3,
      state.resources.buckets.backups,
      values.backup,
      verifier(),
    );
    console.log(JSON.stringify(result, null, 2));
    console.error(
      result.ok
        ? `backup ${values.backup}: signature, every file, counts and digests check out`
        : `BACKUP ${values.backup} DOES NOT CHECK OUT: ${describeFindings(result.findings)}`,
    );
    process.exit(result.ok ? 0 : 1);
  }
  const summary = await restoreBackup({
    dynamodb: clients.dynamodb,
    s3: clients.s3,
    backupBucket: state.resources.buckets.backups,
    backupId: values.backup,
    targetTable: values.target!,
    ...(values['media-bucket'] ? { targetMediaBucket: values['media-bucket'] } : {}),
    checkpoint: fileCheckpoint(resolve(dataDir, 'restores', `${values.target}.json`)),
    verifier: verifier(),
    onProgress: (p) =>
      console.error(
        `[${p.phase}] files ${p.filesDone}/${p.filesTotal}, items written ${p.items}, ${(p.bytes / 1e6).toFixed(1)} MB`,
      ),
  });
  console.log(JSON.stringify(summary, null, 2));
  const ok = summary.countMatch && summary.digestMatch && summary.media.mismatched.length === 0;
  console.error(
    ok
      ? `restored ${summary.items} items in ${summary.seconds.toFixed(1)} s: digests match`
      : 'RESTORE DOES NOT MATCH THE BACKUP: see the summary',
  );
  process.exit(ok ? 0 : 1);
} catch (error) {
  // One line, never a stack trace: what was refused and why.
  console.error(`${values['verify-only'] ? 'verify' : 'restore'} refused: ${(error as Error).message}`);
  process.exit(1);
}
