/**
 * `npm run bench -- escalation` (issue 9 #5, issue 21 #4): a table of `BENCH_ESCALATION_QUESTIONS`
 * (20,000) routed questions, each with its open answer clock on the due index,
 * `BENCH_ESCALATION_DUE` (10,000) of them past their due instant. The `escalate-questions` job
 * runs as of Fri 20/11/2026 09:00 until nothing more is due (each run reads every open clock due
 * and raises "overdue" on at most 5,000), once more (all raised), then a Scan of the same table looks
 * for the same clocks (4 segments, stopped after `BENCH_SCAN_SECONDS`, 600). What the job read and
 * the transactions it sent are counted by the read counter (read-counter.ts); the time per clock is
 * projected against the job's Lambda timeout.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamo/keys';
import { openClockWork } from '../../shared/adapters/dynamo/workflow-commit';
import type { LocalStack } from '../../infra/local/stack';
import { countReads, type ReadTally } from './read-counter';
import { fmt, report } from './report';
import { functionDefinitions } from '../../functions/manifest';
import { batchWriter, budgetedScan } from './search';
import { streamOffForLoading } from './stream-off';

const AT = '2026-11-20T09:00:00+07:00';
/** Due at the end of Wed 18/11: overdue on Fri 20/11, not yet very overdue (2 working days). */
const OVERDUE_AT = new Date(Date.parse('2026-11-19T00:00:00+07:00')).toISOString();

function question(i: number, due: boolean) {
  const id = `HD.20261102.${String(i + 1).padStart(6, '0')}`;
  const routedAt = '2026-11-12T02:00:00.000Z';
  // The others are due from January 2027 on, one a few minutes after another.
  const dueAt = due ? OVERDUE_AT : new Date(Date.parse('2027-01-05T17:00:00Z') + i * 300_000).toISOString();
  return {
    question: {
      ...keys.question(id),
      type: 'Question',
      id,
      portal: 'demo',
      unitPath: ['demo'],
      field: 'land-environment',
      title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
      text: 'Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu, trong bao lâu thì được giải quyết?',
      askerKind: 'individual',
      consent: { processing: true, publication: false },
      state: 'routed',
      version: 3,
      openClocks: ['answer'],
      assignee: { unitPath: ['soa', 'demo'] },
      receivedAt: '2026-11-11T02:00:00.000Z',
      updatedAt: routedAt,
      classificationDueAt: '2026-11-12T17:00:00.000Z',
      answerDueAt: dueAt,
      dueAt,
      routings: [
        { unitCode: 'soa', routedAt, answerDueAt: dueAt, returnDueAt: '2026-11-13T17:00:00.000Z', routedOnTime: true },
      ],
      secretHash: 'x'.repeat(43),
    },
    // The work item exactly as a `route` step opens it.
    clock: openClockWork(
      '',
      { type: 'Question', id, owner: 'demo' },
      { clock: 'answer', policy: 'qa.answer', basis: 'BĐ 12.4', assignee: { unitCode: 'soa' }, startedAt: routedAt },
      dueAt,
      `Câu hỏi ${id}`,
    ).item.Put!.Item as Record<string, unknown>,
  };
}

async function load(stack: LocalStack, count: number, due: number) {
  // Setup, not traffic: the stream and its poller would only add work (see search.ts).
  await stack.outbox.stop();
  await streamOffForLoading(stack.services.db, stack.resources.tableName);
  const writer = batchWriter(stack.services.db, stack.resources.tableName);
  const every = Math.floor(count / due);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const q = question(i, i % every === 0 && i / every < due);
    await writer.put(q.question);
    await writer.put(q.clock);
  }
  const written = await writer.done();
  return { written, seconds: (performance.now() - start) / 1000 };
}

