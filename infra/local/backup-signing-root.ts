import { resolve } from 'node:path';
import { functionDefinitions, type FunctionDefinition } from '../../functions/manifest';
import { guardLocalSigning } from '../../shared/adapters/backup/signing-keys';
import { invocation } from './table-permissions';

/**
 * The local composition root of the backup signing key (shared/adapters/backup/signing-keys.ts):
 * a key pair in the local data folder stands in for the KMS key, and as IAM does on AWS, a
 * function may Sign only if its manifest entry says `backupSigning: 'sign'` (the backup writer),
 * and Verify only if it names `backupSigning` at all. Operators' tools (`npm run restore`) and
 * tests run outside an invocation, as the operator who holds the key.
 */
export const BACKUP_SIGNING_KEY_FILE = 'backup-signing-key.pem';
export const localBackupSigningKeyFile = (dataDir: string) => resolve(dataDir, BACKUP_SIGNING_KEY_FILE);

guardLocalSigning((use) => {
  const current = invocation.getStore();
  if (!current) return;
  const grant = (functionDefinitions[current.function] as FunctionDefinition).backupSigning;
  if (grant === 'sign' || (grant === 'verify' && use === 'verify')) return;
  const error = new Error(
    `local IAM: ${current.function} is not allowed kms:${use === 'sign' ? 'Sign' : 'Verify'} on the backup signing key (functions/manifest.ts backupSigning)`,
  );
  error.name = 'AccessDeniedException';
  throw error;
});
