import type { LocalizedText } from '../../domain/text';
import type { Key } from './keys';
import type { WriteAction } from './unit-of-work';

/**
 * A fixed-window rate limit on anonymous writes (asking a question, commenting on a draft): one
 * small item per source (a digest of the address, never the address) and window, charged in the
 * write's own transaction, so a refused request writes nothing, and read before it, so a refusal
 * costs no number. Expires by TTL.
 */
export function chargeWindow(
  tableName: string,
  key: Key,
  type: string,
  max: number,
  expiresAt: number,
  message: LocalizedText,
): WriteAction {
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET asks = if_not_exists(asks, :zero) + :one, expiresAt = :expiresAt, #type = :type',
        ConditionExpression: 'attribute_not_exists(asks) OR asks < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': max, ':expiresAt': expiresAt, ':type': type },
      },
    },
    onConflict: { code: 'too_many_requests', message },
  };
}

/** Whether a window's item (as read) has used its `max`. */
export const windowUsed = (item: Record<string, unknown> | undefined, max: number): boolean =>
  Number(item?.asks ?? 0) >= max;

/** The start of the hour window holding `now` (UTC). */
export const hourWindowOf = (now: Date): string =>
  new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
