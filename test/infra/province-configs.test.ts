import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestedStacksOf, testApp } from '../support/portal-app';
import { Template } from 'aws-cdk-lib/assertions';
import { buildPortal } from '../../infra/portal-app';
import { configEnvironment, loadDeploymentConfig } from '../../infra/config/deployment';
import { effectivePolicy, presetIds } from '../../shared/domain/policies';

/**
 * One deployment config per seed province (infra/config/provinces/), each with the preset and the
 * languages its regulation sets. `PORTAL_CONFIG=infra/config/provinces/<code>.json npm start` runs it.
 */
const dir = resolve(import.meta.dirname, '../../infra/config/provinces');

// What each regulation says (docs/regulation-map.md): its preset, and its portal's languages.
const expected: Record<string, { preset: string; languages: string[]; basis: string }> = {
  binhdinh: { preset: 'binh-dinh-2020', languages: ['vi', 'en'], basis: 'BĐ 6.2' },
  quangninh: { preset: 'quang-ninh-2023', languages: ['vi', 'en', 'zh'], basis: 'QN 2' },
  caobang: { preset: 'cao-bang-2015', languages: ['vi', 'en'], basis: 'CB 3.4, NĐ 42 Điều 7.2' },
  nghean: { preset: 'nghe-an-2025', languages: ['vi', 'en'], basis: 'NA 6.2 → NĐ 42 Điều 7.2' },
  tiengiang: { preset: 'tien-giang-2024', languages: ['vi', 'en'], basis: 'TG 4.2b, TG 5.2' },
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('seed province configs', () => {
  it('ships exactly one file per seed province', () => {
    expect(files).toEqual(
      Object.keys(expected)
        .map((code) => `${code}.json`)
        .sort(),
    );
  });

  describe.each(files)('%s', (file) => {
    const code = file.replace(/\.json$/, '');
    const config = loadDeploymentConfig(join(dir, file));

    it('parses, names its province by the file name and uses the province’s gov.vn domain', () => {
      expect(config.province.code).toBe(code);
      expect(config.domain).toBe(`${code}.gov.vn`);
    });

    it(`has its regulation's preset and languages (${expected[code]!.basis})`, () => {
      expect(presetIds).toContain(config.policyPreset);
      expect(config.policyPreset).toBe(expected[code]!.preset);
      expect(config.languages).toEqual(expected[code]!.languages);
      expect(effectivePolicy(config.policyPreset).preset).toBe(config.policyPreset);
    });

    it('synthesises the CDK app, every function carrying the province’s settings', () => {
      const app = testApp({ prefix: 'cdk-province-' });
      // cdk-nag runs once on the default config (stacks.test.ts); here only what the config changes.
      const stacks = buildPortal(app, config, { nag: false });
      const assembly = app.synth();
      const template = (stackName: string) =>
        assembly.getStackByName(stackName).template as {
          Resources: Record<string, { Type: string; Properties?: Record<string, any> }>;
        };
      const settings = configEnvironment(config);

      const functions = [stacks.api, ...nestedStacksOf(stacks.api), stacks.jobs].flatMap((s) =>
        Object.values(Template.fromStack(s).toJSON().Resources as ReturnType<typeof template>['Resources']).filter(
          (r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment,
        ),
      );
      expect(functions.length).toBeGreaterThan(0);
      for (const fn of functions) {
        expect(fn.Properties!.Environment.Variables).toMatchObject({
          PROVINCE_CODE: settings.PROVINCE_CODE,
          PROVINCE_DOMAIN: settings.PROVINCE_DOMAIN,
          PROVINCE_LANGUAGES: config.languages.join(','),
          POLICY_PRESET: config.policyPreset,
          OPERATOR_EMAIL: config.alarmEmail,
        });
      }
      const domains = Object.values(template(stacks.auth.stackName).Resources).filter(
        (r) => r.Type === 'AWS::Cognito::UserPoolDomain',
      );
      expect(domains.map((d) => d.Properties!.Domain)).toEqual([`portal-${config.stage}-${code}`]);
      const alarmSubscriptions = Object.values(template(stacks.async.stackName).Resources).filter(
        (r) => r.Type === 'AWS::SNS::Subscription',
      );
      expect(alarmSubscriptions.map((s) => s.Properties!.Endpoint)).toContain(config.alarmEmail);
    });
  });
});
