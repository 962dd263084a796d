import type { AskerKeys } from '../adapters/crypto/asker-envelope';
import { env } from '../config/env';

/**
 * Which provider wraps the asker data keys: KMS on AWS (registered by the entry points that need
 * it, shared/adapters/kms/asker-keys.ts), the local key on the local stack (infra/local/asker-keys-root.ts).
 * `ASKER_KEYS` chooses; an entry that registered none fails naming it.
 */
type Provider = 'kms' | 'local';
const factories: Partial<Record<Provider, () => AskerKeys>> = {};

export function registerAskerKeys(provider: Provider, factory: () => AskerKeys): void {
  factories[provider] = factory;
}

export function askerKeys(): AskerKeys {
  const factory = factories[env().ASKER_KEYS];
  if (!factory) throw new Error(`No asker key provider "${env().ASKER_KEYS}" is registered in this entry point`);
  return factory();
}
