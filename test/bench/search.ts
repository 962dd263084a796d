/**
 * Legal-document search at scale (issue 8): BENCH_SEARCH_ITEMS published legal documents (100,000
 * by default, test/bench/legal-corpus.ts) loaded straight into the local stack's table through the
 * application's own writers (searchIndexWrites for the index entries, the content repository's
 * putPublic for the public renditions), then each query over HTTP: latency and what the public
 * function read, beside a Scan of the same table.
 *
 * What is loaded (BENCH_SEARCH_INDEX): `read` (default) writes every entry of every partition the
 * measured queries read, complete, and the renditions of the documents in them; `full` writes the
 * whole index (~37 entries a document: ~3.8 million items for 100,000, about half an hour on
 * DynamoDB Local). A Query reads one partition and never sees another, so the figures per query
 * are the same; only the Scan is smaller than it would be over the full index (printed beside it).
 */
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { rendition } from '../../shared/application/content-transitions';
import { searchIndexWrites } from '../../shared/application/legal-search';
import { citationLine } from '../../shared/domain/content';
import { planSearch, type LegalSearchQuery } from '../../shared/domain/search';
import type { LocalStack } from '../../infra/local/stack';
import { legalCorpus } from './legal-corpus';
import { countReads, type ReadTally } from './read-counter';
import { fmt, latency, report } from './report';
import { summarize, timeInterleaved } from './stats';
import { floors } from './content';
import { streamOffForLoading } from './stream-off';

const PORTAL = 'demo';

/** The measured searches: a number, the issue's phrase, words of summaries, form and dates, filters. */
export const SEARCH_QUERIES: ReadonlyArray<{ label: string; query: LegalSearchQuery; sought?: string }> = [
  { label: 'number=12/2026/QĐ-UBND', query: { number: '12/2026/QĐ-UBND' }, sought: '12/2026/QĐ-UBND' },
  { label: 'q="quyet dinh 12/2026"', query: { q: 'quyet dinh 12/2026' }, sought: '12/2026/QĐ-UBND' },
  { label: 'q="quản lý đất đai" (words of summaries)', query: { q: 'quản lý đất đai' } },
  {
    label: 'form=KH, issued 2025-01-01…2025-06-30',
    query: { form: 'KH', issuedFrom: '2025-01-01', issuedTo: '2025-06-30' },
  },
  {
    label: 'authority=HĐND, status=expired, to 2019',
    query: { authority: 'HĐND', status: 'expired', issuedTo: '2019-12-31' },
  },
  { label: 'q="đất đai", status=in-force', query: { q: 'đất đai', status: 'in-force' } },
];

const termOf = (pk: string) => pk.split('#').slice(2).join('#');

