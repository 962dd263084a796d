import type { Context } from 'aws-lambda';
import { parseEnv } from '../config/env';
import { createServices, once, type ServiceOptions, type Services } from './services';

export type LambdaHandler<E = any, R = any> = (event: E, context: Context) => Promise<R>;

/** An entry point's handler, and how to wire it to services another root built (the local stack's). */
export type WiredHandler<E = any, R = any> = LambdaHandler<E, R> & {
  readonly wire: (services: Services) => LambdaHandler<E, R>;
};

/**
 * A Lambda entry point's composition root: on AWS the container's services are built from its
 * environment at the first invocation (cold start) and kept for the container's life; the local
 * stack calls `wire` with the services it built for itself instead.
 */
export function lambdaRoot<E, R>(
  wire: (services: Services) => LambdaHandler<E, R>,
  options: () => ServiceOptions = () => ({}),
): WiredHandler<E, R> {
  const wired = once(() => {
    return wire(createServices(parseEnv(process.env), options()));
  });
  const handler: LambdaHandler<E, R> = (event, context) => wired()(event, context);
  return Object.assign(handler, { wire });
}
