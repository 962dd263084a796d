import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { captureLogs, seedQuestionUnits, logAtInfo } from '../support/log-capture';
import { settled } from '../support/settled';
import { caller, person, type Person } from '../support/directory';
import { questionFlow } from '../support/question-flow';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { lambdaContext } from '../../infra/local/functions';
import type { Services } from '../../shared/composition/services';
import { invocation } from '../../infra/local/table-permissions';
import { functionDefinitions } from '../../functions/manifest';
import { pathToFileURL } from 'node:url';
import { keys } from '../../shared/adapters/dynamo/keys';
import { eventCatalogue, pendingEvent, type EventDetail, type EventName } from '../../events/catalogue';

// The consumer's log lines must be on to prove they hold no personal data.
logAtInfo();

/**
 * Notifications (issue 9 #6) on the local stack: question steps committed through the API reach
 * the notifications queue through the outbox and the local bus, and the consumer writes one .eml
 * file per recipient in the outbox folder. Once per event and recipient, whatever the redeliveries
 * and however many consumers run at once; a sender that keeps failing sends the message to the DLQ.
 */
const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const staffAddress = (p: Person) => `${p.username}@example.gov.vn`;

const lan = {
  fullName: 'Trần Thị Ngọc Lan',
  nationality: 'Việt Nam',
  address: '45 Nguyễn Huệ, phường Quy Nhơn',
  phone: '0912 345 678',
  email: 'ngoclan.tran@example.vn',
};
const personal = [lan.fullName, lan.address, lan.phone, lan.email];

let texts = 0;
const question = (asker: Record<string, string> = lan) => ({
  asker: { kind: 'individual', ...asker },
  field: 'land-environment',
  title: 'Hỏi về thủ tục tách thửa đất ở',
  text: `Xin hỏi điều kiện tách thửa đất ở tại phường, diện tích tối thiểu là bao nhiêu mét vuông? (${(texts += 1)})`,
  consent: { processing: true, publication: false },
});
let addresses = 0;
async function ask(asker?: Record<string, string>): Promise<string> {
  // Each ask from its own loopback address: the per-address limit is not what this file tests.
  const res = await httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(question(asker)),
    from: `127.0.2.${(addresses += 1)}`,
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { trackingCode: string }).trackingCode;
}
const step = questionFlow(call, { cast: () => ({}) }).take;

interface Mail {
  readonly file: string;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
}

/** Every e-mail in this stack's outbox folder. */
function mails(): Mail[] {
  const root = local.stack().mailOutboxDir;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const raw = readFileSync(join(root, f), 'utf8');
      const split = raw.indexOf('\r\n\r\n');
      const headers = Object.fromEntries(
        raw
          .slice(0, split)
          .split('\r\n')
          .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 2)]),
      );
      return {
        file: f,
        to: headers.to!,
        from: headers.from!,
        subject: headers.subject!,
        text: raw.slice(split + 4).replace(/\r\n/g, '\n'),
      };
    });
}
/** Until every event committed so far was handled (instead of sleeping to see that nothing more comes). */
const quiet = () => settled(local.stack(), local.clients().sqs);
const about = (id: string, to?: string) =>
  mails().filter((m) => m.subject.includes(id) && (to === undefined || m.to === to));

/** Waits until `count` e-mails about the question reached `to`, then until all is handled, to see that no more come. */
async function received(id: string, to: string, count: number, match?: string): Promise<Mail[]> {
  const found = await eventually(async () => {
    const list = about(id, to).filter((m) => match === undefined || m.subject.includes(match));
    return list.length >= count ? list : undefined;
  }, 15_000);
  await quiet();
  expect(about(id, to).filter((m) => match === undefined || m.subject.includes(match))).toHaveLength(found.length);
  return found;
}

