import type { queueDefinitions, QueueKey } from '../infra/definitions/queues';
import { accountsFunctions } from './accounts/functions';
import { auditFunctions } from './audit/functions';
import { calendarFunctions } from './calendar/functions';
import { contentFunctions } from './content/functions';
import { incidentsFunctions } from './incidents/functions';
import { operationsFunctions } from './operations/functions';
import { participationFunctions } from './participation/functions';
import { questionsFunctions } from './questions/functions';
import { reportsFunctions } from './reports/functions';
import { unitsFunctions } from './units/functions';
import { uploadsFunctions } from './uploads/functions';

export type {
  Access,
  TableItemAccess,
  ObjectAccess,
  IdentityAdminAction,
  FunctionDefinition,
} from './function-definition';
import type { FunctionDefinition } from './function-definition';

/**
 * Every Lambda function: its entry file and the least privilege it needs. CDK builds one
 * NodejsFunction per entry and grants exactly this; the local stack imports the same entries.
 * Each area keeps its functions' definitions in `functions/<area>/functions.ts` (the grants
 * several share in `functions/grants.ts`) and adds them here with one spread line.
 */
export const functionDefinitions = {
  ...operationsFunctions,
  ...calendarFunctions,
  ...unitsFunctions,
  ...accountsFunctions,
  ...auditFunctions,
  ...contentFunctions,
  ...uploadsFunctions,
  ...questionsFunctions,
  ...incidentsFunctions,
  ...reportsFunctions,
  ...participationFunctions,
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionKey = keyof typeof functionDefinitions;

/** The keys of functions of one kind: schedules name job functions, queues consumer functions. */
export type FunctionKeyOfKind<K extends FunctionDefinition['kind']> = {
  [F in FunctionKey]: (typeof functionDefinitions)[F]['kind'] extends K ? F : never;
}[FunctionKey];

/** Every queue's consumer is a consumer function here: a typo fails to compile, not at synth. */
type Assert<T extends true> = T;
export type QueueConsumersAreConsumerFunctions = Assert<
  (typeof queueDefinitions)[QueueKey]['consumer'] extends FunctionKeyOfKind<'consumer'> ? true : false
>;
