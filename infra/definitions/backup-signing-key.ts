/**
 * The asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) that signs backup manifests (issue 24;
 * shared/adapters/backup/signing.ts): in the data stack, kept on stack deletion (old backups stay
 * verifiable); functions name its ARN through this export, and only those whose manifest entry
 * says `backupSigning` get a grant on it: `sign` (the backup writer) kms:Sign and kms:Verify,
 * `verify` (readers) kms:Verify alone. Asymmetric keys cannot rotate automatically; a new key
 * means a new deployment of the data stack, and the old key must stay to verify old backups.
 */
export const backupSigningKeyArnExportName = (dataStackName: string) => `${dataStackName}:BackupSigningKeyArn`;
export const BACKUP_SIGNING_KEY_LOGICAL_NAME = 'BackupSigningKey';