/** The SQS record EventBridge would deliver for an event, with a fresh event id unless given. */
function sqsEvent<N extends EventName>(
  name: N,
  detail: EventDetail<N>,
  eventId = randomUUID(),
  messages = 1,
): SQSEvent {
  const entry = eventCatalogue[name];
  const body = JSON.stringify({
    version: '0',
    id: randomUUID(),
    'detail-type': entry.detailType,
    source: entry.source,
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'ap-southeast-1',
    resources: [],
    detail: {
      metadata: { eventId, transactionId: randomUUID(), requestId: 'test', occurredAt: new Date().toISOString() },
      data: detail,
    },
  });
  const record = (i: number) => ({
    messageId: `m-${eventId}-${i}`,
    receiptHandle: 'r',
    body,
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:notifications',
    awsRegion: 'ap-southeast-1',
    messageAttributes: {},
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
  });
  return { Records: Array.from({ length: messages }, (_, i) => record(i)) };
}
const consume = (event: SQSEvent) => local.stack().invoke('sendNotifications', event) as Promise<SQSBatchResponse>;

/**
 * A second Lambda instance of the consumer: its entry module loaded again (its own batch processor,
 * as another instance has), under the same table grants. Two instances, not two calls of one: Lambda
 * gives an instance one event at a time.
 */
async function secondInstance(): Promise<(event: SQSEvent) => Promise<SQSBatchResponse>> {
  const entry = `${pathToFileURL(resolve(import.meta.dirname, '../..', functionDefinitions.sendNotifications.entry)).href}?instance=2`;
  const { handler: entryHandler } = (await import(entry)) as {
    handler: ((event: SQSEvent, context: Context) => Promise<SQSBatchResponse>) & {
      wire?: (s: Services) => (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
    };
  };
  const handler = entryHandler.wire ? entryHandler.wire(local.stack().services) : entryHandler;
  return (event) =>
    invocation.run({ function: 'sendNotifications' }, () => handler(event, lambdaContext('sendNotifications')));
}

let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs();
  await seedQuestionUnits();
  // Independent accounts: created and signed in at once.
  [people.secretary, people.chief, people.officerA, people.headA, people.officerB] = await Promise.all([
    person(local.api, 'thuky.tb', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.tb', 'binhdinh', ['chief-editor']),
    person(local.api, 'canbo.tba', 'soa', ['unit-officer']),
    person(local.api, 'giamdoc.tba', 'soa', ['unit-head']),
    person(local.api, 'canbo.tbb', 'sob', ['unit-officer']),
  ]);
}, 120_000);

/** No personal data of an asker in any log line so far. */
const expectNoPersonalDataLogged = () => {
  for (const line of logs.lines()) for (const value of personal) expect(line, 'a log line').not.toContain(value);
};

afterAll(() => {
  // The whole file's lines, including those of tests shuffled after the privacy test.
  try {
    expectNoPersonalDataLogged();
  } finally {
    logs.restore();
  }
});

