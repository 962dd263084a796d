import { FULL_RESTORE_CADENCES } from '../../shared/domain/backups/drill-plan';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import enLocale from 'zod/v4/locales/en.js';
import { policyRuleIds, presetIds } from '../../shared/domain/policies';
import { scheduleExpressionProblem } from './schedule-expression';
import { capacitySchema } from './capacity';

/**
 * The deployment's own settings, read from one file (infra/config/deployment.json, or the file
 * named by PORTAL_CONFIG) by CDK and by the local stack. Invalid settings stop synth at once.
 */
// Operators read these messages: English, from zod's own locale (zod/mini ships without one).
z.config(enLocale());

/**
 * Where Cognito may send the console back after sign-in or sign-out: HTTPS, or plain HTTP on
 * localhost for development (Cognito's own rule); no wildcard, no fragment (RFC 6749 3.1.2).
 */
const redirectUrl = z.url().check(
  z.refine((raw: string) => {
    if (!URL.canParse(raw)) return false;
    const url = new URL(raw);
    const local = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
    return (url.protocol === 'https:' || local) && url.hash === '' && !raw.includes('*');
  }, 'must be an https:// URL (or http://localhost), without wildcard or fragment'),
);

/** An EventBridge Scheduler expression that both EventBridge and the local scheduler accept. */
const scheduleExpression = z.string().check(
  z.superRefine((raw, ctx) => {
    const problem = scheduleExpressionProblem(raw);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: raw });
  }),
);

/**
 * The backups (issue 10): when the weekly backup and its restore drill run (Asia/Ho_Chi_Minh), S3
 * Object Lock on the backups bucket (it can only be enabled when the bucket is created), and
 * whether the bucket encrypts with S3-managed keys or a customer-managed KMS key.
 */
const backupsSchema = z.object({
  schedule: z._default(scheduleExpression, 'cron(0 2 ? * SUN *)'),
  drillSchedule: z._default(scheduleExpression, 'cron(0 4 ? * SUN *)'),
  objectLock: z.optional(
    z.object({
      /** GOVERNANCE: users with s3:BypassGovernanceRetention may still delete; COMPLIANCE: nobody, root included. */
      mode: z.enum(['GOVERNANCE', 'COMPLIANCE']),
      /** How long every new object version is protected from deletion and overwrite. */
      days: z.int().check(z.gte(1), z.lte(3650)),
    }),
  ),
  encryption: z._default(z.enum(['S3_MANAGED', 'KMS']), 'S3_MANAGED'),
  /**
   * How often the restore drill restores the newest backup in full into a scratch table (issue 24):
   * `weekly`, `monthly` (each month's first backup, default) or `quarterly`; the other drills verify
   * it without restoring (shared/domain/backups/drill-plan.ts).
   */
  fullRestoreDrill: z._default(z.enum(FULL_RESTORE_CADENCES), 'monthly'),
});

export const deploymentConfigSchema = z.object({
  province: z.object({
    /** Short code used in names and sub-portal domains, e.g. `binhdinh`. */
    code: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,30}$/)),
    name: z.string().check(z.minLength(1)),
    nameEn: z.string().check(z.minLength(1)),
  }),
  /** The provincial portal's domain, e.g. `binhdinh.gov.vn`. */
  domain: z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
  languages: z.array(z.enum(['vi', 'en', 'zh'])).check(
    z.minLength(1),
    z.refine((l) => l.includes('vi'), 'Vietnamese is required'),
  ),
  /** Deadline policy preset (see shared/domain/policies); an unknown id stops synth and local start. */
  policyPreset: z.enum(presetIds as [string, ...string[]], {
    error: (issue) => `unknown policy preset ${JSON.stringify(issue.input)}; known presets: ${presetIds.join(', ')}`,
  }),
  /** Single values replaced for this province, each with its own legal basis. */
  policyOverrides: z._default(
    z.partialRecord(
      z.enum(policyRuleIds as [string, ...string[]]),
      z.object({ value: z.int().check(z.gte(0), z.lte(365)), basis: z.string().check(z.minLength(1)) }),
    ),
    {},
  ),
  /**
   * Official working hours, local time (BĐ 9.4: Monday–Friday, within working hours). No default:
   * they decide when a receipt counts from the next working day, so each province states its own.
   */
  workingHours: z
    .string()
    .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM-HH:MM, e.g. 07:30-17:00')),
  alarmEmail: z.email(),
  /**
   * Notification e-mails to askers and staff (issue 9 #6): the sender address, and the SES identity
   * verified for it (the address itself, or its domain: the default). Default sender: no-reply@<domain>.
   */
  notifications: z.optional(z.object({ sender: z.email(), identity: z.optional(z.string().check(z.minLength(3))) })),
  /** Royalty rates (issue 27, QN 12.2): an amount per published item by category, with the decision that sets them; zero when absent. */
  royaltyRates: z.optional(
    z.strictObject({
      currency: z.string(),
      perItem: z.record(z.string(), z.number().check(z.gte(0))),
      default: z.number().check(z.gte(0)),
      basis: z.string().check(z.minLength(3)),
    }),
  ),
  region: z.string().check(z.regex(/^[a-z]{2}-[a-z]+-\d$/)),
  stage: z.string().check(z.regex(/^[a-z][a-z0-9]{0,9}$/)),
  corsOrigins: z.array(z.string()).check(z.minLength(1)),
  /** The staff console: Cognito's authorization code flow (PKCE) returns to these URLs only. */
  console: z.object({
    callbackUrls: z.array(redirectUrl).check(z.minLength(1)),
    logoutUrls: z.array(redirectUrl).check(z.minLength(1)),
  }),
  /** Optional: every field has a default (weekly Sunday 02:00, drill 04:00, no Object Lock, S3-managed keys). */
  backups: z.prefault(backupsSchema, {}),
  /** Optional: API throttles and reserved concurrency (infra/config/capacity.ts has the defaults and the check). */
  capacity: z.prefault(capacitySchema, {}),
  /**
   * Optional: the distribution's own domain (issue 26), e.g. `cong.demo.gov.vn`, with an ACM
   * certificate for it issued in us-east-1 (CloudFront reads certificates only there). Without
   * them the distribution answers on its *.cloudfront.net name.
   */
  edge: z.optional(
    z.object({
      domainName: z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
      certificateArn: z
        .string()
        .check(
          z.regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'must be an ACM certificate in us-east-1'),
        ),
    }),
  ),
});

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;

