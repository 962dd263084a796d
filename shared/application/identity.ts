import { env } from '../config/env';
import type { IdentityProvider } from './identity-provider';

/**
 * The identity provider, chosen by each runtime's composition root rather than imported here:
 * AWS entry points that manage users register Cognito's adapter, the local stack registers its
 * stand-in. So a bundle carries only the adapter its function can use, and functions that never
 * touch identities carry neither (nor the Cognito SDK).
 */
type Kind = 'cognito' | 'local';

const factories = new Map<Kind, () => IdentityProvider>();
let instance: IdentityProvider | undefined;

export function registerIdentityProvider(kind: Kind, factory: () => IdentityProvider): void {
  factories.set(kind, factory);
}

export function identity(): IdentityProvider {
  if (!instance) {
    const kind = env().IDENTITY_PROVIDER;
    const factory = factories.get(kind);
    if (!factory) throw new Error(`No ${kind} identity provider registered in this function (see its entry file)`);
    instance = factory();
  }
  return instance;
}
