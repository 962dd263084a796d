import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { allRoutes } from '../../functions/routes';
import type { Capacity } from './capacity';

/** Lambda refuses a reservation that leaves fewer unreserved executions than this in the account. */
export const MIN_UNRESERVED_CONCURRENCY = 100;

/** The HTTP functions that serve signed-in routes: the staff's, reserved apart from public traffic. */
export const staffFunctions = (): FunctionKey[] => [
  ...new Set(allRoutes.filter((r) => r.auth === 'signed-in').map((r) => r.function)),
];

/** The Cognito triggers (sign-in). */
export const signInFunctions = (): FunctionKey[] =>
  (Object.keys(functionDefinitions) as FunctionKey[]).filter((k) => functionDefinitions[k].kind === 'cognito-trigger');

/** Reserved concurrency by function, or an error naming what to change when the account cannot hold it. */
export function reservedConcurrency(capacity: Capacity): Map<FunctionKey, number> {
  const plan = new Map<FunctionKey, number>([
    ...signInFunctions().map((k) => [k, capacity.reserved.signIn] as const),
    ...staffFunctions().map((k) => [k, capacity.reserved.staffFunction] as const),
  ]);
  const total = [...plan.values()].reduce((a, b) => a + b, 0);
  const left = capacity.accountConcurrency - total;
  if (left < MIN_UNRESERVED_CONCURRENCY) {
    throw new Error(
      `capacity: reserving ${total} concurrent executions (${signInFunctions().length} sign-in × ${capacity.reserved.signIn}, ` +
        `${staffFunctions().length} staff functions × ${capacity.reserved.staffFunction}) of accountConcurrency ${capacity.accountConcurrency} ` +
        `leaves ${left} unreserved; Lambda needs at least ${MIN_UNRESERVED_CONCURRENCY}. Lower capacity.reserved, or raise the account's quota and capacity.accountConcurrency.`,
    );
  }
  return plan;
}
