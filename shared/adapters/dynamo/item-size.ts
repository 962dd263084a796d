/**
 * DynamoDB's size of an item, as its documentation counts it ("Item sizes and formats", DynamoDB
 * Developer Guide): attribute names and strings in UTF-8 bytes, a number about one byte per two
 * significant digits plus one, a boolean or null one byte, a map or list 3 bytes plus one per
 * element (and each map key's name). Rounded up wherever the documentation is approximate, so an
 * item this counts within a limit is within it. DynamoDB refuses an item above MAX_ITEM_BYTES.
 */
export const MAX_ITEM_BYTES = 400 * 1024;

export function valueBytes(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint')
    return Math.min(21, 2 + Math.ceil(String(value).replace(/\D/gu, '').length / 2));
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value) || value instanceof Set)
    return [...value].reduce<number>((n, element) => n + 1 + valueBytes(element), 3);
  if (typeof value === 'object')
    return Object.entries(value).reduce<number>(
      (n, [name, element]) => (element === undefined ? n : n + 1 + Buffer.byteLength(name) + valueBytes(element)),
      3,
    );
  return Buffer.byteLength(String(value));
}

/** The size of a whole item: each top-level attribute's name and value (undefined ones are not written). */
export const itemBytes = (item: Readonly<Record<string, unknown>>): number =>
  Object.entries(item).reduce(
    (n, [name, value]) => (value === undefined ? n : n + Buffer.byteLength(name) + valueBytes(value)),
    0,
  );
