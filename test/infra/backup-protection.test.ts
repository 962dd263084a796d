import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, testApp } from '../support/portal-app';
import { buildPortal } from '../../infra/portal-app';
import { deploymentConfigSchema, loadDeploymentConfig, type DeploymentConfig } from '../../infra/config/deployment';
import { RETENTION } from '../../shared/domain/backups/retention';

/**
 * The backups bucket from the templates: lifecycle rules that keep 8 weekly and 12 monthly
 * backups, Object Lock and KMS where the deployment config asks, and the backup and drill
 * schedules taken from the config.
 */
type Rule = {
  Id?: string;
  Prefix?: string;
  Status: string;
  ExpirationInDays?: number;
  NoncurrentVersionExpiration?: { NoncurrentDays: number };
};
const backupsBucketOf = (template: Template) =>
  Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('Backups'))![1]
    .Properties as Record<string, any>;
const withBackups = (backups: Record<string, unknown>): DeploymentConfig => {
  const base = loadDeploymentConfig();
  return deploymentConfigSchema.parse({ ...base, backups: { ...backups } });
};
/** A key the lifecycle rule would reach: prefix filters match the key's start. */
const reaches = (rule: Rule, key: string) => rule.Status === 'Enabled' && key.startsWith(rule.Prefix ?? '');

describe('backups bucket, default deployment', () => {
  let bucket: Record<string, any>;
  let rules: Rule[];
  beforeAll(() => {
    bucket = backupsBucketOf(Template.fromStack(defaultPortal().stacks.data));
    rules = bucket.LifecycleConfiguration.Rules as Rule[];
  });

  it('expires weekly backups after 8 weeks and monthly ones after 12 months, by prefix, plus old versions after 30 days', () => {
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: 'backups/weekly/', ExpirationInDays: 63, Status: 'Enabled' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: 'backups/monthly/', ExpirationInDays: 379, Status: 'Enabled' }),
    );
    expect(RETENTION.weekly.expireAfterDays).toBeGreaterThanOrEqual(RETENTION.weekly.keep * 7);
    expect(RETENTION.monthly.expireAfterDays).toBeGreaterThanOrEqual(RETENTION.monthly.keep * 31);
    expect(rules).toContainEqual(
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
    );
  });

  it('never lets a shorter rule reach a monthly backup, nor any expiry reach keys outside the backups', () => {
    const monthlyKeys = [
      'backups/monthly/2026-W49/backup-manifest.json',
      'backups/monthly/2026-W49/AWSDynamoDB/1-a/data/x.json.gz',
    ];
    for (const key of monthlyKeys) {
      const expiring = rules.filter((r) => r.ExpirationInDays !== undefined && reaches(r, key));
      expect(expiring.map((r) => r.ExpirationInDays)).toEqual([RETENTION.monthly.expireAfterDays]);
    }
    const weeklyKey = 'backups/weekly/2026-W50/backup-manifest.json';
    expect(
      rules.filter((r) => r.ExpirationInDays !== undefined && reaches(r, weeklyKey)).map((r) => r.ExpirationInDays),
    ).toEqual([RETENTION.weekly.expireAfterDays]);
  });

  it('has no Object Lock and encrypts with S3-managed keys unless configured', () => {
    expect(bucket.ObjectLockEnabled).toBeUndefined();
    expect(bucket.ObjectLockConfiguration).toBeUndefined();
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
  });
});

describe('backups bucket and schedules, configured', () => {
  let data: Template;
  let jobs: Template;
  beforeAll(() => {
    // With cdk-nag: a configuration operators may choose must synthesise cleanly too.
    const stacks = buildPortal(
      testApp(),
      withBackups({
        objectLock: { mode: 'COMPLIANCE', days: 400 },
        encryption: 'KMS',
        schedule: 'cron(30 1 ? * SAT *)',
        drillSchedule: 'cron(0 6 ? * SAT *)',
      }),
    );
    data = Template.fromStack(stacks.data);
    jobs = Template.fromStack(stacks.jobs);
  });

  it('enables Object Lock at creation with the configured mode and days', () => {
    const bucket = backupsBucketOf(data);
    expect(bucket.ObjectLockEnabled).toBe(true);
    expect(bucket.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 400 } },
    });
  });

  it('governance mode too', () => {
    const stacks = buildPortal(testApp(), withBackups({ objectLock: { mode: 'GOVERNANCE', days: 30 } }), {
      nag: false,
    });
    expect(backupsBucketOf(Template.fromStack(stacks.data)).ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
    });
  });

  it('encrypts with its own rotating KMS key, which the backup job may use and names in its export', () => {
    const bucket = backupsBucketOf(data);
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      ServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^BackupsKey/), 'Arn'] },
      },
      BucketKeyEnabled: true,
    });
    data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const resources = jobs.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
    const backup = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'weeklyBackup',
    )!;
    expect(backup.Properties.Environment.Variables.BACKUP_KMS_KEY_ARN).toBeDefined();
    const roleId = backup.Properties.Role['Fn::GetAtt'][0] as string;
    const actions = Object.values(resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
      )
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>)
      .flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey']));
    expect(actions.filter((a) => a.startsWith('kms:') && a.includes('*'))).toEqual([]);
  });

  it('takes the backup and drill schedules from the config', () => {
    jobs.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 1 ? * SAT *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    jobs.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 6 ? * SAT *)' });
    const expressions = Object.values(jobs.findResources('AWS::Scheduler::Schedule')).map(
      (s) => s.Properties.ScheduleExpression,
    );
    expect(expressions).not.toContain('cron(0 2 ? * SUN *)');
    expect(expressions).not.toContain('cron(0 4 ? * SUN *)');
  });
});
