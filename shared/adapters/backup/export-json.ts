import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoJsonItem } from '../../domain/backups/digest';

/**
 * DynamoDB's export writes items as DynamoDB JSON with binary values in base64; the SDK hands us
 * and takes Uint8Arrays. These two functions convert between them, so digests are computed over
 * the export's form on both sides (export and restore).
 */
export function toExportJson(item: Record<string, AttributeValue>): DynamoJsonItem {
  // Most items hold no binary: they are DynamoDB JSON as the SDK returns them, taken as they are
  // (the backup converts every item; rebuilding each cost as much as reading it).
  if (!holdsBinary(item)) return item as DynamoJsonItem;
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, attributeToJson(value)]));
}

function holdsBinary(map: Record<string, AttributeValue>): boolean {
  for (const name in map) {
    const value = map[name]!;
    if (value.B !== undefined || value.BS !== undefined) return true;
    if (value.M !== undefined && holdsBinary(value.M)) return true;
    if (value.L !== undefined && value.L.some((member) => holdsBinary({ member }))) return true;
  }
  return false;
}

export function fromExportJson(item: DynamoJsonItem): Record<string, AttributeValue> {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [name, attributeFromJson(value as Record<string, unknown>)]),
  );
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function attributeToJson(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(attributeToJson) };
  if (value.M !== undefined) return { M: toExportJson(value.M) };
  // S, N, BOOL, NULL, SS, NS: JSON as they are. `$unknown` never comes back from DynamoDB.
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function attributeFromJson(value: Record<string, unknown>): AttributeValue {
  if (typeof value.B === 'string') return { B: fromBase64(value.B) };
  if (Array.isArray(value.BS)) return { BS: (value.BS as string[]).map(fromBase64) };
  if (Array.isArray(value.L)) return { L: (value.L as Array<Record<string, unknown>>).map(attributeFromJson) };
  if (value.M && typeof value.M === 'object') return { M: fromExportJson(value.M as DynamoJsonItem) };
  return value as unknown as AttributeValue;
}
