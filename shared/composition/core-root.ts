import { parseEnv, type Env } from '../config/env';
import { createDynamoClients } from '../adapters/aws-clients';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import type { CoreServices, ServiceOptions } from './services';
import type { LambdaHandler, WiredHandler } from './lambda';
import { once } from './once';

/** The configuration, the DynamoDB clients and the unit of work: what every root builds, without the repositories. */
export function createCoreServices(
  config: Env,
  clients: ServiceOptions['clients'] = createDynamoClients(),
): CoreServices {
  const { dynamo, db } = clients;
  return { config, dynamo, db, table: config.TABLE_NAME, uow: new UnitOfWork(db, config.TABLE_NAME) };
}

/**
 * The composition root of an entry point that must stay lean (health, the backup jobs, the Cognito
 * trigger): like `lambdaRoot`, but its container builds only the core services, so its bundle carries
 * none of the table repositories. The local stack wires it to its full services (a superset).
 */
export function coreRoot<E, R>(wire: (services: CoreServices) => LambdaHandler<E, R>): WiredHandler<E, R> {
  const wired = once(() => wire(createCoreServices(parseEnv(process.env))));
  const handler: LambdaHandler<E, R> = (event, context) => wired()(event, context);
  return Object.assign(handler, { wire });
}
