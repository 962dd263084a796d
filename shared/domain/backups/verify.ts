import { bytesDigest, TableDigest } from './digest';
import { decodeDataFile, type BackupManifest, type DataFileEntry } from './manifest';

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
  | { readonly kind: 'table-digest-mismatch'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'signature-invalid'; readonly key: string; readonly reason: string };

export interface VerificationResult {
  readonly ok: boolean;
  readonly findings: readonly VerificationFinding[];
  readonly itemCount: number;
  readonly tableDigest: string;
}

/**
 * One file at a time (a restore verifies every file before it creates a table, and must not hold
 * the whole backup in memory): `add` each data file's bytes as read, then `result()`.
 */
export class BackupVerification {
  private readonly findings: VerificationFinding[] = [];
  private readonly table = new TableDigest();

  constructor(private readonly manifest: BackupManifest) {}

  add(entry: DataFileEntry, bytes: Uint8Array | undefined): void {
    if (!bytes) {
      this.findings.push({ kind: 'missing-file', key: entry.key });
      return;
    }
    const actual = bytesDigest(bytes);
    if (actual !== entry.sha256)
      this.findings.push({ kind: 'digest-mismatch', key: entry.key, expected: entry.sha256, actual });
    let items;
    try {
      items = decodeDataFile(bytes);
    } catch (error) {
      this.findings.push({ kind: 'unreadable-file', key: entry.key, reason: (error as Error).message });
      return;
    }
    if (items.length !== entry.itemCount)
      this.findings.push({ kind: 'count-mismatch', key: entry.key, expected: entry.itemCount, actual: items.length });
    for (const item of items) this.table.add(item);
  }

  finding(finding: VerificationFinding): void {
    this.findings.push(finding);
  }

  result(): VerificationResult {
    const findings = [...this.findings];
    const tableDigest = this.table.digest();
    const { itemCount, digest } = this.manifest.table;
    if (this.table.count !== itemCount)
      findings.push({ kind: 'table-count-mismatch', expected: itemCount, actual: this.table.count });
    if (tableDigest !== digest) findings.push({ kind: 'table-digest-mismatch', expected: digest, actual: tableDigest });
    return { ok: findings.length === 0, findings, itemCount: this.table.count, tableDigest };
  }
}

/** `files` maps each data file's key to its bytes, or undefined when the file could not be found. */
export function verifyBackup(
  manifest: BackupManifest,
  files: ReadonlyMap<string, Uint8Array | undefined>,
): VerificationResult {
  const verification = new BackupVerification(manifest);
  for (const entry of manifest.files) verification.add(entry, files.get(entry.key));
  return verification.result();
}

/** One line per finding, for a refusal's message. */
export function describeFindings(findings: readonly VerificationFinding[]): string {
  return findings
    .map((f) => {
      switch (f.kind) {
        case 'missing-file':
          return `${f.key} is missing`;
        case 'digest-mismatch':
          return `${f.key} does not match its digest in the manifest`;
        case 'unreadable-file':
          return `${f.key} cannot be read (${f.reason})`;
        case 'count-mismatch':
          return `${f.key} holds ${f.actual} items, the manifest says ${f.expected}`;
        case 'table-count-mismatch':
          return `the files hold ${f.actual} items, the manifest says ${f.expected}`;
        case 'table-digest-mismatch':
          return 'the items do not match the table digest in the manifest';
        case 'signature-invalid':
          return `${f.key}: ${f.reason}`;
      }
    })
    .join('; ');
}
