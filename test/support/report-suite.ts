import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from './local-stack';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { kindsOfPreset } from '../../shared/domain/reports/kinds';
import { adHocPeriod } from '../../shared/domain/reports/periods';
import { expectFiguresMatch, periodOfNovember, reportScenario, type Scenario } from './report-scenario';

/**
 * Issue 27's "done when" for one seed config: every report kind of its preset generated for a period
 * holding known facts (made through the API at faked dates), each figure checked against the test's
 * own count; the royalty tally against the frozen shares; a holiday added afterwards moves nothing.
 */
export function reportSuite(
  configPath: string,
  extra?: (scenario: () => Scenario, local: ReturnType<typeof useLocalStack>) => void,
) {
  vi.useFakeTimers({ toFake: ['Date'] });
  const config = loadDeploymentConfig(configPath);
  const local = useLocalStack({ config });
  let s: Scenario;

  beforeAll(async () => {
    s = await reportScenario(
      local.api,
      () => local.stack().gateway.url,
      config.province,
      (name, input) => local.stack().runJob(name, input),
    );
    // 02/01/2027: every period holding November 2026 has closed.
    await s.travel('2027-01-02T09:00:00');
  }, 300_000);
  afterAll(() => void vi.useRealTimers());

  // One story in steps: the first test generates every kind; the province's own tests then write, approve, send and
  // download the report it generated.
  describe(`reports of ${config.policyPreset}`, { shuffle: false }, () => {
    it('generates each report kind of the preset, every figure equal to the test’s own count', async () => {
      const kinds = kindsOfPreset(config.policyPreset);
      expect(kinds.length).toBeGreaterThanOrEqual(3);
      for (const kind of kinds) {
        const period = kind.adHoc ? adHocPeriod('2026-10-31', '2026-11-30') : periodOfNovember(kind.period);
        const res = await s.call('/reports', s.people.secretary, {
          method: 'POST',
          body: { kind: kind.id, period: period.id },
        });
        expect(res.status, `${kind.id}: ${JSON.stringify(res.body)}`).toBe(201);
        expect(res.body).toMatchObject({
          id: `${kind.id}.${period.id}.${s.province}`,
          state: 'draft',
          version: 1,
          period: { from: period.from, to: period.to },
          digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        if (kind.template === 'royalty') {
          const shares = s.published.filter((p) => p.quarter === period.id).flatMap((p) => p.contributors);
          expect(res.body.figures.total).toEqual({
            items: s.published.filter((p) => p.quarter === period.id).length,
            amount: 0,
          });
          expect(
            res.body.figures.contributors
              .map((c: { name: string; shareOfItems: number }) => [c.name, c.shareOfItems])
              .sort(),
          ).toEqual(shares.map((c) => [c.name, c.share / 100]).sort());
        } else {
          expectFiguresMatch(res.body.figures, s.ledger, period, s.province);
        }
        const f = res.body.figures;
        console.info(
          `${kind.id} ${period.id}: ${kind.template === 'royalty' ? `royalty items ${f.total.items}, contributors ${f.contributors.length}` : `submitted ${f.totals.content.submitted}, published ${f.totals.content.published} (on time ${f.totals.content.onTimeRate}%), returned ${f.totals.content.returned}, rejected ${f.totals.content.rejected}, withdrawn ${f.totals.content.withdrawn}; questions received ${f.totals.questions.received}, routed in the day ${f.totals.questions.routedWithinOneWorkingDay}, answered ${f.totals.questions.answered} (on time ${f.totals.questions.answeredOnTime}), returned ${f.totals.questions.returnedNotCompetent}; incidents ${f.operations.incidents} (restored ≤24 h ${f.operations.restoredWithinLimit}), security checks ${f.operations.securityChecks}, accounts opened ${f.totals.accounts.opened}, roles changed ${f.totals.accounts.rolesChanged}; progress notices ${f.totals.questions.progressNotices}, escalations ${f.totals.questions.escalations} (on ${f.totals.questions.escalatedQuestions} questions), ratings ${f.totals.questions.ratings} (mean ${f.totals.questions.meanRatingScore})`}`,
        );
        // Reproducible: read back, the same figures under the same digest.
        const again = await s.call(`/reports/${res.body.id}`, s.people.chief);
        expect(again.body.figures).toEqual(res.body.figures);
        expect(again.body.digest).toBe(res.body.digest);
      }
      // One report per kind, period and unit.
      const kind = kinds[0]!;
      const dup = await s.call('/reports', s.people.secretary, {
        method: 'POST',
        body: { kind: kind.id, period: kind.adHoc ? '2026-10-31..2026-11-30' : periodOfNovember(kind.period).id },
      });
      expect(dup.status).toBe(409);
    });

    it('tallies royalties from the frozen shares: the withdrawal after publication and a refused contributors edit change nothing', async () => {
      const [item] = s.published;
      const edit = await s.call(`/content/${item!.id}`, s.people.deptSecretary, {
        method: 'PATCH',
        body: { contributors: [{ name: 'Người khác', share: 100 }] },
      });
      expect(edit.status).toBeGreaterThanOrEqual(400);
      const tally = await s.call('/royalties/2026-Q4', s.people.chief);
      expect(tally.status, JSON.stringify(tally.body)).toBe(200);
      expect(tally.body.total).toEqual({ items: 1, amount: 0 });
      expect(tally.body.units).toEqual([{ unitCode: 'sotttt', items: 1, amount: 0 }]);
      expect(
        tally.body.contributors.reduce((sum: number, c: { shareOfItems: number }) => sum + c.shareOfItems, 0),
      ).toBe(1);
      expect((await s.call('/royalties/2026-Q3', s.people.chief)).body.total.items).toBe(0);
    });

    it('moves no figure when a holiday is added afterwards', async () => {
      const before = await s.call('/reports', s.people.secretary, {
        method: 'POST',
        body: { kind: 'ad-hoc', period: '2026-11-01..2026-11-20' },
      });
      expect(before.status).toBe(201);
      const holiday = await s.call('/admin/calendar/holidays/ngay-kiem-thu', s.people.operator, {
        method: 'PUT',
        body: {
          name: { vi: 'Ngày nghỉ kiểm thử', en: 'Test day off' },
          date: { calendar: 'solar', month: 11, day: 3 },
          basis: 'Kiểm thử',
          status: 'in-force',
          fromYear: 2026,
        },
      });
      expect(holiday.status, JSON.stringify(holiday.body)).toBe(200);
      const after = await s.call('/reports', s.people.secretary, {
        method: 'POST',
        body: { kind: 'ad-hoc', period: '2026-11-01..2026-11-21' },
      });
      expect(after.status).toBe(201);
      expect(after.body.figures.units).toEqual(before.body.figures.units);
      expect(after.body.figures.totals).toEqual(before.body.figures.totals);
    });

    extra?.(() => s, local);
  });
}
