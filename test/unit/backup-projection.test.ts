import { describe, expect, it } from 'vitest';
import { AWS, LAMBDA_TIMEOUT_SECONDS, project, SCALES } from '../bench/backup-projection';

/** The bench's projection (npm run bench -- backup): the arithmetic, and what it says about 900 s. */
describe('backup projection', () => {
  const measured = { digestItemsPerSecond: 40_000 };
  const [one, ten] = SCALES.map((scale) => project(scale, measured));

  it('prices the export at AWS’s published rate per GB and grows with the table', () => {
    // 200,000 × 608 bytes = 0.1216 GB at $0.10/GB, plus 20,000 attribute requests and the Lambda seconds.
    expect(one![0]!.usd).toBeCloseTo(0.1216 * AWS.exportUsdPerGb + 20 * AWS.s3GetUsdPerThousand + 37.5 * AWS.lambdaUsdPerGbSecond, 6);
    expect(ten![0]!.invocationSeconds).toBeCloseTo(10 * one![0]!.invocationSeconds, 6);
  });

  it('keeps the backup, the seal and the weekly drill inside one invocation at 10×, but not the portable full restore', () => {
    const longest = (steps: typeof one, name: RegExp) => steps!.find((s) => name.test(s.step))!.invocationSeconds;
    for (const steps of [one, ten]) {
      expect(longest(steps, /^backup: export/)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
      expect(longest(steps, /^backup: seal/)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
      expect(longest(steps, /^weekly drill/)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
    }
    expect(longest(one, /portable/)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
    expect(longest(ten, /portable/)).toBeGreaterThan(LAMBDA_TIMEOUT_SECONDS);
    expect(longest(ten, /ImportTable/)).toBeLessThan(LAMBDA_TIMEOUT_SECONDS);
  });
});
