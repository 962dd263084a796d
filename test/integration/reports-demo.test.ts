import { afterAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { seedDemo } from '../../infra/local/demo-data';
import { caller, signIn } from '../support/directory';

/**
 * The demo's report of last month (issue 27): a first `npm start` on 07/12/2026 leaves November's
 * report as a draft, from the demo's own facts (one question asked 14 days earlier, on 23/11; the
 * rest of the demo happens in December and is not in it).
 */
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-12-07T09:00:00+07:00'));
const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/nghean.json') });
const call = caller(local.api);
afterAll(() => void vi.useRealTimers());

describe('demo data', () => {
  it('shows last month’s report of the preset, generated once from the demo’s facts', async () => {
    const accounts = await seedDemo(local.stack().services, loadDeploymentConfig('infra/config/provinces/nghean.json'));
    await seedDemo(local.stack().services, loadDeploymentConfig('infra/config/provinces/nghean.json'));
    // The demo's own auditor, named as NA 10.2d wants (admin.<office>.<unit>).
    const auditor = accounts.find((a) => a.roles.includes('auditor'))!;
    expect(auditor.username).toBe('admin.kiemtra.nghean');
    const reader = {
      id: auditor.username,
      username: auditor.username,
      temporaryPassword: auditor.temporaryPassword!,
      token: await signIn(local.api, auditor.username, auditor.temporaryPassword!),
    };
    const listed = await call('/reports', reader);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual(['na-monthly.2026-11.nghean']);
    const report = await call('/reports/na-monthly.2026-11.nghean', reader);
    expect(report.body).toMatchObject({
      state: 'draft',
      generatedBy: 'system',
      trigger: 'schedule',
      period: { from: '2026-11-01', to: '2026-11-30' },
      dueAt: '2026-12-05T17:00:00.000Z',
    });
    expect(report.body.figures.totals.questions.received).toBe(1);
    expect(report.body.figures.totals.content.published).toBe(0);
    expect(report.body.figures.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(
      expect.arrayContaining(['nghean', 'sotttt', 'cattan']),
    );
  }, 120_000);
});
