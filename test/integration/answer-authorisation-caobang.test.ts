import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { traveller } from '../support/travel';
import { caller, person, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';
import { questionFlow } from '../support/question-flow';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Issue 20 §3, CB 11.5: "Người trả lời thông tin trên chuyên mục Hỏi – Đáp phải là Thủ trưởng các
 * cơ quan, đơn vị hoặc người được Thủ trưởng các cơ quan, đơn vị ủy quyền." Under Cao Bằng's
 * preset the unit head answers, or an officer holding the head's authorisation (a record with its
 * scope of fields and its validity, audited, revocable). Presets without the rule keep any unit
 * officer answering (test/integration/questions*.test.ts under Bình Định).
 */
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-03-02T09:00:00+07:00'));

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/caobang.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);

const questions = questionFlow(call, {
  portal: 'caobang',
  cast: () => ({ secretary: people.secretary }),
  walk: { unit: 'soldtbxh' },
});
const auditOf = auditLog(call, () => people.auditor);
let asked = 0;
/** Asked and routed to the labour department, its answer awaited. */
const ask = async (field = 'labour-social') => {
  const { trackingCode } = await questions.questionIn('routed', {
    asker: {
      kind: 'individual',
      fullName: 'Nông Văn Dũng',
      nationality: 'Việt Nam',
      address: 'Thành phố Cao Bằng',
      phone: '0206 385 2222',
      occupation: 'Nông dân',
      idNumber: '004052001234',
    },
    field,
    title: 'Hỏi về chế độ trợ cấp',
    text: `Xin hỏi điều kiện hưởng trợ cấp xã hội hằng tháng đối với người cao tuổi? (${(asked += 1)})`,
    consent: { processing: true, publication: false },
  });
  return trackingCode;
};
const answer = (id: string, who: Person) =>
  call(`/questions/${id}/transitions`, who, {
    method: 'POST',
    body: {
      action: 'answer',
      answer: {
        text: 'Người cao tuổi từ đủ 80 tuổi không có lương hưu được hưởng trợ cấp xã hội hằng tháng.',
        citations: [],
      },
    },
  });
const grant = (who: Person, body: Record<string, unknown>) =>
  call('/answer-authorisations', who, { method: 'POST', body });

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Cao Bằng', en: 'Cao Bang Province' });
  await ensureUnits(local.stack().services, [
    {
      code: 'soldtbxh',
      name: { vi: 'Sở Lao động', en: 'Department of Labour' },
      kind: 'department',
      parentCode: 'caobang',
      slug: 'soldtbxh',
    },
    {
      code: 'soyte',
      name: { vi: 'Sở Y tế', en: 'Department of Health' },
      kind: 'department',
      parentCode: 'caobang',
      slug: 'soyte',
    },
  ]);
  [people.secretary, people.head, people.officer, people.officer2, people.otherHead, people.auditor] =
    await Promise.all([
      person(local.api, 'thuky.cbauth', 'caobang', ['secretary']),
      person(local.api, 'giamdoc.cbauth', 'soldtbxh', ['unit-head']),
      person(local.api, 'canbo.cbauth', 'soldtbxh', ['unit-officer']),
      person(local.api, 'canbo2.cbauth', 'soldtbxh', ['unit-officer']),
      person(local.api, 'giamdoc.yte.cbauth', 'soyte', ['unit-head']),
      person(local.api, 'kiemtoan.cbauth', 'caobang', ['auditor']),
    ]);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

// One story in steps: an authorisation is granted, used, revoked, then outlived (each step starts where the last ended).
describe('answering under CB 11.5', { shuffle: false }, () => {
  it('refuses an officer without the head’s authorisation, naming CB 11.5; the head answers', async () => {
    const id = await ask();
    const refused = await answer(id, people.officer!);
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ field: 'actor', code: 'answer_not_authorised' });
    expect(refused.body.i18n.vi.detail).toContain('CB 11.5');
    expect((await answer(id, people.head!)).status).toBe(200);
  });

  it('lets an officer answer within the scope and validity the head authorised, audited; not outside them, nor after revocation', async () => {
    const granted = await grant(people.head!, {
      officerId: people.officer!.id,
      fields: ['labour-social'],
      validFrom: '2026-03-01T00:00:00+07:00',
      validTo: '2026-03-31T00:00:00+07:00',
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(granted.body).toMatchObject({
      officerId: people.officer!.id,
      unitCode: 'soldtbxh',
      fields: ['labour-social'],
      grantedBy: people.head!.id,
    });
    const audit = (await auditOf('soldtbxh')).find((e) => e.action === 'qa.answerer.grant');
    expect(audit).toMatchObject({
      actor: { id: people.head!.id },
      target: { type: 'AnswerAuthorisation', id: granted.body.id },
    });

    expect((await answer(await ask(), people.officer!)).status).toBe(200);
    // Another field than the one authorised; another officer.
    expect((await answer(await ask('education-health'), people.officer!)).body.errors[0]).toMatchObject({
      code: 'answer_not_authorised',
    });
    expect((await answer(await ask(), people.officer2!)).status).toBe(403);

    const listed = await call('/units/soldtbxh/answer-authorisations', people.auditor);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(granted.body.id);

    const revoked = await call(
      `/accounts/${people.officer!.id}/answer-authorisations/${granted.body.id}/revoke`,
      people.head,
      { method: 'POST' },
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.revokedAt).toBeDefined();
    expect((await answer(await ask(), people.officer!)).status).toBe(403);
  });

  it('ends with its validity', async () => {
    const granted = await grant(people.head!, {
      officerId: people.officer2!.id,
      validFrom: '2026-03-01T00:00:00+07:00',
      validTo: '2026-03-03T00:00:00+07:00',
    });
    expect(granted.status).toBe(201);
    const id = await ask();
    expect((await answer(id, people.officer2!)).status).toBe(200);
    await travel('2026-03-04T09:00:00');
    expect((await answer(await ask(), people.officer2!)).status).toBe(403);
  });

  it('is granted by the head of the officer’s own unit only, to an active officer of it, for at most a year', async () => {
    const res = await grant(people.otherHead!, {
      officerId: people.officer!.id,
      validFrom: '2026-03-01T00:00:00+07:00',
      validTo: '2026-03-31T00:00:00+07:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(
      (
        await grant(people.otherHead!, {
          officerId: people.officer!.id,
          validFrom: '2026-03-01T00:00:00+07:00',
          validTo: '2026-03-31T00:00:00+07:00',
        })
      ).body.errors[0],
    ).toMatchObject({ field: 'body.officerId' });
    expect(
      (
        await grant(people.officer!, {
          officerId: people.officer2!.id,
          validFrom: '2026-03-01T00:00:00+07:00',
          validTo: '2026-03-31T00:00:00+07:00',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await grant(people.head!, {
          officerId: people.officer!.id,
          validFrom: '2026-03-01T00:00:00+07:00',
          validTo: '2027-04-01T00:00:00+07:00',
        })
      ).body.errors[0],
    ).toMatchObject({ field: 'body.validTo' });
    expect(
      (
        await grant(people.head!, {
          officerId: people.officer!.id,
          validFrom: '2026-03-31T00:00:00+07:00',
          validTo: '2026-03-01T00:00:00+07:00',
        })
      ).body.errors[0],
    ).toMatchObject({ field: 'body.validTo' });
  });
});
