import { describe, expect, it } from 'vitest';
import { deploymentConfigSchema, loadDeploymentConfig, scheduleOverrides } from '../../infra/config/deployment';
import { scheduleExpressionProblem } from '../../infra/config/schedule-expression';
import { configuredSchedules, schedules } from '../../events/schedules';

/** The deployment config's backups settings: defaults, validation, and the schedules they set. */
const base = loadDeploymentConfig();
const parse = (backups: unknown) => deploymentConfigSchema.safeParse({ ...base, backups });

describe('deployment config: backups', () => {
  it('defaults to Sunday 02:00 for the backup, 04:00 for the drill, no Object Lock, S3-managed keys', () => {
    const { backups: _omitted, ...withoutBackups } = base;
    const parsed = deploymentConfigSchema.parse(withoutBackups);
    expect(parsed.backups).toEqual({
      schedule: 'cron(0 2 ? * SUN *)',
      drillSchedule: 'cron(0 4 ? * SUN *)',
      encryption: 'S3_MANAGED',
      fullRestoreDrill: 'monthly',
    });
    expect(configuredSchedules(scheduleOverrides(parsed))).toEqual(schedules);
  });

  it('flows configured expressions to the backup and drill schedules only', () => {
    const parsed = deploymentConfigSchema.parse({
      ...base,
      backups: { schedule: 'cron(15 23 ? * FRI *)', drillSchedule: 'rate(7 days)' },
    });
    const configured = configuredSchedules(scheduleOverrides(parsed));
    expect(configured.find((s) => s.job === 'weekly-backup')!.expression).toBe('cron(15 23 ? * FRI *)');
    expect(configured.find((s) => s.job === 'restore-drill')!.expression).toBe('rate(7 days)');
    expect(configured.filter((s) => !['weekly-backup', 'restore-drill'].includes(s.job))).toEqual(
      schedules.filter((s) => !['weekly-backup', 'restore-drill'].includes(s.job)),
    );
  });

  it.each([
    ['cron(0 2 * * SUN *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 2 ? * SUN)', /6 fields/],
    ['cron(61 2 ? * SUN *)', /cron\(61/],
    ['cron(0 2 ? * SUN 2020)', /never fires after/],
    ['cron(0 2 ?  * SUN *)', /single spaces/],
    ['rate(1 days)', /"1 day"/],
    ['rate(2 hour)', /"2 hours"/],
    ['rate(0 minutes)', /at least 1/],
    ['weekly', /Unknown schedule expression/],
    ['', /Unknown schedule expression/],
  ])('refuses %j', (expression, message) => {
    expect(scheduleExpressionProblem(expression)).toMatch(message);
    const result = parse({ schedule: expression });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('schedule');
  });

  it.each(['cron(0 2 ? * SUN *)', 'cron(0 19 ? * 1 *)', 'cron(0 2 1 * ? *)', 'rate(1 day)', 'rate(12 hours)'])(
    'accepts %j',
    (expression) => {
      expect(scheduleExpressionProblem(expression)).toBeUndefined();
      expect(parse({ drillSchedule: expression }).success).toBe(true);
    },
  );

  it('validates Object Lock and encryption', () => {
    expect(parse({ objectLock: { mode: 'GOVERNANCE', days: 30 } }).data?.backups.objectLock).toEqual({
      mode: 'GOVERNANCE',
      days: 30,
    });
    expect(parse({ objectLock: { mode: 'COMPLIANCE', days: 3650 }, encryption: 'KMS' }).success).toBe(true);
    for (const bad of [
      { objectLock: { mode: 'LEGAL_HOLD', days: 30 } },
      { objectLock: { mode: 'GOVERNANCE', days: 0 } },
      { objectLock: { mode: 'GOVERNANCE' } },
      { encryption: 'DSSE' },
    ]) {
      expect(parse(bad).success).toBe(false);
    }
  });
});
