import type { AskerKeys } from '../adapters/crypto/asker-envelope';
import { processServices } from '../composition/process-services';

/**
 * Which provider wraps the asker data keys is the composition root's choice (`services.askerKeys`:
 * KMS in the roots of the question and notification functions, the local key on the local stack).
 * This is the bridge for code not yet wired by a root.
 */
export const askerKeys = (): AskerKeys => processServices().askerKeys;
