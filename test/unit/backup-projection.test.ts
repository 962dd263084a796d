import { describe, expect, it } from 'vitest';
import {
  AWS,
  LAMBDA_TIMEOUT_SECONDS,
  LAST_MEASURED,
  lambdaDigestRate,
  longestByFunction,
  monthlyUsd,
  project,
  SCALES,
} from '../bench/backup-projection';
import { RESTORE_DRILL_MACHINE } from '../../shared/application/restore-drill-steps';
import { WEEKLY_BACKUP_MACHINE } from '../../shared/application/weekly-backup-steps';

/** The bench's projection (npm run bench -- backup): the arithmetic, and what it says about 900 s. */
describe('backup projection', () => {
  const measured = { digestItemsPerCpuSecond: 40_000 };
  const [one, ten] = SCALES.map((scale) => project(scale, measured));
  const of = (steps: typeof one, machineStep: string, runs?: string) =>
    steps!.find((s) => s.machineStep === machineStep && (!runs || s.runs === runs))!;

  it('prices the export at AWS’s published rate per GB and grows with the table', () => {
    // 200,000 × 608 bytes = 0.1216 GB at $0.10/GB, plus 20,000 attribute requests (64 in flight at 30 ms: 9.4 s of Lambda) and ~30 transitions.
    expect(of(one, 'StartWeeklyBackup').usd).toBeCloseTo(
      0.1216 * AWS.exportUsdPerGb +
        20 * AWS.s3GetUsdPerThousand +
        9.375 * AWS.lambdaUsdPerGbSecond +
        0.03 * AWS.stepFunctionsUsdPerThousandTransitions,
      6,
    );
    expect(of(ten, 'StartWeeklyBackup').invocationSeconds).toBeCloseTo(
      10 * of(one, 'StartWeeklyBackup').invocationSeconds,
      6,
    );
    // The import at $0.15/GB of the uncompressed table, with no write units: 2M items are $0.18, not 8M write units ($5).
    expect(of(ten, 'LoadTable', 'full').usd).toBeGreaterThan(1.216 * AWS.importUsdPerGb);
    expect(of(ten, 'LoadTable', 'full').usd).toBeLessThan(of(ten, 'LoadTable', 'portable').usd / 10);
  });

  it('projects every step of both machines, and every one fits one invocation at 10× (the portable load by its per-step budget)', () => {
    for (const shape of [WEEKLY_BACKUP_MACHINE, RESTORE_DRILL_MACHINE]) {
      for (const name of shape.steps)
        expect(
          ten!.some((s) => s.machineStep === name),
          name,
        ).toBe(true);
    }
    for (const step of [...one!, ...ten!])
      expect(step.invocationSeconds, step.step).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
    // At the last measured rate the longest are the whole-table passes (the seal, the scan with its digest), ~150 s.
    const measuredTen = longestByFunction(project(SCALES[1]!, LAST_MEASURED));
    expect([measuredTen.weeklyBackup.machineStep, measuredTen.restoreDrill.machineStep]).toEqual([
      'SealWhenExported',
      'CheckTable',
    ]);
    expect(measuredTen.restoreDrill.invocationSeconds).toBeLessThan(LAMBDA_TIMEOUT_SECONDS / 4);
  });

  it('the whole-table passes are bound by the digest rate: at a fifth of the last measured rate they still fit at 10×, at a twentieth not', () => {
    const at = (fraction: number) =>
      of(
        project(SCALES[1]!, { digestItemsPerCpuSecond: LAST_MEASURED.digestItemsPerCpuSecond * fraction }),
        'CheckTable',
      ).invocationSeconds;
    expect(at(1 / 5)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
    expect(at(1 / 20)).toBeGreaterThan(LAMBDA_TIMEOUT_SECONDS);
    // One vCPU at 1,769 MB, in proportion below: the 1,024 MB functions digest at 58% of a core's rate.
    expect(lambdaDigestRate({ digestItemsPerCpuSecond: 1_769 })).toBeCloseTo(1_024, 6);
  });

  it('a month at 10× costs more than at 1×, less than ten times it', () => {
    expect(monthlyUsd(ten!)).toBeGreaterThan(monthlyUsd(one!));
    expect(monthlyUsd(ten!)).toBeLessThan(10 * monthlyUsd(one!));
  });
});
