import * as z from 'zod/mini';

/**
 * Issue 19 #6: public and staff traffic get separate API limits, and sign-in (the Cognito trigger)
 * and the staff functions keep Lambda concurrency a public burst cannot take. API Gateway applies
 * a stage's throttle to each method on its own: public methods get `publicApi`, signed-in methods
 * `staffApi`. Reserved concurrency is taken from the account's regional quota, of which Lambda
 * keeps at least 100 unreserved: `accountConcurrency` states what this deployment may use, and a
 * plan that would leave less than 100 stops the synth (capacity-plan.ts).
 */
const throttle = z.object({
  rateLimit: z.int().check(z.gte(1), z.lte(10_000)),
  burstLimit: z.int().check(z.gte(1), z.lte(5_000)),
});

export const capacitySchema = z.object({
  /** The account's concurrent executions quota in the region (1,000 unless raised; new accounts may have less). */
  accountConcurrency: z._default(z.int().check(z.gte(100)), 1000),
  /** Per public method (requests per second, burst). */
  publicApi: z._default(throttle, { rateLimit: 100, burstLimit: 200 }),
  /** Per signed-in method. */
  staffApi: z._default(throttle, { rateLimit: 50, burstLimit: 100 }),
  /** Concurrent executions reserved for the sign-in trigger, and for each staff (signed-in) function. */
  reserved: z._default(z.object({ signIn: z.int().check(z.gte(1)), staffFunction: z.int().check(z.gte(1)) }), {
    signIn: 10,
    staffFunction: 5,
  }),
});

export type Capacity = z.infer<typeof capacitySchema>;