describe('the asker is told, once per step', () => {
  it('ask → classify → refuse: one receipt with the tracking code, then one refusal with its ground and reason', async () => {
    const id = await ask();
    const [receipt] = await received(id, lan.email, 1, 'Đã tiếp nhận');
    expect(receipt!.from).toBe('no-reply@binhdinh.gov.vn');
    expect(receipt!.text).toContain(`Mã theo dõi: ${id}`);
    expect(receipt!.text).toContain(`Tracking code: ${id}`);
    // Vietnamese first, English second.
    expect(receipt!.text.indexOf('Kính gửi')).toBeLessThan(receipt!.text.indexOf('Dear Sir or Madam'));
    expect(receipt!.text).not.toContain(lan.fullName);

    await step(id, people.secretary!, { action: 'classify', complexity: 'simple' });
    await step(id, people.secretary!, {
      action: 'refuse',
      ground: 'complaint',
      reason: 'Nội dung là đơn khiếu nại, đề nghị gửi theo Luật Khiếu nại',
    });
    const [refusal] = await received(id, lan.email, 1, 'không được tiếp nhận');
    expect(refusal!.text).toContain('Lý do: Nội dung là đơn khiếu nại, đề nghị gửi theo Luật Khiếu nại');
    expect(refusal!.text).toContain('Căn cứ: Khiếu nại');
    // Classifying tells nobody: two e-mails in all, none to staff.
    expect(about(id)).toHaveLength(2);
  });

  it('route → answer → return-answer → answer → approve → send: the unit is told of the routing and the returned answer, the asker gets the answer once', async () => {
    const id = await ask();
    await step(id, people.secretary!, { action: 'classify', complexity: 'simple' });
    await step(id, people.secretary!, { action: 'route', unit: 'soa' });
    for (const who of [people.officerA!, people.headA!]) {
      const [routed] = await received(id, staffAddress(who), 1, 'được chuyển đến đơn vị');
      expect(routed!.text).toMatch(/Hạn trả lời: hết ngày \d\d\/\d\d\/\d{4}\./);
      expect(routed!.text).not.toContain(lan.email);
    }
    // Neither another unit nor the board is told of a routing.
    for (const who of [people.officerB!, people.secretary!, people.chief!])
      expect(about(id, staffAddress(who))).toEqual([]);

    const answer = {
      text: 'Theo quy định hiện hành, diện tích tối thiểu để tách thửa đất ở tại phường là 50 mét vuông.',
      citations: [
        {
          numberSymbol: '40/2024/QĐ-UBND',
          summary: 'Quy định diện tích tối thiểu tách thửa',
          issuedOn: '2024-09-20',
          issuer: 'Ủy ban nhân dân tỉnh Bình Định',
        },
      ],
    };
    await step(id, people.headA!, { action: 'answer', answer });
    await step(id, people.chief!, { action: 'return-answer', comment: 'Đề nghị dẫn thêm điều khoản cụ thể' });
    const [returned] = await received(id, staffAddress(people.headA!), 1, 'bị trả lại để sửa');
    expect(returned!.text).toContain('Ý kiến: Đề nghị dẫn thêm điều khoản cụ thể');
    await step(id, people.officerA!, {
      action: 'answer',
      answer: { ...answer, text: `${answer.text} Căn cứ Điều 3 Quyết định 40/2024/QĐ-UBND.` },
    });
    await step(id, people.chief!, { action: 'approve-answer' });
    // Answering and approving tell the asker nothing: only sending does.
    await quiet();
    expect(about(id, lan.email).map((m) => m.subject)).toEqual([expect.stringContaining('Đã tiếp nhận')]);
    await step(id, people.secretary!, { action: 'send' });
    const [sent] = await received(id, lan.email, 1, 'Trả lời câu hỏi');
    expect(sent!.text).toContain('Căn cứ Điều 3 Quyết định 40/2024/QĐ-UBND.');
    expect(sent!.text).toContain(
      '- 40/2024/QĐ-UBND (Ủy ban nhân dân tỉnh Bình Định, 20/09/2024): Quy định diện tích tối thiểu tách thửa',
    );
    // Bình Định's regulation has no advisory notice (CB 11.6 is Cao Bằng's): the mail carries none.
    expect(sent!.text).not.toContain('tham khảo');
    expect(sent!.text).not.toContain('CB 11.6');
    expect(about(id, lan.email)).toHaveLength(2);
  });

  it('a unit that returns a question tells the board (secretary and chief editor) why', async () => {
    const id = await ask();
    await step(id, people.secretary!, { action: 'classify', complexity: 'simple' });
    await step(id, people.secretary!, { action: 'route', unit: 'sob' });
    await received(id, staffAddress(people.officerB!), 1, 'được chuyển đến đơn vị');
    await step(id, people.officerB!, { action: 'return', reason: 'Không thuộc lĩnh vực của Sở B' });
    for (const who of [people.secretary!, people.chief!]) {
      const [back] = await received(id, staffAddress(who), 1, 'bị đơn vị trả lại');
      expect(back!.text).toContain('Đơn vị sob đã trả lại');
      expect(back!.text).toContain('Lý do: Không thuộc lĩnh vực của Sở B');
    }
  });

  it('an escalation committed through the outbox reaches the role it names in its unit only', async () => {
    const id = await ask();
    const dueAt = new Date(Date.now() - 3_600_000).toISOString();
    await local.stack().services.uow.commit(
      {
        events: [
          pendingEvent('QuestionEscalated', {
            questionId: id,
            portal: 'binhdinh',
            clock: 'answer',
            level: 'overdue',
            dueAt,
            unitCode: 'soa',
            recipientRole: 'unit-head',
          }),
        ],
      },
      { requestId: 'test-escalation', now: new Date() },
    );
    const [overdue] = await received(id, staffAddress(people.headA!), 1, 'Quá hạn');
    expect(overdue!.text).toContain(`Quá hạn: hạn trả lời câu hỏi ${id} của đơn vị soa`);
    expect(about(id, staffAddress(people.officerA!))).toEqual([]);
  });

  it('an asker without an e-mail address, or whose data was erased, is skipped cleanly (recorded, not retried)', async () => {
    const { email: _none, ...noEmail } = lan;
    const id = await ask({ ...noEmail, fullName: 'Võ Văn Bình' });
    await eventually(
      async () =>
        (await local.scanAll()).some(
          (i) => i.pk.startsWith(keys.notification('', '').pk) && i.sk === 'asker' && i.status === 'no-address',
        )
          ? true
          : undefined,
      15_000,
    );
    expect(about(id)).toEqual([]);

    const erased = await ask();
    await received(erased, lan.email, 1);
    // Erasure (built elsewhere) destroys the asker item; a later step tells the asker nothing and fails nothing.
    await local.clients().dynamodb.send(
      new DeleteItemCommand({
        TableName: local.stack().resources.tableName,
        Key: marshall(keys.questionAsker(erased)),
      }),
    );
    await step(erased, people.secretary!, { action: 'refuse', ground: 'private-matter', reason: 'Việc riêng tư' });
    await eventually(
      async () =>
        (await local.scanAll()).some(
          (i) => i.pk.startsWith(keys.notification('', '').pk) && i.sk === 'asker' && i.status === 'erased',
        )
          ? true
          : undefined,
      15_000,
    );
    expect(about(erased)).toHaveLength(1);
  });
});

