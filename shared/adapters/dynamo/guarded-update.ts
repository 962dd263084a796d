import type { LocalizedText } from '../../domain/text';
import type { Key } from './keys';
import type { WriteAction } from './unit-of-work';

export interface UpdateGuard {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, unknown>;
}

/**
 * An item's update that bumps its version, guarded by the version read and `guard`: sets and
 * removes attributes (`remove` takes dotted paths, e.g. `rating.comment`). A lost race reports `message`.
 */
export function guardedUpdate(
  tableName: string,
  key: Key,
  version: number,
  set: Readonly<Record<string, unknown>>,
  remove: readonly string[],
  guard: UpdateGuard,
  message: LocalizedText,
): WriteAction {
  const names: Record<string, string> = { '#version': 'version', ...guard.names };
  const values: Record<string, unknown> = { ':version': version, ':next': version + 1, ...guard.values };
  const sets = ['#version = :next'];
  Object.entries(set).forEach(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = remove.map((path, i) =>
    path
      .split('.')
      .map((part, j) => {
        names[`#r${i}_${j}`] = part;
        return `#r${i}_${j}`;
      })
      .join('.'),
  );
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `#version = :version AND ${guard.expression}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConflict: { message },
  };
}
