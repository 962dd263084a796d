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

/** Items of the table that a refused request must leave as they were. */
const snapshot = async () => JSON.stringify((await local.scanAll()).filter((i) => !String(i.pk).startsWith('IDEMPOTENCY')).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));

beforeAll(async () => {
  await seedTree();
  people.operator = await person(local.api, 'vanhanh', 'demo', ['operator']);
  people.contributor = await person(local.api, 'ctv.a', 'huyena', ['contributor']);
  people.leaving = await person(local.api, 'ctv.nghi', 'huyena', ['contributor']);
}, 120_000);

describe('merging units keeps the tree a tree', () => {
  it('refuses to merge the province, or a unit into one of its own units, and writes nothing', async () => {
    const before = await snapshot();
    const province = await call('/unit-merges', people.operator, { method: 'POST', body: { sources: ['demo'], into: 'soa' } });
    expect(province.status).toBe(403);
    const intoOwnCommune = await call('/unit-merges', people.operator, { method: 'POST', body: { sources: ['huyena'], into: 'xaa' } });
    expect(intoOwnCommune.status).toBe(400);
    expect(intoOwnCommune.body.errors[0]).toMatchObject({ field: 'body.sources', code: 'inside_source' });
    expect(await snapshot()).toBe(before);
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
    expect(await snapshot()).toBe(before);
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
    expect(await snapshot()).toBe(before);
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
    expect(await snapshot()).toBe(before);
  });
});
