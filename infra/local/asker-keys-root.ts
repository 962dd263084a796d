import { createHash } from 'node:crypto';
import { registerAskerKeys } from '../../shared/application/asker-keys';
import { LocalAskerKeys } from '../../shared/adapters/crypto/asker-envelope';
import { env } from '../../shared/config/env';

/**
 * The local composition root of asker data keys: the stand-in for KMS, its key from the local
 * stack's state (derived from the identity secret kept across restarts, so data sealed before a
 * restart still opens). Importing this module registers it; AWS bundles never do.
 */
let local: LocalAskerKeys | undefined;

/** The local key, derived from the local stack's identity secret (never used on AWS). */
export const localAskerKey = (identitySecret: string): string => createHash('sha256').update(`local-asker-key\n${identitySecret}`, 'utf8').digest('base64url');

registerAskerKeys('local', () => (local ??= new LocalAskerKeys(env().LOCAL_ASKER_KEY)));
