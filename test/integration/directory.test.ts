import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import {
  commitWork,
  NEW_PASSWORD,
  openWork,
  person,
  seedTree,
  signIn,
  type Person,
  caller,
} from '../support/directory';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

const local = useLocalStack();
let admin: Person; // province operator
let auditor: Person;

const call = caller(local.api);
const auditOf = async (unit: string) =>
  (await call(`/audit?unit=${unit}&limit=100`, auditor)).body.items as Array<Record<string, any>>;

beforeAll(async () => {
  await seedTree();
  admin = await person(local.api, 'admin', 'demo', ['operator']);
  auditor = await person(local.api, 'kiemtra', 'demo', ['auditor']);
});

describe('sign-in (local stand-in for Cognito)', () => {
  it('asks for a new password at first sign-in, enforcing the password policy', async () => {
    const { account, temporaryPassword } = (
      await call('/accounts', admin, {
        method: 'POST',
        body: {
          username: 'nguyenvana.soa',
          fullName: 'Nguyễn Văn A',
          email: 'vana@soa.demo.gov.vn',
          unitCode: 'soa',
          roles: ['editor'],
        },
      })
    ).body;
    expect(account.mustChangePassword).toBe(true);
    const first = await call('/local-auth/sign-in', undefined, {
      method: 'POST',
      body: { username: 'nguyenvana.soa', password: temporaryPassword },
    });
    expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
    const weak = await call('/local-auth/new-password', undefined, {
      method: 'POST',
      body: { session: first.body.session, newPassword: 'password' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    expect(weak.body.errors[0].message.vi).toMatch(/chữ hoa/);
    const strong = await call('/local-auth/new-password', undefined, {
      method: 'POST',
      body: { session: first.body.session, newPassword: NEW_PASSWORD },
    });
    expect(strong.status).toBe(200);
    const me = await call('/me', {
      id: account.id,
      username: 'x',
      token: strong.body.accessToken,
      temporaryPassword: '',
    });
    expect(me.body.account.mustChangePassword).toBe(false);
    expect(me.body.account.passwordChangedAt).toBeTruthy();
  });

  it('locks an account after 5 failed attempts until an operator unlocks it', async () => {
    const victim = await person(local.api, 'locked.soa', 'soa', ['editor']);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await call('/local-auth/sign-in', undefined, {
            method: 'POST',
            body: { username: 'locked.soa', password: 'Sai-Mat-Khau-1' },
          })
        ).status,
      ).toBe(401);
    }
    const locked = await call('/local-auth/sign-in', undefined, {
      method: 'POST',
      body: { username: 'locked.soa', password: NEW_PASSWORD },
    });
    expect(locked.status).toBe(423);
    expect((await call(`/accounts/${victim.id}/unlock`, admin, { method: 'POST' })).status).toBe(204);
    expect(typeof (await signIn(local.api, 'locked.soa', NEW_PASSWORD))).toBe('string');
  });

  it('blocks every other action while the password is older than 3 months (NA 10.2đ)', async () => {
    const old = await person(local.api, 'old.soa', 'soa', ['operator']);
    const { accounts } = local.stack().services;
    const account = (await accounts.get(old.id))!;
    await commitWork({
      actions: [
        accounts.replace(
          { ...account, passwordChangedAt: '2025-01-01T00:00:00.000Z', version: account.version + 1 },
          account.version,
        ),
      ],
    });
    const blocked = await call('/units/soa/accounts', old);
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toMatch(/password-change-required$/);
    expect((await call('/me', old)).status).toBe(200);
    const weak = await call('/me/password', old, {
      method: 'POST',
      body: { currentPassword: NEW_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const wrong = await call('/me/password', old, {
      method: 'POST',
      body: { currentPassword: 'Khong-Dung-1', newPassword: 'Mật-Khẩu-Thứ-Ba-3' },
    });
    expect(wrong.body.errors[0].field).toBe('body.currentPassword');
    expect(
      (
        await call('/me/password', old, {
          method: 'POST',
          body: { currentPassword: NEW_PASSWORD, newPassword: 'Mật-Khẩu-Thứ-Ba-3' },
        })
      ).status,
    ).toBe(204);
    expect((await call('/units/soa/accounts', old)).status).toBe(200);
  });

  it('refuses a forged or foreign token', async () => {
    const [h, p] = admin.token.split('.');
    expect((await call('/units/soa/accounts', { ...admin, token: `${h}.${p}.AAAA` })).status).toBe(401);
    expect((await call('/units/soa/accounts', undefined)).status).toBe(401);
  });

  it('issues client-credential tokens to registered agency systems, limited to their scopes and routes', async () => {
    const registered = await call('/machine-clients', admin, {
      method: 'POST',
      body: { name: 'Hệ thống một cửa', unitCode: 'soa', scopes: ['portal/content.submit'] },
    });
    expect(registered.status).toBe(201);
    const { clientId } = registered.body.client;
    const token = async (secret: string) => {
      const res = await local.api('/local-auth/oauth2/token', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      return { status: res.status, token: ((await res.json()) as { access_token?: string }).access_token };
    };
    const machine = {
      id: '',
      username: '',
      temporaryPassword: '',
      token: (await token(registered.body.clientSecret)).token!,
    };
    const me = await call('/me', machine);
    expect(me.body).toMatchObject({ kind: 'machine', clientId, unitCode: 'soa', scopes: ['portal/content.submit'] });
    // People-only routes refuse machine tokens at the gateway with 401, as API Gateway does with scopes.
    expect((await call('/units/soa/accounts', machine)).status).toBe(401);
    expect((await token('sai-mat-khau')).status).toBe(400);
    expect((await call(`/machine-clients/${clientId}/disable`, admin, { method: 'POST' })).body.status).toBe(
      'disabled',
    );
    expect((await call('/me', machine)).status).toBe(401);
    expect((await token(registered.body.clientSecret)).status).toBe(400);
  });
});

describe('units', () => {
  it('derives sub-portal domains, refuses a duplicate domain, and audits creation', async () => {
    const created = await call('/units', admin, {
      method: 'POST',
      body: {
        code: 'xa-binh-an',
        name: { vi: 'Xã Bình An', en: 'Bình An Commune' },
        kind: 'commune',
        parentCode: 'huyena',
      },
    });
    expect(created.status).toBe(201);
    // The commune's full name without its level, under its district's label (QN 4.3: quangtrung.uongbi).
    expect(created.body.domain).toBe('binhan.huyena.demo.gov.vn');
    const duplicate = await call('/units', admin, {
      method: 'POST',
      body: {
        code: 'xa-binh-an-2',
        name: { vi: 'Xã Bình An', en: 'Bình An Commune' },
        kind: 'commune',
        parentCode: 'huyena',
      },
    });
    expect(duplicate.status).toBe(409);
    const badParent = await call('/units', admin, {
      method: 'POST',
      body: { code: 'xa-sai', name: { vi: 'Xã Sai', en: 'Wrong' }, kind: 'commune', parentCode: 'soa' },
    });
    expect(badParent.status).toBe(400);
    expect(badParent.body.errors[0].field).toBe('body.parentCode');
    expect((await auditOf('xa-binh-an')).map((e) => e.action)).toEqual(['unit.create']);
  });

  it('renames a district, moving its communes’ domains and keeping the old ones', async () => {
    await call('/units', admin, {
      method: 'POST',
      body: {
        code: 'huyen-c',
        name: { vi: 'Huyện C', en: 'District C' },
        kind: 'district',
        parentCode: 'demo',
        slug: 'huyenc',
      },
    });
    await call('/units', admin, {
      method: 'POST',
      body: { code: 'xa-c1', name: { vi: 'Xã C1', en: 'C1' }, kind: 'commune', parentCode: 'huyen-c', slug: 'xac1' },
    });
    const renamed = await call('/units/huyen-c', admin, {
      method: 'PATCH',
      body: { name: { vi: 'Thị xã C', en: 'Town C' }, slug: 'thixac' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ domain: 'thixac.demo.gov.vn', formerDomains: ['huyenc.demo.gov.vn'] });
    const child = await call('/units/xa-c1', undefined);
    expect(child.body.unit.domain).toBe('xac1.thixac.demo.gov.vn');
    expect(
      (
        await call('/units/huyen-c', admin, {
          method: 'PATCH',
          body: { name: { vi: 'Lần nữa', en: 'Again' } },
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(412);
    const history = await call('/units/huyen-c/history', undefined);
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['created', 'renamed']);
  });

  it('merges units keeping history: open work and accounts move, the old code still resolves', async () => {
    await call('/units', admin, {
      method: 'POST',
      body: { code: 'xa-cu', name: { vi: 'Xã Cũ', en: 'Old' }, kind: 'commune', parentCode: 'huyena', slug: 'xacu' },
    });
    await call('/units', admin, {
      method: 'POST',
      body: { code: 'xa-moi', name: { vi: 'Xã Mới', en: 'New' }, kind: 'commune', parentCode: 'huyena', slug: 'xamoi' },
    });
    const officer = await person(local.api, 'canbo.xacu', 'xa-cu', ['unit-officer']);
    for (const n of [1, 2, 3]) {
      await openWork({
        workId: `q-cu-${n}`,
        kind: 'question',
        title: `Câu hỏi ${n}`,
        unitCode: 'xa-cu',
        assigneeId: officer.id,
        openedAt: `2026-03-0${n}T00:00:00Z`,
        status: 'open',
      });
    }
    await openWork({
      workId: 'q-cu-done',
      kind: 'question',
      title: 'Đã xong',
      unitCode: 'xa-cu',
      openedAt: '2026-02-01T00:00:00Z',
      status: 'done',
    });
    const merged = await call('/unit-merges', admin, { method: 'POST', body: { sources: ['xa-cu'], into: 'xa-moi' } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ movedWork: 3, movedAccounts: 1 });
    const old = await call('/units/xa-cu', undefined);
    expect(old.body.unit).toMatchObject({ status: 'merged', successorCode: 'xa-moi' });
    expect(old.body.current.code).toBe('xa-moi');
    expect((await call('/units/xa-cu/history', undefined)).body.items.map((h: { event: string }) => h.event)).toEqual([
      'created',
      'merged-into',
    ]);
    expect(
      (await call('/units/xa-moi/work', admin)).body.items.map((w: { workId: string }) => w.workId).sort(),
    ).toEqual(['q-cu-1', 'q-cu-2', 'q-cu-3']);
    expect((await call('/units/xa-cu/work', admin)).body.items).toEqual([]);
    expect((await call(`/accounts/${officer.id}`, admin)).body.unitCode).toBe('xa-moi');
    // Repeating the merge changes nothing more.
    expect(
      (await call('/unit-merges', admin, { method: 'POST', body: { sources: ['xa-cu'], into: 'xa-moi' } })).body,
    ).toMatchObject({ movedWork: 0, movedAccounts: 0 });
    expect((await auditOf('xa-cu')).map((e) => e.action).sort()).toEqual([
      'account.create',
      'account.first-password',
      'account.move-unit',
      'unit.create',
      'unit.merge',
    ]);
  });

  it('splits a unit; its open work goes to the named successor', async () => {
    await call('/units', admin, {
      method: 'POST',
      body: { code: 'xa-lon', name: { vi: 'Xã Lớn', en: 'Big' }, kind: 'commune', parentCode: 'huyenb', slug: 'xalon' },
    });
    await openWork({
      workId: 'q-lon',
      kind: 'question',
      title: 'Câu hỏi',
      unitCode: 'xa-lon',
      openedAt: '2026-03-01T00:00:00Z',
      status: 'open',
    });
    const split = await call('/units/xa-lon/split', admin, {
      method: 'POST',
      body: {
        into: [
          { code: 'xa-dong', name: { vi: 'Xã Đông', en: 'East' }, kind: 'commune', slug: 'xadong' },
          { code: 'xa-tay', name: { vi: 'Xã Tây', en: 'West' }, kind: 'commune', slug: 'xatay' },
        ],
        workTo: 'xa-dong',
      },
    });
    expect(split.status).toBe(200);
    expect(split.body).toMatchObject({ created: ['xa-dong', 'xa-tay'], movedWork: 1 });
    expect((await call('/units/xa-lon', undefined)).body.current.code).toBe('xa-dong');
    expect((await call('/units/xa-dong', undefined)).body.unit.domain).toBe('xadong.huyenb.demo.gov.vn');
  });
});

describe('accounts', () => {
  it('names the first admin account of a unit admin.<dept>.<unit> (NA 10.2d)', async () => {
    const res = await call('/accounts', admin, {
      method: 'POST',
      body: { fullName: 'Quản trị xã A', email: 'qt@xaa.demo.gov.vn', unitCode: 'xaa', roles: ['operator'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.account.username).toBe('admin.huyena.xaa');
    const taken = await call('/accounts', admin, {
      method: 'POST',
      body: { fullName: 'Trùng', email: 'x@xaa.demo.gov.vn', unitCode: 'xaa', roles: ['operator'] },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.errors[0].field).toBe('body.username');
  });

  it('closing an account hands its open work to the successor, ends its delegations and its sign-in', async () => {
    const leaving = await person(local.api, 'roi.soa', 'soa', ['unit-officer']);
    const successor = await person(local.api, 'thay.soa', 'soa', ['unit-officer']);
    await openWork({
      workId: 'q-roi-1',
      kind: 'question',
      title: 'Câu hỏi 1',
      unitCode: 'soa',
      assigneeId: leaving.id,
      openedAt: '2026-03-01T00:00:00Z',
      status: 'open',
    });
    await openWork({
      workId: 'q-roi-2',
      kind: 'question',
      title: 'Câu hỏi 2',
      unitCode: 'soa',
      assigneeId: leaving.id,
      openedAt: '2026-03-02T00:00:00Z',
      status: 'open',
    });
    const self = await call(`/accounts/${leaving.id}/close`, admin, {
      method: 'POST',
      body: { successorId: leaving.id, reason: 'transfer' },
    });
    expect(self.status).toBe(400);
    const closed = await call(`/accounts/${leaving.id}/close`, admin, {
      method: 'POST',
      body: { successorId: successor.id, reason: 'retirement' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.movedWork).toBe(2);
    const theirs = await local.stack().services.work.openOfAssignee(successor.id, 10);
    expect(theirs.items.map((w) => w.workId).sort()).toEqual(['q-roi-1', 'q-roi-2']);
    expect((await local.stack().services.work.openOfAssignee(leaving.id, 10)).items).toEqual([]);
    expect((await call('/me', leaving)).status).toBe(401);
    expect(
      (
        await call('/local-auth/sign-in', undefined, {
          method: 'POST',
          body: { username: 'roi.soa', password: NEW_PASSWORD },
        })
      ).status,
    ).toBe(401);
    const entry = (await auditOf('soa')).find((e) => e.action === 'account.close');
    expect(entry).toMatchObject({
      actor: { id: admin.id },
      target: { id: leaving.id },
      before: { status: 'active' },
      after: { status: 'closed', successorId: successor.id },
    });
  });

  it('lets the chief editor delegate to a deputy within a window, audited and revocable', async () => {
    const chief = await person(local.api, 'truongban.sob', 'sob', ['chief-editor']);
    const deputy = await person(local.api, 'phoban.sob', 'sob', ['deputy-editor']);
    const editor = await person(local.api, 'btv.sob', 'sob', ['editor']);
    const grant = (deputyId: string, validTo = '2026-12-31T00:00:00+07:00') =>
      call('/delegations', chief, {
        method: 'POST',
        body: { deputyId, actions: ['content.approve'], validFrom: '2026-01-01T00:00:00+07:00', validTo },
      });
    expect((await grant(editor.id)).status).toBe(400);
    expect((await grant(deputy.id, '2025-01-01T00:00:00+07:00')).status).toBe(400);
    const granted = await grant(deputy.id);
    expect(granted.status).toBe(201);
    const me = await call('/me', deputy);
    expect(me.body.delegations).toHaveLength(1);
    expect(
      (
        await call('/delegations', editor, {
          method: 'POST',
          body: {
            deputyId: deputy.id,
            actions: ['content.approve'],
            validFrom: '2026-01-01T00:00:00Z',
            validTo: '2026-02-01T00:00:00Z',
          },
        })
      ).status,
    ).toBe(403);
    const revoked = await call(`/accounts/${deputy.id}/delegations/${granted.body.id}/revoke`, chief, {
      method: 'POST',
    });
    expect(revoked.body.revokedAt).toBeTruthy();
    expect(
      (await auditOf('sob'))
        .filter((e) => e.target.type === 'Delegation')
        .map((e) => e.action)
        .sort(),
    ).toEqual(['delegation.grant', 'delegation.revoke']);
  });
});

describe('audit log', () => {
  it('answers auditors by unit and by actor, newest first, in pages, within a time range', async () => {
    const byActor = await call(`/audit?actor=${admin.id}&limit=2`, auditor);
    expect(byActor.status).toBe(200);
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.nextCursor).toBeTruthy();
    const next = await call(`/audit?actor=${admin.id}&limit=2&cursor=${byActor.body.nextCursor}`, auditor);
    expect(next.body.items[0].at <= byActor.body.items[1].at).toBe(true);
    const future = await call(`/audit?unit=soa&from=${encodeURIComponent('2099-01-01T00:00:00Z')}`, auditor);
    expect(future.body.items).toEqual([]);
    expect((await call('/audit?unit=soa&cursor=%%%', auditor)).status).toBe(400);
    expect((await call('/audit', auditor)).status).toBe(400);
  });

  it('records every privileged change made through the API with actor, before/after and request id', async () => {
    const entries = [
      ...(await auditOf('soa')),
      ...(await auditOf('demo')),
      ...(await auditOf('xa-moi')),
      ...(await auditOf('huyena')),
    ];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.requestId).toBeTruthy();
      expect(entry.actor.id).toBeTruthy();
      expect(entry).toHaveProperty('before');
      expect(entry).toHaveProperty('after');
      expect(JSON.stringify(entry)).not.toMatch(/scrypt|temporaryPassword|secretHash/);
    }
  });

  it('never stores a response that carries a secret for Idempotency-Key replay', async () => {
    const res = await call('/machine-clients', admin, {
      method: 'POST',
      headers: { 'idempotency-key': 'secret-response-1' },
      body: { name: 'Hệ thống bí mật', unitCode: 'soa', scopes: ['portal/read'] },
    });
    expect(res.status).toBe(201);
    const out = await local.clients().dynamodb.send(new ScanCommand({ TableName: local.stack().resources.tableName }));
    const stored = (out.Items ?? []).map((i) => JSON.stringify(unmarshall(i)));
    expect(stored.some((s) => s.includes(res.body.clientSecret))).toBe(false);
  });

  it('has an audit entry for every change these tests made (units, accounts, passwords, delegations, clients)', async () => {
    const items = await local.scanAll();
    const audit = items.filter((i) => i.type === 'AuditEntry');
    const has = (action: string, id: string) => audit.some((e) => e.action === action && e.target.id === id);
    const missing: string[] = [];
    for (const item of items) {
      if (item.type === 'Unit' && !has('unit.create', item.code)) missing.push(`unit ${item.code}`);
      if (item.type === 'Unit' && item.status === 'merged' && !has('unit.merge', item.code))
        missing.push(`merge ${item.code}`);
      if (item.type === 'Unit' && item.status === 'split' && !has('unit.split', item.code))
        missing.push(`split ${item.code}`);
      if (item.type === 'Account' && !has('account.create', item.id)) missing.push(`account ${item.username}`);
      if (
        item.type === 'Account' &&
        item.passwordChangedAt &&
        !(has('account.first-password', item.id) || has('account.password-change', item.id))
      )
        missing.push(`password ${item.username}`);
      if (item.type === 'Account' && item.status === 'closed' && !has('account.close', item.id))
        missing.push(`closure ${item.username}`);
      if (item.type === 'Delegation' && !has('delegation.grant', item.id)) missing.push(`delegation ${item.id}`);
      if (
        item.type === 'Delegation' &&
        item.revokedAt &&
        !has('delegation.revoke', item.id) &&
        !audit.some((e) => e.action === 'delegation.revoke' && e.after?.id === item.id)
      )
        missing.push(`revocation ${item.id}`);
      if (item.type === 'MachineClient' && !has('machine-client.create', item.clientId))
        missing.push(`client ${item.clientId}`);
    }
    expect(missing).toEqual([]);
    expect(audit.length).toBeGreaterThan(20);
  });
});
