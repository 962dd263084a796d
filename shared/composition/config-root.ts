import { parseEnv, type Env } from '../config/env';
import type { LambdaHandler, WiredHandler } from './lambda';
import { once } from './once';

/**
 * The composition root of an entry point that calls no AWS service and reads only its configuration
 * (the deadline policies): its container parses the environment once, and its bundle carries no SDK
 * (lambda-bundle.test.ts); the local stack wires it to its services' configuration.
 */
export function configRoot<E, R>(
  wire: (services: { readonly config: Env }) => LambdaHandler<E, R>,
): WiredHandler<E, R> {
  const wired = once(() => wire({ config: parseEnv(process.env) }));
  const handler: LambdaHandler<E, R> = (event, context) => wired()(event, context);
  return Object.assign(handler, { wire });
}
