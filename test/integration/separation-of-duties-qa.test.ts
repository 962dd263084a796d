import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince } from '../../shared/application/bootstrap';

/**
 * Issue 20 §1 for Q&A, through HTTP on the local stack (Bình Định): whoever drafted an answer
 * never approves it, even after the board returned it and a colleague answered again (the item
 * keeps every answerer, not only the last). An account holding both the chief's and an officer's
 * roles of the province answers a question routed to the province itself.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T08:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);

const step = async (id: string, who: Person, body: Record<string, unknown>) =>
  call(`/questions/${id}/transitions`, who, { method: 'POST', body });
const ok = async (id: string, who: Person, body: Record<string, unknown>) => {
  const res = await step(id, who, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const answer = (text: string) => ({
  text,
  citations: [
    {
      numberSymbol: '12/2026/QĐ-UBND',
      summary: 'Ban hành quy chế đo đạc thửa đất',
      issuedOn: '2026-02-13',
      issuer: 'Ủy ban nhân dân tỉnh Bình Định',
    },
  ],
});

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  [people.secretary, people.chief, people.chiefOfficer, people.officer] = await Promise.all([
    person(local.api, 'thuky.sodqa', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.sodqa', 'binhdinh', ['chief-editor']),
    person(local.api, 'truongban.canbo.sodqa', 'binhdinh', ['chief-editor', 'unit-officer']),
    person(local.api, 'canbo.sodqa', 'binhdinh', ['unit-officer']),
  ]);
  await travel('2026-03-02T09:00:00');
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('the first answerer after a return and a colleague’s re-answer', () => {
  it('may not approve the answer; someone who never answered it may', async () => {
    const asked = await httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        asker: {
          kind: 'individual',
          fullName: 'Trần Thị Mai',
          nationality: 'Việt Nam',
          address: '7 Nguyễn Huệ, phường Quy Nhơn',
          phone: '0905 111 222',
          email: 'mai.tran@example.vn',
        },
        field: 'land-environment',
        title: 'Hỏi về thủ tục đo đạc lại thửa đất',
        text: 'Xin hỏi thủ tục đo đạc lại ranh giới thửa đất gồm những bước nào, nộp hồ sơ ở đâu?',
        consent: { processing: true, publication: true },
      }),
      from: '127.0.3.1',
    });
    expect(asked.status, asked.text).toBe(201);
    const id = (asked.json as { trackingCode: string }).trackingCode;
    await ok(id, people.secretary!, { action: 'classify', complexity: 'simple' });
    await ok(id, people.secretary!, { action: 'route', unit: 'binhdinh' });
    await ok(id, people.chiefOfficer!, {
      action: 'answer',
      answer: answer('Ông bà nộp đơn đề nghị đo đạc tại Bộ phận một cửa của Ủy ban nhân dân phường.'),
    });
    await ok(id, people.chief!, { action: 'return-answer', comment: 'Dẫn thêm căn cứ' });
    await ok(id, people.officer!, {
      action: 'answer',
      answer: answer('Ông bà nộp đơn đề nghị đo đạc tại Bộ phận một cửa theo Quyết định 12/2026/QĐ-UBND.'),
    });
    const res = await step(id, people.chiefOfficer!, { action: 'approve-answer' });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.errors[0]).toMatchObject({ field: 'actor', code: 'separation_of_duties' });
    expect(res.body.i18n.en.detail).toBe(
      'Separation of duties: you drafted its answer, so someone else must approve the answer',
    );
    await ok(id, people.chief!, { action: 'approve-answer' });
  });
});
