/**
 * Bundle size and cold import time of every function, bundled as CDK bundles it, against a floor
 * bundle holding only the DynamoDB client, measured in the same run (paired, interleaved rounds)
 * so that machine load affects both alike. Prints figures; asserts nothing.
 *
 * Two floors: the SDK's own (default bundling, the whole credential chain) is the yardstick the
 * targets are set against; the house floor gets our bundling too (credentials from the
 * environment only), to show what the rest of a function costs beyond the client.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { functionDefinitions } from '../../functions/manifest';
import { bundleOptions } from '../../infra/constructs/bundling';
import { configEnvironment, loadDeploymentConfig, mailSenderAddress } from '../../infra/config/deployment';

const root = resolve(import.meta.dirname, '../..');

export interface BundleFigure {
  readonly name: string;
  /** `http`, `job`…; undefined for the floors. */
  readonly kind?: string;
  /** Granted no AWS service at all in the manifest (no table, bucket, queue, bus, pool, key or mail). */
  readonly noAws?: boolean;
  readonly kib: number;
  readonly importMs: number;
  readonly ratio: number;
  /** Against the house floor (same bundling as the functions). */
  readonly houseRatio: number;
}

async function bundle(entry: string, outfile: string, options = bundleOptions): Promise<number> {
  const out = await build({
    ...options,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
    nodePaths: [resolve(root, 'node_modules')],
  });
  return Object.entries(out.metafile.outputs)
    .filter(([file]) => file.endsWith('.mjs'))
    .reduce((sum, [, o]) => sum + o.bytes, 0);
}

/** Enough environment for a handler module to load: the deployment config's, plus resource names never called. */
const fakeEnv = {
  ...configEnvironment(loadDeploymentConfig()),
  TABLE_NAME: 'bench',
  MEDIA_BUCKET: 'bench',
  BACKUP_BUCKET: 'bench',
  EVENT_BUS_NAME: 'bench',
  QUEUE_URLS: '{}',
  USER_POOL_ID: 'ap-southeast-1_bench',
  USER_POOL_CLIENT_ID: 'bench',
  AWS_REGION: 'ap-southeast-1',
  LOG_LEVEL: 'SILENT',
};

/** What CDK adds for some functions (infra/constructs/portal-function.ts), with stand-in values. */
const envOf = (def?: (typeof functionDefinitions)[keyof typeof functionDefinitions]): Record<string, string> => {
  const d = def as { sendsMail?: boolean; askerKey?: string; exportsTable?: unknown } | undefined;
  return {
    ...fakeEnv,
    ...(d?.sendsMail ? { MAIL_TRANSPORT: 'ses', MAIL_FROM: mailSenderAddress(loadDeploymentConfig()) } : {}),
    ...(d?.askerKey ? { ASKER_KEYS: 'kms', ASKER_KEY_ID: 'arn:aws:kms:ap-southeast-1:000000000000:key/bench' } : {}),
    ...(d?.exportsTable
      ? { EXPORT_MODE: 'aws', TABLE_ARN: 'arn:aws:dynamodb:ap-southeast-1:000000000000:table/bench' }
      : {}),
  };
};

function importMs(file: string, env: Record<string, string>): number {
  const script = 'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);';
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script, file], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n').pop());
}

/** Manifest fields that are not grants: a definition with nothing else touches no AWS service. */
const NOT_GRANTS = new Set(['entry', 'kind', 'description', 'memoryMb', 'timeoutSeconds']);
const touchesNoAws = (def: object) => Object.keys(def).every((k) => NOT_GRANTS.has(k));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureBundles(rounds = 9): Promise<BundleFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const floorEntry = join(dir, 'floor-entry.mjs');
    writeFileSync(
      floorEntry,
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\nexport const handler = async () => client.config.region;\n",
    );
    const targets = [
      {
        name: 'floor (DynamoDB client only, SDK bundling)',
        entry: floorEntry,
        file: 'floor',
        options: { ...bundleOptions, alias: {} },
      },
      { name: 'house floor (DynamoDB client only)', entry: floorEntry, file: 'house-floor', options: bundleOptions },
      ...Object.entries(functionDefinitions).map(([name, def]) => ({
        name,
        entry: resolve(root, def.entry),
        file: name,
        options: bundleOptions,
        env: envOf(def),
      })),
    ];
    const built = [];
    for (const t of targets) {
      const outfile = join(dir, `${t.file}.mjs`);
      built.push({ ...t, outfile, bytes: await bundle(t.entry, outfile, t.options) });
    }
    const samples = new Map<string, number[]>(built.map((b) => [b.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const b of round % 2 ? [...built].reverse() : built)
        samples.get(b.name)!.push(importMs(b.outfile, 'env' in b ? b.env : envOf()));
    }
    const floor = median(samples.get(built[0]!.name)!);
    const houseFloor = median(samples.get(built[1]!.name)!);
    return built.map((b) => {
      const ms = median(samples.get(b.name)!);
      const def = (functionDefinitions as Record<string, object & { kind: string }>)[b.name];
      return {
        name: b.name,
        kind: def?.kind,
        noAws: def ? touchesNoAws(def) : undefined,
        kib: b.bytes / 1024,
        importMs: ms,
        ratio: ms / floor,
        houseRatio: ms / houseFloor,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
