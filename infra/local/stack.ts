import { allRoutes } from '../../functions/routes';
import { allJobs, schedules } from '../../events/schedules';
import { createLocalResources, functionEnvironment, localClients, type LocalEndpoints, type LocalResources } from './resources';
import { startGateway, type Authorizer, type LocalGateway } from './gateway';
import { startQueuePollers, type QueuePollers } from './queue-pollers';
import { startScheduler, type LocalScheduler } from './scheduler';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { startBucketNotifier } from './bucket-notifier';
import { invoke } from './functions';
import { randomBytes } from 'node:crypto';
import { localAuthorizer } from './identity-endpoints';
import './event-bus'; // the local composition root for events: the stand-in for EventBridge
import { localAskerKey } from './asker-keys-root'; // and for asker data keys: the stand-in for KMS
import { enforceTablePermissions } from './table-permissions';
import { loadDeploymentConfig, type DeploymentConfig } from '../config/deployment';
import { DEFAULT_SCRYPT_N } from '../../shared/adapters/identity/passwords';

/**
 * The whole backend on local stand-ins, given running emulators: resources from the shared
 * definitions, the functions' environment, the HTTP gateway, queue pollers and (optionally)
 * the scheduler. `npm start` and the integration tests both build on this.
 */
export interface LocalStack {
  readonly endpoints: LocalEndpoints;
  readonly resources: LocalResources;
  readonly gateway: LocalGateway;
  /** Relays outbox events from the table's stream to the local event bus. */
  readonly outbox: StreamPoller;
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
}): Promise<LocalStack> {
  const { endpoints } = options;
  const resources = await createLocalResources(endpoints, options.prefix);
  const identitySecret = options.identitySecret ?? randomBytes(32).toString('base64url');
  Object.assign(process.env, functionEnvironment(endpoints, resources, options.config ?? loadDeploymentConfig()), {
    IDENTITY_PROVIDER: 'local',
    LOCAL_IDP_SECRET: identitySecret,
    LOCAL_IDP_SCRYPT_N: String(options.scryptN ?? DEFAULT_SCRYPT_N),
    ASKER_KEYS: 'local',
    LOCAL_ASKER_KEY: localAskerKey(identitySecret),
  });
  // As IAM on AWS: each invoked function may touch only the partitions its manifest entry grants.
  enforceTablePermissions();

  const gateway = await startGateway({
    routes: allRoutes,
    ...(options.port !== undefined ? { port: options.port } : {}),
    authorizer: options.authorizer ?? localAuthorizer,
    localAuth: true,
  });
  const outbox = await startStreamPoller({
    endpoints,
    dynamodb: localClients(endpoints).dynamodb,
    tableName: resources.tableName,
    ...(options.streamCheckpointFile ? { checkpointFile: options.streamCheckpointFile } : {}),
    onError: (error) => console.error('outbox stream poller:', (error as Error).message),
  });
  const pollers: QueuePollers = startQueuePollers({
    sqs: localClients(endpoints).sqs,
    queueUrls: resources.queueUrls,
    region: endpoints.region,
    ...(options.retryDelaySeconds !== undefined ? { retryDelaySeconds: options.retryDelaySeconds } : {}),
  });

  // S3 → EventBridge → SQS for new uploads, which fauxqs does not notify.
  const notifier = startBucketNotifier({
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
    scheduler = startScheduler(schedules, async (schedule) => {
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
