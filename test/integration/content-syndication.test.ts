import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { contentFlow } from '../support/content-flow';
import { auditLog } from '../support/audit-log';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * Issue 8 §6 through HTTP on the local stack: a district's published item is proposed to the
 * provincial portal (a linked copy enters its intake); the source's new publication and its
 * withdrawal reach the copy as events through the outbox, the relay, the bus and the syndication
 * queue, and replaying an event changes nothing twice.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};

const news = (title: string) => ({
  category: 'news',
  language: 'vi',
  title,
  body: '<p>Tin của huyện</p>',
  submit: true,
});
const legal = (title: string) => ({
  category: 'legal-document',
  language: 'vi',
  title,
  body: '<p>Toàn văn</p>',
  submit: true,
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol: '21/2026/QĐ-UBND',
    issuingAuthority: 'Ủy ban nhân dân huyện A',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-02-13',
    effectiveFrom: '2026-03-01',
    summary: 'Quy định khẩn',
  },
});
const step = (id: string, who: Person, body: Record<string, unknown>) =>
  call(`/content/${id}/transitions`, who, { method: 'POST', body });
const propose = (id: string, who: Person) => call(`/content/${id}/syndication`, who, { method: 'POST', body: {} });
const read = async (id: string, who = people.provinceChief!) => (await call(`/content/${id}`, who)).body;

async function take(id: string, path: Array<[Person, Record<string, unknown>]>) {
  for (const [who, action] of path) {
    const res = await step(id, who, action);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

const district = contentFlow(call, {
  unit: 'huyena',
  cast: () => ({ author: people.contributor, secretary: people.secretary, chief: people.chief }),
});
/** The province's board, which moderates the copies in its intake. */
const provinceBoard = contentFlow(call, {
  unit: 'demo',
  cast: () => ({ author: people.provinceSecretary, secretary: people.provinceSecretary, chief: people.provinceChief }),
});

const auditOf = auditLog(call, () => people.auditor);

/** A district item through its board to publication. */
const publishedInDistrict = (title: string) => district.itemIn('published', title, { body: '<p>Tin của huyện</p>' });

/** The outbox event of one workflow step of one item, as EventBridge delivers it to SQS. */
async function deliveredStep(itemId: string, event: string, eventId?: string) {
  const items = await local.scanAll();
  const outbox = items.find(
    (i) =>
      i.pk?.startsWith('OUTBOX#') &&
      i.detailType === 'WorkflowTransitioned' &&
      JSON.parse(i.payload).data.id === itemId &&
      JSON.parse(i.payload).data.event === event,
  );
  expect(outbox).toBeDefined();
  const detail = JSON.parse(outbox!.payload);
  if (eventId) detail.metadata.eventId = eventId;
  const envelope = {
    version: '0',
    id: detail.metadata.eventId,
    'detail-type': outbox!.detailType,
    source: outbox!.source,
    account: '000000000000',
    time: detail.metadata.occurredAt,
    region: 'ap-southeast-1',
    resources: [],
    detail,
  };
  return {
    messageId: `m-${detail.metadata.eventId}`,
    receiptHandle: 'r',
    body: JSON.stringify(envelope),
    attributes: {},
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:syndication',
    awsRegion: 'ap-southeast-1',
  };
}

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.synd', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.synd', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.synd', 'huyena', ['chief-editor']);
  people.provinceSecretary = await person(local.api, 'thuky.tinh', 'demo', ['secretary']);
  people.provinceChief = await person(local.api, 'truongban.tinh', 'demo', ['chief-editor']);
  people.auditor = await person(local.api, 'kiemtra.tinh', 'demo', ['auditor']);
}, 120_000);

