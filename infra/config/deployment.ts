import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { policyRuleIds, presetIds } from '../../shared/domain/policies';

/**
 * The deployment's own settings, read from one file (infra/config/deployment.json, or the file
 * named by PORTAL_CONFIG) by CDK and by the local stack. Invalid settings stop synth at once.
 */
/**
 * Where Cognito may send the console back after sign-in or sign-out: HTTPS, or plain HTTP on
 * localhost for development (Cognito's own rule); no wildcard, no fragment (RFC 6749 3.1.2).
 */
const redirectUrl = z.url().refine((raw) => {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
  return (url.protocol === 'https:' || local) && url.hash === '' && !raw.includes('*');
}, 'must be an https:// URL (or http://localhost), without wildcard or fragment');

export const deploymentConfigSchema = z.object({
  province: z.object({
    /** Short code used in names and sub-portal domains, e.g. `binhdinh`. */
    code: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
  }),
  /** The provincial portal's domain, e.g. `binhdinh.gov.vn`. */
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
  languages: z.array(z.enum(['vi', 'en', 'zh'])).min(1).refine((l) => l.includes('vi'), 'Vietnamese is required'),
  /** Deadline policy preset (see shared/domain/policies) and single-value overrides. */
  policyPreset: z.enum(presetIds as [string, ...string[]]),
  /** Single values replaced for this province, each with its own legal basis. */
  policyOverrides: z
    .partialRecord(z.enum(policyRuleIds as [string, ...string[]]), z.object({ value: z.number().int().min(0).max(365), basis: z.string().min(1) }))
    .default({}),
  /** Official working hours, local time (BĐ 11.4: Monday–Friday, within working hours). */
  workingHours: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/).default('07:30-17:00'),
  alarmEmail: z.email(),
  region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/),
  stage: z.string().regex(/^[a-z][a-z0-9]{0,9}$/),
  corsOrigins: z.array(z.string()).min(1),
  /** The staff console: Cognito's authorization code flow (PKCE) returns to these URLs only. */
  console: z.object({
    callbackUrls: z.array(redirectUrl).min(1),
    logoutUrls: z.array(redirectUrl).min(1),
  }),
});

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;

export function loadDeploymentConfig(path = process.env.PORTAL_CONFIG): DeploymentConfig {
  const file = resolve(import.meta.dirname, path ?? 'deployment.json');
  const parsed = deploymentConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
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
    OPERATOR_EMAIL: config.alarmEmail,
    POLICY_PRESET: config.policyPreset,
    POLICY_OVERRIDES: JSON.stringify(config.policyOverrides),
    WORKING_HOURS: config.workingHours,
    CORS_ALLOWED_ORIGINS: config.corsOrigins.join(','),
  };
}