/**
 * `path` (or PORTAL_CONFIG) is taken from the working directory, e.g.
 * `PORTAL_CONFIG=infra/config/provinces/quangninh.json npm start`; a bare name such as
 * `deployment.json` is still found next to this file. Without either, infra/config/deployment.json.
 */
export function resolveConfigPath(path = process.env.PORTAL_CONFIG): string {
  if (path === undefined || path === '') return resolve(import.meta.dirname, 'deployment.json');
  const fromCwd = resolve(process.cwd(), path);
  if (existsSync(fromCwd)) return fromCwd;
  const besideLoader = resolve(import.meta.dirname, path);
  if (existsSync(besideLoader)) return besideLoader;
  throw new Error(`Deployment config not found: ${path} (looked at ${fromCwd} and ${besideLoader})`);
}

export function loadDeploymentConfig(path = process.env.PORTAL_CONFIG): DeploymentConfig {
  const file = resolveConfigPath(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Invalid deployment config ${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = deploymentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid deployment config ${file}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The deployment's settings as every function reads them (shared/config/env.ts), on AWS and locally alike. */
export function configEnvironment(config: DeploymentConfig): Record<string, string> {
  return {
    PROVINCE_CODE: config.province.code,
    PROVINCE_DOMAIN: config.domain,
    PROVINCE_NAME: config.province.name,
    PROVINCE_NAME_EN: config.province.nameEn,
    PROVINCE_LANGUAGES: config.languages.join(','),
    OPERATOR_EMAIL: config.alarmEmail,
    POLICY_PRESET: config.policyPreset,
    POLICY_OVERRIDES: JSON.stringify(config.policyOverrides),
    WORKING_HOURS: config.workingHours,
    CORS_ALLOWED_ORIGINS: config.corsOrigins.join(','),
    // GET /jobs computes next runs from the schedules as deployed, not the defaults.
    SCHEDULE_OVERRIDES: JSON.stringify(scheduleOverrides(config)),
    ...(config.royaltyRates && { ROYALTY_RATES: JSON.stringify(config.royaltyRates) }),
    BACKUP_FULL_RESTORE_DRILL: config.backups.fullRestoreDrill,
  };
}

/** The From address of notification e-mails. */
export const mailSenderAddress = (config: DeploymentConfig): string =>
  config.notifications?.sender ?? `no-reply@${config.domain}`;

/** The SES identity that must be verified to send from it (IAM grants ses:SendEmail on it alone). */
export const mailIdentity = (config: DeploymentConfig): string =>
  config.notifications?.identity ?? mailSenderAddress(config).split('@')[1]!;

/** The schedule expressions the deployment sets, by job (events/schedules.ts `configuredSchedules`). */
export function scheduleOverrides(config: DeploymentConfig): Record<string, string> {
  return { 'weekly-backup': config.backups.schedule, 'restore-drill': config.backups.drillSchedule };
}
