/**
 * Backup, verify and full-restore drill projected onto AWS for the reference province and for ten
 * times it (issue 24), from throughput measured here (`npm run bench -- backup`) and from figures
 * AWS publishes or that are stated as assumptions below. Pure: the bench prints what this returns,
 * a unit test holds its arithmetic.
 */
export const LAMBDA_TIMEOUT_SECONDS = 900;

export interface Scale {
  readonly name: string;
  readonly items: number;
  readonly mediaBytes: number;
}
export const SCALES: readonly Scale[] = [
  { name: 'reference (1×)', items: 200_000, mediaBytes: 20e9 },
  { name: '10×', items: 2_000_000, mediaBytes: 200e9 },
];

/** Measured on this machine by the bench (DynamoDB Local and fauxqs: pessimistic for AWS). */
export interface Measured {
  /** TableDigest over decoded items, CPU only: what sealing and verifying every file costs per item. */
  readonly digestItemsPerSecond: number;
}

/**
 * What AWS publishes (us-east-1 list prices, aws.amazon.com/dynamodb/pricing/on-demand, and the
 * S3, Lambda and Step Functions pricing pages; check the deployment's region before relying on
 * them) and what is assumed where AWS publishes nothing (marked). AWS publishes no throughput for
 * ExportTableToPointInTime or ImportTable: both run outside any invocation of ours.
 */
export const AWS = {
  exportUsdPerGb: 0.1, // DynamoDB export to S3, full export
  importUsdPerGb: 0.15, // DynamoDB import from S3 (uncompressed source size)
  writeUsdPerMillion: 0.625, // on-demand write request units (≤ 1 KB items)
  readUsdPerMillion: 0.125, // on-demand read request units (4 KB strongly consistent)
  s3GetUsdPerThousand: 0.0004, // GET (and GetObjectAttributes) requests
  s3PutUsdPerThousand: 0.005, // PUT/COPY requests
  lambdaUsdPerGbSecond: 0.0000166667,
  /** Assumed: a new on-demand table serves about 4,000 writes/s at first (AWS: "up to 4,000 write request units" initially). */
  newTableWritesPerSecond: 4_000,
  /** Assumed: GetObjectAttributes round trip within the region, 16 in flight. */
  attributesLatencySeconds: 0.03,
  attributesInFlight: 16,
  /** Assumed: reading from S3 inside the region, one stream. */
  s3ReadMbPerSecond: 50,
  /** Assumed: a parallel Scan (4 segments) of the restored table. */
  scanMbPerSecond: 40,
} as const;

/** Stated shape of the data: the bench's item (608 bytes of DynamoDB JSON), 3 indexes, 1 MB media objects, gzip 16:1. */
export const SHAPE = { itemBytes: 608, indexes: 3, mediaObjectBytes: 1e6, gzipRatio: 16, lambdaGb: 1 } as const;

export interface Step {
  readonly step: string;
  /** The longest single invocation of ours in this step (seconds); 0 when AWS does the work. */
  readonly invocationSeconds: number;
  readonly usd: number;
  readonly note: string;
}

export function project(scale: Scale, measured: Measured): Step[] {
  const tableGb = (scale.items * SHAPE.itemBytes) / 1e9;
  const objects = scale.mediaBytes / SHAPE.mediaObjectBytes;
  const attributesSeconds = (objects / AWS.attributesInFlight) * AWS.attributesLatencySeconds;
  const gzMb = (tableGb * 1e3) / SHAPE.gzipRatio;
  const readAndDigest = gzMb / AWS.s3ReadMbPerSecond + scale.items / measured.digestItemsPerSecond;
  const lambda = (seconds: number) => seconds * SHAPE.lambdaGb * AWS.lambdaUsdPerGbSecond;
  const writes = scale.items * (1 + SHAPE.indexes);
  // DynamoDB Local's write rate says nothing about AWS's: the assumed rate of a new on-demand table instead.
  const portableWriteSeconds = scale.items / AWS.newTableWritesPerSecond;
  const scanSeconds = (tableGb * 1e3) / AWS.scanMbPerSecond;
  return [
    {
      step: 'backup: export (AWS) + media manifest from S3 checksums',
      invocationSeconds: attributesSeconds,
      usd: tableGb * AWS.exportUsdPerGb + (objects / 1e3) * AWS.s3GetUsdPerThousand + lambda(attributesSeconds),
      note: `${Math.round(objects).toLocaleString('en')} GetObjectAttributes, ${AWS.attributesInFlight} in flight`,
    },
    {
      step: 'backup: seal (every data file read, MD5, SHA-256, table digest), signed',
      invocationSeconds: readAndDigest,
      usd: lambda(readAndDigest),
      note: `${Math.round(gzMb)} MB gzipped at ${AWS.s3ReadMbPerSecond} MB/s + digest at ${Math.round(measured.digestItemsPerSecond).toLocaleString('en')} items/s`,
    },
    { step: 'weekly drill: verify without restoring (3 files, 5 media objects)', invocationSeconds: 5, usd: lambda(5), note: 'constant: a sample, whatever the size' },
    {
      step: 'monthly drill, portable: items written from one invocation',
      invocationSeconds: readAndDigest + portableWriteSeconds + scanSeconds + attributesSeconds,
      usd: (writes / 1e6) * AWS.writeUsdPerMillion + ((scale.items * 2) / 1e6) * AWS.readUsdPerMillion + lambda(LAMBDA_TIMEOUT_SECONDS),
      note: `verify files, ${Math.round(portableWriteSeconds)} s of writes at ≤ ${AWS.newTableWritesPerSecond}/s, scan ${Math.round(scanSeconds)} s, media checksums ${Math.round(attributesSeconds)} s`,
    },
    {
      step: 'monthly drill, ImportTable: items written by AWS, then checked',
      invocationSeconds: Math.max(readAndDigest, scanSeconds + attributesSeconds),
      usd: tableGb * AWS.importUsdPerGb + ((scale.items * 2) / 1e6) * AWS.readUsdPerMillion + lambda(readAndDigest + scanSeconds + attributesSeconds),
      note: 'the import in AWS, the file check and the table check each their own invocation',
    },
  ];
}

/**
 * A month of backups and drills: 52/12 weekly backups (export and seal), as many drills, one of them
 * the full restore (the default cadence): the portable path (what is built) while it fits one
 * invocation, else the ImportTable path (what 10× needs; not built yet). Backup storage not counted.
 */
export function monthlyUsd(steps: readonly Step[]): number {
  const per = (pattern: RegExp) => steps.find((s) => pattern.test(s.step))!;
  const weeks = 52 / 12;
  const portable = per(/portable/);
  const full = portable.invocationSeconds <= LAMBDA_TIMEOUT_SECONDS ? portable.usd : per(/ImportTable/).usd;
  return weeks * (per(/^backup: export/).usd + per(/^backup: seal/).usd) + (weeks - 1) * per(/^weekly drill/).usd + full;
}
