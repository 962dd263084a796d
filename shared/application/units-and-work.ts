import { processServices } from '../composition/process-services';

/** The units and the unit of work for code not yet wired by a composition root (see directory.ts). */
export const unitsAndWork = processServices;
