/**
 * The royalty tally of a quarter (QN 12.2 "tổng hợp số lượng tin bài thanh quyết toán nhuận bút
 * hàng quý"; BĐ 23.1, CB 19.3, TG 14.1b): the items first published in it, each with the
 * contributors and shares frozen at that publication (`ATTRIBUTION#<unit>#<quarter>`), so an edit
 * after publication changes nothing. Amounts come from the deployment's rates (an amount per item of
 * a category, or a points table); zero by default, since each province sets its own by decision.
 */
export interface FrozenAttribution {
  readonly itemId: string;
  readonly unitCode: string;
  readonly title: string;
  readonly category: string;
  readonly contributors: readonly { readonly name: string; readonly accountId?: string; readonly share: number }[];
  readonly frozenAt: string;
  readonly quarter: string;
}

export interface RoyaltyRates {
  readonly currency: string;
  /** Amount (or points) per published item, by content category; `default` for the others. */
  readonly perItem: Readonly<Record<string, number>>;
  readonly default: number;
  readonly basis: string;
}

export const zeroRoyaltyRates: RoyaltyRates = {
  currency: 'VND',
  perItem: {},
  default: 0,
  basis: 'Chưa cấu hình mức nhuận bút (mặc định 0) / no rates configured (zero by default)',
};

export interface ContributorTally {
  /** The account id when the contributor has one, else `name:<name>`. */
  readonly contributor: string;
  readonly name: string;
  readonly unitCode: string;
  readonly items: number;
  /** Sum of the contributor's shares, in items (a 50 % share of one item counts 0.5). */
  readonly shareOfItems: number;
  readonly amount: number;
}

export interface UnitTally {
  readonly unitCode: string;
  readonly items: number;
  readonly amount: number;
}

export interface RoyaltyTally {
  readonly quarter: string;
  readonly rates: RoyaltyRates;
  readonly items: readonly {
    readonly itemId: string;
    readonly unitCode: string;
    readonly title: string;
    readonly category: string;
    readonly frozenAt: string;
    readonly amount: number;
  }[];
  readonly contributors: readonly ContributorTally[];
  readonly units: readonly UnitTally[];
  readonly total: { readonly items: number; readonly amount: number };
}

/** Money in whole units (đồng): shares are percentages, so round each contributor's part once. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function royaltyTally(
  quarter: string,
  attributions: readonly FrozenAttribution[],
  rates: RoyaltyRates = zeroRoyaltyRates,
): RoyaltyTally {
  const rateOf = (category: string) => rates.perItem[category] ?? rates.default;
  const sorted = [...attributions]
    .filter((a) => a.quarter === quarter)
    .sort((a, b) => a.frozenAt.localeCompare(b.frozenAt) || a.itemId.localeCompare(b.itemId));
  const byContributor = new Map<
    string,
    { name: string; unitCode: string; items: number; share: number; amount: number }
  >();
  const byUnit = new Map<string, UnitTally>();
  for (const a of sorted) {
    const rate = rateOf(a.category);
    for (const c of a.contributors) {
      const key = `${a.unitCode}|${c.accountId ?? `name:${c.name}`}`;
      const row = byContributor.get(key) ?? { name: c.name, unitCode: a.unitCode, items: 0, share: 0, amount: 0 };
      row.items += 1;
      row.share += c.share / 100;
      row.amount += (rate * c.share) / 100;
      byContributor.set(key, row);
    }
    const unit = byUnit.get(a.unitCode) ?? { unitCode: a.unitCode, items: 0, amount: 0 };
    byUnit.set(a.unitCode, { unitCode: a.unitCode, items: unit.items + 1, amount: unit.amount + rate });
  }
  return {
    quarter,
    rates,
    items: sorted.map((a) => ({
      itemId: a.itemId,
      unitCode: a.unitCode,
      title: a.title,
      category: a.category,
      frozenAt: a.frozenAt,
      amount: rateOf(a.category),
    })),
    contributors: [...byContributor.entries()]
      .map(([key, r]) => ({
        contributor: key.slice(key.indexOf('|') + 1),
        name: r.name,
        unitCode: r.unitCode,
        items: r.items,
        shareOfItems: round2(r.share),
        amount: round2(r.amount),
      }))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.name.localeCompare(b.name, 'vi')),
    units: [...byUnit.values()]
      .map((u) => ({ ...u, amount: round2(u.amount) }))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    total: { items: sorted.length, amount: round2(sorted.reduce((s, a) => s + rateOf(a.category), 0)) },
  };
}
