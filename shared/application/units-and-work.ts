import { documentClient } from '../adapters/aws-clients';
import { UnitRepository } from '../adapters/dynamo/units';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { env } from '../config/env';

/**
 * The units and the unit of work, created once per process: what use cases need that look up a
 * portal and commit, without the whole directory() (accounts, machine clients, identity), which
 * would otherwise ride along in their functions' bundles (item creation, asking a question).
 */
let instances: { units: UnitRepository; uow: UnitOfWork } | undefined;
export const unitsAndWork = () =>
  (instances ??= { units: new UnitRepository(documentClient(), env().TABLE_NAME), uow: new UnitOfWork(documentClient(), env().TABLE_NAME) });