describe('sending twice never notifies twice', () => {
  it('the same event delivered again through the queue sends nothing more', async () => {
    const id = await ask();
    await received(id, lan.email, 1);
    const outbox = (await local.scanAll()).find(
      (i) => i.type === 'OutboxEvent' && i.detailType === 'QuestionReceived' && i.payload.includes(id),
    )!;
    const { metadata, data } = JSON.parse(outbox.payload);
    const entry = eventCatalogue.QuestionReceived;
    const body = JSON.stringify({
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: '000000000000',
      time: metadata.occurredAt,
      region: 'ap-southeast-1',
      resources: [],
      detail: { metadata, data },
    });
    const { sqs } = local.clients();
    for (let i = 0; i < 2; i += 1)
      await sqs.send(
        new SendMessageCommand({ QueueUrl: local.stack().resources.queueUrls.notifications, MessageBody: body }),
      );
    await quiet();
    expect(about(id, lan.email)).toHaveLength(1);
  });

  it('two consumers given the same new event at once send it once; redeliveries after that send nothing', async () => {
    const id = await ask();
    await received(id, lan.email, 1);
    const detail: EventDetail<'QuestionEscalated'> = {
      questionId: id,
      portal: 'binhdinh',
      clock: 'classify',
      level: 'reminder',
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      unitCode: 'binhdinh',
      recipientRole: 'secretary',
    };
    const eventId = randomUUID();
    const other = await secondInstance();
    const both = await Promise.allSettled([
      consume(sqsEvent('QuestionEscalated', detail, eventId)),
      other(sqsEvent('QuestionEscalated', detail, eventId)),
    ]);
    // At most one of them is told to retry (the other holds the claim: a batch of one that fails is thrown); never both.
    expect(
      both.filter((r) => r.status === 'rejected').length,
      JSON.stringify(
        both.map((r) =>
          r.status === 'rejected' ? String((r.reason as { errors?: unknown[] }).errors?.map(String) ?? r.reason) : 'ok',
        ),
      ),
    ).toBeLessThanOrEqual(1);
    expect(about(id, staffAddress(people.secretary!))).toHaveLength(1);
    for (let i = 0; i < 2; i += 1)
      expect((await consume(sqsEvent('QuestionEscalated', detail, eventId))).batchItemFailures).toEqual([]);
    expect(about(id, staffAddress(people.secretary!))).toHaveLength(1);
    // The chief editor was not the escalation's recipient.
    expect(about(id, staffAddress(people.chief!))).toEqual([]);
  });

  it('a claim held by a live consumer is waited for; a claim whose holder died (lease over) is taken over and sent: at least once', async () => {
    const id = await ask();
    await received(id, lan.email, 1);
    const secretary = `ACCOUNT#${people.secretary!.id}`;
    const detail: EventDetail<'QuestionEscalated'> = {
      questionId: id,
      portal: 'binhdinh',
      clock: 'classify',
      level: 'overdue',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
      unitCode: 'binhdinh',
      recipientRole: 'secretary',
    };
    const claim = (eventId: string, leaseUntil: number) =>
      local.clients().dynamodb.send(
        new PutItemCommand({
          TableName: local.stack().resources.tableName,
          Item: marshall({
            ...keys.notification(eventId, secretary),
            type: 'NotificationClaim',
            status: 'sending',
            token: 'other',
            leaseUntil,
          }),
        }),
      );
    const live = randomUUID();
    await claim(live, Date.now() + 60_000);
    // Two records of the same event: both wait (a batch that fails whole is thrown, as Lambda's runtime would see it).
    expect(await consume(sqsEvent('QuestionEscalated', detail, live, 2)).catch((error: Error) => error.name)).toBe(
      'FullBatchFailureError',
    );
    expect(about(id, staffAddress(people.secretary!))).toEqual([]);
    const dead = randomUUID();
    await claim(dead, Date.now() - 1_000);
    expect((await consume(sqsEvent('QuestionEscalated', detail, dead))).batchItemFailures).toEqual([]);
    expect(about(id, staffAddress(people.secretary!))).toHaveLength(1);
  });
});

