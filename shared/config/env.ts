import * as z from 'zod';
import { presetIds } from '../domain/policies/presets';

/**
 * Runtime configuration of every function, parsed once at cold start. A missing or malformed
 * variable stops the function before it serves anything, with the variable named. The province's
 * own settings (infra/config/deployment.ts `configEnvironment`) have no defaults here: a function
 * deployed without them must fail, not serve a demo province.
 */
const queueUrls = z
  .string()
  .transform((raw, ctx) => {
    try {
      return z.record(z.string(), z.url()).parse(JSON.parse(raw));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of queue key → queue URL' });
      return z.NEVER;
    }
  });

const envSchema = z.object({
  TABLE_NAME: z.string().min(1),
  MEDIA_BUCKET: z.string().min(1),
  BACKUP_BUCKET: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  QUEUE_URLS: queueUrls,
  /** `local` routes events in process to SQS by events/rules.ts; on AWS EventBridge does it. */
  EVENT_TRANSPORT: z.enum(['eventbridge', 'local']).default('eventbridge'),
  CORS_ALLOWED_ORIGINS: z.string().min(1),
  IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86400).default(86400),
  PROVINCE_CODE: z.string().min(1),
  PROVINCE_DOMAIN: z.string().min(1),
  PROVINCE_NAME: z.string().min(1),
  PROVINCE_NAME_EN: z.string().min(1),
  /** Language versions of the provincial portal, comma-separated, e.g. `vi,en,zh` (QN 2). */
  PROVINCE_LANGUAGES: z
    .string()
    .transform((raw) => raw.split(',').map((l) => l.trim()))
    .pipe(z.array(z.enum(['vi', 'en', 'zh'])).refine((l) => l.includes('vi'), 'must include vi')),
  /** Receives the first operator's temporary password (bootstrap-directory). */
  OPERATOR_EMAIL: z.email(),
  POLICY_PRESET: z.enum(presetIds as [string, ...string[]], {
    error: (issue) => `unknown policy preset ${JSON.stringify(issue.input)}; known presets: ${presetIds.join(', ')}`,
  }),
  POLICY_OVERRIDES: z
    .string()
    .default('{}')
    .transform((raw, ctx) => {
      try {
        return z.record(z.string(), z.object({ value: z.number(), basis: z.string() })).parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of rule → { value, basis }' });
        return z.NEVER;
      }
    }),
  /** `cognito` on AWS; `local` on the local stack (shared/adapters/identity/local.ts). */
  IDENTITY_PROVIDER: z.enum(['cognito', 'local']).default('cognito'),
  USER_POOL_ID: z.string().default(''),
  USER_POOL_CLIENT_ID: z.string().default(''),
  /** Signs local tokens; only with IDENTITY_PROVIDER=local. */
  LOCAL_IDP_SECRET: z.string().default(''),
  WORKING_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/)
    .transform((raw) => {
      const [start, end] = raw.split('-').map((t) => {
        const [h, m] = t.split(':').map(Number);
        return h! * 60 + m!;
      });
      return { start: start!, end: end! };
    }),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

const identityProviderConfigured = (e: Env) =>
  e.IDENTITY_PROVIDER === 'local' ? e.LOCAL_IDP_SECRET.length >= 32 : e.USER_POOL_ID !== '' && e.USER_POOL_CLIENT_ID !== '';

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${names}`);
    }
    if (!identityProviderConfigured(parsed.data)) {
      throw new Error('Invalid environment: IDENTITY_PROVIDER=cognito needs USER_POOL_ID and USER_POOL_CLIENT_ID; local needs LOCAL_IDP_SECRET (32+ characters)');
    }
    cached = parsed.data;
  }
  return cached;
}
