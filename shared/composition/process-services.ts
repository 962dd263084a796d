import { documentClient, dynamoClient } from '../adapters/aws-clients';
import { identity } from '../application/identity';
import { env } from '../config/env';
import { createServices, type Services } from './services';

/**
 * The bridge for code not yet wired by a composition root (docs/composition.md): one set of services
 * per process, from the process's environment, over the process's clients (which the local stack
 * shares), with whichever identity provider the entry point registered. It goes once every entry
 * point is a `lambdaRoot` (test/unit/composition-roots-own-all-state.test.ts lists what is left).
 */
let services: Services | undefined;

export const processServices = (): Services =>
  (services ??= createServices(env(), { clients: { dynamo: dynamoClient(), db: documentClient() }, identity: () => identity() }));
