import { describe, expect, it } from 'vitest';
import { royaltyTally } from '../../shared/domain/reports/royalties';

/** Royalty tallies (issue 27 §5): the quarter's items with the shares frozen at first publication, rates as data. */
describe('royalty tally', () => {
  const a = (
    itemId: string,
    unitCode: string,
    category: string,
    contributors: { name: string; accountId?: string; share: number }[],
    quarter = '2026-Q4',
  ) => ({
    itemId,
    unitCode,
    title: itemId,
    category,
    contributors,
    frozenAt: `2026-11-0${itemId.length}T00:00:00Z`,
    quarter,
  });

  it('sums the frozen shares per contributor and unit, with rates as data (zero by default)', () => {
    const attributions = [
      a('n1', 'ubnd', 'news', [
        { name: 'Lan', accountId: 'u-lan', share: 60 },
        { name: 'Minh', share: 40 },
      ]),
      a('n22', 'ubnd', 'legalDocument', [{ name: 'Lan', accountId: 'u-lan', share: 100 }]),
      a('n333', 'sgd', 'news', [{ name: 'Lan', accountId: 'u-lan2', share: 100 }]),
      a('old', 'ubnd', 'news', [{ name: 'Minh', share: 100 }], '2026-Q3'),
    ];
    const zero = royaltyTally('2026-Q4', attributions);
    expect(zero.total).toEqual({ items: 3, amount: 0 });
    expect(zero.contributors.find((c) => c.contributor === 'u-lan')).toMatchObject({
      items: 2,
      shareOfItems: 1.6,
      amount: 0,
    });
    const paid = royaltyTally('2026-Q4', attributions, {
      currency: 'VND',
      perItem: { news: 100_000 },
      default: 50_000,
      basis: 'test',
    });
    expect(paid.total.amount).toBe(250_000);
    expect(paid.contributors.find((c) => c.contributor === 'u-lan')!.amount).toBe(110_000);
    expect(paid.contributors.find((c) => c.contributor === 'name:Minh')!.amount).toBe(40_000);
    expect(paid.units).toEqual([
      { unitCode: 'sgd', items: 1, amount: 100_000 },
      { unitCode: 'ubnd', items: 2, amount: 150_000 },
    ]);
    // Every contributor's amount adds up to the total.
    expect(paid.contributors.reduce((s, c) => s + c.amount, 0)).toBe(paid.total.amount);
  });
});

describe('royalty tally order', () => {
  const attribution = (itemId: string, unitCode: string, frozenAt: string, names: string[], quarter = '2026-Q4') => ({
    itemId,
    unitCode,
    title: `Tin ${itemId}`,
    category: itemId.startsWith('v') ? 'legalDocument' : 'news',
    contributors: names.map((name) => ({ name, share: 100 / names.length })),
    frozenAt,
    quarter,
  });
  const rates = { currency: 'VND', perItem: { news: 100_000 }, default: 40_000, basis: 'kiểm thử' };

  it('lists the quarter’s items in the order of their first publication (then by id), each at its category’s rate', () => {
    const input = [
      attribution('x2', 'ubnd', '2026-11-03T01:00:00Z', ['Lan']),
      attribution('v1', 'ubnd', '2026-11-03T01:00:00Z', ['Lan']),
      attribution('x0', 'sgd', '2026-10-05T01:00:00Z', ['Minh']),
      attribution('x9', 'sgd', '2026-09-30T01:00:00Z', ['Minh'], '2026-Q3'),
    ];
    const tally = royaltyTally('2026-Q4', input, rates);
    const expected = [input[2]!, input[1]!, input[0]!].map(({ itemId, unitCode, title, category, frozenAt }) => ({
      itemId,
      unitCode,
      title,
      category,
      frozenAt,
      amount: category === 'news' ? 100_000 : 40_000,
    }));
    expect(tally.items).toStrictEqual(expected);
    expect(tally.quarter).toBe('2026-Q4');
    expect(tally.rates).toBe(rates);
    expect(tally.total).toEqual({ items: 3, amount: 240_000 });
  });

  it('lists contributors by unit code, then by name in Vietnamese alphabetical order (a ă â b c d đ …)', () => {
    const tally = royaltyTally('2026-Q4', [
      attribution('x1', 'ubnd', '2026-11-03T01:00:00Z', ['Đức', 'Dũng']),
      attribution('x2', 'ubnd', '2026-11-04T01:00:00Z', ['Ân', 'Anh']),
      attribution('x3', 'sgd', '2026-11-05T01:00:00Z', ['Bình']),
    ]);
    expect(tally.contributors.map((c) => [c.unitCode, c.name])).toEqual([
      ['sgd', 'Bình'],
      ['ubnd', 'Anh'],
      ['ubnd', 'Ân'],
      ['ubnd', 'Dũng'],
      ['ubnd', 'Đức'],
    ]);
    expect(tally.contributors.map((c) => c.shareOfItems)).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
  });
});

describe('royalty rates as deployment data', () => {
  it('travel from the province config to every function as ROYALTY_RATES, and are absent (zero) by default', async () => {
    const { configEnvironment, loadDeploymentConfig } = await import('../../infra/config/deployment');
    const config = loadDeploymentConfig('infra/config/provinces/quangninh.json');
    expect(configEnvironment(config)).not.toHaveProperty('ROYALTY_RATES');
    const rates = {
      currency: 'VND',
      perItem: { news: 200_000 },
      default: 100_000,
      basis: 'QĐ …/QĐ-UBND về nhuận bút (ví dụ)',
    };
    expect(JSON.parse(configEnvironment({ ...config, royaltyRates: rates }).ROYALTY_RATES!)).toEqual(rates);
  });
});
