import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { eventually, useLocalStack } from '../support/local-stack';
import { commitWork, NEW_PASSWORD, person, seedTree, type Person, caller } from '../support/directory';
import { MAX_TRANSACTION_ACTIONS, TransactionTooLargeError } from '../../shared/adapters/dynamo/unit-of-work';
import { keys } from '../../shared/adapters/dynamo/keys';

/** Role changes (issue 12 #2), identity changes ordered after their record (#5), and the unit of work's limits. */
const local = useLocalStack();
let admin: Person;

const call = caller(local.api);

const items = () => local.scanAll();

beforeAll(async () => {
  await seedTree();
  admin = await person(local.api, 'admin', 'demo', ['operator']);
});

describe('roles (issue 12 #2)', () => {
  it('lets nobody change their own roles', async () => {
    const operator = await person(local.api, 'qt.huyena', 'huyena', ['operator']);
    const self = await call(`/accounts/${operator.id}/roles`, operator, {
      method: 'PUT',
      body: { roles: ['operator', 'chief-editor', 'auditor'] },
    });
    expect(self.status).toBe(403);
    expect((await local.stack().services.accounts.get(operator.id))?.roles).toEqual(['operator']);
    // Another operator with the right on that unit may.
    const other = await call(`/accounts/${operator.id}/roles`, admin, {
      method: 'PUT',
      body: { roles: ['operator', 'chief-editor'] },
    });
    expect(other.status).toBe(200);
  });

  it('needs account management on the target’s unit to grant an editorial role', async () => {
    const deptOperator = await person(local.api, 'qt.soa', 'soa', ['operator']);
    const elsewhere = await person(local.api, 'btv.sob', 'sob', ['editor']);
    const res = await call(`/accounts/${elsewhere.id}/roles`, deptOperator, {
      method: 'PUT',
      body: { roles: ['chief-editor'] },
    });
    expect(res.status).toBe(403);
  });
});

