import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { person, seedTree, type Person, caller } from '../support/directory';
import { ensureUnits } from '../../shared/application/bootstrap';

/** Large unit changes stay within DynamoDB's transaction limits; splits and slugs obey the rules (issue 7 #3, issue 12 #1, #3). */
const local = useLocalStack();
let admin: Person; // province operator
let deptOperator: Person; // operator of department soa only

const call = caller(local.api);

beforeAll(async () => {
  await seedTree();
  admin = await person(local.api, 'admin', 'demo', ['operator']);
  deptOperator = await person(local.api, 'qt.soa', 'soa', ['operator']);
});

describe('renaming a district with 70 communes', () => {
  it('moves every commune’s domain, with history, in bounded transactions', async () => {
    // 70 communes: three cascade transactions of up to 30 (shared/application/units.ts), the last one partial.
    const communes = Array.from({ length: 70 }, (_, i) => `xl${String(i).padStart(3, '0')}`);
    await ensureUnits(local.stack().services, [
      {
        code: 'huyen-lon',
        name: { vi: 'Huyện Lớn', en: 'Big District' },
        kind: 'district',
        parentCode: 'demo',
        slug: 'huyenlon',
      },
    ]);
    // Ten creators at once, seven communes each.
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        ensureUnits(
          local.stack().services,
          communes.slice(n * 7, n * 7 + 7).map((code) => ({
            code,
            name: { vi: `Xã ${code}`, en: `Commune ${code}` },
            kind: 'commune' as const,
            parentCode: 'huyen-lon',
            slug: code,
          })),
        ),
      ),
    );
    const renamed = await call('/units/huyen-lon', admin, {
      method: 'PATCH',
      body: { name: { vi: 'Thị xã Lớn', en: 'Big Town' }, slug: 'thixalon' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ domain: 'thixalon.demo.gov.vn', formerDomains: ['huyenlon.demo.gov.vn'] });
    for (const code of [communes[0]!, communes[29]!, communes[30]!, communes[69]!]) {
      const unit = (await call(`/units/${code}`, undefined)).body.unit;
      expect(unit).toMatchObject({
        domain: `${code}.thixalon.demo.gov.vn`,
        formerDomains: [`${code}.huyenlon.demo.gov.vn`],
      });
      const history = (await call(`/units/${code}/history`, undefined)).body.items;
      expect(history.map((h: { event: string }) => h.event)).toEqual(['created', 'renamed']);
      expect(history[1].detail).toMatchObject({ toDomain: `${code}.thixalon.demo.gov.vn`, because: 'huyen-lon' });
    }
    let stale = 0;
    let seen = 0;
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await local.stack().services.units.children('huyen-lon', 25, cursor);
      stale += page.items.filter((u) => !u.domain.endsWith('.thixalon.demo.gov.vn')).length;
      seen += page.items.length;
      cursor = page.nextCursor;
    }
    expect(stale).toBe(0);
    expect(seen).toBe(communes.length);
  }, 180_000);
});

describe('splitting a unit (issue 12 #1)', () => {
  const splitBody = (kind: string) => ({
    into: [
      { code: `${kind}-s1`, name: { vi: 'Mới 1', en: 'New 1' }, kind, slug: `${kind}s1` },
      { code: `${kind}-s2`, name: { vi: 'Mới 2', en: 'New 2' }, kind, slug: `${kind}s2` },
    ],
    workTo: `${kind}-s1`,
  });

  it('needs unit management on the parent: a department’s operator cannot split its own unit', async () => {
    const res = await call('/units/soa/split', deptOperator, { method: 'POST', body: splitBody('district') });
    expect(res.status).toBe(403);
    expect(await local.stack().services.units.get('district-s1')).toBeUndefined();
    expect((await local.stack().services.units.get('soa'))?.status).toBe('active');
  });

  it('keeps the new units to the source’s kind', async () => {
    const res = await call('/units/sob/split', admin, { method: 'POST', body: splitBody('district') });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body.into.0.kind', code: 'invalid_kind' });
    expect((await local.stack().services.units.get('sob'))?.status).toBe('active');
    const ok = await call('/units/sob/split', admin, { method: 'POST', body: splitBody('department') });
    expect(ok.status).toBe(200);
  });
});

describe('reserved host names (issue 12 #3)', () => {
  it.each(['en', 'zh', 'www', 'api', 'mail', 'admin'])(
    'refuses the slug %s, given or derived, at creation and rename',
    async (slug) => {
      const given = await call('/units', admin, {
        method: 'POST',
        body: { code: `r-${slug}`, name: { vi: 'Sở Thử', en: 'Test' }, kind: 'department', parentCode: 'demo', slug },
      });
      expect(given.status).toBe(400);
      expect(given.body.errors[0]).toMatchObject({ field: 'body.slug', code: 'reserved' });
      const derived = await call('/units', admin, {
        method: 'POST',
        body: {
          code: `d-${slug}`,
          name: { vi: slug.toUpperCase(), en: 'Test' },
          kind: 'department',
          parentCode: 'demo',
        },
      });
      expect(derived.status).toBe(400);
      const renamed = await call('/units/soa', admin, {
        method: 'PATCH',
        body: { name: { vi: 'Sở A', en: 'Department A' }, slug },
      });
      expect(renamed.status).toBe(400);
      expect((await local.stack().services.units.get('soa'))?.slug).toBe('soa');
    },
  );
});
