import * as z from 'zod/mini';
import enLocale from 'zod/v4/locales/en.js';
import { presetIds } from '../domain/policies/presets';

/**
 * Runtime configuration of every function, parsed once at cold start. A missing or malformed
 * variable stops the function before it serves anything, with the variable named. The province's
 * own settings (infra/config/deployment.ts `configEnvironment`) have no defaults here: a function
 * deployed without them must fail, not serve a demo province.
 */
// Messages of a bad environment are for operators: in English (zod/mini ships without a locale).
z.config(enLocale());

/** A JSON value in one variable, checked by `schema`; `what` says what it must be. */
const jsonVariable = <S extends z.core.$ZodType>(schema: S, what: string) =>
  z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
      try {
        return z.parse(schema, JSON.parse(raw));
      } catch {
        ctx.issues.push({ code: 'custom', message: `must be ${what}`, input: raw });
        return z.NEVER;
      }
    }),
  );

const required = () => z.string().check(z.minLength(1));

const envSchema = z.object({
  TABLE_NAME: required(),
  MEDIA_BUCKET: required(),
  BACKUP_BUCKET: required(),
  EVENT_BUS_NAME: required(),
  QUEUE_URLS: jsonVariable(z.record(z.string(), z.url()), 'a JSON object of queue key → queue URL'),
  /** `local` routes events in process to SQS by events/rules.ts; on AWS EventBridge does it. */
  EVENT_TRANSPORT: z._default(z.enum(['eventbridge', 'local']), 'eventbridge'),
  CORS_ALLOWED_ORIGINS: required(),
  IDEMPOTENCY_TTL_SECONDS: z._default(z.coerce.number().check(z.int(), z.gte(60), z.lte(7 * 86400)), 86400),
  PROVINCE_CODE: required(),
  PROVINCE_DOMAIN: required(),
  PROVINCE_NAME: required(),
  PROVINCE_NAME_EN: required(),
  /** Language versions of the provincial portal, comma-separated, e.g. `vi,en,zh` (QN 2). */
  PROVINCE_LANGUAGES: z.pipe(
    z.pipe(
      z.string(),
      z.transform((raw: string) => raw.split(',').map((l) => l.trim())),
    ),
    z.array(z.enum(['vi', 'en', 'zh'])).check(z.refine((l) => l.includes('vi'), 'must include vi')),
  ),
  /** Receives the first operator's temporary password (bootstrap-directory). */
  OPERATOR_EMAIL: z.email(),
  POLICY_PRESET: z.enum(presetIds as [string, ...string[]], {
    error: (issue) => `unknown policy preset ${JSON.stringify(issue.input)}; known presets: ${presetIds.join(', ')}`,
  }),
  POLICY_OVERRIDES: z._default(
    jsonVariable(
      z.record(z.string(), z.object({ value: z.number(), basis: z.string() })),
      'a JSON object of rule → { value, basis }',
    ),
    {},
  ),
  /** Royalty rates (issue 27 §5, QN 12.2): an amount per published item by category; zero when unset. */
  ROYALTY_RATES: z.optional(
    jsonVariable(
      z.object({
        currency: z.string(),
        perItem: z.record(z.string(), z.number().check(z.gte(0))),
        default: z.number().check(z.gte(0)),
        basis: z.string(),
      }),
      'a JSON object { currency, perItem, default, basis }',
    ),
  ),
  /** The deployment's own schedule expressions by job (backup and drill), over events/schedules.ts's defaults. */
  SCHEDULE_OVERRIDES: z._default(
    jsonVariable(z.record(z.string(), z.string()), 'a JSON object of job → schedule expression'),
    {},
  ),
  /** `cognito` on AWS; `local` on the local stack (shared/adapters/identity/local.ts). */
  IDENTITY_PROVIDER: z._default(z.enum(['cognito', 'local']), 'cognito'),
  USER_POOL_ID: z._default(z.string(), ''),
  USER_POOL_CLIENT_ID: z._default(z.string(), ''),
  /** Signs local tokens; only with IDENTITY_PROVIDER=local. */
  LOCAL_IDP_SECRET: z._default(z.string(), ''),
  /** Who wraps the asker data keys: `kms` on AWS (ASKER_KEY_ID), `local` on the local stack (LOCAL_ASKER_KEY). */
  ASKER_KEYS: z._default(z.enum(['kms', 'local']), 'kms'),
  ASKER_KEY_ID: z._default(z.string(), ''),
  LOCAL_ASKER_KEY: z._default(z.string(), ''),
  WORKING_HOURS: z.pipe(
    z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/)),
    z.transform((raw: string) => {
      const [start, end] = raw.split('-').map((t) => {
        const [h, m] = t.split(':').map(Number);
        return h! * 60 + m!;
      });
      return { start: start!, end: end! };
    }),
  ),
});

export type Env = z.infer<typeof envSchema>;

const identityProviderConfigured = (e: Env) =>
  e.IDENTITY_PROVIDER === 'local'
    ? e.LOCAL_IDP_SECRET.length >= 32
    : e.USER_POOL_ID !== '' && e.USER_POOL_CLIENT_ID !== '';

/** Parses a function's configuration from `source` (its environment); throws naming every bad variable. */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const parsed = z.safeParse(envSchema, source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${names}`);
  }
  if (!identityProviderConfigured(parsed.data)) {
    throw new Error(
      'Invalid environment: IDENTITY_PROVIDER=cognito needs USER_POOL_ID and USER_POOL_CLIENT_ID; local needs LOCAL_IDP_SECRET (32+ characters)',
    );
  }
  return parsed.data;
}

/** The process's configuration, parsed now: for roots and scripts; code wired by a root reads `services.config`. */
export function env(): Env {
  return parseEnv(process.env);
}
