import { expect, it } from 'vitest';
import { reportSuite } from '../support/report-suite';

/** Issue 27 under infra/config/provinces/tiengiang.json: every report kind's figures against the test's own count. */
reportSuite('infra/config/provinces/tiengiang.json', (scenario, local) => {
  it('TG 22.7: the scheduled job drafts each sub-portal’s half-year and year report for its own board, once', async () => {
    const s = scenario();
    // 02/01/2027 (the suite's time): the second half of 2026 and the year 2026 have closed.
    const first = await local.stack().runJob('generate-reports');
    expect(first).toMatchObject({ outcome: 'succeeded', 'tg-half-yearly': '2026-H2', 'tg-yearly': '2026' });
    for (const id of ['tg-half-yearly.2026-H2.sotttt', 'tg-yearly.2026.sotttt']) {
      const report = await s.call(`/reports/${id}`, s.people.deptChief);
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(report.body).toMatchObject({
        unitCode: 'sotttt',
        trigger: 'schedule',
        generatedBy: 'system',
        state: 'draft',
      });
    }
    const again = await local.stack().runJob('generate-reports');
    expect(again).toMatchObject({ outcome: 'succeeded', generated: 0 });
  });
});