describe('syndication to the provincial portal', () => {
  it("puts a linked copy in the province's intake; the source's withdrawal takes the published copy down, as an event", async () => {
    const id = await publishedInDistrict('Huyện A khánh thành cầu');
    // Who may propose: the district's board, not its contributors nor the province's staff.
    expect((await propose(id, people.contributor!)).status).toBe(403);
    expect((await propose(id, people.provinceSecretary!)).status).toBe(403);
    const proposed = await call(`/content/${id}/syndication`, people.secretary, {
      method: 'POST',
      body: { note: 'Tin đáng đưa lên Cổng tỉnh' },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({
      unitCode: 'demo',
      state: 'submitted',
      version: 1,
      syndicatedFrom: { portal: 'huyena', id, version: 6 },
    });
    const copyId = proposed.body.id as string;
    const again = await propose(id, people.secretary!);
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ field: 'params.id' });

    const intake = await call('/units/demo/content?state=submitted', people.provinceSecretary);
    expect(intake.body.items.map((i: { id: string }) => i.id)).toContain(copyId);
    const copy = await read(copyId);
    expect(copy).toMatchObject({
      title: 'Huyện A khánh thành cầu',
      body: '<p>Tin của huyện</p>',
      submittedBy: people.secretary!.id,
      syndicationNote: 'Tin đáng đưa lên Cổng tỉnh',
    });
    expect(copy.revisions.map((r: { action: string }) => r.action)).toEqual(['syndicate']);
    // Audited once on each side: the district's log for its item, the province's for the copy.
    expect((await auditOf('huyena', id)).filter((e) => e.action === 'content.syndicate')).toHaveLength(1);
    expect((await auditOf('demo', copyId)).filter((e) => e.action === 'content.syndicate')).toHaveLength(1);
    // No interface reads the outbox: the event is checked where the commit put it.
    const items = await local.scanAll();
    expect(
      items.filter((i) => i.detailType === 'ContentSyndicated' && JSON.parse(i.payload).data.id === copyId),
    ).toHaveLength(1);

    // The province's board moderates the copy like any other item, and publishes it.
    await provinceBoard.walk(copyId, 'published');
    expect((await call(`/public/portals/demo/content/${copyId}`, undefined)).body).toMatchObject({
      status: 'published',
      body: '<p>Tin của huyện</p>',
    });

    // The district withdraws its item: the copy follows, with the same public note.
    expect((await step(id, people.chief!, { action: 'withdraw', publicNote: 'Gỡ để đính chính' })).status).toBe(200);
    const followed = await eventually(async () => {
      const now = await read(copyId);
      return now.state === 'withdrawn' ? now : undefined;
    }, 20_000);
    expect(followed).toMatchObject({
      publicNote: 'Gỡ để đính chính',
      sourceWithdrawn: { version: 7, publicNote: 'Gỡ để đính chính' },
    });
    expect(followed.revisions.at(-1)).toMatchObject({ action: 'source-withdrawn', actor: 'syndication' });
    const shown = await call(`/public/portals/demo/content/${copyId}`, undefined);
    expect(shown.body).toMatchObject({ status: 'withdrawn', publicNote: 'Gỡ để đính chính' });
    expect(shown.body).not.toHaveProperty('body');
    expect((await auditOf('demo', copyId)).filter((e) => e.action === 'content.follow-source')).toHaveLength(1);
    const after = await local.scanAll();
    expect(
      after
        .filter((i) => i.detailType === 'SyndicatedCopyFollowed' && JSON.parse(i.payload).data.id === copyId)
        .map((i) => JSON.parse(i.payload).data.change),
    ).toEqual(['withdrawn']);
  });

  it('flags a copy not yet online when its source is withdrawn: it can no longer be published', async () => {
    const id = await publishedInDistrict('Tin sẽ bị gỡ');
    const copyId = (await propose(id, people.secretary!)).body.id as string;
    await provinceBoard.walk(copyId, 'approved');
    expect((await step(id, people.chief!, { action: 'withdraw', publicNote: 'Thông tin chưa chính xác' })).status).toBe(
      200,
    );
    const flagged = await eventually(async () => {
      const now = await read(copyId);
      return now.sourceWithdrawn ? now : undefined;
    }, 20_000);
    expect(flagged).toMatchObject({ state: 'approved', version: 5 });
    const refused = await step(copyId, people.provinceSecretary!, { action: 'publish' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'syndicatedFrom', code: 'source_withdrawn' });
    expect((await call(`/public/portals/demo/content/${copyId}`, undefined)).status).toBe(404);
  });

  it("follows the source's next published version, once however often the event is delivered", async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: legal('Quyết định đăng khẩn'),
    });
    const id = created.body.id as string;
    await take(id, [
      [people.secretary!, { action: 'accept' }],
      [people.secretary!, { action: 'emergency-publish', reason: 'Có hiệu lực ngay' }],
    ]);
    const copyId = (await propose(id, people.secretary!)).body.id as string;
    expect((await read(copyId)).syndicatedFrom).toEqual({ portal: 'huyena', id, version: 4 });
    // The chief confirms the emergency publication: a new published version of the source.
    await take(id, [[people.chief!, { action: 'confirm' }]]);
    const followed = await eventually(async () => {
      const now = await read(copyId);
      return now.syndicatedFrom.version === 5 ? now : undefined;
    }, 20_000);
    expect(followed).toMatchObject({ state: 'submitted', version: 2 });
    expect(followed.revisions.map((r: { action: string }) => r.action)).toEqual(['syndicate', 'source-updated']);

    // Delivered again (same event id), or relayed twice under a new id: the copy changes no further.
    const same = await deliveredStep(id, 'ContentEmergencyConfirmed');
    const fresh = await deliveredStep(id, 'ContentEmergencyConfirmed', 'replayed-under-a-new-id');
    const response = (await local.stack().invoke('followSyndication', { Records: [same, fresh] })) as {
      batchItemFailures: unknown[];
    };
    expect(response.batchItemFailures).toEqual([]);
    const now = await read(copyId);
    expect(now).toMatchObject({ version: 2, syndicatedFrom: { version: 5 } });
    expect(now.revisions).toHaveLength(2);
    const items = await local.scanAll();
    // The copy had followed that version already: nothing to do, so the consumer wrote nothing, not even its record.
    expect(items.some((i) => i.pk === keys.consumedEvent('followSyndication', 'replayed-under-a-new-id').pk)).toBe(
      false,
    );
    expect(
      items.filter((i) => i.detailType === 'SyndicatedCopyFollowed' && JSON.parse(i.payload).data.id === copyId),
    ).toHaveLength(1);
  });

  it("flags, rather than rewrites, a copy the province's chief has already decided on", async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: {
        ...legal('Quyết định thứ hai'),
        legalDocument: { ...legal('x').legalDocument, numberSymbol: '22/2026/QĐ-UBND' },
      },
    });
    const id = created.body.id as string;
    await take(id, [
      [people.secretary!, { action: 'accept' }],
      [people.secretary!, { action: 'emergency-publish', reason: 'Có hiệu lực ngay' }],
    ]);
    const copyId = (await propose(id, people.secretary!)).body.id as string;
    await provinceBoard.walk(copyId, 'approved');
    await take(id, [[people.chief!, { action: 'confirm' }]]);
    const flagged = await eventually(async () => {
      const now = await read(copyId);
      return now.sourceChanged ? now : undefined;
    }, 20_000);
    expect(flagged).toMatchObject({
      state: 'approved',
      version: 5,
      sourceChanged: { version: 5 },
      syndicatedFrom: { version: 5 },
    });
    expect(flagged.revisions.at(-1)).toMatchObject({ action: 'source-flagged-update' });
  });

  it('proposes only published items of a sub-portal', async () => {
    const draft = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { ...news('Chưa đăng'), submit: false },
    });
    const refused = await propose(draft.body.id, people.secretary!);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'state', code: 'not_published' });
    const own = await call('/units/demo/content', people.provinceSecretary, {
      method: 'POST',
      body: news('Tin của tỉnh'),
    });
    await provinceBoard.walk(own.body.id, 'published');
    const provincial = await propose(own.body.id, people.provinceSecretary!);
    expect(provincial.status).toBe(409);
    expect(provincial.body.errors[0]).toMatchObject({ field: 'unitCode', code: 'provincial_portal' });
  });
});
