import { KMSClient } from '@aws-sdk/client-kms';
import {
  KmsManifestKey,
  LocalManifestKey,
  SigningUnavailable,
  type ManifestSigner,
  type ManifestVerifier,
} from './signing';

/**
 * The deployment's backup signing key, from the environment: `BACKUP_SIGNING=kms` with
 * `BACKUP_SIGNING_KEY_ID` (set by CDK on the functions whose manifest entry names `backupSigning`),
 * or `local` with `LOCAL_BACKUP_SIGNING_KEY_FILE` (the local stack's data folder). Locally a guard
 * registered by infra/local/backup-signing-root.ts refuses Sign to a function IAM would refuse it.
 * Each call builds its key (a KMS client, or the local key read from its file): a job signs once a run.
 */
export type SigningUse = 'sign' | 'verify';
// biome-ignore lint/plugin: the local IAM guard, registered once by the local runtime (NOT_YET_WIRED in composition-roots-own-all-state.test.ts)
let localGuard: ((use: SigningUse) => void) | undefined;

export function guardLocalSigning(guard: (use: SigningUse) => void): void {
  localGuard = guard;
}

function key(use: SigningUse): ManifestSigner & ManifestVerifier {
  const mode = process.env.BACKUP_SIGNING;
  if (mode === 'kms') {
    const id = process.env.BACKUP_SIGNING_KEY_ID;
    if (!id)
      throw new SigningUnavailable('BACKUP_SIGNING_KEY_ID is not set: this function was granted no backup signing key');
    return new KmsManifestKey(new KMSClient({}), id);
  }
  const file = process.env.LOCAL_BACKUP_SIGNING_KEY_FILE;
  if (mode !== 'local' || !file) throw new SigningUnavailable('No backup signing key is configured (BACKUP_SIGNING)');
  localGuard?.(use);
  const guarded = new LocalManifestKey(file);
  return {
    keyId: guarded.keyId,
    sign: (message) => (localGuard?.('sign'), guarded.sign(message)),
    verify: (message, signature) => (localGuard?.('verify'), guarded.verify(message, signature)),
  };
}

/** For the backup writer only: IAM (and the local guard) refuse Sign to everyone else. */
export const backupSigner = (): ManifestSigner => key('sign');
export const backupVerifier = (): ManifestVerifier => key('verify');
