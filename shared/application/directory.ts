import { processServices } from '../composition/process-services';

/**
 * The directory's adapters (units, accounts, work, audit, the unit of work, identity) for code not
 * yet wired by a composition root; wired code takes them as `services` (shared/composition/services.ts).
 */
export const directory = processServices;
