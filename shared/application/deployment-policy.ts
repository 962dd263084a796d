import { effectivePolicy } from '../domain/policies';
import type { Env } from '../config/env';

/** The deadline policy in force: the deployment's preset with its overrides (from the root's configuration). */
export const deploymentPolicy = (config: Pick<Env, 'POLICY_PRESET' | 'POLICY_OVERRIDES'>) =>
  effectivePolicy(config.POLICY_PRESET, config.POLICY_OVERRIDES);
