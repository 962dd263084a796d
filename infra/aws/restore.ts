import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { restoreByImport } from '../../shared/adapters/backup/import-restore';
import { PublicKeyVerifier } from '../../shared/adapters/backup/signing';

/**
 * `npm run restore:aws -- --backup <yyyy-Www> --target <new-table> --bucket <backups-bucket>
 * (--public-key <pem> | --signing-key <kms key id, ARN or alias>) [--region <r>]`: the operator's
 * restore on AWS (docs/backups.md, "Restore on AWS"), with the operator's credentials (the SDK's
 * default chain). Verifies the backup in full, imports it into a NEW table with DynamoDB's
 * ImportTable, waits, checks count and digest, and keeps the table. Every refusal is one line, exit 1.
 */
const usage =
  'usage: npm run restore:aws -- --backup <yyyy-Www> --target <new-table> --bucket <backups-bucket> (--public-key <pem> | --signing-key <kms-key>) [--region <region>]';
function parseOptions() {
  try {
    return parseArgs({
      options: {
        backup: { type: 'string' },
        target: { type: 'string' },
        bucket: { type: 'string' },
        region: { type: 'string' },
        'public-key': { type: 'string' },
        'signing-key': { type: 'string' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
const values = parseOptions();
if (!values.backup || !values.target || !values.bucket || !(values['public-key'] || values['signing-key'])) {
  console.error(usage);
  process.exit(2);
}
const region = values.region ? { region: values.region } : {};

/** The KMS key's public half, from the runbook's PEM or from KMS (kms:GetPublicKey): the signature is checked here, not by KMS. */
async function verifier(): Promise<PublicKeyVerifier> {
  if (values['public-key']) return new PublicKeyVerifier(readFileSync(values['public-key'], 'utf8'));
  const out = await new KMSClient(region).send(new GetPublicKeyCommand({ KeyId: values['signing-key']! }));
  const der = Buffer.from(out.PublicKey ?? new Uint8Array());
  const pem = createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' });
  return new PublicKeyVerifier(pem.toString());
}

try {
  const summary = await restoreByImport({
    dynamodb: new DynamoDBClient(region),
    // A custom S3 endpoint (AWS_ENDPOINT_URL_S3: a VPC endpoint, or the tests' emulator) is addressed by path.
    s3: new S3Client({ ...region, forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }),
    backupBucket: values.bucket,
    backupId: values.backup,
    targetTable: values.target,
    verifier: await verifier(),
    onProgress: (line) => console.error(line),
  });
  console.log(JSON.stringify(summary, null, 2));
  const ok = summary.countMatch && summary.digestMatch && summary.indexQueriesAnswered === summary.indexQueries;
  console.error(
    ok
      ? `method: import; restored ${summary.items} items into ${summary.targetTable} in ${summary.seconds.toFixed(0)} s: digests match (the table is kept)`
      : `method: import; RESTORE DOES NOT MATCH THE BACKUP: see the summary (the table ${summary.targetTable} is kept for inspection)`,
  );
  process.exit(ok ? 0 : 1);
} catch (error) {
  // One line, never a stack trace: what was refused and why.
  console.error(`restore refused (method: import): ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
