import { bytesDigest, TableDigest } from './digest';
import { decodeDataFile, type BackupManifest } from './manifest';

/**
 * Checks a backup's data files against its manifest. A backup is "verified" only when this
 * returns no findings for bytes re-read from storage.
 */
export type VerificationFinding =
  | { readonly kind: 'missing-file'; readonly key: string }
  | { readonly kind: 'digest-mismatch'; readonly key: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'unreadable-file'; readonly key: string; readonly reason: string }
  | { readonly kind: 'count-mismatch'; readonly key: string; readonly expected: number; readonly actual: number }
  | { readonly kind: 'table-count-mismatch'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'table-digest-mismatch'; readonly expected: string; readonly actual: string };

export interface VerificationResult {
  readonly ok: boolean;
  readonly findings: readonly VerificationFinding[];
  readonly itemCount: number;
  readonly tableDigest: string;
}

/** `files` maps each data file's key to its bytes, or undefined when the file could not be found. */
export function verifyBackup(manifest: BackupManifest, files: ReadonlyMap<string, Uint8Array | undefined>): VerificationResult {
  const findings: VerificationFinding[] = [];
  const table = new TableDigest();
  for (const entry of manifest.files) {
    const bytes = files.get(entry.key);
    if (!bytes) {
      findings.push({ kind: 'missing-file', key: entry.key });
      continue;
    }
    const actual = bytesDigest(bytes);
    if (actual !== entry.sha256) findings.push({ kind: 'digest-mismatch', key: entry.key, expected: entry.sha256, actual });
    let items;
    try {
      items = decodeDataFile(bytes);
    } catch (error) {
      findings.push({ kind: 'unreadable-file', key: entry.key, reason: (error as Error).message });
      continue;
    }
    if (items.length !== entry.itemCount) findings.push({ kind: 'count-mismatch', key: entry.key, expected: entry.itemCount, actual: items.length });
    for (const item of items) table.add(item);
  }
  const tableDigest = table.digest();
  if (table.count !== manifest.table.itemCount) findings.push({ kind: 'table-count-mismatch', expected: manifest.table.itemCount, actual: table.count });
  if (tableDigest !== manifest.table.digest) findings.push({ kind: 'table-digest-mismatch', expected: manifest.table.digest, actual: tableDigest });
  return { ok: findings.length === 0, findings, itemCount: table.count, tableDigest };
}
