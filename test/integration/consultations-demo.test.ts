import { parse } from 'csv-parse/sync';
import Parser from 'rss-parser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { seedDemo } from '../../infra/local/demo-data';
import { caller } from '../support/directory';

/**
 * The demo's consultations (issue 28 §7): a first `npm start` on 07/12/2026 leaves one draft open for
 * comment for the legal minimum and one closed with its published summary, on the demo portal; a
 * second start writes nothing more.
 */
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-12-07T09:00:00+07:00'));
const config = loadDeploymentConfig('infra/config/provinces/binhdinh.json');
const local = useLocalStack({ config });
const call = caller(local.api);
afterAll(() => void vi.useRealTimers());

describe('demo consultations', () => {
  it('shows one open and one closed consultation with its summary, once', async () => {
    await seedDemo(local.stack().services, config);
    await seedDemo(local.stack().services, config);
    const open = await call('/public/portals/sotttt/consultations?status=open', undefined);
    const closed = await call('/public/portals/sotttt/consultations?status=closed', undefined);
    expect(open.body.items).toHaveLength(1);
    expect(closed.body.items).toHaveLength(1);
    expect(open.body.items[0]).toMatchObject({
      state: 'open',
      acceptingComments: true,
      articleCount: 3,
      // 8/12/2026 to 24:00 on 6/1/2027: 30 calendar days; 21 working days (weekends and 1/1/2027 off).
      window: { calendarDays: 30, workingDays: 21, minimumCalendarDays: 30, closesAt: '2027-01-06T17:00:00.000Z' },
    });
    const summary = closed.body.items[0];
    expect(summary).toMatchObject({ state: 'published', acceptingComments: false });
    const one = await call(`/public/portals/sotttt/consultations/${open.body.items[0].id}`, undefined);
    expect(one.body.articles.map((a: { title: string }) => a.title)).toEqual([
      'Phạm vi điều chỉnh',
      'Đối tượng áp dụng',
      'Hiệu lực thi hành',
    ]);
    const csv = await local.api(`/public/portals/sotttt/consultations/${summary.id}/summary?format=csv`);
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => [r[1], r[4]])).toEqual([
      ['Toàn bộ dự thảo', 'Tiếp thu'],
      ['Điều 2. Đối tượng áp dụng', 'Không tiếp thu'],
    ]);
    const feed = await new Parser().parseString(
      await (await local.api('/public/portals/sotttt/consultations.rss')).text(),
    );
    expect(feed.items.map((i) => i.title)).toEqual([open.body.items[0].title]);
  }, 180_000);
});
