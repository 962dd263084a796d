import { env } from '../config/env';
import { documentClient } from '../adapters/aws-clients';
import { AccountRepository } from '../adapters/dynamo/accounts';
import { UnitRepository } from '../adapters/dynamo/units';
import { WorkRepository } from '../adapters/dynamo/work';
import { MachineClientRepository } from '../adapters/dynamo/machine-clients';
import { AuditLog } from '../adapters/dynamo/audit-log';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import type { IdentityProvider } from './identity-provider';
import { identity } from './identity';

/**
 * The adapters of the directory (units, accounts, work, audit), created once per process; `identity`
 * is whichever provider the function's composition root registered (shared/application/identity.ts).
 */
let instances:
  | {
      units: UnitRepository;
      accounts: AccountRepository;
      machineClients: MachineClientRepository;
      work: WorkRepository;
      audit: AuditLog;
      uow: UnitOfWork;
      readonly identity: IdentityProvider;
    }
  | undefined;

export function directory() {
  if (!instances) {
    const config = env();
    const client = documentClient();
    instances = {
      units: new UnitRepository(client, config.TABLE_NAME),
      accounts: new AccountRepository(client, config.TABLE_NAME),
      machineClients: new MachineClientRepository(client, config.TABLE_NAME),
      work: new WorkRepository(client, config.TABLE_NAME),
      audit: new AuditLog(client, config.TABLE_NAME),
      uow: new UnitOfWork(client, config.TABLE_NAME),
      get identity() {
        return identity();
      },
    };
  }
  return instances;
}
