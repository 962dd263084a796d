import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';
import { attachmentsReady } from '../../shared/application/uploads';
import { objectCreated } from '../../infra/local/bucket-notifier';

/**
 * Attachments through HTTP on the local stack: declare an upload, POST the file to the presigned
 * form (fauxqs), the bucket notifier announces it, the checker reads the bytes, and
 * `GET /uploads/{id}` tells the verdict. What fauxqs does not do (check the POST policy) is shown
 * here too, with what covers for it.
 */
const local = useLocalStack();
const call = caller(local.api);
/** The department's audit log as the province's operator reads it. */
const auditOf = auditLog(call, () => operator);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads', name)));
const PNG = fixture('python.png');
const PDF = fixture('spec-head.pdf');

let editorA: Person;
let chiefA: Person;
let editorB: Person;
let operator: Person;

interface Form {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

const declare = async (who: Person, body: unknown, headers: Record<string, string> = {}) =>
  call('/uploads', who, { method: 'POST', body, headers });

/** Sends the form as a browser does: the policy fields, then the file last. */
async function postForm(form: Form, bytes: Uint8Array, fileName: string, type: string) {
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append('file', new Blob([bytes], { type }), fileName);
  return fetch(form.url, { method: 'POST', body: data });
}

const statusOf = (who: Person, id: string) => call(`/uploads/${id}`, who);
const settled = (who: Person, id: string) =>
  eventually(async () => {
    const res = await statusOf(who, id);
    return res.body?.status !== 'pending' ? res : undefined;
  }, 15_000);

async function upload(
  who: Person,
  declared: { fileName: string; contentType: string; size: number },
  bytes: Uint8Array,
) {
  const created = await declare(who, declared);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const form = created.body as Form;
  const posted = await postForm(form, bytes, declared.fileName, declared.contentType);
  expect(posted.status).toBe(204);
  return form.uploadId;
}

const objectExists = async (key: string) =>
  local
    .clients()
    .s3.send(new HeadObjectCommand({ Bucket: local.stack().resources.buckets.media, Key: key }))
    .then(
      () => true,
      () => false,
    );

beforeAll(async () => {
  await seedTree();
  editorA = await person(local.api, 'bientap.soa', 'soa', ['editor']);
  chiefA = await person(local.api, 'truongban.soa', 'soa', ['chief-editor']);
  editorB = await person(local.api, 'bientap.sob', 'sob', ['editor']);
  operator = await person(local.api, 'admin', 'demo', ['operator']);
}, 60_000);

describe('an upload through the presigned form', () => {
  it('declares, uploads, checks and serves a PNG as clean, with safe headers', async () => {
    const created = await declare(editorA, {
      fileName: 'Ảnh hội nghị.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(created.status).toBe(201);
    const form = created.body as Form;
    expect(form.fields).toMatchObject({ key: `incoming/${form.uploadId}`, 'Content-Type': 'image/png' });
    expect(Date.parse(form.expiresAt)).toBeGreaterThan(Date.now());
    expect((await statusOf(editorA, form.uploadId)).body).toMatchObject({ status: 'pending', detectedType: null });

    expect((await postForm(form, PNG, 'Ảnh hội nghị.png', 'image/png')).status).toBe(204);
    const done = await settled(editorA, form.uploadId);
    expect(done.body).toMatchObject({ uploadId: form.uploadId, status: 'clean', detectedType: 'png' });
    // The editorial board of the same unit sees it too.
    expect((await statusOf(chiefA, form.uploadId)).body.status).toBe('clean');

    const served = await local
      .clients()
      .s3.send(new GetObjectCommand({ Bucket: local.stack().resources.buckets.media, Key: `clean/${form.uploadId}` }));
    expect(served.ContentType).toBe('image/png');
    expect(served.ContentDisposition).toBe(
      'attachment; filename="Anh hoi nghi.png"; filename*=UTF-8\'\'%E1%BA%A2nh%20h%E1%BB%99i%20ngh%E1%BB%8B.png',
    );
    expect(Buffer.from(await served.Body!.transformToByteArray()).equals(Buffer.from(PNG))).toBe(true);
    expect(await objectExists(`incoming/${form.uploadId}`)).toBe(false);
  });

  it('quarantines and reports a PNG renamed .pdf (the bytes do not match the declared type)', async () => {
    const id = await upload(
      editorA,
      { fileName: 'quyet-dinh.pdf', contentType: 'application/pdf', size: PNG.length },
      PNG,
    );
    const done = await settled(editorA, id);
    expect(done.body).toMatchObject({ status: 'quarantined', detectedType: 'png', reason: 'type-mismatch' });
    expect(await objectExists(`quarantine/${id}`)).toBe(true);
    expect(await objectExists(`clean/${id}`)).toBe(false);
    expect(await objectExists(`incoming/${id}`)).toBe(false);

    // Reported: an audit entry of the unit and an UploadQuarantined event through the outbox.
    const audit = (await auditOf('soa', id))[0];
    // No interface reads the outbox: the event is checked where the commit put it.
    const items = await local.scanAll();
    expect(audit).toMatchObject({
      action: 'upload.quarantine',
      actor: { id: 'upload-checker', kind: 'machine' },
      after: { status: 'quarantined', detectedType: 'png', reason: 'type-mismatch' },
    });
    const events = items
      .filter((i) => i.pk?.startsWith('OUTBOX#'))
      .map((i) => ({ detailType: i.detailType, data: JSON.parse(i.payload).data }));
    expect(events.filter((e) => e.data.uploadId === id)).toEqual([
      expect.objectContaining({
        detailType: 'UploadQuarantined',
        data: expect.objectContaining({
          unitCode: 'soa',
          declaredType: 'pdf',
          detectedType: 'png',
          reason: 'type-mismatch',
        }),
      }),
    ]);
  });

  it('checks a real PDF clean', async () => {
    const id = await upload(
      editorA,
      { fileName: 'Báo cáo.pdf', contentType: 'application/pdf', size: PDF.length },
      PDF,
    );
    expect((await settled(editorA, id)).body).toMatchObject({ status: 'clean', detectedType: 'pdf' });
  });

  it('local S3 (fauxqs) does not enforce the POST policy: a larger file is stored, and the checker quarantines it', async () => {
    // On AWS, S3 refuses this form with 400 EntityTooLarge (content-length-range [size, size]).
    const created = await declare(editorA, { fileName: 'nho.pdf', contentType: 'application/pdf', size: 100 });
    const form = created.body as Form;
    const policy = JSON.parse(Buffer.from(form.fields.policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', 100, 100]);
    const posted = await postForm(form, PDF, 'nho.pdf', 'application/pdf');
    expect(posted.status, 'fauxqs now checks POST policies: assert the 400 here and update the README').toBe(204);
    const done = await settled(editorA, form.uploadId);
    expect(done.body).toMatchObject({ status: 'quarantined', detectedType: 'pdf', reason: 'size-mismatch' });
  });

  it('tells the content workflow which attachments block publication', async () => {
    const clean = await upload(editorA, { fileName: 'a.png', contentType: 'image/png', size: PNG.length }, PNG);
    const bad = await upload(editorA, { fileName: 'b.pdf', contentType: 'application/pdf', size: PNG.length }, PNG);
    const pending = (
      (await declare(editorA, { fileName: 'c.png', contentType: 'image/png', size: PNG.length })).body as Form
    ).uploadId;
    const otherUnit = await upload(editorB, { fileName: 'd.png', contentType: 'image/png', size: PNG.length }, PNG);
    await settled(editorA, clean);
    await settled(editorA, bad);
    await settled(editorB, otherUnit);

    expect(await attachmentsReady(local.stack().services, [clean], 'soa')).toEqual({ ready: true, notClean: [] });
    expect(await attachmentsReady(local.stack().services, [], 'soa')).toEqual({ ready: true, notClean: [] });
    expect(await attachmentsReady(local.stack().services, [clean, bad, pending, 'khong-co', otherUnit], 'soa')).toEqual(
      { ready: false, notClean: [bad, pending, 'khong-co', otherUnit] },
    );
  });
});

describe('the checker under redelivery', () => {
  it('settles an upload once, however often S3, EventBridge and SQS deliver its event', async () => {
    const id = await upload(
      editorA,
      { fileName: 'mot-lan.pdf', contentType: 'application/pdf', size: PNG.length },
      PNG,
    );
    await settled(editorA, id);
    const bucket = local.stack().resources.buckets.media;
    const record = (n: number) => ({
      messageId: `m-${n}`,
      receiptHandle: `r-${n}`,
      body: JSON.stringify(objectCreated(bucket, `incoming/${id}`, PNG.length, 'etag', 'ap-southeast-1')),
      attributes: {},
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:upload-checks',
      awsRegion: 'ap-southeast-1',
    });
    const response = (await local.stack().invoke('checkUpload', { Records: [record(1), record(2)] })) as {
      batchItemFailures: unknown[];
    };
    expect(response.batchItemFailures).toEqual([]);
    expect(await auditOf('soa', id)).toHaveLength(1);
    const items = await local.scanAll();
    expect(items.filter((i) => i.pk?.startsWith('OUTBOX#') && JSON.parse(i.payload).data.uploadId === id)).toHaveLength(
      1,
    );
    expect((await statusOf(editorA, id)).body).toMatchObject({ status: 'quarantined', reason: 'type-mismatch' });
    expect(await objectExists(`quarantine/${id}`)).toBe(true);
  });

  it('reports a malformed notification as a batch item failure (SQS redelivers it, then the DLQ takes it)', async () => {
    const base = {
      receiptHandle: 'r',
      attributes: {},
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn',
      awsRegion: 'ap-southeast-1',
    };
    const unknown = objectCreated(
      local.stack().resources.buckets.media,
      'incoming/khong-co-upload',
      1,
      'e',
      'ap-southeast-1',
    );
    const response = (await local.stack().invoke('checkUpload', {
      Records: [
        { ...base, messageId: 'bad-1', body: '{"source":"aws.s3"}' },
        { ...base, messageId: 'ok-1', body: JSON.stringify(unknown) },
      ],
    })) as { batchItemFailures: Array<{ itemIdentifier: string }> };
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad-1' }]);
  });
});

describe('who may upload and read', () => {
  it("another unit's staff cannot read an upload, and a role without upload rights cannot declare one", async () => {
    const id = ((await declare(editorA, { fileName: 'x.png', contentType: 'image/png', size: 10 })).body as Form)
      .uploadId;
    const other = await statusOf(editorB, id);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('x.png');
    expect((await statusOf(operator, id)).status).toBe(403);
    expect((await declare(operator, { fileName: 'x.png', contentType: 'image/png', size: 10 })).status).toBe(403);
    expect(
      (
        await call('/uploads', undefined, {
          method: 'POST',
          body: { fileName: 'x.png', contentType: 'image/png', size: 10 },
        })
      ).status,
    ).toBe(401);
  });

  it('replays a declaration sent again with the same Idempotency-Key', async () => {
    const body = { fileName: 'lap-lai.png', contentType: 'image/png', size: 10 };
    const first = await declare(editorA, body, { 'idempotency-key': 'upload-key-1' });
    const again = await local.api('/uploads', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editorA.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'upload-key-1',
      },
      body: JSON.stringify(body),
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Form).uploadId).toBe((first.body as Form).uploadId);
  });
});

describe('junk input', () => {
  const uploadCount = async () => (await local.scanAll()).filter((i) => i.pk?.startsWith('UPLOAD#')).length;

  it.each([
    ['a type outside CB 13.2', { fileName: 'trang.html', contentType: 'text/html', size: 10 }, 'body.contentType'],
    [
      'an executable',
      { fileName: 'cai-dat.exe', contentType: 'application/x-msdownload', size: 10 },
      'body.contentType',
    ],
    [
      'a name whose extension is not the type',
      { fileName: 'anh.pdf', contentType: 'image/png', size: 10 },
      'body.fileName',
    ],
    ['a name without extension', { fileName: 'anh', contentType: 'image/png', size: 10 }, 'body.fileName'],
    ['a path in the name', { fileName: '../../etc/passwd.txt', contentType: 'text/plain', size: 10 }, 'body.fileName'],
    [
      'a bidi override in the name',
      { fileName: 'anh\u202Egnp.exe.png', contentType: 'image/png', size: 10 },
      'body.fileName',
    ],
    ['size zero', { fileName: 'a.png', contentType: 'image/png', size: 0 }, 'body.size'],
    ['a negative size', { fileName: 'a.png', contentType: 'image/png', size: -5 }, 'body.size'],
    ['a size as text', { fileName: 'a.png', contentType: 'image/png', size: '10' }, 'body.size'],
    ['a fractional size', { fileName: 'a.png', contentType: 'image/png', size: 1.5 }, 'body.size'],
    [
      'a size above the province-wide maximum',
      { fileName: 'a.mp4', contentType: 'video/mp4', size: 200 * 1024 * 1024 + 1 },
      'body.size',
    ],
    ['a missing name', { contentType: 'image/png', size: 10 }, 'body.fileName'],
    ['an unknown field', { fileName: 'a.png', contentType: 'image/png', size: 10, key: 'clean/x' }, 'body'],
  ])('%s → 400 naming %s', async (_, body, field) => {
    const before = await uploadCount();
    const res = await declare(editorA, body);
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/\/problems\/validation$/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await uploadCount()).toBe(before);
  });

  it('a malformed upload id → 400 naming params.uploadId; an unknown one → 404', async () => {
    const bad = await call('/uploads/a%20b', editorA);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.uploadId');
    expect((await call('/uploads/00000000-0000-0000-0000-000000000000', editorA)).status).toBe(404);
  });
});