/** Sends BatchWriteItem requests of 25, `concurrency` at a time, retrying what DynamoDB leaves unprocessed. */
export function batchWriter(db: DynamoDBDocumentClient, tableName: string, concurrency = 8) {
  const pending: Array<Record<string, unknown>> = [];
  const inFlight = new Set<Promise<void>>();
  let written = 0;
  const send = async (items: Array<Record<string, unknown>>) => {
    let requests: Array<{ PutRequest: { Item: Record<string, unknown> } }> | undefined = items.map((Item) => ({
      PutRequest: { Item },
    }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = out.UnprocessedItems?.[tableName] as typeof requests;
    }
    written += items.length;
  };
  const flush = async (all: boolean) => {
    while (pending.length >= 25 || (all && pending.length > 0)) {
      const job = send(pending.splice(0, 25)).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    if (all) await Promise.all(inFlight);
  };
  return {
    async put(item: Record<string, unknown>) {
      pending.push(item);
      if (pending.length >= 25) await flush(false);
    },
    async done() {
      await flush(true);
      return written;
    },
  };
}

async function load(stack: LocalStack, count: number, mode: 'read' | 'full') {
  const tableName = stack.resources.tableName;
  // Loading is setup, not traffic: no outbox events here, so the stream (and its poller) would only add
  // work. Turning the stream off only saves time: the load is correct either way.
  await stack.outbox.stop();
  await streamOffForLoading(stack.services.db, tableName);
  const readTerms = new Set(SEARCH_QUERIES.flatMap(({ query }) => planSearch(query).reads.map((r) => r.term)));
  const citation = citationLine(
    { kind: 'province', name: { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' }, domain: 'binhdinh.gov.vn' },
    'vi',
    'binh-dinh-2020',
  );
  const writer = batchWriter(stack.services.db, tableName);
  let fullIndex = 0;
  let documents = 0;
  const start = performance.now();
  for (const record of legalCorpus(count, PORTAL)) {
    const { actions, stored } = searchIndexWrites(stack.services, record, true);
    fullIndex += actions.length;
    const kept = actions
      .map((a) => a.item.Put!.Item as Record<string, unknown>)
      .filter((item) => mode === 'full' || readTerms.has(termOf(item.pk as string)));
    if (kept.length === 0) continue;
    documents += 1;
    for (const item of kept) await writer.put(item);
    const published = stored ? { ...record, searchIndex: stored } : record;
    await writer.put(
      stack.services.content.putPublic(rendition(published, citation)).item.Put!.Item as Record<string, unknown>,
    );
  }
  const written = await writer.done();
  const seconds = (performance.now() - start) / 1000;
  return { written, documents, fullIndex, seconds };
}

/**
 * A Scan of the whole table for what the number search finds: every item read, whatever it holds.
 * Parallel (4 segments), as one would scan a large table; stopped after BENCH_SCAN_SECONDS (30 s)
 * on a slow machine, reporting what it had read by then.
 */
async function scanForNumber(db: DynamoDBDocumentClient, tableName: string, symbol: string) {
  return budgetedScan(
    db,
    tableName,
    {
      FilterExpression: '#type = :type AND legalDocument.numberSymbol = :symbol',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'PublishedContent', ':symbol': symbol },
    },
    30,
  );
}

/**
 * A parallel Scan (4 segments) of the whole table with a filter: what the benches hold their
 * indexed reads against. Stopped after BENCH_SCAN_SECONDS (`defaultSeconds` by default), reporting
 * what it had read by then (`complete: false`).
 */
export async function budgetedScan(
  db: DynamoDBDocumentClient,
  tableName: string,
  filter: {
    FilterExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  },
  defaultSeconds: number,
) {
  const budgetMs = Number(process.env.BENCH_SCAN_SECONDS ?? defaultSeconds) * 1000;
  const start = performance.now();
  const totals = { scanned: 0, found: 0, capacity: 0, complete: true };
  await Promise.all(
    Array.from({ length: 4 }, async (_, segment) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        if (performance.now() - start > budgetMs) {
          totals.complete = false;
          return;
        }
        const out = await db.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: 4,
            ...filter,
            ExclusiveStartKey: startKey,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        totals.scanned += out.ScannedCount ?? 0;
        totals.found += out.Count ?? 0;
        totals.capacity += out.ConsumedCapacity?.CapacityUnits ?? 0;
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    }),
  );
  return { ...totals, ms: performance.now() - start };
}

const readsText = (r: ReadTally) =>
  `${fmt(r.items)} items read in ${r.calls} calls (${Object.entries(r.byCommand)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ')})${r.capacityUnits ? `, ${fmt(r.capacityUnits, 1)} RCU` : ''}`;

export async function benchSearch(stack: LocalStack): Promise<void> {
  const floor = floors(stack).http;
  const count = Number(process.env.BENCH_SEARCH_ITEMS ?? 100_000);
  const mode = process.env.BENCH_SEARCH_INDEX === 'full' ? 'full' : 'read';
  const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 100);
  const loaded = await load(stack, count, mode);
  report(
    `search: load ${fmt(count)} published legal documents`,
    `${fmt(loaded.seconds, 1)} s, ${fmt(loaded.written)} items (${fmt(loaded.written / loaded.seconds)}/s), index=${mode}`,
  );
  report(
    'search: the full index of these documents',
    `${fmt(loaded.fullIndex)} entries (${fmt(loaded.fullIndex / count, 1)} a document), ${mode === 'full' ? 'all written' : `${fmt(loaded.documents)} documents' renditions + the read partitions written`}`,
  );

  const base = `${stack.gateway.url}/public/portals/${PORTAL}/legal-documents`;
  for (const { label, query, sought } of SEARCH_QUERIES) {
    const url = `${base}?${new URLSearchParams(query as Record<string, string>)}`;
    const get = async () => {
      const res = await fetch(url);
      const body = (await res.json()) as { items?: Array<{ numberSymbol: string }> };
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const { result, reads } = await countReads(stack.services.dynamo, 'contentPublic', get);
    const times = await timeInterleaved(runs, get, floor, { warmUp: 5 });
    const shown = result.items ?? [];
    const rank =
      sought === undefined
        ? ''
        : `, ${sought} ${shown.some((i) => i.numberSymbol === sought) ? `#${shown.findIndex((i) => i.numberSymbol === sought) + 1}` : 'not shown'}`;
    report(
      `search ${label}`,
      `${latency(summarize(times.times), summarize(times.floor))}; ${shown.length} shown (first ${shown[0]?.numberSymbol ?? '–'}${rank}); ${readsText(reads)}`,
    );
  }

  const symbol = '12/2026/QĐ-UBND';
  const scan = await scanForNumber(stack.services.db, stack.resources.tableName, symbol);
  const sought = (
    await countReads(stack.services.dynamo, 'contentPublic', () =>
      fetch(`${base}?number=${encodeURIComponent(symbol)}`).then((r) => r.arrayBuffer()),
    )
  ).reads;
  report(
    `Scan of the same table for ${symbol}`,
    scan.complete
      ? `${fmt(scan.ms)} ms, ${fmt(scan.scanned)} items read (${fmt(scan.capacity, 0)} RCU) to find ${scan.found}: ${fmt(scan.scanned / Math.max(1, sought.items))}× the search's ${sought.items}`
      : `stopped after ${fmt(scan.ms / 1000)} s with ${fmt(scan.scanned)} of ≥ ${fmt(loaded.written)} items read (${fmt(scan.capacity, 0)} RCU): ≥ ${fmt(loaded.written / Math.max(1, sought.items))}× the search's ${sought.items}`,
  );
  if (mode === 'read')
    report(
      '  a Scan over the full index would read at least',
      `${fmt(loaded.fullIndex + count)} items (every entry and rendition)`,
    );
}
