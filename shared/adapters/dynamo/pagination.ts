import { DomainError } from '../../domain/errors';

/** Opaque cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  const message = { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' };
  throw new DomainError('validation', message, [{ field: 'query.cursor', code: 'invalid_cursor', message }]);
}
