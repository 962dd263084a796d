import { describe, expect, it, vi } from 'vitest';
import { drillMode, sampleIndexes } from '../../shared/domain/backups/drill-plan';

/** Which drills restore in full (the configured cadence), and the sample a verify-only drill reads. */
describe('drill plan', () => {
  it('restores in full every week, on each month’s first backup, or on each quarter’s first', () => {
    const monthly = (backupId: string) => ({ backupId, retention: 'monthly' as const });
    const weekly = (backupId: string) => ({ backupId, retention: 'weekly' as const });
    expect(drillMode(weekly('2027-W11'), 'weekly')).toBe('full');
    expect(drillMode(weekly('2027-W11'), 'monthly')).toBe('verify');
    expect(drillMode(monthly('2027-W10'), 'monthly')).toBe('full');
    // 2027-W01's Thursday is 7 January (a quarter's first month); 2027-W05's is 4 February.
    expect(drillMode(monthly('2027-W01'), 'quarterly')).toBe('full');
    expect(drillMode(monthly('2027-W05'), 'quarterly')).toBe('verify');
    expect(drillMode(monthly('2027-W14'), 'quarterly')).toBe('full'); // Thursday 8 April
    expect(drillMode(weekly('2027-W02'), 'quarterly')).toBe('verify');
  });

  it('samples distinct files, all of them when there are few, other ones for other runs', () => {
    expect(sampleIndexes(2, 3, 'run')).toEqual([0, 1]);
    const a = sampleIndexes(100, 3, 'run-a');
    expect(new Set(a).size).toBe(3);
    for (const i of a) expect(i).toBeGreaterThanOrEqual(0), expect(i).toBeLessThan(100);
    expect(sampleIndexes(100, 3, 'run-a')).toEqual(a);
    const seen = new Set(Array.from({ length: 50 }, (_, n) => sampleIndexes(100, 3, `run-${n}`)).flat());
    expect(seen.size).toBeGreaterThan(60);
  });

  it('lists a sample in ascending order, so files are read in the manifest’s order', () => {
    for (let n = 0; n < 50; n++) {
      const sample = sampleIndexes(100, 5, `run-${n}`);
      expect(sample).toEqual([...sample].sort((a, b) => a - b));
      expect(new Set(sample).size).toBe(5);
    }
  });

  it('takes every file once when there are exactly as many as the sample', () => {
    expect(sampleIndexes(3, 3, 'run')).toEqual([0, 1, 2]);
    expect(sampleIndexes(0, 3, 'run')).toEqual([]);
  });

  it('finds the newest backup stale after a week and a day’s grace (TG 8.2: weekly backups)', async () => {
    // Module data: read again inside the test, so that mutation testing judges it by this test.
    vi.resetModules();
    const { MAX_BACKUP_AGE_HOURS } = await import('../../shared/domain/backups/drill-plan');
    expect(MAX_BACKUP_AGE_HOURS).toBe((7 + 1) * 24);
  });
});
