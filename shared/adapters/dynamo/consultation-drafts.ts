import type { ConsultationArticle, ConsultationDraftVersion } from '../../domain/participation/consultation';
import { invalidField } from '../../domain/errors';
import { itemBytes, MAX_ITEM_BYTES, valueBytes } from './item-size';
import { keys } from './keys';
import type { WriteAction } from './unit-of-work';

/**
 * A version of a consultation's draft as stored: a heading item (`DRAFT#<v>`, what lists and
 * guards need: no text) and the text in parts (`DRAFT#<v>#PART#<n>`: the preamble, then runs of
 * articles in order), each part filled up to PART_BUDGET_BYTES by DynamoDB's own size rule. A
 * draft may hold up to 300 KB of cleaned body (content-create.ts) and up to 9999 articles, each
 * with its digest: more than one item holds, so no single item carries the whole text.
 */
export interface ConsultationDraftHeading {
  readonly draftVersion: number;
  readonly contentVersion: number;
  readonly title: string;
  readonly takenAt: string;
  readonly articleCount: number;
}

/** Room left under DynamoDB's 400 KB for a part's keys and bookkeeping, with margin. */
export const PART_BUDGET_BYTES = MAX_ITEM_BYTES - 16 * 1024;

export const headingOf = (draft: ConsultationDraftVersion): ConsultationDraftHeading => ({
  draftVersion: draft.draftVersion,
  contentVersion: draft.contentVersion,
  title: draft.title,
  takenAt: draft.takenAt,
  articleCount: draft.articles.length,
});

interface Part {
  readonly preamble?: string;
  readonly articles: ConsultationArticle[];
}

/** The refusal of a draft one of whose pieces alone (the preamble, or one article) exceeds a part. */
function tooLarge(field: string, piece: { vi: string; en: string }, bytes: number) {
  const kb = Math.ceil(bytes / 1024);
  const max = Math.floor(PART_BUDGET_BYTES / 1024);
  return invalidField(
    field,
    {
      vi: `Dự thảo không lưu được: ${piece.vi} dài ${kb} KB, tối đa ${max} KB`,
      en: `The draft cannot be stored: its ${piece.en} takes ${kb} KB, at most ${max} KB`,
    },
    'too_large',
  );
}

/** The draft's text in parts, in order; `field` is named if a single piece cannot be stored. */
export function draftParts(id: string, draft: ConsultationDraftVersion, field: string): Part[] {
  const base = itemBytes({
    ...keys.consultationDraftPart(id, draft.draftVersion, 9999),
    type: 'ConsultationDraftPart',
    id,
    draftVersion: draft.draftVersion,
    part: 9999,
    articles: [],
  });
  const preambleBytes = draft.preamble === '' ? 0 : Buffer.byteLength('preamble') + valueBytes(draft.preamble);
  if (base + preambleBytes > PART_BUDGET_BYTES)
    throw tooLarge(field, { vi: 'phần mở đầu', en: 'preamble' }, preambleBytes);
  const parts: Part[] = [];
  let current: Part = { ...(draft.preamble !== '' && { preamble: draft.preamble }), articles: [] };
  let size = base + preambleBytes;
  for (const article of draft.articles) {
    const bytes = 1 + valueBytes(article);
    if (base + bytes > PART_BUDGET_BYTES)
      throw tooLarge(field, { vi: `Điều ${article.number}`, en: `article ${article.number}` }, bytes);
    if (size + bytes > PART_BUDGET_BYTES) {
      parts.push(current);
      current = { articles: [] };
      size = base;
    }
    current.articles.push(article);
    size += bytes;
  }
  parts.push(current);
  return parts;
}

/** The writes of one version: its heading and its parts, each append-only (a second write of the version is refused). */
export function draftWrites(
  tableName: string,
  id: string,
  draft: ConsultationDraftVersion,
  field: string,
): WriteAction[] {
  const parts = draftParts(id, draft, field);
  const onConflict = {
    message: {
      vi: `Phiên bản ${draft.draftVersion} của dự thảo ${id} đã có`,
      en: `Version ${draft.draftVersion} of draft ${id} exists already`,
    },
  };
  const put = (Item: Record<string, unknown>): WriteAction => ({
    item: { Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
    onConflict,
  });
  return [
    put({
      ...keys.consultationDraft(id, draft.draftVersion),
      type: 'ConsultationDraft',
      id,
      draft: headingOf(draft),
      parts: parts.length,
    }),
    ...parts.map((part, i) =>
      put({
        ...keys.consultationDraftPart(id, draft.draftVersion, i + 1),
        type: 'ConsultationDraftPart',
        id,
        draftVersion: draft.draftVersion,
        part: i + 1,
        ...part,
      }),
    ),
  ];
}

/**
 * A version read back from its heading and parts (in sort-key order: the heading first). A heading
 * that still holds the whole text (written before parts existed) is read as it is.
 */
export function draftOfItems(items: readonly Record<string, unknown>[]): ConsultationDraftVersion | undefined {
  const [head, ...parts] = items;
  if (!head) return undefined;
  const stored = head.draft as ConsultationDraftHeading & Partial<ConsultationDraftVersion>;
  if (stored.articles) return stored as ConsultationDraftVersion;
  const { articleCount: _count, ...heading } = stored;
  return {
    ...heading,
    preamble: parts.map((p) => (p.preamble as string | undefined) ?? '').join(''),
    articles: parts.flatMap((p) => p.articles as ConsultationArticle[]),
  };
}
