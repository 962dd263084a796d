import { documentClient, dynamoClient } from '../adapters/aws-clients';
import { env } from '../config/env';
import { createServices, type Services } from './services';

/**
 * The bridge for code not yet wired by a composition root (docs/composition.md): one set of services
 * per process, from the process's environment, over the process's clients (which the local stack
 * shares), without an identity provider (every entry point that manages users is wired). It goes once every entry
 * point is a `lambdaRoot` (test/unit/composition-roots-own-all-state.test.ts lists what is left).
 */
let services: Services | undefined;

/**
 * A root's services become the bridge's too (lambdaRoot at cold start, the local stack at its start),
 * so that wired and not-yet-wired code of one runtime share one set: one client, one unit of work,
 * one calendar cache.
 */
export function adoptServices(root: Services): void {
  services = root;
}

export const processServices = (): Services =>
  (services ??= createServices(env(), { clients: { dynamo: dynamoClient(), db: documentClient() } }));
