import { describe, expect, it } from 'vitest';
import { AWS, LAMBDA_TIMEOUT_SECONDS, LAST_MEASURED, longestByFunction, monthlyUsd, project, SCALES } from '../bench/backup-projection';
import { RESTORE_DRILL_MACHINE } from '../../shared/application/restore-drill-steps';
import { WEEKLY_BACKUP_MACHINE } from '../../shared/application/weekly-backup-steps';

/** The bench's projection (npm run bench -- backup): the arithmetic, and what it says about 900 s. */
describe('backup projection', () => {
  const measured = { digestItemsPerSecond: 40_000 };
  const [one, ten] = SCALES.map((scale) => project(scale, measured));
  const of = (steps: typeof one, machineStep: string, runs?: string) => steps!.find((s) => s.machineStep === machineStep && (!runs || s.runs === runs))!;

  it('prices the export at AWS’s published rate per GB and grows with the table', () => {
    // 200,000 × 608 bytes = 0.1216 GB at $0.10/GB, plus 20,000 attribute requests, the Lambda seconds and ~30 transitions.
    expect(of(one, 'StartWeeklyBackup').usd).toBeCloseTo(0.1216 * AWS.exportUsdPerGb + 20 * AWS.s3GetUsdPerThousand + 37.5 * AWS.lambdaUsdPerGbSecond + 0.03 * AWS.stepFunctionsUsdPerThousandTransitions, 6);
    expect(of(ten, 'StartWeeklyBackup').invocationSeconds).toBeCloseTo(10 * of(one, 'StartWeeklyBackup').invocationSeconds, 6);
    // The import at $0.15/GB of the uncompressed table, with no write units: 2M items are $0.18, not 8M write units ($5).
    expect(of(ten, 'LoadTable', 'full').usd).toBeGreaterThan(1.216 * AWS.importUsdPerGb);
    expect(of(ten, 'LoadTable', 'full').usd).toBeLessThan(of(ten, 'LoadTable', 'portable').usd / 10);
  });

  it('projects every step of both machines, and every one fits one invocation at 10× (the portable load by its per-step budget)', () => {
    for (const shape of [WEEKLY_BACKUP_MACHINE, RESTORE_DRILL_MACHINE]) {
      for (const name of shape.steps) expect(ten!.some((s) => s.machineStep === name), name).toBe(true);
    }
    for (const step of [...one!, ...ten!]) expect(step.invocationSeconds, step.step).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
    // At the rate measured under load the longest are the whole-table passes: the seal, and the scan with its digest.
    const measuredTen = longestByFunction(project(SCALES[1]!, LAST_MEASURED));
    expect([measuredTen.weeklyBackup.machineStep, measuredTen.restoreDrill.machineStep]).toEqual(['SealWhenExported', 'CheckTable']);
  });

  it('the whole-table passes are bound by the digest rate: at the rate measured under load they still fit, at a fifth of it not', () => {
    const slow = project(SCALES[1]!, { digestItemsPerSecond: 4_445 / 5 });
    expect(of(slow, 'CheckTable').invocationSeconds).toBeGreaterThan(LAMBDA_TIMEOUT_SECONDS);
  });

  it('a month at 10× costs more than at 1×, less than ten times it', () => {
    expect(monthlyUsd(ten!)).toBeGreaterThan(monthlyUsd(one!));
    expect(monthlyUsd(ten!)).toBeLessThan(10 * monthlyUsd(one!));
  });
});
