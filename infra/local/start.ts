import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startEmulators } from './emulators';
import { startLocalStack } from './stack';
import { localBackupSigningKeyFile } from './backup-signing-root';
import { schedules } from '../../events/schedules';
import { loadDeploymentConfig } from '../config/deployment';
import { DEMO_PASSWORDS_FILE, demoPasswordLines, startDemo } from './demo-data';
import { buildConsole } from '../../console/build/build';

/**
 * `npm start`: the whole backend on this machine. Data lives in .local/ (git-ignored) and
 * survives restarts; Ctrl-C stops everything.
 */
const started = performance.now();
const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(root, process.env.LOCAL_DATA_DIR ?? '.local');
const port = Number(process.env.PORT ?? 3000);
const config = loadDeploymentConfig();
const region = config.region;

mkdirSync(dataDir, { recursive: true });
process.env.LOG_LEVEL ??= 'WARN';
const emulators = await startEmulators({
  dataDir,
  region,
  dynamodbPort: Number(process.env.DYNAMODB_PORT ?? 8000),
  s3sqsPort: Number(process.env.S3SQS_PORT ?? 4566),
});
const endpoints = { dynamodb: emulators.dynamodbEndpoint, s3sqs: emulators.s3sqsEndpoint, region };
// Kept across restarts, so that tokens issued before a restart stay valid.
const secretFile = resolve(dataDir, 'identity-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const identitySecret = readFileSync(secretFile, 'utf8').trim();
// The console, built afresh on every start (esbuild: well under a second), served at /console/.
const consoleBuild = await buildConsole();
const stack = await startLocalStack({
  consoleDir: consoleBuild.outDir,
  identitySecret,
  endpoints,
  prefix: `local-${config.province.code}`,
  port,
  scheduler: true,
  config,
  streamCheckpointFile: resolve(dataDir, 'stream-checkpoint.json'),
  mailOutboxDir: resolve(dataDir, 'outbox'),
  backupSigningKeyFile: localBackupSigningKeyFile(dataDir),
  operatorsDir: resolve(dataDir, 'operators'),
  onJobError: (job, error) => console.error(`job ${job} failed:`, (error as Error).message),
});

// run-job.ts reads this to reach the running stack.
const stateFile = resolve(dataDir, 'stack.json');
writeFileSync(
  stateFile,
  JSON.stringify({ endpoints, resources: stack.resources, api: stack.gateway.url, identitySecret }, null, 2),
  { mode: 0o600 },
);
const demo = await startDemo(stack.services, stack.localIdentity(), dataDir, config).catch((error: Error) => {
  console.error(`The demo data could not be completed: ${error.message}
The demo accounts created so far and their temporary passwords are in ${resolve(dataDir, DEMO_PASSWORDS_FILE)}; the next npm start finishes the rest.`);
  throw error;
});
// /health reports the buckets and queues as the dependency-check job last found them: check once now
// rather than 15 minutes from now (on AWS the first scheduled run does this).
await stack
  .runJob('dependency-check')
  .catch((error: Error) => console.error('dependency-check failed:', error.message));

const readyMs = Math.round(performance.now() - started);
console.log(`
Cổng TTĐT ${config.province.name} — local stack ready in ${readyMs} ms

  API            ${stack.gateway.url}
  Health         ${stack.gateway.url}/health
  OpenAPI        ${stack.gateway.url}/openapi.json
  DynamoDB Local ${endpoints.dynamodb}   table ${stack.resources.tableName}
  S3 + SQS       ${endpoints.s3sqs}   buckets ${Object.values(stack.resources.buckets).join(', ')}
  Schedules      ${schedules.map((s) => `${s.job} ${s.expression}`).join('; ')}
  Run a job now  npm run job -- <name>
  Data           ${dataDir} (npm run reset starts afresh)
  E-mail outbox  ${stack.mailOutboxDir}/<date>/<id>.eml (notifications; SES on AWS)
  Console        ${stack.gateway.url}/console/ (sign in with a demo account below)
  Sign in        POST ${stack.gateway.url}/local-auth/sign-in {"username","password"}
${demoPasswordLines(demo)}
Ctrl-C stops everything.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await stack.stop();
  await emulators.stop();
  rmSync(stateFile, { force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