/** The same question, answered by a Scan: every open question clock due by the job's horizon. */
async function scan(db: DynamoDBDocumentClient, tableName: string, horizon: string) {
  return budgetedScan(
    db,
    tableName,
    {
      FilterExpression: '#type = :type AND aggregateType = :question AND #status = :open AND dueAt <= :horizon',
      ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
      ExpressionAttributeValues: {
        ':type': 'WorkAssignment',
        ':question': 'Question',
        ':open': 'open',
        ':horizon': horizon,
      },
    },
    600,
  );
}

const readsText = (r: ReadTally) =>
  `${fmt(r.items)} items read in ${r.calls} calls (${Object.entries(r.byCommand)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ')}), ${fmt(r.capacityUnits, 1)} RCU`;

export async function benchEscalation(stack: LocalStack): Promise<void> {
  const count = Number(process.env.BENCH_ESCALATION_QUESTIONS ?? 20_000);
  const due = Number(process.env.BENCH_ESCALATION_DUE ?? 10_000);
  const loaded = await load(stack, count, due);
  report(
    `escalation: load ${fmt(count)} questions (${fmt(due)} due)`,
    `${fmt(loaded.seconds, 1)} s, ${fmt(loaded.written)} items (${fmt(loaded.written / loaded.seconds)}/s), BatchWriteItem ×8`,
  );
  const run = async () => {
    const start = performance.now();
    const { result, reads } = await countReads(stack.services.dynamo, 'escalateQuestions', () =>
      stack.runJob('escalate-questions', { at: AT }),
    );
    return { ms: performance.now() - start, r: result as Record<string, unknown>, reads };
  };
  // The first sweep: runs until the due index holds nothing more to raise (as the hourly schedule would, one run an hour).
  const sweep = { runs: 0, ms: 0, raised: 0, transactions: 0, slowest: 0 };
  for (let more = true; more; ) {
    const { ms, r, reads } = await run();
    sweep.runs += 1;
    sweep.ms += ms;
    sweep.raised += Number(r.overdue);
    sweep.transactions += reads.transactions;
    sweep.slowest = Math.max(sweep.slowest, ms);
    report(
      `escalation: job, run ${sweep.runs}`,
      `${fmt(ms, 0)} ms, ${reads.transactions} transactions, ${readsText(reads)}; due ${r.due}, overdue raised ${r.overdue}, skipped ${r.skipped}, more ${r.more}`,
    );
    more = r.more === true && sweep.runs < 100;
  }
  const perClock = sweep.ms / Math.max(1, sweep.raised);
  const timeout = functionDefinitions.escalateQuestions.timeoutSeconds * 1000;
  report(
    `escalation: ${fmt(sweep.raised)} raised in ${sweep.runs} runs`,
    `${fmt(sweep.ms / 1000, 1)} s, ${fmt(sweep.transactions)} transactions (${fmt(sweep.raised / Math.max(1, sweep.transactions), 1)} clocks each), ${fmt(perClock, 2)} ms a clock; ` +
      `the slowest run (${fmt(sweep.slowest / 1000, 1)} s) is ${fmt((sweep.slowest / timeout) * 100, 1)} % of the ${timeout / 1000} s timeout, which fits ~${fmt(timeout / perClock)} clocks at this rate`,
  );
  const again = await run();
  report(
    'escalation: job, once more (all raised)',
    `${fmt(again.ms, 0)} ms, ${again.reads.transactions} transactions, ${readsText(again.reads)}; due ${again.r.due}, skipped ${again.r.skipped}`,
  );
  // The job's horizon on Fri 20/11 (a reminder the same day): the end of that day.
  const scanned = await scan(
    stack.services.db,
    stack.resources.tableName,
    new Date(Date.parse('2026-11-21T00:00:00+07:00')).toISOString(),
  );
  const whole = scanned.complete
    ? ''
    : ` (stopped after BENCH_SCAN_SECONDS: ${fmt(loaded.written)} items in the table)`;
  report(
    'escalation: full Scan of the same table',
    `${fmt(scanned.ms, 0)} ms, ${fmt(scanned.scanned)} items read (${fmt(scanned.capacity, 1)} RCU) to find ${fmt(scanned.found)}${whole}`,
  );
}