describe('privacy', () => {
  it('no personal data of an asker in any log line of the run, nor in the claims; the consumer did log', async () => {
    // A receipt of its own, so the consumer has logged whichever test ran before; afterAll checks the file's later lines.
    await received(await ask(), lan.email, 1);
    const lines = logs.lines();
    expect(lines.some((l) => l.includes('"notifications"') && l.includes('"sent":1'))).toBe(true);
    expectNoPersonalDataLogged();
  });
});

describe('a sender that keeps failing', () => {
  it('leaves the message in the notifications DLQ after the retries, and no claim behind', async () => {
    // The outbox folder's path taken by a file: every write fails, as SES refusing would.
    const folder = local.stack().mailOutboxDir;
    const kept = `${folder}.kept`;
    mkdirSync(folder, { recursive: true });
    renameSync(folder, kept);
    writeFileSync(folder, 'not a folder');
    try {
      const id = await ask();
      const { sqs } = local.clients();
      const dead = await eventually(async () => {
        const out = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: local.stack().resources.dlqUrls.notifications,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
          }),
        );
        return (out.Messages ?? []).find((m) => m.Body?.includes(id));
      }, 30_000);
      expect(JSON.parse(dead.Body!)['detail-type']).toBe('QuestionReceived');
      const items = await local.scanAll();
      const eventId = JSON.parse(dead.Body!).detail.metadata.eventId as string;
      expect(items.filter((i) => i.pk === keys.notification(eventId, '').pk)).toEqual([]);
      expect(items.some((i) => i.pk === keys.consumedEvent('sendNotifications', eventId).pk)).toBe(false);
    } finally {
      rmSync(folder, { force: true });
      renameSync(kept, folder);
    }
  });
});
