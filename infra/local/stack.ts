import { allRoutes } from '../../functions/routes';
import { allJobs, configuredSchedules } from '../../events/schedules';
import {
  createLocalResources,
  functionEnvironment,
  localClients,
  type LocalEndpoints,
  type LocalResources,
} from './resources';
import { startGateway, type Authorizer, type LocalGateway, type PublishedFileReader } from './gateway';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PUBLISHED_PREFIX } from '../../shared/domain/edge/published-files';
import { startQueuePollers, type QueuePollers } from './queue-pollers';
import { startScheduler, type LocalScheduler } from './scheduler';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { startBucketNotifier } from './bucket-notifier';
import { createLocalFunctions, type LocalFunctions } from './functions';
import { createServices, once, type CoreServices, type Services } from '../../shared/composition/services';
import type { IdentityProvider } from '../../shared/application/identity-provider';
import type { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import { parseEnv } from '../../shared/config/env';
import { createDynamoClients } from '../../shared/adapters/aws-clients';
import type { AskChallenge } from '../../shared/application/ask-challenge';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { localAuthorizer } from './identity-endpoints';
import { createLocalIdentity } from './identity-root';
import { createOAuthState } from './oauth-endpoints';
import { LocalEventBus } from './event-bus'; // the stand-in for EventBridge
import { localMail } from './mail-root'; // the outbox folder stands in for SES
import { localAskerKey, localAskerKeys } from './asker-keys-root'; // and for asker data keys: the stand-in for KMS
import { enforceTablePermissions } from './table-permissions';
import { BACKUP_SIGNING_KEY_FILE } from './backup-signing-root'; // and for the backup signing key
import {
  loadDeploymentConfig,
  mailSenderAddress,
  scheduleOverrides,
  type DeploymentConfig,
} from '../config/deployment';
import { DEFAULT_SCRYPT_N } from '../../shared/adapters/identity/passwords';

/**
 * The whole backend on local stand-ins, given running emulators: resources from the shared
 * definitions, the functions' environment, the HTTP gateway, queue pollers and (optionally)
 * the scheduler. `npm start` and the integration tests both build on this.
 */
/** The media bucket's published/ objects, as the distribution serves them (OAC, published/* only). */
function publishedFileReader(s3: S3Client, bucket: string): PublishedFileReader {
  return async (key) => {
    if (!key.startsWith(PUBLISHED_PREFIX) || key.includes('..')) return undefined;
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await out.Body!.transformToByteArray());
      const headers: Record<string, string> = {
        'content-length': String(body.length),
        'x-content-type-options': 'nosniff',
      };
      if (out.ContentType) headers['content-type'] = out.ContentType;
      if (out.ContentDisposition) headers['content-disposition'] = out.ContentDisposition;
      if (out.ETag) headers.etag = out.ETag;
      return { body, headers };
    } catch (error) {
      if (
        (error as { name?: string }).name === 'NoSuchKey' ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        return undefined;
      throw error;
    }
  };
}

