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
const scan = async () => ((await local.scanAll()).filter((i) => !/^(IDEM|CONSUMED)#/.test(String(i.pk))).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)).map((i) => JSON.stringify(i)));
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
    const province = await call('/unit-merges', people.operator, { method: 'POST', body: { sources: ['demo'], into: 'soa' } });
    expect(province.status).toBe(403);
    const intoOwnCommune = await call('/unit-merges', people.operator, { method: 'POST', body: { sources: ['huyena'], into: 'xaa' } });
    expect(intoOwnCommune.status).toBe(400);
    expect(intoOwnCommune.body.errors[0]).toMatchObject({ field: 'body.sources', code: 'inside_source' });
    expect(await snapshot()).toEqual(before);
    expect((await call('/units/huyena', undefined)).body.current).toMatchObject({ code: 'huyena', status: 'active' });
    expect((await call(`/accounts/${people.operator!.id}`, people.operator)).body.unitCode).toBe('demo');
  });
});

describe('a closed account stays closed', () => {
  it('refuses to unlock it (409, as for its roles) and writes nothing: no audit entry, no AccountUnlocked', async () => {
    const closed = await call(`/accounts/${people.leaving!.id}/close`, people.operator, { method: 'POST', body: { successorId: people.contributor!.id, reason: 'retirement' } });
    expect(closed.status).toBe(200);
    const before = await snapshot();
    const unlock = await call(`/accounts/${people.leaving!.id}/unlock`, people.operator, { method: 'POST' });
    expect(unlock.status).toBe(409);
    expect(unlock.body.i18n.en.detail).toBe('The account is closed');
    expect(await snapshot()).toEqual(before);
  });
});

describe('If-Match', () => {
  it('a version beyond what a number holds exactly is a 400 naming the header, not a conflict about "1e+23"', async () => {
    const created = await call('/units/huyena/content', people.contributor, { method: 'POST', body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' } });
    const before = await snapshot();
    for (const [path, method, body] of [
      [`/content/${created.body.id}/transitions`, 'POST', { action: 'submit' }],
      [`/content/${created.body.id}`, 'PATCH', { title: 'Tin đã sửa' }],
      [`/accounts/${people.contributor!.id}/roles`, 'PUT', { roles: ['reporter'] }],
    ] as const) {
      const who = method === 'PUT' ? people.operator : people.contributor;
      const res = await call(path, who, { method, body, headers: { 'if-match': '"99999999999999999999999"' } });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'headers.If-Match' });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('a stale If-Match on a workflow step', () => {
  it('is a 412 naming the header, as an edit\'s is and as when it loses at the commit (it was a 409 when seen at the read)', async () => {
    const created = await call('/units/huyena/content', people.contributor, { method: 'POST', body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>', submit: true } });
    expect(created.body.version).toBe(2);
    const before = await snapshot();
    const stale = await call(`/content/${created.body.id}/transitions`, people.secretary, { method: 'POST', body: { action: 'accept' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.errors[0]).toMatchObject({ field: 'header.if-match', code: 'stale_version' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('an item body (HTML) holds text, not control characters or broken Unicode', () => {
  it('refuses NUL, ESC and a lone surrogate in body.body on creation and on edit, naming the field, and writes nothing', async () => {
    const draft = await call('/units/huyena/content', people.contributor, { method: 'POST', body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' } });
    const before = await snapshot();
    const bodies = [String.raw`<p>Nội\u0000dung</p>`, String.raw`<p>Nội dung \u001b[31m</p>`, String.raw`<p>Nội \ud800dung</p>`];
    for (const body of bodies) {
      const raw = `{"category":"news","language":"vi","title":"Tin thử","body":"${body}"}`;
      const created = await local.api('/units/huyena/content', { method: 'POST', headers: { authorization: `Bearer ${people.contributor!.token}`, 'content-type': 'application/json' }, body: raw });
      const problem = (await created.json()) as { errors: Array<{ field: string }> };
      expect(created.status, body).toBe(400);
      expect(problem.errors.map((e) => e.field)).toEqual(['body.body']);
      const edited = await local.api(`/content/${draft.body.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${people.contributor!.token}`, 'content-type': 'application/json', 'if-match': '"1"' },
        body: `{"body":"${body}"}`,
      });
      expect(edited.status, body).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });
});
