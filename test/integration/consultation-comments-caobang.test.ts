import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setNow } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { seedConsultation } from '../support/consultation-seed';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince } from '../../shared/application/bootstrap';

/**
 * Cao Bằng posts what the comment section receives as soon as it is received (CB 10.1đ): a comment
 * with publication consent is public at once (redacted), one without stays private; the board may
 * still hide a published one, with a reason. Cao Bằng's commenter fields are its askers' (CB 11.2).
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-16T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/caobang.json') });
const call = caller(local.api);
let secretary: Person;
let consultationId = '';

const dan = {
  kind: 'individual',
  fullName: 'Nông Văn Góp Ý',
  nationality: 'Việt Nam',
  address: 'Tổ 5, phường Sông Hiến',
  phone: '0206 3852 111',
  occupation: 'Tiểu thương',
  idNumber: '004090001234',
};
const comment = (publication: boolean) => ({
  commenter: dan,
  article: 2,
  text: 'Đề nghị bổ sung hộ kinh doanh cá thể vào đối tượng áp dụng.',
  consent: { processing: true, publication },
});
const post = (body: unknown) =>
  call(`/public/portals/caobang/consultations/${consultationId}/comments`, undefined, { method: 'POST', body });
const listed = async () =>
  (await call(`/public/portals/caobang/consultations/${consultationId}/comments`, undefined)).body.items.map(
    (c: { code: string }) => c.code,
  );

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Cao Bằng', en: 'Cao Bang Province' });
  secretary = await person(local.api, 'thuky.gy.cb', 'caobang', ['secretary']);
  consultationId = (
    await seedConsultation({
      unitCode: 'caobang',
      opensAt: '2026-03-16T01:00:00.000Z',
      closesAt: '2026-04-15T10:00:00.000Z',
    })
  ).id;
}, 120_000);

describe('comments under Cao Bằng (CB 10.1đ)', () => {
  it('publishes a consenting comment at once and keeps the other private; the board may still hide one', async () => {
    // CB 11.2b's fields: without occupation and ID number, refused naming them.
    const { occupation: _o, idNumber: _i, ...short } = dan;
    const missing = await post({ ...comment(true), commenter: short });
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.commenter.occupation',
      'body.commenter.idNumber',
    ]);

    const open = await post(comment(true));
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect(open.body.state).toBe('published');
    const closed = await post(comment(false));
    expect(closed.body.state).toBe('pending');
    expect(await listed()).toEqual([open.body.code]);

    const hidden = await call(`/consultation-comments/${open.body.code}/moderation`, secretary, {
      method: 'POST',
      body: { action: 'hide', reason: 'Thông tin sai sự thật' },
    });
    expect(hidden.body).toMatchObject({ state: 'hidden', version: 2 });
    expect(await listed()).toEqual([]);
  });
});
