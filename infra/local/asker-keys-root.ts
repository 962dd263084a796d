import { createHash } from 'node:crypto';
import { LocalAskerKeys } from '../../shared/adapters/crypto/asker-envelope';
import type { CoreServices } from '../../shared/composition/services';

/**
 * The local composition root of asker data keys: the stand-in for KMS, its key from the local
 * stack's state (derived from the identity secret kept across restarts, so data sealed before a
 * restart still opens). The stack wires it into its services; AWS bundles never import it.
 */
export const localAskerKeys = (core: CoreServices) => new LocalAskerKeys(core.config.LOCAL_ASKER_KEY);

/** The local key, derived from the local stack's identity secret (never used on AWS). */
export const localAskerKey = (identitySecret: string): string =>
  createHash('sha256').update(`local-asker-key\n${identitySecret}`, 'utf8').digest('base64url');