describe('identity changes happen with their record or not at all (issue 12 #5)', () => {
  it('creates credentials only for the request that wins the username', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('/accounts', admin, {
          method: 'POST',
          body: {
            username: 'trung.ten',
            fullName: `Người ${i}`,
            email: `t${i}@soa.demo.gov.vn`,
            unitCode: 'soa',
            roles: ['editor'],
          },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
    expect(
      attempts
        .filter((a) => a.status !== 201)
        .every((a) => a.status === 400 && a.body.errors[0].field === 'body.username'),
    ).toBe(true);
    const all = await items();
    const accounts = new Set(all.filter((i) => i.type === 'Account').map((i) => i.id));
    const orphans = all.filter(
      (i) =>
        i.sk === 'CREDENTIALS' &&
        String(i.pk).startsWith('ACCOUNT#') &&
        !accounts.has(String(i.pk).slice('ACCOUNT#'.length)),
    );
    expect(orphans).toEqual([]);
  });

  it('undoes the identity provider’s user when the account record cannot be committed', async () => {
    let failed = false;
    const failAccountCommit = (next: any, context: any) => async (args: any) => {
      if (
        !failed &&
        context.commandName === 'TransactWriteItemsCommand' &&
        JSON.stringify(args.input).includes('"username":"mat.ket"') &&
        JSON.stringify(args.input).includes('"Account"')
      ) {
        failed = true;
        throw Object.assign(new Error('DynamoDB is unavailable'), { name: 'InternalServerError' });
      }
      return next(args);
    };
    const before = (await items()).filter((i) => i.sk === 'CREDENTIALS').length;
    local
      .stack()
      .services.dynamo.middlewareStack.add(failAccountCommit, { step: 'initialize', name: 'failAccountCommit' });
    try {
      const res = await call('/accounts', admin, {
        method: 'POST',
        body: {
          username: 'mat.ket',
          fullName: 'Mất Kết',
          email: 'mk@soa.demo.gov.vn',
          unitCode: 'soa',
          roles: ['editor'],
        },
      });
      expect(res.status).toBe(500);
    } finally {
      local.stack().services.dynamo.middlewareStack.remove('failAccountCommit');
    }
    expect(failed).toBe(true);
    // No credentials without an account, and the username is free again.
    expect((await items()).filter((i) => i.sk === 'CREDENTIALS').length).toBe(before);
    const retry = await call('/accounts', admin, {
      method: 'POST',
      body: {
        username: 'mat.ket',
        fullName: 'Mất Kết',
        email: 'mk@soa.demo.gov.vn',
        unitCode: 'soa',
        roles: ['editor'],
      },
    });
    expect(retry.status).toBe(201);
  });

  it('leaves sign-in alone when the closure loses to a concurrent change (409)', async () => {
    const target = await person(local.api, 'dua.sob', 'sob', ['editor']);
    const successor = await person(local.api, 'nhan.sob', 'sob', ['editor']);
    // A concurrent writer changes the account between the closure's read and its commit.
    let raced = false;
    const interfere = (next: any, context: any) => async (args: any) => {
      if (
        !raced &&
        context.commandName === 'TransactWriteItemsCommand' &&
        JSON.stringify(args.input).includes(`ACCOUNT#${target.id}`)
      ) {
        raced = true;
        await local.clients().dynamodb.send(
          new UpdateItemCommand({
            TableName: local.stack().resources.tableName,
            Key: { pk: { S: `ACCOUNT#${target.id}` }, sk: { S: 'ACCOUNT' } },
            UpdateExpression: 'SET version = version + :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        );
      }
      return next(args);
    };
    local.stack().services.dynamo.middlewareStack.add(interfere, { step: 'initialize', name: 'concurrentWriter' });
    try {
      const closed = await call(`/accounts/${target.id}/close`, admin, {
        method: 'POST',
        body: { successorId: successor.id, reason: 'transfer' },
      });
      expect(closed.status).toBe(409);
    } finally {
      local.stack().services.dynamo.middlewareStack.remove('concurrentWriter');
    }
    expect(raced).toBe(true);
    expect((await local.stack().services.accounts.get(target.id))?.status).toBe('active');
    const signIn = await call('/local-auth/sign-in', undefined, {
      method: 'POST',
      body: { username: 'dua.sob', password: NEW_PASSWORD },
    });
    expect(signIn.status).toBe(200);
  });

  it('closes sign-in through a committed event, with its audit entry', async () => {
    const leaving = await person(local.api, 'roi.sob', 'sob', ['editor']);
    const successor = await person(local.api, 'thay.sob', 'sob', ['editor']);
    const closed = await call(`/accounts/${leaving.id}/close`, admin, {
      method: 'POST',
      body: { successorId: successor.id, reason: 'transfer' },
    });
    expect(closed.status).toBe(200);
    const all = await items();
    const event = all.find(
      (i) =>
        i.type === 'OutboxEvent' &&
        i.detailType === 'AccountClosed' &&
        JSON.parse(i.payload).data.accountId === leaving.id,
    );
    const entry = all.find(
      (i) => i.type === 'AuditEntry' && i.action === 'account.close' && i.target.id === leaving.id,
    );
    expect(event).toBeDefined();
    expect(entry).toBeDefined();
    // The event names the transaction of the change; the audit entry names its request.
    expect(JSON.parse(event!.payload).metadata).toMatchObject({
      requestId: entry!.requestId,
      transactionId: event!.transactionId,
    });
    expect(all.find((i) => i.pk === keys.credentials(leaving.id).pk && i.sk === 'CREDENTIALS')?.disabled).toBe(true);
    // The event reaches the identity-sync consumer, which (re)applies it once.
    const eventId = JSON.parse(event!.payload).metadata.eventId as string;
    await eventually(
      async () =>
        (await items()).some((i) => i.pk === keys.consumedEvent('syncIdentity', eventId).pk) ? true : undefined,
      20_000,
    );
  });
});

describe('audit log by unit and actor', () => {
  it('pages an actor’s entries within a unit by index, not by a filter after the limit', async () => {
    // The admin's own entry in soa; then the newest entries of soa are other people's (their first passwords).
    const created = await call('/accounts', admin, {
      method: 'POST',
      body: {
        username: 'nhat.ky',
        fullName: 'Nhật Ký',
        email: 'nk@soa.demo.gov.vn',
        unitCode: 'soa',
        roles: ['editor'],
      },
    });
    expect(created.status).toBe(201);
    await person(local.api, 'sau.soa', 'soa', ['editor']);
    await person(local.api, 'sau2.soa', 'soa', ['editor']);
    const page = await call(`/audit?unit=soa&actor=${admin.id}&limit=1`, admin);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].actor.id).toBe(admin.id);
  });
});

describe('unit of work', () => {
  it('refuses work beyond DynamoDB’s 100 actions, before sending anything', async () => {
    const many = Array.from({ length: MAX_TRANSACTION_ACTIONS + 1 }, (_, i) =>
      local.stack().services.work.open({
        workId: `w${i}`,
        kind: 'question',
        title: 't',
        unitCode: 'soa',
        openedAt: '2026-01-01T00:00:00Z',
        status: 'open',
      }),
    );
    await expect(commitWork({ actions: many })).rejects.toBeInstanceOf(TransactionTooLargeError);
    expect((await local.stack().services.work.openOfUnit('soa', 10)).items).toEqual([]);
  });

  it('turns a failed condition into a 409 naming what changed (412 for a stale If-Match), never a 500', async () => {
    const editor = await person(local.api, 'bt.huyenb', 'huyenb', ['editor']);
    const account = (await local.stack().services.accounts.get(editor.id))!;
    await commitWork({
      actions: [
        local
          .stack()
          .services.accounts.replace({ ...account, fullName: 'Đổi', version: account.version + 1 }, account.version),
      ],
    });
    const stale = commitWork({
      actions: [
        local
          .stack()
          .services.accounts.replace({ ...account, fullName: 'Cũ', version: account.version + 1 }, account.version),
      ],
    });
    await expect(stale).rejects.toMatchObject({
      code: 'conflict',
      messages: { en: expect.stringContaining('bt.huyenb changed meanwhile') },
    });
    const viaHttp = await call(`/accounts/${editor.id}/roles`, admin, {
      method: 'PUT',
      body: { roles: ['reporter'] },
      headers: { 'if-match': `"${account.version}"` },
    });
    expect(viaHttp.status).toBe(412);
    expect(viaHttp.body.type).toMatch(/precondition-failed$/);
  });
});
