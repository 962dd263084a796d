import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { seedQuestionUnits } from '../support/log-capture';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * Issue 19 #1: an agency's own system, with client credentials alone, through the local gateway
 * (which enforces the scopes the deployed authorizer would, from the same route table): upload a
 * real PDF by presigned POST, wait for the check, create, edit and submit an item with it, read it
 * back; answer a question routed to its unit. A token without the scope is a 401 at the gateway;
 * no machine takes a board's step.
 */
const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const PDF = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads/spec-head.pdf')));

let operator: Person;
let secretary: Person;
let chief: Person;

/** Registers an agency system of `unitCode` and returns a client-credentials token for it, as a Person to call with. */
async function agencySystem(unitCode: string, scopes: string[]): Promise<Person & { clientId: string }> {
  const registered = await call('/machine-clients', operator, {
    method: 'POST',
    body: { name: `Hệ thống ${unitCode} ${scopes.join(' ')}`, unitCode, scopes },
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const { clientId } = registered.body.client as { clientId: string };
  const res = await local.api('/local-auth/oauth2/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${registered.body.clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  const token = ((await res.json()) as { access_token: string }).access_token;
  return { id: clientId, clientId, username: '', temporaryPassword: '', token };
}

beforeAll(async () => {
  await seedQuestionUnits();
  [operator, secretary, chief] = await Promise.all([
    person(local.api, 'vanhanh.bd', 'binhdinh', ['operator']),
    person(local.api, 'thuky.soa', 'soa', ['secretary']),
    person(local.api, 'truongban.soa', 'soa', ['chief-editor']),
  ]);
}, 120_000);

describe('an agency system submits content with client credentials alone', () => {
  it('uploads a PDF by presigned POST, creates, edits and submits an item with it, and reads it back', async () => {
    const system = await agencySystem('soa', ['portal/content.submit']);
    const declared = await call('/uploads', system, {
      method: 'POST',
      body: { fileName: 'Kế hoạch.pdf', contentType: 'application/pdf', size: PDF.length },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const form = declared.body as { uploadId: string; url: string; fields: Record<string, string> };
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Kế hoạch.pdf');
    expect((await fetch(form.url, { method: 'POST', body: data })).status).toBe(204);
    const checked = await eventually(async () => {
      const res = await call(`/uploads/${form.uploadId}`, system);
      return res.body?.status !== 'pending' ? res : undefined;
    }, 15_000);
    expect(checked.body).toMatchObject({ status: 'clean', detectedType: 'pdf' });

    const created = await call('/units/soa/content', system, {
      method: 'POST',
      body: {
        category: 'news',
        language: 'vi',
        title: 'Kế hoạch chuyển đổi số năm nay',
        body: '<p>Sở A công bố kế hoạch.</p>',
        attachments: [form.uploadId],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const edited = await call(`/content/${id}`, system, {
      method: 'PATCH',
      body: { title: 'Kế hoạch chuyển đổi số' },
      headers: { 'if-match': `"${created.body.version}"` },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const submitted = await call(`/content/${id}/transitions`, system, { method: 'POST', body: { action: 'submit' } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted' });

    const read = await call(`/content/${id}`, system);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      state: 'submitted',
      title: 'Kế hoạch chuyển đổi số',
      attachments: [form.uploadId],
      submittedBy: system.clientId,
    });
    // The board sees it, takes it in and decides: the system is the submitter, someone else approves.
    expect(
      (await call(`/content/${id}/transitions`, system, { method: 'POST', body: { action: 'accept' } })).status,
    ).toBe(403);
    for (const [who, action] of [
      [secretary, 'accept'],
      [secretary, 'propose'],
      [chief, 'approve'],
    ] as const) {
      const res = await call(`/content/${id}/transitions`, who, { method: 'POST', body: { action } });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('refuses the same requests with 401 to a token without the scope, and with 403 outside the system’s unit', async () => {
    const reader = await agencySystem('soa', ['portal/read']);
    const body = { category: 'news', language: 'vi', title: 'Tin từ hệ thống chỉ đọc', body: '<p>Nội dung</p>' };
    expect((await call('/units/soa/content', reader, { method: 'POST', body })).status).toBe(401);
    expect(
      (
        await call('/uploads', reader, {
          method: 'POST',
          body: { fileName: 'a.pdf', contentType: 'application/pdf', size: PDF.length },
        })
      ).status,
    ).toBe(401);
    expect((await call('/units/soa/content', reader)).status).toBe(200);

    const elsewhere = await agencySystem('sob', ['portal/content.submit']);
    expect((await call('/units/soa/content', elsewhere, { method: 'POST', body })).status).toBe(403);
    expect((await call('/units/sob/content', elsewhere, { method: 'POST', body })).status).toBe(201);
    // People's routes stay people's: a machine token is refused at the gateway.
    expect((await call('/units/soa/accounts', elsewhere)).status).toBe(401);
  });
});

describe('an agency system answers the questions routed to its unit', () => {
  it('reads and answers a question routed to it; the read-only and other units’ systems cannot', async () => {
    const asked = await httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      from: '127.0.3.1',
      body: JSON.stringify({
        asker: {
          kind: 'individual',
          fullName: 'Trần Văn Bình',
          nationality: 'Việt Nam',
          address: '12 Lê Lợi, Quy Nhơn',
          phone: '0905 000 111',
          email: 'binh.tran@example.vn',
        },
        field: 'land-environment',
        title: 'Hỏi về hồ sơ đất đai',
        text: 'Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì?',
        consent: { processing: true, publication: true },
      }),
    });
    expect(asked.status, asked.text).toBe(201);
    const id = asked.json.trackingCode as string;
    const board = await person(local.api, 'thuky.bd', 'binhdinh', ['secretary']);
    for (const body of [
      { action: 'classify', complexity: 'simple' },
      { action: 'route', unit: 'soa' },
    ]) {
      const res = await call(`/questions/${id}/transitions`, board, { method: 'POST', body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const answerer = await agencySystem('soa', ['portal/qa.answer']);
    const other = await agencySystem('sob', ['portal/qa.answer']);
    const reader = await agencySystem('soa', ['portal/read']);
    const answer = {
      action: 'answer',
      answer: { text: 'Hồ sơ gồm đơn đề nghị cấp giấy chứng nhận và giấy tờ về quyền sử dụng đất.', citations: [] },
    };

    expect((await call(`/questions/${id}`, answerer)).body).toMatchObject({ id, state: 'routed' });
    expect((await call(`/questions/${id}`, reader)).status).toBe(200);
    expect((await call(`/questions/${id}/transitions`, reader, { method: 'POST', body: answer })).status).toBe(401);
    const outside = await call(`/questions/${id}/transitions`, other, { method: 'POST', body: answer });
    expect(outside.status, JSON.stringify(outside.body)).toBe(404);
    const answered = await call(`/questions/${id}/transitions`, answerer, { method: 'POST', body: answer });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ stage: 'answered' });
    // Checking the answer is the board's.
    expect(
      (await call(`/questions/${id}/transitions`, answerer, { method: 'POST', body: { action: 'approve-answer' } }))
        .status,
    ).toBe(403);
  });
});

describe('operators list a unit’s agency systems', () => {
  it('pages through the unit’s clients without their secrets, for whoever may register them there and nobody else', async () => {
    const soaOperator = await person(local.api, 'vanhanh.soa', 'soa', ['operator']);
    // A unit of its own, so the systems the other tests register elsewhere do not count.
    const unit = await call('/units', operator, {
      method: 'POST',
      body: {
        code: 'soc',
        name: { vi: 'Sở C', en: 'Department C' },
        kind: 'department',
        parentCode: 'binhdinh',
        slug: 'soc',
      },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const registered = [];
    for (const name of ['Một cửa Sở C', 'Văn bản Sở C']) {
      const res = await call('/machine-clients', operator, {
        method: 'POST',
        body: { name, unitCode: 'soc', scopes: ['portal/read'] },
      });
      expect(res.status).toBe(201);
      registered.push(res.body as { client: { clientId: string }; clientSecret: string });
    }
    const first = await call('/machine-clients?unit=soc&limit=1', operator);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const second = await call(
      `/machine-clients?unit=soc&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      operator,
    );
    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((c: { clientId: string }) => c.clientId).sort()).toEqual(
      registered.map((r) => r.client.clientId).sort(),
    );
    expect(listed[0]).toMatchObject({ unitCode: 'soc', scopes: ['portal/read'], status: 'active' });
    const text = JSON.stringify([first.body, second.body]);
    for (const r of registered) expect(text).not.toContain(r.clientSecret);
    expect(Object.keys(listed[0]).sort()).toEqual([
      'clientId',
      'createdAt',
      'name',
      'scopes',
      'status',
      'unitCode',
      'version',
    ]);

    // Without `unit`: the caller's own unit (the Sở A operator has none registered there).
    expect(
      (await call('/machine-clients', soaOperator)).body.items.every((c: { unitCode: string }) => c.unitCode === 'soa'),
    ).toBe(true);
    // Another unit's operator, and a unit's own secretary, are refused; an unknown unit is a 404.
    expect((await call('/machine-clients?unit=soc', soaOperator)).status).toBe(403);
    expect((await call('/machine-clients?unit=soa', secretary)).status).toBe(403);
    expect((await call('/machine-clients?unit=khongco', operator)).status).toBe(404);
    expect((await call('/machine-clients?unit=soc&limit=0', operator)).status).toBe(400);
  });
});
