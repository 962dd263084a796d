import { afterAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { seedDemo } from '../../infra/local/demo-data';
import { caller, person } from '../support/directory';
import { ratingFigures } from '../../shared/domain/participation/rating';

/**
 * The demo's ratings and planned outage (issue 28 §5–6): a first `npm start` on Monday 07/12/2026
 * under Quảng Ninh's preset leaves six ratings of the department's items (one text, its phone
 * number scrubbed) and one notice of the provincial portal, starting on the first day the 7
 * working days allow; a second start adds nothing.
 */
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-12-07T09:00:00+07:00'));
const config = loadDeploymentConfig('infra/config/provinces/quangninh.json');
const local = useLocalStack({ config });
const call = caller(local.api);
afterAll(() => void vi.useRealTimers());

describe('demo participation data', { shuffle: false }, () => {
  it('six ratings and one announced outage, seeded once', async () => {
    await seedDemo(local.stack().services, config);
    await seedDemo(local.stack().services, config);
    const ratings = (await local.scanAll()).filter((i) => String(i.pk).startsWith('RATINGS#sotttt#'));
    expect(ratings).toHaveLength(6);
    const figures = ratingFigures(ratings as never);
    // The closing note's figures (docs/participation.md).
    console.info('demo rating figures', JSON.stringify(figures));
    expect(figures).toMatchObject({
      ratings: 6,
      usefulVotes: 3,
      usefulYes: 2,
      scoreVotes: 3,
      meanScore: 3.67,
      withText: 2,
    });
    expect(JSON.stringify(ratings)).not.toContain('0912');

    const outages = await call(`/public/portals/${config.province.code}/planned-outages`, undefined);
    expect(outages.status).toBe(200);
    expect(outages.body.items).toHaveLength(1);
    // Announced Mon 7 Dec 09:00: the 7 working days end on Wed 16 Dec; it starts at 22:00 on Thu 17 Dec.
    expect(outages.body.items[0]).toMatchObject({
      startsAt: '2026-12-17T15:00:00.000Z',
      emergency: false,
      status: 'upcoming',
      requiredNotice: { workingDays: 7, earliestStart: '2026-12-16T17:00:00.000Z' },
    });
  }, 180_000);

  it('the day after, the department’s report of that day carries its rating figures (CSV group information-ratings)', async () => {
    vi.setSystemTime(new Date('2026-12-08T10:00:00+07:00'));
    const chief = await person(local.api, 'truongban.ratings', 'sotttt', ['chief-editor']);
    const res = await call('/reports', chief, {
      method: 'POST',
      body: { kind: 'ad-hoc', period: '2026-12-07..2026-12-07', unitCode: 'sotttt' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const report = await call(`/reports/${res.body.id}`, chief);
    const unit = report.body.figures.units.find((u: { unitCode: string }) => u.unitCode === 'sotttt');
    expect(unit.informationRatings).toEqual({
      informationRatings: 6,
      usefulVotes: 3,
      usefulYes: 2,
      usefulRate: 66.7,
      scoreVotes: 3,
      meanScore: 3.67,
      ratingsWithText: 2,
    });
    expect(report.body.figures.totals.informationRatings.informationRatings).toBe(6);
    const csv = await local.api(`/reports/${res.body.id}/download?format=csv`, {
      headers: { authorization: `Bearer ${chief.token}` },
    });
    const text = await csv.text();
    expect(text).toContain('Đánh giá thông tin');
    expect(text).toContain('Lượt đánh giá thông tin');
  }, 60_000);
});
