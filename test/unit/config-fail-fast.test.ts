import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configEnvironment, loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * Config fails fast (issue 7 item 6): a missing province setting or an unknown policy preset stops
 * synth, local start and every function's cold start with a message naming it; nothing falls back
 * to a demo province.
 */
const valid = loadDeploymentConfig('infra/config/provinces/quangninh.json');
const tmp = mkdtempSync(join(tmpdir(), 'portal-config-'));
const writeConfig = (name: string, content: unknown) => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('deployment config (infra/config/deployment.ts)', () => {
  it('refuses an unknown policy preset, naming the field, the value and the known presets', () => {
    const file = writeConfig('unknown-preset.json', { ...valid, policyPreset: 'ha-noi-2030' });
    expect(() => loadDeploymentConfig(file)).toThrow(
      /unknown policy preset "ha-noi-2030"; known presets: national, binh-dinh-2020,[\s\S]*policyPreset/,
    );
  });

  it.each([
    'alarmEmail',
    'domain',
    'languages',
    'policyPreset',
    'workingHours',
    'region',
    'stage',
    'corsOrigins',
  ] as const)('refuses a config without %s', (field) => {
    const { [field]: _omitted, ...rest } = valid;
    const file = writeConfig(`without-${field}.json`, rest);
    expect(() => loadDeploymentConfig(file)).toThrow(new RegExp(`Invalid deployment config[\\s\\S]*${field}`));
  });

  it('refuses working hours that the functions would refuse at cold start', () => {
    const file = writeConfig('bad-hours.json', { ...valid, workingHours: '07:30-25:00' });
    expect(() => loadDeploymentConfig(file)).toThrow(/must be HH:MM-HH:MM[\s\S]*workingHours/);
  });

  it('refuses a portal without Vietnamese', () => {
    const file = writeConfig('no-vi.json', { ...valid, languages: ['en'] });
    expect(() => loadDeploymentConfig(file)).toThrow(/Vietnamese is required/);
  });

  it('names a missing file and a file that is not JSON', () => {
    expect(() => loadDeploymentConfig('infra/config/provinces/hanoi.json')).toThrow(
      /Deployment config not found: infra\/config\/provinces\/hanoi.json/,
    );
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ "province": ');
    expect(() => loadDeploymentConfig(broken)).toThrow(/not valid JSON/);
  });

  it('reads PORTAL_CONFIG from the working directory, and a bare name beside the loader', () => {
    expect(loadDeploymentConfig(relative(process.cwd(), writeConfig('relative.json', valid))).province.code).toBe(
      'quangninh',
    );
    expect(loadDeploymentConfig('deployment.json').province.code).toBe('demo');
  });
});

describe('function environment (shared/config/env.ts)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  // env() parses once per process: load a fresh module for each environment.
  const freshEnv = async (variables: Record<string, string | undefined>) => {
    process.env = { ...saved };
    for (const [name, value] of Object.entries(variables)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    vi.resetModules();
    const { env } = await import('../../shared/config/env');
    return env;
  };
  const complete = {
    ...configEnvironment(valid),
    TABLE_NAME: 'portal',
    MEDIA_BUCKET: 'media',
    BACKUP_BUCKET: 'backups',
    EVENT_BUS_NAME: 'bus',
    QUEUE_URLS: '{}',
    IDENTITY_PROVIDER: 'local',
    LOCAL_IDP_SECRET: 'x'.repeat(32),
  };

  it('reads the province’s settings, languages included', async () => {
    const env = await freshEnv(complete);
    expect(env()).toMatchObject({
      PROVINCE_CODE: 'quangninh',
      POLICY_PRESET: 'quang-ninh-2023',
      PROVINCE_LANGUAGES: ['vi', 'en', 'zh'],
    });
  });

  it.each([
    'PROVINCE_CODE',
    'PROVINCE_DOMAIN',
    'PROVINCE_NAME',
    'PROVINCE_NAME_EN',
    'PROVINCE_LANGUAGES',
    'OPERATOR_EMAIL',
    'POLICY_PRESET',
    'WORKING_HOURS',
    'CORS_ALLOWED_ORIGINS',
  ])('has no default for %s: a cold start without it fails, naming it', async (name) => {
    const env = await freshEnv({ ...complete, [name]: undefined });
    expect(() => env()).toThrow(new RegExp(`Invalid environment: .*${name}`));
  });

  it('refuses an unknown policy preset at cold start', async () => {
    const env = await freshEnv({ ...complete, POLICY_PRESET: 'ha-noi-2030' });
    expect(() => env()).toThrow(/POLICY_PRESET: unknown policy preset "ha-noi-2030"; known presets: national,/);
  });
});