export interface LocalStack {
  readonly endpoints: LocalEndpoints;
  readonly resources: LocalResources;
  readonly gateway: LocalGateway;
  /** Relays outbox events from the table's stream to the local event bus. */
  readonly outbox: StreamPoller;
  /** Where notification e-mails land, one `.eml` file each under a folder per day (SES on AWS). */
  readonly mailOutboxDir: string;
  /** The folder the operators' topic writes to locally (one JSON file per event). */
  readonly operatorsDir: string;
  /** The job-run ledger's metric lines (CloudWatch EMF, one JSON object a line). */
  readonly metricsFile: string;
  /** The stack's composition root: what its functions are wired to (shared/composition/services.ts). */
  readonly services: Services;
  /** The stack's stand-in for Cognito (local-only calls: temporary passwords of the demo accounts). */
  readonly localIdentity: () => LocalIdentityProvider;
  /** Runs one function as Lambda would, wired to `services`. */
  readonly invoke: LocalFunctions['invoke'];
  /** `at`: run as of that earlier instant (shared/jobs/job.ts). */
  runJob(job: string, options?: { at?: string }): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startLocalStack(options: {
  endpoints: LocalEndpoints;
  prefix: string;
  port?: number;
  scheduler?: boolean;
  retryDelaySeconds?: number;
  authorizer?: Authorizer;
  onJobError?: (job: string, error: unknown) => void;
  config?: DeploymentConfig;
  /** Signs local tokens; keep it across restarts so that tokens stay valid. */
  identitySecret?: string;
  /** Where the stream poller keeps its position across restarts (in memory when unset). */
  streamCheckpointFile?: string;
  /** scrypt cost of the stand-in's password hashes; the strong default unless a test asks for a cheap one. */
  scryptN?: number;
  /** The folder of sent e-mails; a temporary folder of this stack's prefix when unset. */
  mailOutboxDir?: string;
  /** Where events for the operators' topic are written (default: a folder per stack under the OS temp dir). */
  operatorsDir?: string;
  /** The backup signing key's PEM file (default: in a folder per stack under the OS temp dir; `npm start`: the data folder). */
  backupSigningKeyFile?: string;
  /** A built console to serve at /console/ (console/build/build.ts). */
  consoleDir?: string;
  /** The identity provider the stack's root wires; the local stand-in unless given (a test of the Cognito path). */
  identity?: (services: CoreServices) => IdentityProvider;
  /** A human check on asking (shared/application/ask-challenge.ts), as a province's root may wire one. */
  askChallenge?: AskChallenge;
}): Promise<LocalStack> {
  const { endpoints } = options;
  const resources = await createLocalResources(endpoints, options.prefix);
  const config = options.config ?? loadDeploymentConfig();
  const mailOutboxDir = options.mailOutboxDir ?? join(tmpdir(), `portal-mail-${options.prefix}`);
  const identitySecret = options.identitySecret ?? randomBytes(32).toString('base64url');
  Object.assign(process.env, functionEnvironment(endpoints, resources, config), {
    MAIL_TRANSPORT: 'outbox',
    MAIL_FROM: mailSenderAddress(config),
    MAIL_OUTBOX_DIR: mailOutboxDir,
    IDENTITY_PROVIDER: 'local',
    LOCAL_IDP_SECRET: identitySecret,
    LOCAL_IDP_SCRYPT_N: String(options.scryptN ?? DEFAULT_SCRYPT_N),
    LOCAL_OPERATORS_DIR: options.operatorsDir ?? join(tmpdir(), `portal-${options.prefix}`, 'operators'),
    // The job-run ledger's EMF metric lines (CloudWatch reads them from the logs on AWS).
    LOCAL_METRICS_FILE: join(
      options.operatorsDir ? dirname(options.operatorsDir) : join(tmpdir(), `portal-${options.prefix}`),
      'job-metrics.ndjson',
    ),
    // The edge consumer's invalidations (CloudFront on AWS): one JSON line per batch.
    LOCAL_INVALIDATIONS_FILE: join(
      options.operatorsDir ? dirname(options.operatorsDir) : join(tmpdir(), `portal-${options.prefix}`),
      'invalidations.ndjson',
    ),
    ASKER_KEYS: 'local',
    LOCAL_ASKER_KEY: localAskerKey(identitySecret),
    BACKUP_SIGNING: 'local',
    LOCAL_BACKUP_SIGNING_KEY_FILE:
      options.backupSigningKeyFile ?? join(tmpdir(), `portal-${options.prefix}`, BACKUP_SIGNING_KEY_FILE),
  });
  mkdirSync(dirname(process.env.LOCAL_METRICS_FILE!), { recursive: true });
  // The local runtime's composition root: one set of services, over this stack's own clients, for every
  // function of this stack (a test's middleware goes on `services.dynamo`).
  const functionConfig = parseEnv(process.env);
  const clients = createDynamoClients();
  // As IAM on AWS: each invoked function may touch only the partitions its manifest entry grants.
  enforceTablePermissions(clients.dynamo);
  const localIdentity = once(() => createLocalIdentity(functionConfig, clients.db));
  const services = createServices(functionConfig, {
    clients,
    identity: options.identity ?? localIdentity,
    mail: localMail,
    askerKeys: localAskerKeys,
    ...(options.askChallenge && { askChallenge: options.askChallenge }),
    events: (core) =>
      new LocalEventBus(localClients(endpoints).sqs, core.config.QUEUE_URLS, process.env.LOCAL_OPERATORS_DIR!),
  });
  const functions = createLocalFunctions(services);
  const { invoke } = functions;

  const gateway = await startGateway({
    routes: allRoutes,
    invoke,
    ...(options.port !== undefined ? { port: options.port } : {}),
    authorizer: options.authorizer ?? localAuthorizer(localIdentity),
    localAuth: createOAuthState(localIdentity),
    ...(options.consoleDir && { consoleDir: options.consoleDir }),
    publishedFiles: {
      prefix: PUBLISHED_PREFIX,
      read: publishedFileReader(localClients(endpoints).s3, resources.buckets.media),
    },
  });
  const outbox = await startStreamPoller({
    functions,
    endpoints,
    dynamodb: localClients(endpoints).dynamodb,
    tableName: resources.tableName,
    ...(options.streamCheckpointFile ? { checkpointFile: options.streamCheckpointFile } : {}),
    onError: (error) => console.error('outbox stream poller:', (error as Error).message),
  });
  const pollers: QueuePollers = startQueuePollers({
    invoke,
    sqs: localClients(endpoints).sqs,
    queueUrls: resources.queueUrls,
    region: endpoints.region,
    ...(options.retryDelaySeconds !== undefined ? { retryDelaySeconds: options.retryDelaySeconds } : {}),
  });

  // S3 → EventBridge → SQS for new uploads, which fauxqs does not notify.
  const notifier = startBucketNotifier({
    afterInvocations: functions.afterInvocations,
    s3: localClients(endpoints).s3,
    sqs: localClients(endpoints).sqs,
    resources,
    region: endpoints.region,
    onError: (error) => console.error('bucket notifier:', (error as Error).message),
  });

  const runJob = async (job: string, runOptions: { at?: string } = {}) => {
    const schedule = allJobs.find((s) => s.job === job);
    if (!schedule) throw new Error(`Unknown job "${job}"; known: ${allJobs.map((s) => s.job).join(', ')}`);
    return invoke(schedule.function, { trigger: 'manual', ...(runOptions.at !== undefined && { at: runOptions.at }) });
  };

  let scheduler: LocalScheduler | undefined;
  if (options.scheduler) {
    scheduler = startScheduler(configuredSchedules(scheduleOverrides(config)), async (schedule) => {
      try {
        await invoke(schedule.function, { trigger: 'schedule' });
      } catch (error) {
        options.onJobError?.(schedule.job, error);
      }
    });
  }

  return {
    endpoints,
    resources,
    gateway,
    outbox,
    services,
    localIdentity,
    invoke,
    mailOutboxDir,
    operatorsDir: process.env.LOCAL_OPERATORS_DIR!,
    metricsFile: process.env.LOCAL_METRICS_FILE!,
    runJob,
    async stop() {
      scheduler?.stop();
      await outbox.stop();
      await notifier.stop();
      await pollers.stop();
      await gateway.close();
    },
  };
}
