import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { functionEnvironment, type LocalEndpoints, type LocalResources } from './resources';
import { createLocalFunctions } from './functions';
import { createServices } from '../../shared/composition/services';
import { parseEnv } from '../../shared/config/env';
import { createLocalIdentity } from './identity-root';
import { localMail } from './mail-root';
import { localAskerKey, localAskerKeys } from './asker-keys-root'; // jobs that read asker data (notifications) get the local key
import { localBackupSigningKeyFile } from './backup-signing-root'; // the backup writer signs with the local key
import { loadDeploymentConfig } from '../config/deployment';
import { allJobs } from '../../events/schedules';

/**
 * `npm run job -- NAME [--at ISO]`: runs one scheduled job now, against the running `npm start`
 * stack; `--at` runs it as of an earlier instant (never a later one: shared/jobs/job.ts).
 */
const name = process.argv[2];
const atFlag = process.argv.indexOf('--at');
const at = atFlag > 0 ? process.argv[atFlag + 1] : undefined;
if (atFlag > 0 && !at) {
  console.error('usage: npm run job -- <name> --at <ISO 8601 instant>');
  process.exit(2);
}
const known = allJobs.map((s) => s.job);
const schedule = allJobs.find((s) => s.job === name);
if (!schedule) {
  console.error(`usage: npm run job -- <${known.join('|')}> [--at ISO]`);
  process.exit(2);
}
const stateFile = resolve(import.meta.dirname, '../..', process.env.LOCAL_DATA_DIR ?? '.local', 'stack.json');
if (!existsSync(stateFile)) {
  console.error('The local stack is not running: start it with `npm start` first.');
  process.exit(2);
}
const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
  endpoints: LocalEndpoints;
  resources: LocalResources;
  identitySecret: string;
};
Object.assign(process.env, functionEnvironment(state.endpoints, state.resources, loadDeploymentConfig()), {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
  IDENTITY_PROVIDER: 'local',
  LOCAL_IDP_SECRET: state.identitySecret,
  ASKER_KEYS: 'local',
  LOCAL_ASKER_KEY: localAskerKey(state.identitySecret),
  BACKUP_SIGNING: 'local',
  LOCAL_BACKUP_SIGNING_KEY_FILE: localBackupSigningKeyFile(resolve(stateFile, '..')),
});
try {
  // This command's composition root: the running stack's table and the local stand-ins.
  const { invoke } = createLocalFunctions(
    createServices(parseEnv(process.env), {
      identity: (core) => createLocalIdentity(core.config, core.db),
      mail: localMail,
      askerKeys: localAskerKeys,
    }),
  );
  const result = await invoke(schedule.function, { trigger: 'manual', ...(at !== undefined && { at }) });
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(`job ${name} failed: ${(error as Error).message}`);
  process.exit(1);
}
