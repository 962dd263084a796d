import * as z from 'zod';

/**
 * Runtime configuration of every function, parsed once at cold start. A missing or malformed
 * variable stops the function before it serves anything, with the variable named.
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
  CORS_ALLOWED_ORIGINS: z.string().default('*'),
  IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86400).default(86400),
  PROVINCE_CODE: z.string().min(1).default('demo'),
  PROVINCE_DOMAIN: z.string().min(1).default('demo.gov.vn'),
  PROVINCE_NAME: z.string().min(1).default('Tỉnh Demo'),
  PROVINCE_NAME_EN: z.string().min(1).default('Demo Province'),
  /** Receives the first operator's temporary password (bootstrap-directory). */
  OPERATOR_EMAIL: z.email().default('vanhanh@demo.gov.vn'),
  POLICY_PRESET: z.string().min(1).default('national'),
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
    .default('07:30-17:00')
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
