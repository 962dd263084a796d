import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { checkUpload } from '../../shared/application/uploads';
import { S3UploadStorage } from '../../shared/adapters/s3/upload-storage';

/**
 * Issue 20 §4: the bytes the upload checker sniffs are the bytes it copies to `clean/`, however
 * the uploader re-posts the (reusable, 15-minute) form while the check runs. The deterministic
 * tests run the real checker against fauxqs on a bucket of their own (the local bucket notifier
 * does not scan it), with an S3 client that overwrites `incoming/<id>` with an HTML page at the
 * worst moment — just before the copy out, or during the sniff. The last test races the form
 * itself through the local stack, as the attack was first reproduced.
 */
const local = useLocalStack();
const call = caller(local.api);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads', name)));
const PNG = fixture('python.png');
const HTML = new TextEncoder().encode(
  `<!doctype html><html><body><script>alert(document.cookie)</script>${'x'.repeat(Math.max(0, PNG.length - 80))}</body></html>`,
);
const RACE_BUCKET = 'upload-race';

let editor: Person;

beforeAll(async () => {
  await seedTree();
  editor = await person(local.api, 'bientap.race', 'soa', ['editor']);
  await local.clients().s3.send(new CreateBucketCommand({ Bucket: RACE_BUCKET }));
}, 60_000);

const declare = async () => {
  const res = await call('/uploads', editor, {
    method: 'POST',
    body: { fileName: 'anh.png', contentType: 'image/png', size: PNG.length },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.uploadId as string;
};

/** An S3 client on the local endpoint that, once, runs `attack` before the first command `when` picks. */
function attackingClient(
  when: (name: string, input: Record<string, unknown>) => boolean,
  attack: () => Promise<unknown>,
): S3Client {
  // As the checker's own client (shared/adapters/aws-clients.ts), on the local endpoint the environment names.
  const client = new S3Client({ forcePathStyle: true } satisfies S3ClientConfig);
  let fired = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!fired && when(context.commandName ?? '', args.input as Record<string, unknown>)) {
        fired = true;
        await attack();
      }
      return next(args);
    },
    { step: 'initialize', name: 'attackerOverwritesIncoming' },
  );
  return client;
}

const put = (key: string, body: Uint8Array, type: string) =>
  local.clients().s3.send(new PutObjectCommand({ Bucket: RACE_BUCKET, Key: key, Body: body, ContentType: type }));
const bytesOf = async (key: string) =>
  local
    .clients()
    .s3.send(new GetObjectCommand({ Bucket: RACE_BUCKET, Key: key }))
    .then(
      async (o) => Buffer.from(await o.Body!.transformToByteArray()),
      () => undefined,
    );
const statusOf = async (id: string) => (await call(`/uploads/${id}`, editor)).body;
const ctx = () => ({ requestId: `race-${Math.random()}`, now: new Date() });

describe('the check copies exactly what it sniffed', () => {
  it('an HTML page swapped into incoming/ just before the copy never reaches clean/', async () => {
    const id = await declare();
    await put(`incoming/${id}`, PNG, 'image/png');
    const s3 = attackingClient(
      (name, input) => name === 'CopyObjectCommand' && input.Key === `clean/${id}`,
      () => put(`incoming/${id}`, HTML, 'text/html'),
    );
    await checkUpload(local.stack().services, id, new S3UploadStorage(s3, RACE_BUCKET), ctx());
    const status = await statusOf(id);
    const clean = await bytesOf(`clean/${id}`);
    if (status.status === 'clean')
      expect(clean?.equals(Buffer.from(PNG)), 'clean/ holds other bytes than the PNG that was sniffed').toBe(true);
    expect(clean?.includes('<script') ?? false).toBe(false);
    expect(status).toMatchObject({ status: 'clean', detectedType: 'png' });
    // The check's private copy is gone once it is settled.
    const left = await local
      .clients()
      .s3.send(new ListObjectsV2Command({ Bucket: RACE_BUCKET, Prefix: `checking/${id}` }));
    expect(left.Contents ?? []).toEqual([]);
  });

  it('an object replaced while it is sniffed is refused as replaced, and nothing goes to clean/', async () => {
    const id = await declare();
    await put(`incoming/${id}`, PNG, 'image/png');
    const s3 = attackingClient(
      (name) => name === 'GetObjectCommand',
      () => put(`incoming/${id}`, HTML, 'text/html'),
    );
    await checkUpload(local.stack().services, id, new S3UploadStorage(s3, RACE_BUCKET), ctx());
    expect(await statusOf(id)).toMatchObject({ status: 'quarantined', reason: 'replaced' });
    expect(await bytesOf(`clean/${id}`)).toBeUndefined();
  });

  it('an object that is not the one its notification announced (the form was used again) is refused as replaced', async () => {
    const id = await declare();
    await put(`incoming/${id}`, PNG, 'image/png');
    const announced = (
      await local.clients().s3.send(new HeadObjectCommand({ Bucket: RACE_BUCKET, Key: `incoming/${id}` }))
    ).ETag!.replace(/"/g, '');
    await put(
      `incoming/${id}`,
      Buffer.concat([Buffer.from(PNG.subarray(0, PNG.length - 1)), Buffer.from([0])]),
      'image/png',
    );
    await checkUpload(
      local.stack().services,
      id,
      new S3UploadStorage(local.clients().s3, RACE_BUCKET),
      ctx(),
      announced,
    );
    expect(await statusOf(id)).toMatchObject({ status: 'quarantined', reason: 'replaced' });
    expect(await bytesOf(`clean/${id}`)).toBeUndefined();
  });
});

describe('re-posting the form while the check runs (through the local stack)', () => {
  interface Form {
    uploadId: string;
    url: string;
    fields: Record<string, string>;
  }
  const postForm = (form: Form, bytes: Uint8Array, fileName: string, type: string) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append('file', new Blob([bytes], { type }), fileName);
    return fetch(form.url, { method: 'POST', body: data });
  };

  it('never leaves HTML under clean/ with status clean (8 uploads, each re-posted 10 times as HTML)', async () => {
    const media = local.stack().resources.buckets.media;
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      const res = await call('/uploads', editor, {
        method: 'POST',
        body: { fileName: 'anh.png', contentType: 'image/png', size: PNG.length },
      });
      const form = res.body as Form;
      expect((await postForm(form, PNG, 'anh.png', 'image/png')).status).toBe(204);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          new Promise((r) => setTimeout(r, i * 15)).then(() => postForm(form, HTML, 'anh.png', 'image/png')),
        ),
      );
      const done = await eventually(async () => {
        const s = (await call(`/uploads/${form.uploadId}`, editor)).body;
        return s.status !== 'pending' ? s : undefined;
      }, 20_000);
      const clean = await local
        .clients()
        .s3.send(new GetObjectCommand({ Bucket: media, Key: `clean/${form.uploadId}` }))
        .then(
          async (o) => Buffer.from(await o.Body!.transformToByteArray()),
          () => undefined,
        );
      if (done.status === 'clean') expect(clean?.equals(Buffer.from(PNG))).toBe(true);
      expect(clean?.includes('<script') ?? false).toBe(false);
      outcomes.push(`${done.status}:${done.reason ?? done.detectedType}`);
    }
    // Which verdict each round got depends on timing; none is HTML under clean/.
    expect(outcomes).toHaveLength(8);
  }, 240_000);
});
