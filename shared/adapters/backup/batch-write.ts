import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';

const BATCH = 25; // BatchWriteItem's limit
const PARALLEL = 8;
const MAX_ATTEMPTS = 10;

/** BatchWriteItem, retrying UnprocessedItems with exponential backoff and jitter. */
export async function writeBatch(dynamodb: DynamoDBClient, table: string, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(`${pending.length} items still unprocessed after ${MAX_ATTEMPTS} attempts`);
    if (attempt > 0)
      await new Promise((r) => setTimeout(r, Math.min(2_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2)));
    const out = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    pending = out.UnprocessedItems?.[table] ?? [];
  }
}

/**
 * Puts every request in waves of PARALLEL batches of 25 (one call at a time waits on the network
 * most of the time). `maxBatches` stops early (tests: a restore killed part-way); returns the batches sent.
 */
export async function writeInWaves(
  dynamodb: DynamoDBClient,
  table: string,
  requests: WriteRequest[],
  maxBatches = Infinity,
): Promise<{ batches: number; written: number }> {
  let batches = 0;
  let written = 0;
  while (written < requests.length) {
    const wave = Math.min(PARALLEL, Math.ceil((requests.length - written) / BATCH), maxBatches - batches);
    if (wave <= 0) break;
    const slices = Array.from({ length: wave }, (_, w) =>
      requests.slice(written + w * BATCH, written + (w + 1) * BATCH),
    );
    await Promise.all(slices.map((slice) => writeBatch(dynamodb, table, slice)));
    batches += wave;
    written += slices.reduce((n, slice) => n + slice.length, 0);
  }
  return { batches, written };
}
