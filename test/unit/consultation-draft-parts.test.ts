import { describe, expect, it } from 'vitest';
import {
  draftOfItems,
  draftParts,
  draftWrites,
  PART_BUDGET_BYTES,
} from '../../shared/adapters/dynamo/consultation-drafts';
import { itemBytes, MAX_ITEM_BYTES, valueBytes } from '../../shared/adapters/dynamo/item-size';
import type { ConsultationDraftVersion } from '../../shared/domain/participation/consultation';
import type { DomainError } from '../../shared/domain/errors';

/**
 * How a version of a consultation's draft is stored (consultation-drafts.ts): a heading and parts,
 * each item within DynamoDB's 400 KB by the rule item-size.ts counts, read back whole and in order;
 * a piece no part can hold is a 400 naming the field, never a write DynamoDB would refuse.
 */
const digest = 'a'.repeat(64);
const draftOf = (
  articles: Array<{ title?: string; text: string }>,
  preamble = 'Căn cứ Luật;',
): ConsultationDraftVersion => ({
  draftVersion: 1,
  contentVersion: 3,
  title: 'Dự thảo',
  preamble,
  articles: articles.map((a, i) => ({ number: i + 1, title: a.title ?? `Điều ${i + 1}`, text: a.text, digest })),
  takenAt: '2026-12-01T02:00:00.000Z',
});
const itemsOf = (draft: ConsultationDraftVersion) =>
  draftWrites('t', 'id-1', draft, 'contentId').map((w) => (w.item.Put as { Item: Record<string, unknown> }).Item);

describe('item-size', () => {
  it('counts names and values as DynamoDB does, rounding numbers up', () => {
    expect(itemBytes({ pk: 'ab' })).toBe(4);
    expect(itemBytes({ n: 12345 })).toBe(1 + 5);
    expect(itemBytes({ v: 'ệ' })).toBe(1 + 3);
    expect(valueBytes({ a: 'x', b: [true, null] })).toBe(3 + (1 + 1 + 1) + (1 + 1 + (3 + 2 + 2)));
    expect(itemBytes({ skipped: undefined, s: new Set(['ab']) })).toBe(1 + 3 + 1 + 2);
  });
});

describe('a draft version as stored', () => {
  it('fills parts up to the budget, each item within 400 KB, and reads back as written', () => {
    const draft = draftOf(Array.from({ length: 3000 }, (_, i) => ({ text: `Khoản ${i} `.repeat(30) })));
    const items = itemsOf(draft);
    const parts = items.filter((i) => i.type === 'ConsultationDraftPart');
    expect(parts.length).toBeGreaterThan(1);
    for (const item of items) expect(itemBytes(item)).toBeLessThanOrEqual(PART_BUDGET_BYTES);
    expect(PART_BUDGET_BYTES).toBeLessThan(MAX_ITEM_BYTES);
    // Filled, not one article per part: every part but the last holds nearly the budget.
    for (const part of parts.slice(0, -1)) expect(itemBytes(part)).toBeGreaterThan(PART_BUDGET_BYTES - 2048);
    expect(items[0]).toMatchObject({ sk: 'DRAFT#0001', parts: parts.length, draft: { articleCount: 3000 } });
    expect(items[0]).not.toHaveProperty('draft.articles');
    expect(parts.map((p) => p.sk)).toEqual(parts.map((_, i) => `DRAFT#0001#PART#${String(i + 1).padStart(4, '0')}`));
    expect(draftOfItems(items)).toEqual(draft);
  });

  it('keeps a short draft in one part with its preamble', () => {
    const draft = draftOf([{ text: 'Một.' }, { text: 'Hai.' }]);
    const items = itemsOf(draft);
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ preamble: 'Căn cứ Luật;', articles: draft.articles });
    expect(draftOfItems(items)).toEqual(draft);
    expect(draftOfItems(itemsOf(draftOf([{ text: 'x' }], '')))).toMatchObject({ preamble: '' });
    expect(draftOfItems([])).toBeUndefined();
  });

  it('reads a version written whole in its heading (before parts existed) as it is', () => {
    const draft = draftOf([{ text: 'Một.' }]);
    expect(draftOfItems([{ sk: 'DRAFT#0001', draft }])).toEqual(draft);
  });

  it('refuses an article or a preamble no part can hold with a 400 naming the field, in both languages', () => {
    const huge = 'ệ'.repeat(Math.ceil(PART_BUDGET_BYTES / 3));
    const refusal = (draft: ConsultationDraftVersion) => {
      try {
        draftParts('id-1', draft, 'contentId');
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('not refused');
    };
    const article = refusal(draftOf([{ text: 'ngắn' }, { text: huge }]));
    expect(article.code).toBe('validation');
    expect(article.fields).toMatchObject([{ field: 'contentId', code: 'too_large' }]);
    expect(article.fields[0]!.message.vi).toContain('Điều 2');
    expect(article.fields[0]!.message.en).toContain('article 2');
    const preamble = refusal(draftOf([{ text: 'ngắn' }], huge));
    expect(preamble.fields[0]!.message.vi).toContain('phần mở đầu');
    // Just within: one article that alone fills a part is stored.
    const fits = 'x'.repeat(PART_BUDGET_BYTES - 1024);
    expect(draftParts('id-1', draftOf([{ text: fits }], ''), 'contentId')).toHaveLength(1);
  });
});
