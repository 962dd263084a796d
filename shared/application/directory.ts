import { env } from '../config/env';
import { documentClient } from '../adapters/aws-clients';
import { AccountRepository } from '../adapters/dynamo/accounts';
import { UnitRepository } from '../adapters/dynamo/units';
import { WorkRepository } from '../adapters/dynamo/work';
import { MachineClientRepository } from '../adapters/dynamo/machine-clients';
import { AuditLog } from '../adapters/dynamo/audit-log';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { LocalIdentityProvider } from '../adapters/identity/local';
import { CognitoIdentityProvider } from '../adapters/identity/cognito';
import type { IdentityProvider } from './identity-provider';

/** The adapters of the directory (units, accounts, work, audit, identity), created once per process. */
let instances:
  | {
      units: UnitRepository;
      accounts: AccountRepository;
      machineClients: MachineClientRepository;
      work: WorkRepository;
      audit: AuditLog;
      uow: UnitOfWork;
      identity: IdentityProvider;
      localIdentity?: LocalIdentityProvider;
    }
  | undefined;

export function directory() {
  if (!instances) {
    const config = env();
    const client = documentClient();
    const localIdentity =
      config.IDENTITY_PROVIDER === 'local' ? new LocalIdentityProvider(client, config.TABLE_NAME, config.LOCAL_IDP_SECRET) : undefined;
    instances = {
      units: new UnitRepository(client, config.TABLE_NAME),
      accounts: new AccountRepository(client, config.TABLE_NAME),
      machineClients: new MachineClientRepository(client, config.TABLE_NAME),
      work: new WorkRepository(client, config.TABLE_NAME),
      audit: new AuditLog(client, config.TABLE_NAME),
      uow: new UnitOfWork(client, config.TABLE_NAME),
      identity: localIdentity ?? new CognitoIdentityProvider(config.USER_POOL_ID, config.USER_POOL_CLIENT_ID),
      ...(localIdentity ? { localIdentity } : {}),
    };
  }
  return instances;
}
