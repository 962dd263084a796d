import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';

/**
 * Defects found by attacking the finished areas through the local gateway (content, accounts,
 * units, uploads, calendar, identity), each kept as the request that exposed it.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};

/** Items of the table that a refused request must leave as they were (aside: idempotency records, and consumers' marks of earlier events). */
const scan = async () =>
  (await local.scanAll())
    .filter((i) => !/^(IDEM|CONSUMED)#/.test(String(i.pk)))
    .sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`))
    .map((i) => JSON.stringify(i));
/** The table once the consumers of earlier steps' events are done with it (two equal scans in a row). */
async function snapshot(): Promise<string[]> {
  let last = await scan();
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const next = await scan();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the table never settled');
}

beforeAll(async () => {
  await seedTree();
  people.operator = await person(local.api, 'vanhanh', 'demo', ['operator']);
  people.contributor = await person(local.api, 'ctv.a', 'huyena', ['contributor']);
  people.leaving = await person(local.api, 'ctv.nghi', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.a', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.a', 'huyena', ['chief-editor']);
  people.deputy = await person(local.api, 'pho.a', 'huyena', ['deputy-editor']);
}, 120_000);

describe('merging units keeps the tree a tree', () => {
  it('refuses to merge the province, or a unit into one of its own units, and writes nothing', async () => {
    const before = await snapshot();
    const province = await call('/unit-merges', people.operator, {
      method: 'POST',
      body: { sources: ['demo'], into: 'soa' },
    });
    expect(province.status).toBe(403);
    const intoOwnCommune = await call('/unit-merges', people.operator, {
      method: 'POST',
      body: { sources: ['huyena'], into: 'xaa' },
    });
    expect(intoOwnCommune.status).toBe(400);
    expect(intoOwnCommune.body.errors[0]).toMatchObject({ field: 'body.sources', code: 'inside_source' });
    expect(await snapshot()).toEqual(before);
    expect((await call('/units/huyena', undefined)).body.current).toMatchObject({ code: 'huyena', status: 'active' });
    expect((await call(`/accounts/${people.operator!.id}`, people.operator)).body.unitCode).toBe('demo');
  });
});

describe('a split or merge naming one unit or domain twice', () => {
  it('is a 400 naming the field, never a 500, and writes nothing', async () => {
    const commune = (code: string, vi: string, en: string, slug?: string) => ({
      code,
      name: { vi, en },
      kind: 'commune',
      ...(slug && { slug }),
    });
    const before = await snapshot();
    const sameCode = await call('/units/xab/split', people.operator, {
      method: 'POST',
      body: {
        into: [commune('xa-r', 'Xã Một', 'Commune One'), commune('xa-r', 'Xã Hai', 'Commune Two')],
        workTo: 'xa-r',
      },
    });
    expect(sameCode.status).toBe(400);
    expect(sameCode.body.errors[0]).toMatchObject({ field: 'body.into.1.code', code: 'duplicate' });
    const sameSlug = await call('/units/xab/split', people.operator, {
      method: 'POST',
      body: {
        into: [commune('xa-r', 'Xã Một', 'Commune One', 'trung'), commune('xa-s', 'Xã Hai', 'Commune Two', 'trung')],
        workTo: 'xa-r',
      },
    });
    expect(sameSlug.status).toBe(400);
    expect(sameSlug.body.errors[0]).toMatchObject({ field: 'body.into.1.slug', code: 'duplicate' });
    const itself = await call('/units/xab/split', people.operator, {
      method: 'POST',
      body: {
        into: [commune('xab', 'Xã Một', 'Commune One'), commune('xa-s', 'Xã Hai', 'Commune Two')],
        workTo: 'xa-s',
      },
    });
    expect(itself.status).toBe(400);
    expect(itself.body.errors[0]).toMatchObject({ field: 'body.into.0.code', code: 'duplicate' });
    const sameSource = await call('/unit-merges', people.operator, {
      method: 'POST',
      body: { sources: ['xab', 'xab'], into: 'xaa' },
    });
    expect(sameSource.status).toBe(400);
    expect(sameSource.body.errors[0]).toMatchObject({ field: 'body.sources' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a closed account stays closed', () => {
  it('refuses to unlock it (409, as for its roles) and writes nothing: no audit entry, no AccountUnlocked', async () => {
    const closed = await call(`/accounts/${people.leaving!.id}/close`, people.operator, {
      method: 'POST',
      body: { successorId: people.contributor!.id, reason: 'retirement' },
    });
    expect(closed.status).toBe(200);
    const before = await snapshot();
    const unlock = await call(`/accounts/${people.leaving!.id}/unlock`, people.operator, { method: 'POST' });
    expect(unlock.status).toBe(409);
    expect(unlock.body.i18n.en.detail).toBe('The account is closed');
    expect(await snapshot()).toEqual(before);
  });
});

describe('closing a deputy who holds many delegations', () => {
  it('ends every delegation and answers 200, however many there are (one transaction holds 100 writes)', async () => {
    const deputy = await person(local.api, 'pho.nhieu', 'huyena', ['deputy-editor']);
    const window = {
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 86_400_000).toISOString(),
    };
    for (let i = 0; i < 55; i++) {
      const granted = await call('/delegations', people.chief, {
        method: 'POST',
        body: { deputyId: deputy.id, actions: ['content.approve'], ...window },
      });
      expect(granted.status).toBe(201);
    }
    const closed = await call(`/accounts/${deputy.id}/close`, people.operator, {
      method: 'POST',
      body: { successorId: people.deputy!.id, reason: 'transfer' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    // Read in the table itself: every one of the 55 records ended, however many pages a list would take.
    const delegations = (await local.scanAll()).filter((i) => i.type === 'Delegation' && i.deputyId === deputy.id);
    expect(delegations).toHaveLength(55);
    expect(delegations.filter((d) => !d.revokedAt)).toEqual([]);
  });
});

describe('If-Match', () => {
  it('a version beyond what a number holds exactly is a 400 naming the header, not a conflict about "1e+23"', async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' },
    });
    const before = await snapshot();
    for (const [path, method, body] of [
      [`/content/${created.body.id}/transitions`, 'POST', { action: 'submit' }],
      [`/content/${created.body.id}`, 'PATCH', { title: 'Tin đã sửa' }],
      [`/accounts/${people.contributor!.id}/roles`, 'PUT', { roles: ['reporter'] }],
    ] as const) {
      const who = method === 'PUT' ? people.operator : people.contributor;
      const res = await call(path, who, { method, body, headers: { 'if-match': '"99999999999999999999999"' } });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'header.if-match' });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('a stale If-Match on a workflow step', () => {
  it("is a 412 naming the header, as an edit's is and as when it loses at the commit (it was a 409 when seen at the read)", async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>', submit: true },
    });
    expect(created.body.version).toBe(2);
    const before = await snapshot();
    const stale = await call(`/content/${created.body.id}/transitions`, people.secretary, {
      method: 'POST',
      body: { action: 'accept' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.errors[0]).toMatchObject({ field: 'header.if-match', code: 'stale_version' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('an item body (HTML) holds text, not control characters or broken Unicode', () => {
  it('refuses NUL, ESC and a lone surrogate in body.body on creation and on edit, naming the field, and writes nothing', async () => {
    const draft = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' },
    });
    const before = await snapshot();
    const bodies = [
      String.raw`<p>Nội\u0000dung</p>`,
      String.raw`<p>Nội dung \u001b[31m</p>`,
      String.raw`<p>Nội \ud800dung</p>`,
    ];
    for (const body of bodies) {
      const raw = `{"category":"news","language":"vi","title":"Tin thử","body":"${body}"}`;
      const created = await local.api('/units/huyena/content', {
        method: 'POST',
        headers: { authorization: `Bearer ${people.contributor!.token}`, 'content-type': 'application/json' },
        body: raw,
      });
      const problem = (await created.json()) as { errors: Array<{ field: string }> };
      expect(created.status, body).toBe(400);
      expect(problem.errors.map((e) => e.field)).toEqual(['body.body']);
      const edited = await local.api(`/content/${draft.body.id}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${people.contributor!.token}`,
          'content-type': 'application/json',
          'if-match': '"1"',
        },
        body: `{"body":"${body}"}`,
      });
      expect(edited.status, body).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('an item body that its cleaning makes longer', () => {
  it("is a 400 naming body.body, not a 500 from DynamoDB's 400 KB item limit, and nothing is written", async () => {
    const before = await snapshot();
    // Each & is escaped as &amp;: 190,000 characters in, 950,000 out.
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin dài', body: `<p>${'&'.repeat(190_000)}</p>` },
    });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(400);
    expect(created.body.errors[0]).toMatchObject({ field: 'body.body' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('language versions under concurrent requests', () => {
  it('of 50 concurrent English versions of one item exactly one is created; the others get 409 or 400 language_taken', async () => {
    // Three rounds: one alone lost the race only about three times in four before the fix.
    for (let round = 0; round < 3; round++) await oneRound();
  });

  async function oneRound() {
    const source = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin gốc', body: '<p>Nội dung</p>' },
    });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('/units/huyena/content', people.contributor, {
          method: 'POST',
          body: {
            category: 'news',
            language: 'en',
            title: `Version ${i}`,
            body: '<p>Text</p>',
            translationOf: source.body.id,
          },
        }),
      ),
    );
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 409 && s !== 400)).toEqual([]);
    // Counted in the table itself: no second version may have been written, even one no list would show.
    const versions = (await local.scanAll()).filter(
      (i) => i.type === 'ContentItem' && i.translationOf === source.body.id,
    );
    expect(versions).toHaveLength(1);
    expect((await call(`/content/${source.body.id}`, people.contributor)).body.translations).toEqual([
      { language: 'en', id: versions[0]!.id },
    ]);
  }
});

describe("a year's schedule of days off says one thing per day", () => {
  const off = (date: string) => ({
    date,
    kind: 'holiday',
    name: { vi: 'Ngày nghỉ thử', en: 'Test day off' },
    basis: 'Thử',
  });
  const put = (body: unknown) => call('/admin/calendar/schedules/2031', people.operator, { method: 'PUT', body });

  it('refuses a day off listed twice, a "working Saturday" that is no Saturday, and a day both off and worked, naming the field; nothing is written', async () => {
    const before = await snapshot();
    const twice = await put({ source: 'Thử', daysOff: [off('2031-03-05'), off('2031-03-05')], workingSaturdays: [] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ field: 'body.daysOff.1.date', code: 'duplicate' });
    // 2031-03-05 is a Wednesday.
    const wednesday = await put({
      source: 'Thử',
      daysOff: [off('2031-03-07')],
      workingSaturdays: [{ date: '2031-03-05', replaces: '2031-03-07', basis: 'Thử' }],
    });
    expect(wednesday.status).toBe(400);
    expect(wednesday.body.errors[0]).toMatchObject({ field: 'body.workingSaturdays.0.date', code: 'not_saturday' });
    // 2031-03-08 is a Saturday.
    const both = await put({
      source: 'Thử',
      daysOff: [off('2031-03-07'), off('2031-03-08')],
      workingSaturdays: [{ date: '2031-03-08', replaces: '2031-03-07', basis: 'Thử' }],
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0]).toMatchObject({ field: 'body.workingSaturdays.0.date', code: 'day_off' });
    expect(await snapshot()).toEqual(before);
    // The same year, consistent, is stored.
    expect(
      (
        await put({
          source: 'Thử',
          daysOff: [off('2031-03-07')],
          workingSaturdays: [{ date: '2031-03-08', replaces: '2031-03-07', basis: 'Thử' }],
        })
      ).status,
    ).toBe(200);
  });
});

describe('the days-off calendar (.ics)', () => {
  it('escapes a carriage return in a name or basis, so no text becomes a line of its own (RFC 5545 §3.3.11)', async () => {
    const injected = 'Nghỉ thử\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Giả mạo';
    const day = {
      date: '2032-03-05',
      kind: 'holiday',
      name: { vi: injected, en: 'Test day off' },
      basis: 'Căn cứ\r\nthứ hai',
    };
    const put = await call('/admin/calendar/schedules/2032', people.operator, {
      method: 'PUT',
      body: { source: 'Thử', daysOff: [day], workingSaturdays: [] },
    });
    expect(put.status).toBe(200);
    const ics = await (await local.api('/calendar/2032/days-off.ics')).text();
    // Only CRLF ends a line: a bare CR (or LF) would end one for many readers.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Nghỉ thử\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Giả mạo',
    ]);
  });
});

describe("one e-mail address, one account (as Cognito's e-mail alias on AWS)", () => {
  it('refuses a second account with an address in use, whatever its case, with 409 naming body.email; nothing is written', async () => {
    const account = (username: string, email: string) => ({
      username,
      fullName: 'Người thử',
      email,
      unitCode: 'huyena',
      roles: ['editor'],
    });
    expect(
      (
        await call('/accounts', people.operator, {
          method: 'POST',
          body: account('thu.mot', 'thu.mot@huyena.demo.gov.vn'),
        })
      ).status,
    ).toBe(201);
    const before = await snapshot();
    const again = await call('/accounts', people.operator, {
      method: 'POST',
      body: account('thu.hai', 'Thu.Mot@HuyenA.demo.gov.vn'),
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ field: 'body.email', code: 'taken' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('/openapi.json names every status a route answers', () => {
  type Case = readonly [
    operationId: string,
    status: number,
    method: string,
    path: string,
    who?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ];
  const NO_ID = '00000000-0000-4000-8000-000000000000';
  const news = { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' };
  const rename = { name: { vi: 'Xã Đổi Tên', en: 'Renamed' } };
  const schedule = { source: 'Thông báo thử', daysOff: [], workingSaturdays: [] };
  const rule = {
    name: { vi: 'Ngày thử', en: 'Test day' },
    date: { calendar: 'solar', month: 6, day: 1 },
    basis: 'Thử',
    status: 'pending',
  };
  const split = {
    into: [
      { code: 'xa-p', name: { vi: 'Xã P', en: 'Commune P' }, kind: 'commune' },
      { code: 'xa-q', name: { vi: 'Xã Q', en: 'Commune Q' }, kind: 'commune' },
    ],
    workTo: 'xa-p',
  };

  it('a missing resource (404) and a stale If-Match (412) are described where they happen', async () => {
    const doc = (await call('/openapi.json', undefined)).body as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const documented = new Map(
      Object.values(doc.paths).flatMap((methods) =>
        Object.values(methods).map((op) => [op.operationId, Object.keys(op.responses)] as const),
      ),
    );
    const submitted = (
      await call('/units/huyena/content', people.contributor, { method: 'POST', body: { ...news, submit: true } })
    ).body.id as string;
    const cases: Case[] = [
      ['createContentItem', 404, 'POST', '/units/khongco/content', 'contributor', news],
      ['listUnitContent', 404, 'GET', '/units/khongco/content', 'secretary'],
      ['getContentItem', 404, 'GET', `/content/${NO_ID}`, 'secretary'],
      ['transitionContentItem', 404, 'POST', `/content/${NO_ID}/transitions`, 'secretary', { action: 'accept' }],
      [
        'transitionContentItem',
        412,
        'POST',
        `/content/${submitted}/transitions`,
        'secretary',
        { action: 'accept' },
        { 'if-match': '"1"' },
      ],
      [
        'bulkTransitionContent',
        404,
        'POST',
        '/units/khongco/content/bulk-transitions',
        'secretary',
        { action: 'return', ids: [NO_ID], comment: 'Bổ sung' },
      ],
      ['getPublishedContent', 404, 'GET', `/public/portals/huyena/content/${NO_ID}`],
      ['getContentFeed', 404, 'GET', '/public/portals/khongco/feed.rss'],
      ['getSitemap', 404, 'GET', '/public/portals/huyena/sitemap.xml?page=5'],
      ['listUnitAccounts', 404, 'GET', '/units/khongco/accounts', 'operator'],
      ['listUnitWork', 404, 'GET', '/units/khongco/work', 'operator'],
      ['listUnitDelegations', 404, 'GET', '/units/khongco/delegations', 'operator'],
      ['getAccount', 404, 'GET', `/accounts/${NO_ID}`, 'operator'],
      ['setAccountRoles', 404, 'PUT', `/accounts/${NO_ID}/roles`, 'operator', { roles: ['editor'] }],
      [
        'setAccountRoles',
        412,
        'PUT',
        `/accounts/${people.contributor!.id}/roles`,
        'operator',
        { roles: ['reporter'] },
        { 'if-match': '"99"' },
      ],
      [
        'closeAccount',
        404,
        'POST',
        `/accounts/${NO_ID}/close`,
        'operator',
        { successorId: people.contributor!.id, reason: 'transfer' },
      ],
      ['unlockAccount', 404, 'POST', `/accounts/${NO_ID}/unlock`, 'operator'],
      ['revokeDelegation', 404, 'POST', `/accounts/${people.deputy!.id}/delegations/${NO_ID}/revoke`, 'chief'],
      ['disableMachineClient', 404, 'POST', '/machine-clients/KhongCoUngDung1/disable', 'operator'],
      ['getUnit', 404, 'GET', '/units/khongco'],
      ['getUnitHistory', 404, 'GET', '/units/khongco/history'],
      ['renameUnit', 404, 'PATCH', '/units/khongco', 'operator', rename],
      ['renameUnit', 412, 'PATCH', '/units/xab', 'operator', rename, { 'if-match': '"99"' }],
      ['splitUnit', 404, 'POST', '/units/khongco/split', 'operator', split],
      ['getPolicy', 404, 'GET', '/policies/khong-co'],
      ['getConfiguredSchedule', 404, 'GET', '/admin/calendar/schedules/2099', 'operator'],
      ['putSchedule', 412, 'PUT', '/admin/calendar/schedules/2031', 'operator', schedule, { 'if-match': '"5"' }],
      ['putHolidayRule', 412, 'PUT', '/admin/calendar/holidays/ngay-thu', 'operator', rule, { 'if-match': '"5"' }],
      ['getUpload', 404, 'GET', '/uploads/khongco-0000', 'contributor'],
    ];
    const missing: string[] = [];
    for (const [id, status, method, path, who, body, headers] of cases) {
      const res = await call(path, who ? people[who] : undefined, {
        method,
        ...(body !== undefined && { body }),
        ...(headers && { headers }),
      });
      expect(res.status, `${id}: ${method} ${path} ${JSON.stringify(res.body)}`).toBe(status);
      if (!documented.get(id)?.includes(String(status))) missing.push(`${id} ${status}`);
    }
    expect(missing).toEqual([]);
  });
});
